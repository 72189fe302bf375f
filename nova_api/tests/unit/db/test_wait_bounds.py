"""The pool's checkout timeout is the database being unavailable."""

import sqlite3

import testtools

from nova_api.db import wait_bounds
from nova_api import exception


class BoundedQueuePoolTest(testtools.TestCase):

    def test_no_free_connection_in_time_is_database_unavailable(self):
        pool = wait_bounds.BoundedQueuePool(
            lambda: sqlite3.connect(':memory:'), pool_size=1,
            max_overflow=0, timeout=0.01)
        held = pool.connect()
        self.addCleanup(held.close)

        self.assertRaises(exception.DatabaseUnavailable, pool.connect)

    def test_a_free_connection_is_handed_out(self):
        pool = wait_bounds.BoundedQueuePool(
            lambda: sqlite3.connect(':memory:'), pool_size=1,
            max_overflow=0, timeout=0.01)
        pool.connect().close()

        connection = pool.connect()
        self.addCleanup(connection.close)
        self.assertEqual((1,), connection.cursor().execute(
            'SELECT 1').fetchone())
