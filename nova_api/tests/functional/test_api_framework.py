"""What every request gets, whatever the resource: faults, request ids,
microversion negotiation, the project id in the URL, removed APIs."""

import logging

from oslo_context import context as oslo_context
from oslo_utils import uuidutils

from nova_api.tests.functional import base
from nova_api.tests.functional import client as client_module

_GONE = ('This resource is no longer available. No forwarding address is '
         'given.')


class FrameworkTestV2(base.APITestCase):

    def test_every_response_carries_the_request_id(self):
        responses = [self.api('GET', '/os-fping'),
                     self.api('GET', '/nothing-here')]
        if not client_module.remote_url():
            # Nova's own version documents carry none; ours do.
            responses.append(self.api('GET', '/', raw_url=True))
        for resp in responses:
            request_id = resp.header('x-openstack-request-id')
            self.assertRegex(request_id, r'^req-[0-9a-f-]{36}$')
            self.assertEqual(request_id, resp.header('x-compute-request-id'))

    def test_unknown_url_is_a_plain_404(self):
        resp = self.api('GET', '/nothing-here')
        self.assertEqual(404, resp.status)

    def test_unknown_method_is_a_plain_404(self):
        resp = self.api('PATCH', '/os-fping')
        self.assertEqual(404, resp.status)

    def test_removed_apis_are_gone(self):
        for method, path in (('GET', '/os-fping'), ('GET', '/os-cells'),
                             ('POST', '/os-cloudpipe'),
                             ('GET', '/os-agents'),
                             ('GET', '/os-certificates/root'),
                             ('GET', '/os-floating-ips-bulk'),
                             ('DELETE', '/os-floating-ip-dns/example.org'),
                             ('GET', '/os-fixed-ips/10.0.0.1'),
                             ('POST', '/os-networks'),
                             ('GET', '/os-security-group-default-rules')):
            resp = self.api(method, path, body={} if method == 'POST'
                            else None)
            self.assertFault(resp, 410, _GONE)

    def test_removed_actions_are_gone(self):
        resp = self.api('POST', '/os-fixed-ips/10.0.0.1/action',
                        body={'reserve': None})
        self.assertFault(resp, 410, _GONE)
        resp = self.api('POST', '/os-networks/1/action',
                        body={'disassociate_host': None})
        self.assertFault(resp, 410, _GONE)

    def test_actions_belong_to_their_resource(self):
        resp = self.api('POST', '/os-fixed-ips/10.0.0.1/action',
                        body={'disassociate_host': None})
        self.assertFault(resp, 400,
                         'There is no such action: disassociate_host')
        resp = self.api('POST', '/os-networks/1/action',
                        body={'reserve': None})
        self.assertFault(resp, 400, 'There is no such action: reserve')

    def test_unknown_action_is_400(self):
        resp = self.api('POST', '/os-fixed-ips/10.0.0.1/action',
                        body={'bogus': None})
        self.assertFault(resp, 400, 'There is no such action: bogus')

    def test_action_with_two_keys_is_400(self):
        resp = self.api('POST', '/os-fixed-ips/10.0.0.1/action',
                        body={'reserve': None, 'unreserve': None})
        self.assertFault(resp, 400, 'Malformed request body')

    def test_malformed_json_is_400(self):
        resp = self.api('POST', '/os-fixed-ips/10.0.0.1/action',
                        body=b'{"reserve": ')
        self.assertFault(resp, 400, 'Malformed request body')

    def test_unsupported_content_type_is_415(self):
        resp = self.api('POST', '/os-fixed-ips/10.0.0.1/action',
                        body=b'<reserve/>',
                        headers={'Content-Type': 'application/xml'})
        self.assertFault(resp, 415, 'Unsupported Content-Type')

    def test_missing_token_is_401(self):
        resp = self.client.request('GET', self.url('/os-fping'), None, {})
        self.assertEqual(401, resp.status)

    def test_v2_ignores_version_headers_and_sends_none(self):
        if self.is_v21:
            self.skipTest('/v2 only')
        resp = self.api('GET', '/os-fping', version='3.0')
        self.assertFault(resp, 410)
        self.assertNoVersionHeaders(resp)
        self.assertEqual([], resp.header_values('Vary'))


class ProjectInURLTestV2(base.APITestCase):
    """/v2/{project_id}/... must name the caller's project."""

    def test_mismatch_is_400(self):
        other = self.project_id('other')
        resp = self.api('GET', '/%s/%s/os-fping' % (self.endpoint, other),
                        raw_url=True)
        self.assertFault(
            resp, 400,
            "Malformed request URL: URL's project_id '%s' doesn't match "
            "Context's project_id '%s'" % (other, self.project_id('admin')))

    def test_uuid_project_ids_are_routed(self):
        project = '6b1e7c40-d9a1-4f3c-9e2b-5a7d8c0f1e23'
        resp = self.client.request(
            'GET', '/%s/%s/os-fping' % (self.endpoint, project), None,
            {'X-Auth-Token': 'admin:' + project})
        self.assertFault(resp, 410)


class FrameworkTestV21(base.V21, FrameworkTestV2):

    def test_default_version_is_2_1(self):
        resp = self.api('GET', '/os-fping')
        self.assertVersionHeaders(resp, '2.1')

    def test_requested_version_is_echoed(self):
        resp = self.api('GET', '/os-fping', version='2.2')
        self.assertVersionHeaders(resp, '2.2')

    def test_legacy_version_header_is_accepted(self):
        resp = self.api('GET', '/os-fping',
                        headers={'X-OpenStack-Nova-API-Version': '2.2'})
        self.assertVersionHeaders(resp, '2.2')

    def test_latest_is_the_maximum(self):
        resp = self.api('GET', '/os-fping', version='latest')
        self.assertVersionHeaders(resp, self.max_version())

    def test_version_out_of_range_is_406(self):
        maximum = self.max_version()
        for version in ('3.0', '2.0', '2.%d' % (
                int(maximum.split('.')[1]) + 1)):
            resp = self.api('GET', '/os-fping', version=version)
            self.assertFault(
                resp, 406,
                'Version %s is not supported by the API. Minimum is 2.1 and '
                'maximum is %s.' % (version, maximum))
            self.assertVersionHeaders(resp, version)

    def test_malformed_version_is_400_without_version_headers(self):
        resp = self.api('GET', '/os-fping', version='2.x')
        self.assertFault(
            resp, 400, 'API Version String 2.x is of invalid format. Must '
                       'be of format MajorNum.MinorNum.')
        self.assertNoVersionHeaders(resp)

    def test_version_headers_on_faults(self):
        resp = self.api('GET', '/os-fping', version='2.3')
        self.assertFault(resp, 410)
        self.assertVersionHeaders(resp, '2.3')

    def test_both_request_id_headers_at_2_46(self):
        # 2.46 only signals what the middleware always did: both headers
        # on every answer, before and from 2.46, faults included.
        sent = 'req-11111111-2222-4333-8444-555555555555'
        for version in ('2.1', '2.45', '2.46', 'latest'):
            for path in ('/flavors', '/os-fping', '/flavors/nothing'):
                resp = self.api('GET', path, version=version,
                                headers={'X-OpenStack-Request-ID': sent})
                request_id = resp.header('X-OpenStack-Request-ID')
                self.assertRegex(request_id, r'^req-[0-9a-f-]{36}$')
                self.assertEqual(request_id,
                                 resp.header('X-Compute-Request-ID'))
                # A client's id is a global one, never the local one.
                self.assertNotEqual(sent, request_id)

    def test_both_version_headers_at_2_27(self):
        # 2.27: the new header and the legacy one are both accepted, and
        # both are answered; the new one wins when both are sent.
        for headers in ({'OpenStack-API-Version': 'compute 2.27'},
                        {'X-OpenStack-Nova-API-Version': '2.27'},
                        {'OpenStack-API-Version': 'compute 2.27',
                         'X-OpenStack-Nova-API-Version': '2.26'}):
            resp = self.api('GET', '/flavors', headers=headers)
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, '2.27')
        # Another service's version is not ours: the default applies.
        resp = self.api('GET', '/flavors',
                        headers={'OpenStack-API-Version': 'volume 3.5'})
        self.assertVersionHeaders(resp, '2.1')


class ProjectInURLTestV21(base.V21, ProjectInURLTestV2):

    def test_project_id_is_optional_at_2_18(self):
        # 2.18 made the project id optional; both forms route at every
        # version, and links keep the form the client used.
        project = self.project_id('admin')
        for version in ('2.1', '2.17', '2.18', 'latest'):
            for prefix in ('/v2.1', '/v2.1/' + project):
                resp = self.api('GET', prefix + '/flavors/1',
                                version=version, raw_url=True)
                self.assertEqual(200, resp.status, (prefix, resp))
                [self_link, _bookmark] = resp.json()['flavor']['links']
                self.assertEqual(self.host_url + prefix + '/flavors/1',
                                 self_link['href'])


class _ContextRecorder(logging.Handler):
    """Keeps each record with the request id of the context it ran in."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        current = oslo_context.get_current()
        self.records.append((record.getMessage(),
                             current and current.request_id))


class UndefinedPropertiesTestV2(base.APITestCase):
    """/v2 drops undefined body properties and logs them; /v2.1 rejects
    them unless [api] drop_undefined_properties is set."""

    def setUp(self):
        super().setUp()
        if client_module.remote_url():
            self.skipTest('reads the service log')
        self.recorder = _ContextRecorder()
        logger = logging.getLogger('nova_api.api.validation.validators')
        logger.addHandler(self.recorder)
        self.addCleanup(logger.removeHandler, self.recorder)

    def _create_keypair(self):
        name = 'undefined-%s' % uuidutils.generate_uuid()[:8]
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': name, 'colour': 'red'},
                         'extra': 1},
                        headers={'User-Agent': 'old-client/1.0'})
        return name, resp

    def assertDroppedAndLogged(self, resp):
        self.assertIn(resp.status, (200, 201), resp)
        self.assertNotIn('colour', resp.json()['keypair'])
        [(message, request_id)] = self.recorder.records
        self.assertIn("['colour', 'extra']", message)
        self.assertIn('POST /%s' % self.endpoint, message)
        self.assertIn('/os-keypairs', message)
        self.assertIn('old-client/1.0', message)
        self.assertEqual(resp.header('x-openstack-request-id'), request_id)

    def test_undefined_properties_are_dropped_and_logged(self):
        if self.is_v21:
            self.skipTest('/v2.1 rejects them by default')
        _name, resp = self._create_keypair()
        self.assertDroppedAndLogged(resp)


class UndefinedPropertiesTestV21(base.V21, UndefinedPropertiesTestV2):

    def test_undefined_properties_are_rejected(self):
        _name, resp = self._create_keypair()
        self.assertFault(resp, 400)
        self.assertIn("Additional properties are not allowed",
                      resp.json()['badRequest']['message'])
        self.assertEqual([], self.recorder.records)

    def test_config_switch_drops_and_logs_instead(self):
        self.conf.config(drop_undefined_properties=True, group='api')
        _name, resp = self._create_keypair()
        self.assertDroppedAndLogged(resp)

    def test_config_switch_still_rejects_other_errors(self):
        self.conf.config(drop_undefined_properties=True, group='api')
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': '', 'colour': 'red'}})
        self.assertFault(resp, 400)
