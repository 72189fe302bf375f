"""GET /os-availability-zone and /os-availability-zone/detail: the zones
of the compute driver's hosts (api_samples/os-availability-zone/), with
hosts and services for an administrator."""

from nova_api.tests.functional import base

# availability-zone-list-resp.json
LIST_SAMPLE = {
    'availabilityZoneInfo': [
        {'hosts': None, 'zoneName': 'nova', 'zoneState': {'available': True}},
    ],
}

_UP = {'active': True, 'available': True, 'updated_at': None}

# availability-zone-detail-resp.json
DETAIL_SAMPLE = {
    'availabilityZoneInfo': [
        {'hosts': {'conductor': {'nova-conductor': _UP},
                   'scheduler': {'nova-scheduler': _UP}},
         'zoneName': 'internal',
         'zoneState': {'available': True}},
        {'hosts': {'compute': {'nova-compute': _UP}},
         'zoneName': 'nova',
         'zoneState': {'available': True}},
    ],
}

DETAIL_FORBIDDEN = ("Policy doesn't allow os_compute_api:os-availability-"
                    "zone:detail to be performed.")

# The hosts and control services the samples were taken with.
SAMPLE_HOSTS = ['compute:nova:8:16384:160']
SAMPLE_SERVICES = ['nova-conductor:conductor', 'nova-scheduler:scheduler']


class AvailabilityZonesTestV2(base.APITestCase):

    version = None
    expected_version = '2.1'

    def get(self, path, persona='admin'):
        return self.api('GET', path, persona=persona, version=self.version)

    def configure(self, hosts, services=SAMPLE_SERVICES):
        self.skip_if_remote('depends on the configured compute hosts')
        self.conf.config(hosts=hosts, control_services=services,
                         group='simulated')

    def test_list_matches_the_sample(self):
        self.configure(SAMPLE_HOSTS)
        for persona in ('admin', 'member'):
            resp = self.get('/os-availability-zone', persona)
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, self.expected_version)
            self.assertEqual(LIST_SAMPLE, resp.json())

    def test_detail_matches_the_sample(self):
        self.configure(SAMPLE_HOSTS)
        resp = self.get('/os-availability-zone/detail')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, self.expected_version)
        self.assertEqual(DETAIL_SAMPLE, resp.json())

    def test_detail_refuses_a_member(self):
        resp = self.get('/os-availability-zone/detail', 'member')
        self.assertFault(resp, 403, DETAIL_FORBIDDEN)
        self.assertVersionHeaders(resp, self.expected_version)

    def test_list_never_shows_hosts_or_the_internal_zone(self):
        # Whatever the deployment's hosts.
        resp = self.get('/os-availability-zone', 'member')
        self.assertEqual(200, resp.status, resp)
        zones = resp.json()['availabilityZoneInfo']
        names = [zone['zoneName'] for zone in zones]
        self.assertEqual(sorted(names), names)
        self.assertNotIn('internal', names)
        for zone in zones:
            self.assertIsNone(zone['hosts'])
            self.assertEqual({'available': True}, zone['zoneState'])

    def test_zones_follow_the_configured_hosts(self):
        self.configure(['h3:zone-b:4:8192:80', 'h1:zone-a:8:16384:160',
                        'h2:zone-b:8:16384:160', 'h4::2:4096:40'],
                       services=['nova-scheduler:ctl2',
                                 'nova-conductor:ctl1',
                                 'nova-scheduler:ctl1'])
        self.conf.config(default_availability_zone='az-default')
        resp = self.get('/os-availability-zone')
        self.assertEqual(
            ['az-default', 'zone-a', 'zone-b'],
            [zone['zoneName'] for zone in resp.json()['availabilityZoneInfo']])
        resp = self.get('/os-availability-zone/detail')
        self.assertEqual(200, resp.status, resp)
        zones = resp.json()['availabilityZoneInfo']
        self.assertEqual(
            [('az-default', {'h4': {'nova-compute': _UP}}),
             ('internal', {'ctl1': {'nova-conductor': _UP,
                                    'nova-scheduler': _UP},
                           'ctl2': {'nova-scheduler': _UP}}),
             ('zone-a', {'h1': {'nova-compute': _UP}}),
             ('zone-b', {'h2': {'nova-compute': _UP},
                         'h3': {'nova-compute': _UP}})],
            [(zone['zoneName'], zone['hosts']) for zone in zones])
        # Hosts in name order, as the zones.
        self.assertEqual(['h2', 'h3'], list(zones[3]['hosts']))
        self.assertTrue(all(zone['zoneState'] == {'available': True}
                            for zone in zones))

    def test_internal_zone_name_follows_the_config(self):
        self.configure(SAMPLE_HOSTS, services=['nova-conductor:c'])
        self.conf.config(internal_service_availability_zone='control')
        resp = self.get('/os-availability-zone/detail')
        self.assertEqual(
            ['control', 'nova'],
            [zone['zoneName'] for zone in resp.json()['availabilityZoneInfo']])

    def test_no_hosts(self):
        self.configure([])
        resp = self.get('/os-availability-zone', 'member')
        self.assertEqual({'availabilityZoneInfo': []}, resp.json())
        resp = self.get('/os-availability-zone/detail')
        self.assertEqual(['internal'], [
            zone['zoneName'] for zone in resp.json()['availabilityZoneInfo']])
        self.configure([], services=[])
        resp = self.get('/os-availability-zone/detail')
        self.assertEqual({'availabilityZoneInfo': []}, resp.json())

    def test_unknown_query_parameters_are_ignored(self):
        self.configure(SAMPLE_HOSTS)
        resp = self.get('/os-availability-zone?foo=1&hosts=x', 'member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(LIST_SAMPLE, resp.json())
        resp = self.get('/os-availability-zone/detail?foo=1')
        self.assertEqual(DETAIL_SAMPLE, resp.json())

    def test_unknown_urls_and_methods_are_plain_404s(self):
        # As Nova: webob's 404, not a fault body.
        for method, path in (('GET', '/os-availability-zone/nova'),
                             ('POST', '/os-availability-zone'),
                             ('DELETE', '/os-availability-zone/detail')):
            resp = self.api(method, path, version=self.version)
            self.assertEqual(404, resp.status, (method, path, resp))


class AvailabilityZonesTestV21(base.V21, AvailabilityZonesTestV2):

    def test_unknown_query_parameters_are_refused_at_2_102(self):
        self.configure(SAMPLE_HOSTS)
        for path, expected in (('/os-availability-zone', LIST_SAMPLE),
                               ('/os-availability-zone/detail',
                                DETAIL_SAMPLE)):
            resp = self.api('GET', path + '?colour=blue', version='2.101')
            self.assertEqual(expected, resp.json())
            resp = self.api('GET', path + '?colour=blue', version='2.102')
            self.assertFault(resp, 400, "Additional properties are not "
                             "allowed ('colour' was unexpected)")
            self.assertVersionHeaders(resp, '2.102')
            resp = self.api('GET', path, version='2.102')
            self.assertEqual(expected, resp.json())


class AvailabilityZonesTestV21Latest(AvailabilityZonesTestV21):
    """Nothing changes up to the maximum microversion."""

    version = '2.10'
    expected_version = '2.10'
