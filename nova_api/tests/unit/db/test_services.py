"""The service record queries (nova_api.db.services), on every backend."""

import datetime

from nova_api.db import services
from nova_api.tests.unit.db import base

NOW = datetime.datetime(2026, 12, 4, 5, 0, 0)


def _record(host, binary='nova-compute'):
    return {'uuid': '%s-uuid' % host, 'host': host, 'binary': binary,
            'topic': binary.removeprefix('nova-')}


class ServicesTest(base.DatabaseTestCase):

    def test_add_missing_keeps_what_is_there(self):
        services.add_missing(self.context, [_record('c1'), _record('c2')])
        first = services.get_all(self.context)
        services.add_missing(self.context, [_record('c2'), _record('c3')])
        after = services.get_all(self.context)
        self.assertEqual(first, after[:2])
        self.assertEqual(['c1', 'c2', 'c3'], [row.host for row in after])
        self.assertEqual({('c1', 'nova-compute'), ('c2', 'nova-compute'),
                          ('c3', 'nova-compute')},
                         services.get_keys(self.context))
        self.assertEqual((False, None, False), (
            after[0].disabled, after[0].disabled_reason,
            after[0].forced_down))

    def test_update_and_get(self):
        services.add_missing(self.context, [_record('c1')])
        row = services.get_all(self.context)[0]
        services.update(self.context, row.id, {
            'disabled': True, 'disabled_reason': 'why',
            'forced_down': True}, NOW)
        changed = services.get(self.context, 'uuid', 'c1-uuid')
        self.assertEqual((True, 'why', True, NOW), (
            changed.disabled, changed.disabled_reason, changed.forced_down,
            changed.updated_at))
        self.assertEqual(changed, services.get(self.context, 'id', row.id))
        self.assertIsNone(services.get(self.context, 'id', row.id + 1))

    def test_a_deleted_row_stays_and_is_not_listed(self):
        services.add_missing(self.context, [_record('c1')])
        row = services.get_all(self.context)[0]
        services.delete(self.context, row.id, NOW)
        self.assertEqual([], services.get_all(self.context))
        self.assertIsNone(services.get(self.context, 'id', row.id))
        services.add_missing(self.context, [_record('c1')])
        self.assertEqual([], services.get_all(self.context))
        self.assertEqual({('c1', 'nova-compute')},
                         services.get_keys(self.context))


class ServicesTestPostgreSQL(base.PostgreSQL, ServicesTest):
    pass


class ServicesTestMySQL(base.MySQL, ServicesTest):
    pass
