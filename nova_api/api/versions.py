"""The version documents: GET /, GET /v2/ and GET /v2.1/.

Links are built from the request's host URL (or [api] compute_link_prefix).
"""

from oslo_config import cfg
import webob
import webob.dec

from nova_api.api import faults
from nova_api.api import json_encoding
from nova_api.api import microversion
from nova_api.api import wsgi
from nova_api import exception

CONF = cfg.CONF

_DESCRIBED_BY = {'rel': 'describedby', 'type': 'text/html',
                 'href': 'http://docs.openstack.org/'}

VERSIONS = {
    'v2.0': {
        'id': 'v2.0',
        'status': 'DEPRECATED',
        'version': '',
        'min_version': '',
        'updated': '2025-07-04T12:00:00Z',
        'path': 'v2/',
        'media_type_version': '2',
    },
    'v2.1': {
        'id': 'v2.1',
        'status': 'CURRENT',
        'version': str(microversion.MAX_VERSION),
        'min_version': str(microversion.MIN_VERSION),
        'updated': '2013-07-23T11:33:21Z',
        'path': 'v2.1/',
        'media_type_version': '2.1',
    },
}


def _host_url(req):
    prefix = CONF.api.compute_link_prefix
    return (prefix or req.host_url).rstrip('/') + '/'


def endpoint_url(req, endpoint):
    """The URL of an endpoint ('v2', 'v2.1') on the request's host."""
    return '%s%s/' % (_host_url(req), endpoint)


def _summary(version, host_url):
    return {
        'id': version['id'],
        'status': version['status'],
        'version': version['version'],
        'min_version': version['min_version'],
        'updated': version['updated'],
        'links': [{'rel': 'self', 'href': host_url + version['path']}],
    }


def build_version_list(req):
    host_url = _host_url(req)
    return {'versions': [_summary(VERSIONS[key], host_url)
                         for key in ('v2.0', 'v2.1')]}


def build_version(req, version_id, self_href=None):
    """The document of one version; `self_href` replaces its own URL (as
    Nova, the API pipeline links to the endpoint the request came to)."""
    version = VERSIONS[version_id]
    document = _summary(version, _host_url(req))
    if self_href is not None:
        document['links'][0]['href'] = self_href
    document['links'].append(dict(_DESCRIBED_BY))
    document['media-types'] = [{
        'base': 'application/json',
        'type': 'application/vnd.openstack.compute+json;version=%s'
                % version['media_type_version'],
    }]
    return {'version': document}


def build_choices(req):
    """The 300 document for a path below / that names no version."""
    host_url = _host_url(req)
    path = req.path_info.lstrip('/')
    choices = []
    for key in ('v2.0', 'v2.1'):
        version = VERSIONS[key]
        choices.append({
            'id': version['id'],
            'status': version['status'],
            'links': [{'rel': 'self',
                       'href': host_url + version['path'] + path}],
            'media-types': [{
                'base': 'application/json',
                'type': 'application/vnd.openstack.compute+json;version=%s'
                        % version['media_type_version']}],
        })
    return {'choices': choices}


def _json_response(body, status=200):
    response = webob.Response(status=status, content_type='application/json',
                              charset=None)
    response.body = json_encoding.dump_as_bytes(body)
    return response


@webob.dec.wsgify
def version_list_app(req):
    """GET / (any method, as Nova): every version; below / the choices."""
    if req.path_info not in ('', '/'):
        return _json_response(build_choices(req), status=300)
    return _json_response(build_version_list(req))


@webob.dec.wsgify
def legacy_v2_version_app(req):
    """GET /v2 and /v2/: the v2.0 document, no version headers."""
    return _json_response(build_version(req, 'v2.0'))


@webob.dec.wsgify(RequestClass=wsgi.Request)
def v21_version_app(req):
    """GET /v2.1 and /v2.1/ outside the API pipeline (no auth)."""
    try:
        version = microversion.from_headers(req.headers)
    except exception.NovaAPIException as exc:
        return faults.from_exception(exc)
    response = _json_response(build_version(req, 'v2.1'))
    microversion.set_response_headers(response, version)
    return response


def version_list_factory(global_config, **local_config):
    return version_list_app


def legacy_v2_version_factory(global_config, **local_config):
    return legacy_v2_version_app


def v21_version_factory(global_config, **local_config):
    return v21_version_app
