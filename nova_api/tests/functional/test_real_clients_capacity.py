"""The scheduler's capacity edge through python-novaclient: servers fill
a host by Nova's placement rule ((total - reserved) * allocation ratio)
and the next goes ERROR with no valid host; the hypervisor shows what is
reserved for the host as used.

A nova-api process of its own (uWSGI, noauth2, the token ``admin:admin``,
responses checked against their schemas), with one small compute host, so
what the servers take is known.
"""

from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from novaclient import client as nova_client
import testtools

from nova_api.tests.functional import test_real_clients as real_clients
from nova_api.tests.functional import (
    test_real_clients_server_actions as server_actions)

# 1 vcpu (4 at Nova's default ratio of 4.0) and 5120 MB, of which 1024
# are kept for the host: room for two m1.small (2048 MB) by memory.
CAPACITY_CONFIG = real_clients.EXTRA_CONFIG + '''
[DEFAULT]
reserved_host_memory_mb = 1024
[simulated]
hosts = h1:nova:1:5120:100
'''
# The last version with the hypervisors' resources and statistics.
HYPERVISOR_RESOURCES_VERSION = '2.87'
NO_VALID_HOST = ('No valid host was found. There are not enough hosts '
                 'available.')


class NovaClientCapacityTest(real_clients.NovaAPIServer, testtools.TestCase):
    """novaclient's ServerManager.create at the edge of a host, and
    HypervisorManager.get and statistics."""

    extra_config = CAPACITY_CONFIG

    def setUp(self):
        super().setUp()
        auth = token_endpoint.Token(self.endpoint, real_clients.TOKEN)
        self.nova = nova_client.Client(
            HYPERVISOR_RESOURCES_VERSION,
            session=ks_session.Session(auth=auth))

    _delete_quietly = (
        server_actions.NovaClientServerActionsTest._delete_quietly)
    _wait_for_status = (
        server_actions.NovaClientServerActionsTest._wait_for_status)

    def _create(self):
        created = self.nova.servers.create(
            real_clients._unique('capacity'), image=real_clients.CIRROS,
            flavor='2', nics='none')
        self.addCleanup(self._delete_quietly, created.id)
        return created

    def test_a_host_fills_to_its_capacity(self):
        [hypervisor] = self.nova.hypervisors.list()
        empty = self.nova.hypervisors.get(hypervisor.id)
        self.assertEqual((1, 5120, 0, 1024, 4096), (
            empty.vcpus, empty.memory_mb, empty.vcpus_used,
            empty.memory_mb_used, empty.free_ram_mb))

        for _ in range(2):
            active = self._wait_for_status(self._create().id, 'ACTIVE')
            self.assertEqual('h1', getattr(active, 'OS-EXT-SRV-ATTR:host'))
        refused = self._wait_for_status(self._create().id, 'ERROR')
        self.assertEqual((500, NO_VALID_HOST), (
            refused.fault['code'], refused.fault['message']))

        full = self.nova.hypervisors.get(hypervisor.id)
        # Two vcpus of one physical: the ratio overcommits them.
        self.assertEqual((1, 2, 5120, 0, 40, 60, 2), (
            full.vcpus, full.vcpus_used, full.memory_mb_used,
            full.free_ram_mb, full.local_gb_used, full.free_disk_gb,
            full.running_vms))
        statistics = self.nova.hypervisors.statistics()
        self.assertEqual((1, 2, 5120, 0, 2), (
            statistics.count, statistics.vcpus_used,
            statistics.memory_mb_used, statistics.free_ram_mb,
            statistics.running_vms))
