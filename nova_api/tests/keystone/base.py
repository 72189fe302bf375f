"""One Keystone and one nova-api behind it for each test process.

Starting them takes tens of seconds, so every test class of a process
shares the first one started; tests keep to names of their own.
"""

import atexit
import time
import uuid

import novaclient
from novaclient import api_versions
from testtools import content

from nova_api.api import microversion
from nova_api.tests.fixtures import keystone as keystone_fixture

CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
CIRROS_NAME = 'cirros-0.6.2-x86_64-disk'
WAIT_SECONDS = 20
MAX_MICROVERSION = str(microversion.MAX_VERSION)
# What python-novaclient negotiates: the lower of its maximum and ours.
NOVACLIENT_VERSION = min(api_versions.APIVersion(MAX_MICROVERSION),
                         novaclient.API_MAX_VERSION).get_string()
LOG_TAIL_CHARS = 20000

_deployment = None


def shared_deployment():
    """The process's KeystoneDeployment, started on first use."""
    global _deployment
    if _deployment is None:
        deployment = keystone_fixture.KeystoneDeployment()
        deployment.setUp()
        atexit.register(deployment.cleanUp)
        _deployment = deployment
    return _deployment


class KeystoneDeploymentTest:
    """Mixin giving a test class `deployment` (KeystoneDeployment)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deployment = shared_deployment()

    def setUp(self):
        super().setUp()
        self.addOnException(self._attach_server_logs)

    def _attach_server_logs(self, exc_info):
        # The logs live in temporary directories gone by the end of the run.
        for name, process in (('nova-api.log', self.deployment.nova_api),
                              ('keystone.log',
                               self.deployment.keystone.process)):
            self.addDetail(name, content.text_content(
                process.log()[-LOG_TAIL_CHARS:]))


def unique(prefix):
    return '%s-%s' % (prefix, uuid.uuid4().hex[:8])


def wait_for(get_status, wanted, seconds=WAIT_SECONDS):
    """Poll `get_status()` until it returns `wanted`; its last value."""
    deadline = time.monotonic() + seconds
    while True:
        status = get_status()
        if status == wanted or time.monotonic() > deadline:
            return status
        time.sleep(0.1)
