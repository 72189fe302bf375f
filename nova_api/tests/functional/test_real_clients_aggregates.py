"""Host aggregates through python-novaclient's and openstacksdk's APIs.

The same nova-api process as test_real_clients (uWSGI, noauth2, the token
``admin:admin``, responses checked against their schemas); each test
makes its own aggregate, puts compute2 in its zone, and takes it apart
again, as an operator's script would.
"""

from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from novaclient import client as nova_client
import openstack
import testtools

from nova_api.tests.functional import test_real_clients as real_clients
from nova_api.tests.functional import test_real_clients_server_actions \
    as server_actions

CIRROS = real_clients.CIRROS
_unique = real_clients._unique


class NovaClientAggregatesTest(real_clients.NovaAPIServer,
                               testtools.TestCase):
    """novaclient's AggregateManager, at 2.81."""

    def setUp(self):
        super().setUp()
        auth = token_endpoint.Token(self.endpoint, real_clients.TOKEN)
        self.nova = nova_client.Client(
            server_actions.NOVACLIENT_VERSION,
            session=ks_session.Session(auth=auth))

    def test_aggregate_lifecycle(self):
        name, zone = _unique('novaclient-agg'), _unique('novaclient-zone')
        aggregate = self.nova.aggregates.create(name, zone)
        self.addCleanup(self.nova.aggregates.delete, aggregate)
        self.assertEqual(zone, aggregate.availability_zone)
        aggregate = self.nova.aggregates.add_host(aggregate, 'compute2')
        self.addCleanup(self.nova.aggregates.remove_host, aggregate,
                        'compute2')
        self.assertEqual(['compute2'], aggregate.hosts)
        aggregate = self.nova.aggregates.set_metadata(
            aggregate, {'ssd': 'true'})
        self.assertEqual({'availability_zone': zone, 'ssd': 'true'},
                         aggregate.metadata)
        aggregate = self.nova.aggregates.update(aggregate,
                                                {'name': name + '-new'})
        self.assertEqual(name + '-new',
                         self.nova.aggregates.get(aggregate.id).name)
        self.assertIn(aggregate.id,
                      [found.id for found in self.nova.aggregates.list()])
        zones = [found.zoneName
                 for found in self.nova.availability_zones.list(
                     detailed=False)]
        self.assertIn(zone, zones)
        self.nova.aggregates.cache_images(aggregate, [CIRROS])


class OpenStackSDKAggregatesTest(real_clients.NovaAPIServer,
                                 testtools.TestCase):
    """openstacksdk's compute proxy, at the version it negotiates."""

    def setUp(self):
        super().setUp()
        conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_type='admin_token',
            auth={'endpoint': self.endpoint, 'token': real_clients.TOKEN},
            compute_endpoint_override=self.endpoint,
            image_endpoint_override=self.server.base_url + '/image')
        self.addCleanup(conn.close)
        self.compute = conn.compute

    def test_aggregate_lifecycle(self):
        name, zone = _unique('sdk-agg'), _unique('sdk-zone')
        aggregate = self.compute.create_aggregate(name=name,
                                                  availability_zone=zone)
        self.addCleanup(self.compute.delete_aggregate, aggregate)
        self.assertTrue(aggregate.uuid)
        aggregate = self.compute.add_host_to_aggregate(aggregate,
                                                       'compute2')
        self.addCleanup(self.compute.remove_host_from_aggregate, aggregate,
                        'compute2')
        self.assertEqual(['compute2'], aggregate.hosts)
        aggregate = self.compute.set_aggregate_metadata(
            aggregate, {'ssd': 'true', 'gone': None})
        self.assertEqual({'availability_zone': zone, 'ssd': 'true'},
                         aggregate.metadata)
        self.compute.update_aggregate(aggregate, name=name + '-new')
        self.assertEqual(name + '-new',
                         self.compute.get_aggregate(aggregate.id).name)
        self.assertIn(aggregate.id,
                      [found.id for found in self.compute.aggregates()])
        zones = [found.name for found in self.compute.availability_zones()]
        self.assertIn(zone, zones)
        self.compute.aggregate_precache_images(aggregate, [CIRROS])
