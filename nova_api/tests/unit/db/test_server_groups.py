"""Server group queries, and what a server create and delete do with them
(nova_api.compute.server_groups), on every backend."""

from oslo_db import exception as db_exc
import sqlalchemy as sa

from nova_api.compute import quotas
from nova_api.compute import server_groups
from nova_api.db import api
from nova_api.db import models
from nova_api.db import server_groups as server_groups_db
from nova_api import exception
from nova_api.tests.unit.db import base

_members = models.ServerGroupMember.__table__

SERVER_1 = '11111111-2222-4333-8444-000000000001'
SERVER_2 = '11111111-2222-4333-8444-000000000002'
SERVER_3 = '11111111-2222-4333-8444-000000000003'
SERVER_4 = '11111111-2222-4333-8444-000000000004'
UNKNOWN = '99999999-2222-4333-8444-000000000000'


class ServerGroupTestCase(base.DatabaseTestCase):
    """Servers and member rows made and read behind the API's back."""

    @api.context_manager.writer
    def _insert_server(self, context, uuid, user_id, host):
        server = models.Server(
            uuid=uuid, project_id='project-a', user_id=user_id, name='s1',
            hostname='s1', image_ref='image', flavor_ref='1', vcpus=1,
            memory_mb=512, root_gb=1, ephemeral_gb=0, swap=0, host=host,
            vm_state='active', reservation_id='r-1', security_groups=[])
        context.session.add(server)
        context.session.flush()
        return server.id

    def create_server(self, uuid, user_id='user-a', host='host-1'):
        return self._insert_server(self.context, uuid, user_id, host)

    @api.context_manager.writer
    def _soft_delete_server(self, context, uuid):
        context.session.execute(
            sa.update(models.Server).where(models.Server.uuid == uuid)
            .values(deleted=models.Server.id))

    def delete_server(self, uuid):
        self._soft_delete_server(self.context, uuid)

    def create_group(self, uuid, project_id='project-a', user_id='user-a',
                     name='group', policy='affinity'):
        return server_groups_db.create(self.context, {
            'uuid': uuid, 'project_id': project_id, 'user_id': user_id,
            'name': name, 'policy': policy})

    def server_uuids(self):
        servers = models.Server.__table__
        with self.engine.connect() as connection:
            return list(connection.scalars(
                sa.select(servers.c.uuid).order_by(servers.c.id)))

    def member_rows(self):
        with self.engine.connect() as connection:
            return connection.execute(
                sa.select(_members.c.group_id, _members.c.server_uuid)
                .order_by(_members.c.id)).all()


class ServerGroupQueriesTest(ServerGroupTestCase):

    def test_create_and_get(self):
        created = self.create_group('group-1', name='web')

        group = server_groups_db.get(self.context, 'group-1')

        self.assertEqual(created.id, group.id)
        self.assertEqual(
            ('group-1', 'project-a', 'user-a', 'web', 'affinity'),
            (group.uuid, group.project_id, group.user_id, group.name,
             group.policy))
        self.assertIsNotNone(group.created_at)
        self.assertIsNone(group.updated_at)

    def test_get_in_a_project(self):
        self.create_group('group-1', project_id='project-b')

        error = self.assertRaises(
            exception.InstanceGroupNotFound, server_groups_db.get,
            self.context, 'group-1', 'project-a')
        self.assertEqual('Instance group group-1 could not be found.',
                         error.format_message())
        self.assertEqual('group-1', server_groups_db.get(
            self.context, 'group-1', 'project-b').uuid)

    def test_uuids_are_unique(self):
        self.create_group('group-1')
        self.assertRaises(db_exc.DBDuplicateEntry, self.create_group,
                          'group-1', project_id='project-b')

    def test_get_all_in_creation_order_with_offset_and_limit(self):
        for number in (3, 1, 2):
            self.create_group('group-%d' % number)
        self.create_group('group-b', project_id='project-b')

        def uuids(**kwargs):
            return [group.uuid for group in
                    server_groups_db.get_all(self.context, **kwargs)]

        self.assertEqual(['group-3', 'group-1', 'group-2'],
                         uuids(project_id='project-a'))
        self.assertEqual(['group-3', 'group-1', 'group-2', 'group-b'],
                         uuids())
        self.assertEqual(['group-1'],
                         uuids(project_id='project-a', limit=1, offset=1))
        self.assertEqual(['group-2', 'group-b'], uuids(offset=2))
        self.assertEqual([], uuids(limit=0))
        self.assertEqual([], uuids(offset=0x7FFFFFFF))

    def test_count(self):
        self.create_group('group-1')
        self.create_group('group-2', user_id='user-b')
        self.create_group('group-3', project_id='project-b')

        self.assertEqual(2, server_groups_db.count(self.context,
                                                   'project-a'))
        self.assertEqual(1, server_groups_db.count(self.context,
                                                   'project-a', 'user-b'))
        self.assertEqual(0, server_groups_db.count(self.context,
                                                   'project-c'))

    def test_members_are_the_existing_servers_in_joining_order(self):
        group = self.create_group('group-1')
        other = self.create_group('group-2')
        self.create_server(SERVER_1)
        self.create_server(SERVER_2)
        self.create_server(SERVER_3)
        server_groups_db.add_members(self.context, group.id,
                                     [SERVER_2, SERVER_1])
        # Again, with one more: the existing ones stay as they are.
        server_groups_db.add_members(self.context, group.id,
                                     [SERVER_1, SERVER_3, UNKNOWN])

        self.assertEqual({group.id: [SERVER_2, SERVER_1, SERVER_3]},
                         server_groups_db.get_members(
                             self.context, [group.id, other.id]))
        self.delete_server(SERVER_1)
        self.assertEqual({group.id: [SERVER_2, SERVER_3]},
                         server_groups_db.get_members(self.context,
                                                      [group.id]))
        self.assertEqual({}, server_groups_db.get_members(self.context, []))

    def test_count_members_of_user(self):
        group = self.create_group('group-1')
        self.create_server(SERVER_1)
        self.create_server(SERVER_2, user_id='user-b')
        self.create_server(SERVER_3)
        server_groups_db.add_members(self.context, group.id,
                                     [SERVER_1, SERVER_2, SERVER_3])
        self.delete_server(SERVER_3)

        self.assertEqual(1, server_groups_db.count_members_of_user(
            self.context, group.id, 'user-a'))
        self.assertEqual(1, server_groups_db.count_members_of_user(
            self.context, group.id, 'user-b'))

    def test_member_host_counts(self):
        group = self.create_group('group-1')
        self.create_server(SERVER_1, host='host-1')
        self.create_server(SERVER_2, host='host-2')
        self.create_server(SERVER_3, host=None)
        self.create_server(SERVER_4, host='host-1')
        server_groups_db.add_members(self.context, group.id,
                                     [SERVER_1, SERVER_2, SERVER_3,
                                      SERVER_4])

        self.assertEqual({'host-1': 2, 'host-2': 1},
                         server_groups_db.get_member_host_counts(
                             self.context, group.id))
        self.delete_server(SERVER_2)
        self.assertEqual({'host-1': 2},
                         server_groups_db.get_member_host_counts(
                             self.context, group.id))

    def test_destroy_takes_the_members_along(self):
        group = self.create_group('group-1')
        kept = self.create_group('group-2')
        server_groups_db.add_members(self.context, group.id, [SERVER_1])
        server_groups_db.add_members(self.context, kept.id, [SERVER_2])

        server_groups_db.destroy(self.context, 'group-1')

        self.assertRaises(exception.InstanceGroupNotFound,
                          server_groups_db.get, self.context, 'group-1')
        self.assertEqual([(kept.id, SERVER_2)], self.member_rows())
        self.assertRaises(exception.InstanceGroupNotFound,
                          server_groups_db.destroy, self.context, 'group-1')

    def test_remove_member(self):
        group = self.create_group('group-1')
        server_groups_db.add_members(self.context, group.id,
                                     [SERVER_1, SERVER_2])

        server_groups_db.remove_member(self.context, SERVER_1)
        server_groups_db.remove_member(self.context, UNKNOWN)

        self.assertEqual([(group.id, SERVER_2)], self.member_rows())


class ServerGroupQueriesTestPostgreSQL(base.PostgreSQL,
                                       ServerGroupQueriesTest):
    pass


class ServerGroupQueriesTestMySQL(base.MySQL, ServerGroupQueriesTest):
    pass


class ServerCreateWithGroupTest(ServerGroupTestCase):
    """nova_api.compute.server_groups as the server create and delete use
    it: inside their own transactions."""

    def setUp(self):
        super().setUp()
        self.user = self.user_context('project-a', 'user-a')
        self.group = server_groups.create_group(self.user, 'web',
                                                server_groups.AFFINITY)

    def set_member_limit(self, limit):
        quotas.update_limits(self.context, 'project-a',
                             {'server_group_members': limit}, force=True)

    def create_servers(self, *uuids, context=None):
        """Insert the servers and make them members in one transaction,
        as the create does; returns {host: members} the group had
        before."""
        context = context or self.user
        with api.context_manager.writer.using(context):
            group = server_groups.get_for_create(context, self.group.uuid)
            hosts = server_groups.placement_of(context, group).member_counts
            for uuid in uuids:
                self._insert_server(context, uuid, context.user_id, 'host-1')
            server_groups.add_members(context, group, list(uuids))
        return hosts

    def members(self):
        return list(server_groups.get_group(self.user,
                                            self.group.uuid).members)

    def test_get_for_create(self):
        group = server_groups.get_for_create(self.user, self.group.uuid)
        self.assertEqual(self.group, group)

    def test_get_for_create_of_an_unknown_or_unseen_group(self):
        stranger = self.user_context('project-b', 'user-b')
        for context, group_uuid in ((self.user, UNKNOWN),
                                    (stranger, self.group.uuid)):
            error = self.assertRaises(
                exception.ServerGroupHintNotFound,
                server_groups.get_for_create, context, group_uuid)
            self.assertEqual(400, error.code)
            self.assertEqual('Instance group %s could not be found.'
                             % group_uuid, error.format_message())
        # An administrator may name any project's group.
        self.assertEqual(self.group, server_groups.get_for_create(
            self.context, self.group.uuid))

    def test_members_and_their_hosts(self):
        self.assertEqual({}, self.create_servers(SERVER_1, SERVER_2))
        self.assertEqual({'host-1': 2}, self.create_servers(SERVER_3))
        self.assertEqual([SERVER_1, SERVER_2, SERVER_3], self.members())

    def test_member_quota(self):
        self.set_member_limit(2)
        self.create_servers(SERVER_1)

        error = self.assertRaises(exception.GroupMemberLimitExceeded,
                                  self.create_servers, SERVER_2, SERVER_3)

        self.assertEqual(403, error.code)
        self.assertEqual('Quota exceeded, too many servers in group',
                         error.format_message())
        # The create's transaction rolled back: no servers, no members.
        self.assertEqual([SERVER_1], self.members())
        self.assertEqual([SERVER_1], self.server_uuids())
        self.create_servers(SERVER_2)
        self.assertEqual([SERVER_1, SERVER_2], self.members())

    def test_member_quota_is_per_user_and_counts_existing_servers(self):
        self.set_member_limit(1)
        self.create_servers(SERVER_1)
        # Another user of the project has a place of their own.
        colleague = self.user_context('project-a', 'user-b')
        self.create_servers(SERVER_2, context=colleague)
        self.assertRaises(exception.GroupMemberLimitExceeded,
                          self.create_servers, SERVER_3)
        # A deleted server frees its place, even before it leaves.
        self.delete_server(SERVER_1)
        self.create_servers(SERVER_3)
        self.assertEqual([SERVER_2, SERVER_3], self.members())

    def test_unlimited_members(self):
        self.set_member_limit(-1)
        self.create_servers(SERVER_1, SERVER_2, SERVER_3)
        self.assertEqual(3, len(self.members()))

    def test_remove_member_joins_the_delete_transaction(self):
        self.create_servers(SERVER_1, SERVER_2)
        with api.context_manager.writer.using(self.user):
            self._soft_delete_server(self.user, SERVER_1)
            server_groups.remove_member(self.user, SERVER_1)
        self.assertEqual([(self.group.id, SERVER_2)], self.member_rows())

    def test_group_quota_counts_the_project_and_the_user(self):
        quotas.update_limits(self.context, 'project-a',
                             {'server_groups': 2}, force=True)
        colleague = self.user_context('project-a', 'user-b')
        server_groups.create_group(colleague, 'db',
                                   server_groups.ANTI_AFFINITY)
        # The project's two places are taken, by two users.
        error = self.assertRaises(exception.ServerGroupLimitExceeded,
                                  server_groups.create_group, self.user,
                                  'more', server_groups.AFFINITY)
        self.assertEqual('Quota exceeded, too many server groups.',
                         error.format_message())
        # A user's own limit counts the user's groups only.
        quotas.update_limits(self.context, 'project-a',
                             {'server_groups': 10}, force=True)
        quotas.update_limits(self.context, 'project-a',
                             {'server_groups': 1}, user_id='user-a',
                             force=True)
        self.assertRaises(exception.ServerGroupLimitExceeded,
                          server_groups.create_group, self.user, 'more',
                          server_groups.AFFINITY)
        server_groups.create_group(colleague, 'cache',
                                   server_groups.AFFINITY)
        self.assertEqual(3, quotas.get_usages(
            self.context, 'project-a')['server_groups'])


class ServerCreateWithGroupTestPostgreSQL(base.PostgreSQL,
                                          ServerCreateWithGroupTest):
    pass


class ServerCreateWithGroupTestMySQL(base.MySQL, ServerCreateWithGroupTest):
    pass
