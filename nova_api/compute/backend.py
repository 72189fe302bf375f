"""The compute driver of this process, which the compute layer alone uses.

Controllers never see the driver: they call compute functions, and those
reach it here. ``load_driver()`` runs when the application is built, so a
bad ``[compute] driver`` or driver configuration stops the service at
start; ``get_driver()`` loads it on first use where nothing built an
application (a manage command, a unit test). Tests put a driver of their
own in place with ``use_driver()`` (the ``ComputeDriver`` fixture).
"""

import collections.abc

from nova_api.compute import server_states
from nova_api import conf
from nova_api import virt
from nova_api.virt import driver as driver_module

_driver = None


def load_driver():
    """Load the configured driver (anew) and make it the process's."""
    global _driver
    _driver = virt.load_driver()
    return _driver


def get_driver():
    """The process's driver, loaded on first use. Two threads loading it
    at once each get a working driver; the last one stays."""
    return _driver if _driver is not None else load_driver()


def use_driver(driver):
    """Make `driver` the process's driver; returns a callable that puts
    the previous one back."""
    global _driver
    previous = _driver
    _driver = driver

    def restore():
        global _driver
        _driver = previous
    return restore


def task_durations():
    """{driver task: seconds} of the process's driver, and [DEFAULT]
    shelved_offload_time under server_states.OFFLOAD_AFTER, [DEFAULT]
    reclaim_instance_interval under server_states.RECLAIM_AFTER and
    [DEFAULT] resize_confirm_window under server_states.CONFIRM_AFTER: how
    long a shelved server waits to be offloaded, a soft-deleted one to be
    reclaimed or a resized one to be confirmed is the compute service's
    setting, not the driver's."""
    return TaskDurations(get_driver())


class TaskDurations(collections.abc.Mapping):
    """task_durations' mapping, each duration read from the config when
    first asked for: a list reads those of its servers' tasks alone, and
    an option read costs more than the rest of a server's state."""

    _SERVICE_OPTIONS = {server_states.OFFLOAD_AFTER: 'shelved_offload_time',
                        server_states.RECLAIM_AFTER:
                        'reclaim_instance_interval',
                        server_states.CONFIRM_AFTER: 'resize_confirm_window'}
    _KEYS = driver_module.TASKS + tuple(_SERVICE_OPTIONS)

    def __init__(self, driver):
        self._driver = driver
        self._read = {}

    def __getitem__(self, task):
        try:
            return self._read[task]
        except KeyError:
            pass
        if task in self._SERVICE_OPTIONS:
            seconds = getattr(conf.CONF, self._SERVICE_OPTIONS[task])
        elif task in driver_module.TASKS:
            seconds = self._driver.task_seconds(task)
        else:
            raise KeyError(task)
        self._read[task] = seconds
        return seconds

    def __iter__(self):
        return iter(self._KEYS)

    def __len__(self):
        return len(self._KEYS)
