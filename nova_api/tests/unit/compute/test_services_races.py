"""Several API processes reading the services of a fresh database at
once, on every backend: each configured service gets exactly one record,
and every reader sees the same ids."""

from oslo_config import fixture as config_fixture
import sqlalchemy as sa

from nova_api.compute import services
from nova_api import conf
from nova_api import context as nova_context
from nova_api.db import models
from nova_api.tests.unit.compute import test_server_create_races
from nova_api.tests.unit.db import base

THREADS = 8


class ServiceRecordRaceTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.useFixture(config_fixture.Config(conf.CONF))

    def list_at_once(self):
        """What list_services gave each of THREADS readers at once, as
        (id, uuid, host, binary) tuples, or what it raised."""
        def read():
            return [(service.id, service.uuid, service.host,
                     service.binary) for service in services.list_services(
                         nova_context.get_admin_context())]

        return test_server_create_races.at_once(self, [read] * THREADS)

    def stored(self):
        table = models.Service.__table__
        with self.engine.connect() as connection:
            return connection.execute(sa.select(
                table.c.id, table.c.uuid, table.c.host, table.c.binary
            ).order_by(table.c.id)).all()

    def test_every_reader_sees_the_same_records(self):
        outcomes = self.list_at_once()
        errors = [outcome for outcome in outcomes
                  if isinstance(outcome, Exception)]
        if errors:
            raise errors[0]
        stored = [tuple(row) for row in self.stored()]
        self.assertEqual(4, len(stored))
        self.assertEqual(
            {('compute1', 'nova-compute'), ('compute2', 'nova-compute'),
             ('conductor', 'nova-conductor'),
             ('scheduler', 'nova-scheduler')},
            {(host, binary) for _, _, host, binary in stored})
        for outcome in outcomes:
            self.assertEqual(stored, outcome)

    def test_a_deleted_service_is_not_created_again(self):
        compute1 = services.list_services(self.context)[0]
        services.delete_service(self.context, compute1.id, by_uuid=False)
        self.list_at_once()
        self.assertEqual(['compute2', 'conductor', 'scheduler'],
                         [service.host for service in
                          services.list_services(self.context)])
        self.assertEqual(4, len(self.stored()))


class ServiceRecordRaceTestPostgreSQL(base.PostgreSQL, ServiceRecordRaceTest):
    pass


class ServiceRecordRaceTestMySQL(base.MySQL, ServiceRecordRaceTest):
    pass
