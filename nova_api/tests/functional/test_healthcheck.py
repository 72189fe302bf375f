"""GET /healthcheck: oslo.middleware's health check, without
authentication, healthy while the database answers."""

from nova_api.tests.functional import base


class HealthcheckTest(base.APITestCase):

    def _get(self, accept='text/plain'):
        return self.client.request('GET', '/healthcheck', None,
                                   {'Accept': accept})

    def test_healthy_without_a_token(self):
        resp = self._get()
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(b'OK', resp.body)

    def test_json_gives_the_reason(self):
        resp = self._get('application/json')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'detailed': False, 'reasons': ['OK']}, resp.json())
