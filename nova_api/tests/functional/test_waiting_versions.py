"""Versions whose change is to routes nova_api does not serve yet.

nova_api.api.microversion.VERSIONS records each as waiting for the issue
that brings its routes. Until then the route answers at that version as
Nova answers a URL it has no route for (a plain 404) or an action it does
not know (400, "There is no such action"), and the test below fails when a
waiting version has no request here, so the list and the table agree.
"""

from nova_api.api import microversion
from nova_api.tests.functional import base

CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
_SERVER = '/servers/{server}'
_ACTION = _SERVER + '/action'

# Waiting version -> (method, path, body) of a request its change touches.
# An action path answers 400 for the action; any other path a plain 404.
REQUESTS = {
    '2.20': ('GET', _SERVER + '/os-volume_attachments', None),
    '2.44': ('POST', _ACTION, {'addFixedIp': {'networkId': 'net'}}),
    '2.49': ('POST', _SERVER + '/os-interface', {'interfaceAttachment': {
        'net_id': 'net', 'tag': 'nic'}}),
    '2.60': ('POST', _SERVER + '/os-volume_attachments', {
        'volumeAttachment': {'volumeId': 'volume'}}),
    '2.70': ('GET', _SERVER + '/os-interface', None),
    '2.79': ('POST', _SERVER + '/os-volume_attachments', {
        'volumeAttachment': {'volumeId': 'volume',
                             'delete_on_termination': True}}),
    '2.85': ('PUT', _SERVER + '/os-volume_attachments/volume', {
        'volumeAttachment': {'volumeId': 'volume',
                             'delete_on_termination': True}}),
    # Rescue itself is served at every version; what 2.87 adds, rescuing
    # a server that boots from a volume, needs the volume service.
    '2.87': ('GET', _SERVER + '/os-volume_attachments', None),
    '2.89': ('GET', _SERVER + '/os-volume_attachments', None),
    # Rebuilding a volume-backed server: volumes are issue 17's.
    '2.93': ('GET', _SERVER + '/os-volume_attachments', None),
    '2.97': ('GET', _SERVER + '/shares', None),
    '2.101': ('POST', _SERVER + '/os-volume_attachments', {
        'volumeAttachment': {'volumeId': 'volume'}}),
}


class WaitingVersionsTestV21(base.V21, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.conf.config(build_seconds=0, group='simulated')
        resp = self.api('POST', '/servers', {'server': {
            'name': 'waiting', 'imageRef': CIRROS, 'flavorRef': '1'}})
        self.assertEqual(202, resp.status, resp)
        self.server = resp.json()['server']['id']

    def test_every_waiting_version_has_a_request(self):
        waiting = sorted((v.number for v in microversion.VERSIONS
                          if v.waiting),
                         key=microversion.APIVersionRequest)
        self.assertEqual(waiting, sorted(REQUESTS,
                                         key=microversion.APIVersionRequest))

    def test_waiting_routes_answer_as_unknown_ones(self):
        for version, (method, path, body) in sorted(REQUESTS.items()):
            resp = self.api(method, path.format(server=self.server), body,
                            version=version)
            if path == _ACTION:
                self.assertFault(resp, 400, 'There is no such action: %s'
                                 % next(iter(body)))
            else:
                self.assertEqual(404, resp.status,
                                 '%s %s at %s: %r' % (method, path, version,
                                                      resp))
