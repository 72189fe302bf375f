"""Usage reports and the usage audit log through python-novaclient's and
openstacksdk's APIs, on the same nova-api process as test_real_clients
(uWSGI, noauth2, the token ``admin:admin``, responses checked against
their schemas)."""

import datetime
import time

from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from novaclient import client as nova_client
import testtools

from nova_api.tests.functional import test_real_clients as real_clients
from nova_api.tests.functional import test_real_clients_server_actions as \
    server_actions

PROJECT_ID = real_clients.PROJECT_ID
_unique = real_clients._unique


def _period():
    """From a day ago to a day ahead (the report stops now)."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    return now - datetime.timedelta(days=1), now + datetime.timedelta(days=1)


class NovaClientUsageTest(real_clients.NovaAPIServer, testtools.TestCase):
    """novaclient's UsageManager and InstanceUsageAuditLogManager."""

    def setUp(self):
        super().setUp()
        auth = token_endpoint.Token(self.endpoint, real_clients.TOKEN)
        self.nova = nova_client.Client(
            server_actions.NOVACLIENT_VERSION,
            session=ks_session.Session(auth=auth))

    def _active_server(self):
        created = self.nova.servers.create(_unique('novaclient'),
                                           image=real_clients.CIRROS,
                                           flavor='1', nics='none')
        self.addCleanup(self.nova.servers.delete, created.id)
        deadline = time.monotonic() + real_clients.WAIT_SECONDS
        while self.nova.servers.get(created.id).status != 'ACTIVE':
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.1)
        return created

    def test_usage_list_and_get(self):
        server = self._active_server()
        start, end = _period()
        listed = self.nova.usage.list(start, end, detailed=True)
        usage = {item.tenant_id: item for item in listed}[PROJECT_ID]
        by_id = {item['instance_id']: item for item in usage.server_usages}
        self.assertEqual(('m1.tiny', 'active', 1, 512, 1), (
            by_id[server.id]['flavor'], by_id[server.id]['state'],
            by_id[server.id]['vcpus'], by_id[server.id]['memory_mb'],
            by_id[server.id]['local_gb']))
        self.assertGreater(usage.total_hours, 0)
        shown = self.nova.usage.get(PROJECT_ID, start, end)
        self.assertEqual(PROJECT_ID, shown.tenant_id)
        self.assertIn(server.id, [item['instance_id']
                                  for item in shown.server_usages])

    def test_usage_list_pages_at_2_40(self):
        self._active_server()
        self._active_server()
        start, end = _period()
        # Pages of one server each, as `nova usage-list` walks them.
        first = self.nova.usage.list(start, end, detailed=True, limit=1)
        [first_id] = [item['instance_id'] for usage in first
                      for item in usage.server_usages]
        second = self.nova.usage.list(start, end, detailed=True, limit=1,
                                      marker=first_id)
        [second_id] = [item['instance_id'] for usage in second
                       for item in usage.server_usages]
        self.assertNotEqual(first_id, second_id)

    def test_instance_usage_audit_log(self):
        log = self.nova.instance_usage_audit_log.get()
        self.assertEqual(log.num_hosts, log.num_hosts_not_run)
        self.assertEqual({}, log.log)
        log = self.nova.instance_usage_audit_log.get(
            before='2012-07-01 00:00:00')
        # The last month completed before that midnight: May.
        self.assertEqual(('2012-05-01 00:00:00', '2012-06-01 00:00:00'),
                         (log.period_beginning, log.period_ending))


class OpenStackSDKUsageTest(real_clients.NovaAPIServer, testtools.TestCase):
    """openstacksdk's compute proxy: usages and get_usage."""

    def setUp(self):
        super().setUp()
        self.conn = self.sdk_connection()

    def test_usages_and_get_usage(self):
        server = self.conn.compute.create_server(
            name=_unique('sdk'), image_id=real_clients.CIRROS,
            flavor_id='1', networks='none')
        self.addCleanup(self.conn.compute.delete_server, server)
        self.conn.compute.wait_for_server(
            server, wait=real_clients.WAIT_SECONDS)
        start, end = _period()
        usages = {usage.project_id: usage
                  for usage in self.conn.compute.usages(start, end)}
        self.assertGreater(usages[PROJECT_ID].total_hours, 0)
        shown = self.conn.compute.get_usage(PROJECT_ID, start, end)
        self.assertEqual(PROJECT_ID, shown.project_id)
        self.assertIn(server.id, [item.instance_id
                                  for item in shown.server_usages])
