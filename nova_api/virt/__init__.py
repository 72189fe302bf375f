"""Compute drivers: the backend the compute layer manages servers with.

The driver is the entry point named by ``[compute] driver`` in the
``nova_api.virt.drivers`` namespace (``simulated`` by default); another
backend is a package that declares one. ``load_driver()`` is the one
place a driver is loaded.
"""

from oslo_config import cfg
import stevedore
from stevedore import exception as stevedore_exception

from nova_api import conf  # noqa: F401 (registers the [compute] options)

CONF = cfg.CONF

DRIVER_NAMESPACE = 'nova_api.virt.drivers'


class DriverNotFound(Exception):
    """[compute] driver names no installed driver, or it fails to
    load."""


def load_driver():
    """A new instance of the configured compute driver.

    Raises DriverNotFound if no such driver is installed; a driver's own
    configuration errors come from its constructor.
    """
    name = CONF.compute.driver
    try:
        manager = stevedore.DriverManager(
            DRIVER_NAMESPACE, name, invoke_on_load=False,
            on_load_failure_callback=_load_failed)
    except stevedore_exception.NoMatches:
        installed = stevedore.ExtensionManager(DRIVER_NAMESPACE).names()
        raise DriverNotFound(
            '[compute] driver: no compute driver %r is installed (entry '
            'points in %s: %s)' % (name, DRIVER_NAMESPACE,
                                   ', '.join(sorted(installed)) or 'none'))
    return manager.driver()


def _load_failed(manager, entrypoint, exc):
    raise DriverNotFound('[compute] driver: compute driver %s failed to '
                         'load: %s' % (entrypoint.name, exc)) from exc
