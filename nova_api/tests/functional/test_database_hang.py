"""A database that keeps its connections but stops answering gives a 503.

The service reaches a throwaway PostgreSQL or MySQL database through a TCP
proxy (tests/fixtures/tcp_proxy.py) that, once hung, takes the bytes and
passes none on, as a hung server or a black-holed link does. Every wait is
bounded ([database] connect_timeout, read_timeout, pool_timeout), so each
request gets Nova's 503 fault well within a generous bound instead of
hanging, and the service serves again once the database answers.
"""

import time

import sqlalchemy as sa

from nova_api.db import api as db_api
from nova_api.tests.fixtures import database
from nova_api.tests.fixtures import tcp_proxy
from nova_api.tests.functional import base

# Generous: the timeouts below add up to a few seconds; a slow, shared
# machine must not fail the test.
_ANSWER_WITHIN_SECONDS = 20
_UNAVAILABLE = 'The database is not available. Please try again later.'


class _HungDatabaseTest:

    backend = None

    def setUp(self):
        super().setUp()
        self.skip_if_remote('hangs the service database')
        real = self.useFixture(database.Database(self.backend))
        # For the proxied engine only: the fixture's own engine, which
        # migrates, is made by now.
        self.conf.config(max_retries=0, connect_timeout=2, read_timeout=2,
                         statement_timeout=1, pool_timeout=2,
                         group='database')
        url = sa.engine.make_url(real.url)
        self.proxy = self.useFixture(tcp_proxy.TCPProxy(
            url.host or '127.0.0.1', url.port or database._DEFAULT_PORTS[
                self.backend]))
        proxied = url.set(host='127.0.0.1', port=self.proxy.port)
        self.addCleanup(db_api.configure(
            proxied.render_as_string(hide_password=False)))

    def assertAnswers503Promptly(self, method, path):
        started = time.monotonic()
        resp = self.api(method, path)
        elapsed = time.monotonic() - started
        self.assertFault(resp, 503, _UNAVAILABLE)
        self.assertNotIn(b'Traceback', resp.body)
        self.assertLess(elapsed, _ANSWER_WITHIN_SECONDS)

    def test_pooled_connection_of_a_hung_database_gives_a_503(self):
        self.assertEqual(200, self.api('GET', '/flavors/1').status)
        self.proxy.hang()
        self.addCleanup(self.proxy.resume)
        for path in ('/flavors/1', '/os-keypairs', '/servers'):
            self.assertAnswers503Promptly('GET', path)

    def test_new_connection_to_a_hung_database_gives_a_503(self):
        self.proxy.hang()
        self.addCleanup(self.proxy.resume)
        self.assertAnswers503Promptly('GET', '/flavors')

    def test_service_serves_again_once_the_database_answers(self):
        self.proxy.hang()
        self.assertAnswers503Promptly('GET', '/flavors/1')
        self.proxy.resume()
        self.assertEqual(200, self.api('GET', '/flavors/1').status)


class PostgreSQLHangTestV2(_HungDatabaseTest, base.APITestCase):
    backend = 'postgresql'


class PostgreSQLHangTestV21(base.V21, PostgreSQLHangTestV2):
    pass


class MySQLHangTestV2(_HungDatabaseTest, base.APITestCase):
    backend = 'mysql'


class MySQLHangTestV21(base.V21, MySQLHangTestV2):
    pass
