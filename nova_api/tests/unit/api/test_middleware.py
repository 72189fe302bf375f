"""The auth filters: noauth2 and the keystone context."""

import json

from oslo_context import context as oslo_context
import testtools
import webob
import webob.dec

from nova_api.api.middleware import keystone_context
from nova_api.api.middleware import noauth2
from nova_api.api.middleware import request_log


@webob.dec.wsgify
def _echo_context(req):
    context = req.environ['nova.context']
    return webob.Response(json_body={
        'user_id': context.user_id, 'project_id': context.project_id,
        'roles': context.roles, 'is_admin': context.is_admin,
        'catalog': context.service_catalog})


class NoAuth2Test(testtools.TestCase):

    def _call(self, token=None):
        req = webob.Request.blank('/')
        if token is not None:
            req.headers['X-Auth-Token'] = token
        return req.get_response(noauth2.NoAuthMiddleware(_echo_context))

    def test_admin_user_is_admin(self):
        body = self._call('admin:p1').json
        self.assertEqual({'user_id': 'admin', 'project_id': 'p1',
                          'roles': ['admin', 'member', 'reader'],
                          'is_admin': True, 'catalog': []}, body)

    def test_other_users_are_members_of_their_project(self):
        body = self._call('alice:p2').json
        self.assertEqual(('alice', 'p2', ['member', 'reader'], False),
                         (body['user_id'], body['project_id'], body['roles'],
                          body['is_admin']))

    def test_token_without_project_uses_the_user_name(self):
        self.assertEqual('alice', self._call('alice').json['project_id'])

    def test_missing_token_is_401(self):
        resp = self._call()
        self.assertEqual(401, resp.status_int)
        self.assertEqual('unauthorized', list(resp.json)[0])


class KeystoneContextTest(testtools.TestCase):

    def _call(self, headers):
        req = webob.Request.blank('/', headers=headers)
        return req.get_response(keystone_context.KeystoneContext(
            _echo_context))

    def test_context_from_auth_token_headers(self):
        catalog = [{'type': 'compute', 'endpoints': []}]
        body = self._call({
            'X-Identity-Status': 'Confirmed', 'X-User-Id': 'u1',
            'X-Project-Id': 'p1', 'X-Roles': 'reader,member',
            'X-Service-Catalog': json.dumps(catalog)}).json
        self.assertEqual({'user_id': 'u1', 'project_id': 'p1',
                          'roles': ['reader', 'member'], 'is_admin': False,
                          'catalog': catalog}, body)

    def test_admin_role_makes_an_admin(self):
        body = self._call({'X-Identity-Status': 'Confirmed',
                           'X-User-Id': 'u1', 'X-Project-Id': 'p1',
                           'X-Roles': 'admin'}).json
        self.assertTrue(body['is_admin'])

    def test_unconfirmed_identity_is_401(self):
        resp = self._call({'X-Identity-Status': 'Invalid'})
        self.assertEqual(401, resp.status_int)

    def test_bad_catalog_is_400(self):
        resp = self._call({'X-Identity-Status': 'Confirmed',
                           'X-User-Id': 'u1', 'X-Project-Id': 'p1',
                           'X-Service-Catalog': '{not json'})
        self.assertEqual(400, resp.status_int)


class RequestLogTest(testtools.TestCase):

    def test_one_line_per_request_with_its_request_id(self):
        @webob.dec.wsgify
        def app(req):
            current = oslo_context.get_current()
            return webob.Response(json_body={'id': current.request_id},
                                  headers={'X-OpenStack-Nova-API-Version':
                                           '2.3'})

        req = webob.Request.blank('/v2.1/flavors?limit=1', method='GET',
                                  remote_addr='10.1.2.3')
        req.environ['openstack.request_id'] = 'req-1234'
        with self.assertLogs('nova_api.api.middleware.request_log',
                             'INFO') as logs:
            resp = req.get_response(request_log.RequestLog(app))
        self.assertEqual({'id': 'req-1234'}, resp.json)
        [line] = logs.output
        self.assertIn('10.1.2.3 "GET /v2.1/flavors?limit=1" status: 200 '
                      'len: %d microversion: 2.3 time: ' % len(resp.body),
                      line)
