"""The shelve, shelveOffload and unshelve server actions (api-ref "Shelve
Server (shelve Action)", "Shelf-Offload (Remove) Server (shelveOffload
Action)", "Unshelve (Restore) Shelved Server (unshelve Action)"), the
[DEFAULT] shelved_offload_time timer, the host an offloaded server frees
and the one its unshelve finds.

Tasks run for their [simulated] *_seconds (0: at once, NEVER: through the
test); the offload timer is watched with oslo.utils' time override, never
waited for.
"""

from oslo_utils import timeutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING
RULE = 'os_compute_api:os-shelve:%s'
invalid_state = test_server_actions.invalid_state


def policy_refused(rule):
    return "Policy doesn't allow %s to be performed." % rule


class ShelveTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(build=0, stop=0, start=0, shelve=0,
                       shelve_offload=0, unshelve=0)
        self.conf.config(shelved_offload_time=-1)

    def state(self, server_id):
        server = self.show(server_id, 'admin')
        return (server['status'], server['OS-EXT-STS:vm_state'],
                server['OS-EXT-STS:task_state'],
                server['OS-EXT-STS:power_state'],
                server['OS-EXT-SRV-ATTR:host'])

    def act(self, server_id, body, persona='member', version=None):
        resp = self.action(server_id, body, persona, version)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        return resp

    def shelved(self, offload_time=-1, **fields):
        self.conf.config(shelved_offload_time=offload_time)
        server_id = self.create(**fields)
        self.act(server_id, {'shelve': None})
        return server_id

    def offloaded(self, **fields):
        return self.shelved(offload_time=0, **fields)

    def listed(self, query):
        """The ids of every project's servers a list `query` finds."""
        resp = self.api('GET', '/servers?all_tenants=1&' + query)
        self.assertEqual(200, resp.status, resp)
        return sorted(server['id'] for server in resp.json()['servers'])

    # shelve

    def test_shelve_an_active_server(self):
        server_id = self.shelved()
        self.assertEqual(('SHELVED', 'shelved', None, 4, 'compute1'),
                         self.state(server_id))

    def test_shelving_shows_its_task(self):
        self.durations(shelve=NEVER)
        server_id = self.shelved()
        self.assertEqual(('ACTIVE', 'active', 'shelving', 1, 'compute1'),
                         self.state(server_id))
        resp = self.action(server_id, {'shelve': None})
        self.assertFault(resp, 409, invalid_state(
            'shelve', server_id, 'task_state', 'shelving'))

    def test_shelve_a_stopped_server(self):
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.act(server_id, {'shelve': None})
        self.assertEqual('SHELVED', self.state(server_id)[0])

    def test_shelve_a_shelved_server(self):
        server_id = self.shelved()
        resp = self.action(server_id, {'shelve': None})
        self.assertFault(resp, 409, invalid_state(
            'shelve', server_id, 'vm_state', 'shelved'))

    def test_shelve_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        resp = self.action(server_id, {'shelve': None})
        self.assertFault(resp, 409, invalid_state(
            'shelve', server_id, 'vm_state', 'building'))

    def test_shelve_takes_any_value(self):
        server_id = self.create()
        self.act(server_id, {'shelve': {'anything': 1}})

    def test_a_locked_server_is_not_shelved(self):
        server_id = self.create()
        self.act(server_id, {'lock': None})
        for body in ({'shelve': None}, {'unshelve': None}):
            self.assertFault(self.action(server_id, body), 409,
                             'Instance %s is locked' % server_id)

    # The offload timer.

    def test_offload_at_once(self):
        server_id = self.offloaded()
        self.assertEqual(('SHELVED_OFFLOADED', 'shelved_offloaded', None, 4,
                          None), self.state(server_id))

    def test_offloading_shows_its_task(self):
        self.durations(shelve_offload=NEVER)
        server_id = self.offloaded()
        self.assertEqual(('SHELVED', 'shelved', 'shelving_offloading', 4,
                          'compute1'), self.state(server_id))

    def test_offload_after_the_offload_time(self):
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.shelved(offload_time=600)
        timeutils.advance_time_seconds(599)
        self.assertEqual('SHELVED', self.state(server_id)[0])
        self.assertEqual([server_id], self.listed('status=SHELVED'))
        timeutils.advance_time_seconds(1)
        self.assertEqual(('SHELVED_OFFLOADED', 'shelved_offloaded', None, 4,
                          None), self.state(server_id))
        self.assertEqual([], self.listed('status=SHELVED'))
        self.assertEqual([server_id],
                         self.listed('status=SHELVED_OFFLOADED'))

    def test_never_offloaded_with_a_negative_offload_time(self):
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.shelved(offload_time=-1)
        timeutils.advance_time_seconds(10 ** 7)
        self.assertEqual('SHELVED', self.state(server_id)[0])

    # shelveOffload

    def test_shelve_offload(self):
        server_id = self.shelved()
        self.act(server_id, {'shelveOffload': None}, persona='admin')
        self.assertEqual(('SHELVED_OFFLOADED', 'shelved_offloaded', None, 4,
                          None), self.state(server_id))

    def test_shelve_offload_is_for_administrators(self):
        server_id = self.shelved()
        resp = self.action(server_id, {'shelveOffload': None})
        self.assertFault(resp, 403,
                         policy_refused(RULE % 'shelve_offload'))

    def test_shelve_offload_of_a_server_not_shelved(self):
        server_id = self.create()
        resp = self.action(server_id, {'shelveOffload': None}, 'admin')
        self.assertFault(resp, 409, invalid_state(
            'shelveOffload', server_id, 'vm_state', 'active'))
        offloaded_id = self.offloaded()
        resp = self.action(offloaded_id, {'shelveOffload': None}, 'admin')
        self.assertFault(resp, 409, invalid_state(
            'shelveOffload', offloaded_id, 'vm_state', 'shelved_offloaded'))

    # Host usage.

    def test_an_offloaded_server_frees_its_host(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        first = self.offloaded()
        second = self.create(name='s2')
        self.assertEqual('ACTIVE', self.state(second)[0])
        self.assertEqual('small', self.state(second)[4])
        self.assertEqual([first], self.listed('status=SHELVED_OFFLOADED'))
        self.assertEqual([], self.listed(
            'host=small&status=SHELVED_OFFLOADED'))
        self.assertEqual([second], self.listed('host=small'))
        # No room left: the unshelve is accepted and the server stays
        # offloaded, as Nova's conductor leaves it.
        self.act(first, {'unshelve': None})
        self.assertEqual(('SHELVED_OFFLOADED', 'shelved_offloaded', None, 4,
                          None), self.state(first))
        self.assertEqual(204, self.api('DELETE', '/servers/' + second).status)
        self.act(first, {'unshelve': None})
        self.assertEqual(('ACTIVE', 'active', None, 1, 'small'),
                         self.state(first))

    def test_a_shelved_server_keeps_its_host(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        self.shelved()
        resp = self.post_server(name='s2')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual('ERROR', self.state(resp.json()['server']['id'])[0])

    # unshelve

    def test_unshelve_a_shelved_server(self):
        server_id = self.shelved()
        self.act(server_id, {'unshelve': None})
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1'),
                         self.state(server_id))

    def test_unshelve_an_offloaded_server_schedules_it(self):
        self.durations(unshelve=NEVER)
        server_id = self.offloaded()
        self.act(server_id, {'unshelve': None})
        self.assertEqual(('SHELVED_OFFLOADED', 'shelved_offloaded',
                          'unshelving', 4, 'compute1'),
                         self.state(server_id))

    def shelved_images(self, server_id):
        """The images the shelve of `server_id` uploaded (Glance's API)."""
        name = self.show(server_id)['name'] + '-shelved'
        resp = self.api('GET', '/image/v2/images?name=' + name,
                        persona='member', raw_url=True)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['images']

    def test_a_shelve_uploads_a_snapshot_the_unshelve_deletes(self):
        for shelve in (self.shelved, self.offloaded):
            server_id = shelve()
            [image] = self.shelved_images(server_id)
            self.assertEqual(('active', 'snapshot', server_id), (
                image['status'], image['image_type'],
                image['instance_uuid']))
            self.act(server_id, {'unshelve': None})
            self.assertEqual([], self.shelved_images(server_id))

    def test_the_snapshot_is_saving_while_the_shelve_runs(self):
        self.durations(shelve=NEVER)
        server_id = self.shelved()
        [image] = self.shelved_images(server_id)
        self.assertEqual('saving', image['status'])

    def test_unshelve_a_server_not_shelved(self):
        server_id = self.create()
        resp = self.action(server_id, {'unshelve': None})
        self.assertFault(resp, 409, invalid_state(
            'unshelve', server_id, 'vm_state', 'active'))

    def test_unshelve_while_offloading(self):
        self.durations(shelve_offload=NEVER)
        server_id = self.offloaded()
        resp = self.action(server_id, {'unshelve': None})
        self.assertFault(resp, 409, invalid_state(
            'unshelve', server_id, 'task_state', 'shelving_offloading'))

    def test_unknown_server(self):
        for body in ({'shelve': None}, {'shelveOffload': None},
                     {'unshelve': None}):
            resp = self.action(MISSING, body, 'admin')
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create()
        for body in ({'shelve': None}, {'unshelve': None}):
            resp = self.action(server_id, body, persona='other')
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % server_id)

    def test_an_administrator_shelves_another_projects_server(self):
        server_id = self.create()
        self.act(server_id, {'shelve': None}, persona='admin')
        self.act(server_id, {'unshelve': None}, persona='admin')

    def test_rules_refuse(self):
        server_id = self.create()
        self.use_policy_file({RULE % 'shelve': 'role:admin',
                              RULE % 'unshelve': 'role:admin'})
        self.assertFault(self.action(server_id, {'shelve': None}), 403,
                         policy_refused(RULE % 'shelve'))
        self.assertFault(self.action(server_id, {'unshelve': None}), 403,
                         policy_refused(RULE % 'unshelve'))

    def test_unshelve_ignores_its_body_before_2_77(self):
        server_id = self.offloaded()
        self.act(server_id, {'unshelve': {'availability_zone': 'nowhere'}},
                 version=self.version('2.76'))
        self.assertEqual('ACTIVE', self.state(server_id)[0])

    def version(self, version):
        return version if self.is_v21 else None


class ShelveTestV21(base.V21, ShelveTestV2):

    def test_unshelve_takes_any_value_before_2_77(self):
        server_id = self.shelved()
        self.act(server_id, {'unshelve': {'host': 'compute2'}},
                 version='2.76')
        self.assertEqual(('ACTIVE', 'compute1'),
                         self.state(server_id)[::4])


class UnshelveZoneTestV277(base.V21, test_servers.ServerHelpers,
                           base.APITestCase):
    """unshelve "availability_zone" (2.77)."""

    VERSION = '2.77'

    def setUp(self):
        super().setUp()
        self.durations(build=0, shelve=0, shelve_offload=0, unshelve=0)
        self.conf.config(hosts=['compute1:nova:8:16384:160',
                                'compute2:az2:8:16384:160'],
                         group='simulated')
        self.conf.config(shelved_offload_time=0)

    def unshelve(self, server_id, body, persona='member'):
        return self.action(server_id, {'unshelve': body}, persona,
                           self.VERSION)

    def where(self, server_id):
        server = self.show(server_id, 'admin', version=self.VERSION)
        return (server['status'], server['OS-EXT-AZ:availability_zone'],
                server['OS-EXT-SRV-ATTR:host'])

    def offloaded(self, **fields):
        server_id = self.create(**fields)
        resp = self.action(server_id, {'shelve': None})
        self.assertEqual(202, resp.status, resp)
        return server_id

    def test_unshelve_into_a_zone(self):
        server_id = self.offloaded(availability_zone='nova')
        resp = self.unshelve(server_id, {'availability_zone': 'az2'})
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(('ACTIVE', 'az2', 'compute2'), self.where(server_id))

    def test_unshelve_with_null(self):
        server_id = self.offloaded()
        self.assertEqual(202, self.unshelve(server_id, None).status)
        self.assertEqual('ACTIVE', self.where(server_id)[0])

    def test_an_unknown_zone(self):
        server_id = self.offloaded()
        resp = self.unshelve(server_id, {'availability_zone': 'nowhere'})
        self.assertFault(resp, 400,
                         'The requested availability zone is not available')
        self.assertEqual('SHELVED_OFFLOADED', self.where(server_id)[0])

    def test_a_zone_for_a_server_not_offloaded(self):
        self.conf.config(shelved_offload_time=-1)
        server_id = self.offloaded()
        resp = self.unshelve(server_id, {'availability_zone': 'az2'})
        self.assertFault(resp, 409, 'Specifying an availability zone or a '
                         'host when unshelving server "%s" with status '
                         '"shelved" is not supported. The server status '
                         'must be SHELVED_OFFLOADED.' % server_id)

    def test_a_zone_for_an_active_server(self):
        server_id = self.create()
        resp = self.unshelve(server_id, {'availability_zone': 'az2'})
        self.assertFault(resp, 409, invalid_state(
            'unshelve', server_id, 'vm_state', 'active'))

    def test_bad_bodies(self):
        server_id = self.offloaded()
        for body, message in (
                ({}, "Invalid input for field/attribute unshelve. Value: "
                 "{}. 'availability_zone' is a required property"),
                ({'availability_zone': 'nova', 'host': 'compute1'},
                 "Invalid input for field/attribute unshelve. Value: "
                 "{'availability_zone': 'nova', 'host': 'compute1'}. "
                 "Additional properties are not allowed ('host' was "
                 "unexpected)"),
                ({'availability_zone': None},
                 "Invalid input for field/attribute availability_zone. "
                 "Value: None. None is not of type 'string'")):
            self.assertFault(self.unshelve(server_id, body), 400, message)


class UnshelveHostTestV291(UnshelveZoneTestV277):
    """unshelve "host" (administrators) and a null zone (2.91)."""

    VERSION = '2.91'

    def test_unshelve_to_a_host(self):
        server_id = self.offloaded()
        resp = self.unshelve(server_id, {'host': 'compute2'}, 'admin')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(('ACTIVE', 'az2', 'compute2'), self.where(server_id))

    def test_unshelve_to_a_host_is_for_administrators(self):
        server_id = self.offloaded()
        resp = self.unshelve(server_id, {'host': 'compute2'})
        self.assertFault(resp, 403, policy_refused(RULE % 'unshelve_to_host'))

    def test_an_unknown_host(self):
        server_id = self.offloaded()
        resp = self.unshelve(server_id, {'host': 'nohost'}, 'admin')
        self.assertFault(resp, 400, 'Compute host nohost could not be found.')

    def test_a_host_outside_the_pinned_zone(self):
        server_id = self.offloaded(availability_zone='nova')
        resp = self.unshelve(server_id, {'host': 'compute2'}, 'admin')
        self.assertFault(resp, 409, 'Host "compute2" is not in the '
                         'availability zone "nova".')

    def test_a_null_zone_unpins_the_server(self):
        server_id = self.offloaded(availability_zone='nova')
        resp = self.unshelve(server_id, {'availability_zone': None,
                                         'host': 'compute2'}, 'admin')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(('ACTIVE', 'az2', 'compute2'), self.where(server_id))

    def test_a_host_for_a_server_not_offloaded(self):
        self.conf.config(shelved_offload_time=-1)
        server_id = self.offloaded()
        resp = self.unshelve(server_id, {'host': 'compute2'}, 'admin')
        self.assertFault(resp, 409, 'Specifying an availability zone or a '
                         'host when unshelving server "%s" with status '
                         '"shelved" is not supported. The server status '
                         'must be SHELVED_OFFLOADED.' % server_id)

    def test_bad_bodies(self):
        server_id = self.offloaded()
        for body, message in (
                ({'host': 1}, "Invalid input for field/attribute host. "
                 "Value: 1. 1 is not of type 'string'"),
                ({'zone': 'nova'}, "Invalid input for field/attribute "
                 "unshelve. Value: {'zone': 'nova'}. Additional properties "
                 "are not allowed ('zone' was unexpected)")):
            self.assertFault(self.unshelve(server_id, body, 'admin'), 400,
                             message)

