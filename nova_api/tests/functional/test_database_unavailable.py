"""A database that does not answer gives a clean 503, never a traceback."""

from nova_api.db import api as db_api
from nova_api.tests.functional import base


class DatabaseUnavailableTestV2(base.APITestCase):

    def setUp(self):
        super().setUp()
        self.skip_if_remote('stops the service database')
        self.conf.config(max_retries=0, group='database')
        # Nothing listens on port 1.
        self.addCleanup(db_api.configure(
            'postgresql+psycopg2://nova@127.0.0.1:1/nova_api'))

    def test_requests_get_a_503_fault(self):
        for method, path in (('GET', '/flavors'), ('GET', '/os-keypairs'),
                             ('GET', '/flavors/1')):
            resp = self.api(method, path)
            message = self.assertFault(resp, 503)
            self.assertEqual('The database is not available. Please try '
                             'again later.', message)
            self.assertNotIn(b'Traceback', resp.body)
            self.assertNotIn(b'127.0.0.1', resp.body)

    def test_healthcheck_answers_503_with_the_reason_only(self):
        resp = self.client.request('GET', '/healthcheck', None,
                                   {'Accept': 'application/json'})
        self.assertEqual(503, resp.status, resp)
        self.assertEqual({'detailed': False,
                          'reasons': ['The database does not answer']},
                         resp.json())


class DatabaseUnavailableTestV21(base.V21, DatabaseUnavailableTestV2):
    pass
