"""How functional tests talk to the API: in process, or to a deployment.

By default the full paste pipeline (etc/api-paste.ini) runs in process on a
fresh database. With NOVA_API_TEST_URL set (e.g. http://127.0.0.1:8774) the
same requests go over HTTP to that deployment instead, with the tokens of
NOVA_API_TEST_TOKEN_ADMIN, _MEMBER and _OTHER (noauth2 tokens by default).
"""

import json
import os
import urllib.error
import urllib.request

import webob

# Project ids are hex, as Nova's /{project_id}/ routes require.
ADMIN_PROJECT = '6f70656e737461636b20342065766572'
MEMBER_PROJECT = '1a2b3c4d5e6f708192a3b4c5d6e7f809'
OTHER_PROJECT = 'f0e1d2c3b4a5968778695a4b3c2d1e0f'

PERSONAS = {
    # name: (token, user id, project id)
    'admin': ('admin:' + ADMIN_PROJECT, 'admin', ADMIN_PROJECT),
    'member': ('alice:' + MEMBER_PROJECT, 'alice', MEMBER_PROJECT),
    'other': ('bob:' + OTHER_PROJECT, 'bob', OTHER_PROJECT),
}


def remote_url():
    return os.environ.get('NOVA_API_TEST_URL')


def persona(name):
    """(token, user_id, project_id) of a persona, honouring the env."""
    token, user_id, project_id = PERSONAS[name]
    token = os.environ.get('NOVA_API_TEST_TOKEN_%s' % name.upper(), token)
    user_id = os.environ.get('NOVA_API_TEST_USER_%s' % name.upper(), user_id)
    project_id = os.environ.get('NOVA_API_TEST_PROJECT_%s' % name.upper(),
                                project_id)
    return token, user_id, project_id


class Response:
    """What a test looks at: status, headers, body."""

    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None

    def header_values(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def header(self, name):
        values = self.header_values(name)
        return values[0] if values else None

    def __repr__(self):
        return '<Response %s %r>' % (self.status, self.body[:300])


class InProcessClient:
    """Sends requests to a WSGI app with webob, as an HTTP client would."""

    host_url = 'http://openstack.example.com'

    def __init__(self, app):
        self.app = app

    def request(self, method, path, body=None, headers=None):
        req = webob.Request.blank(path, method=method,
                                  base_url=self.host_url)
        for name, value in (headers or {}).items():
            req.headers[name] = value
        if body is not None:
            req.body = body
        resp = req.get_response(self.app)
        return Response(resp.status_int, list(resp.headerlist), resp.body)


class HTTPClient:
    """Sends requests to a running deployment with urllib."""

    def __init__(self, base_url):
        self.host_url = base_url.rstrip('/')

    def request(self, method, path, body=None, headers=None):
        req = urllib.request.Request(self.host_url + path, data=body,
                                     method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return Response(resp.status, list(resp.headers.items()),
                                resp.read())
        except urllib.error.HTTPError as exc:
            return Response(exc.code, list(exc.headers.items()), exc.read())
