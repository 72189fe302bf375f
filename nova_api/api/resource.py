"""Resource: the WSGI app routes dispatch to, one per API resource.

For each request it negotiates the version, checks the URL's project id,
parses the body, picks the controller method (or the action named by the
body), validates, calls it, and turns the result or the error into a
response with the version headers.
"""

import logging

from oslo_config import cfg
from oslo_serialization import jsonutils
import webob
import webob.dec

from nova_api.api import contract
from nova_api.api import faults
from nova_api.api import json_encoding
from nova_api.api import microversion
from nova_api.api.validation import validators
from nova_api.api import wsgi
from nova_api import exception

LOG = logging.getLogger(__name__)
CONF = cfg.CONF

_JSON_TYPES = ('application/json', 'application/vnd.openstack.compute+json')
_BODY_METHODS = ('POST', 'PUT')


class Resource:
    """Dispatches requests to one controller and its extensions' actions."""

    def __init__(self, controller):
        self.controller = controller
        # action name -> (controller, method name); extensions add to it.
        self.actions = {name: (controller, attr)
                        for name, attr in controller.wsgi_actions.items()}

    def register_actions(self, controller):
        for name, attr in controller.wsgi_actions.items():
            if name in self.actions:
                raise ValueError('Action %r is claimed twice on %s'
                                 % (name, type(self.controller).__name__))
            self.actions[name] = (controller, attr)

    @webob.dec.wsgify(RequestClass=wsgi.Request)
    def __call__(self, req):
        header_version = None
        try:
            version = _negotiate_version(req)
            if not req.is_legacy_v2():
                header_version = version
            return self._dispatch(req, version, header_version)
        except Exception as exc:
            return faults.from_exception(exc, header_version)

    def _dispatch(self, req, version, header_version):
        args = dict(req.urlvars)
        action = args.pop('action')
        args.pop('controller', None)
        _check_project_id(req, args.pop('project_id', None))
        body = _parse_body(req) if req.method in _BODY_METHODS else None
        controller, name = self._method_name(action, body)
        method = controller.method_for(name, version)
        declared = contract.declared(method.__func__)
        _validate_request(req, declared, version, body)
        if req.method in _BODY_METHODS:
            args['body'] = body
        result = method(req, **args)
        return _build_response(req, declared, version, header_version,
                               result)

    def _method_name(self, action, body):
        if action != 'action':
            return self.controller, action
        if not isinstance(body, dict) or len(body) != 1:
            raise exception.Invalid('Malformed request body')
        name = next(iter(body))
        if name not in self.actions:
            raise exception.Invalid('There is no such action: %s' % name)
        return self.actions[name]


def _negotiate_version(req):
    if req.is_legacy_v2():
        version = microversion.LEGACY_V2
    else:
        version = microversion.from_headers(req.headers)
    req.api_version_request = version
    return version


def _check_project_id(req, url_project_id):
    if url_project_id is None:
        return
    context_project_id = req.context.project_id
    if url_project_id != context_project_id:
        raise exception.ProjectIdMismatch(url=url_project_id,
                                          context=context_project_id)


def _parse_body(req):
    raw = req.body
    if not raw:
        return None
    content_type = req.content_type
    if content_type and content_type != 'text/plain' and (
            content_type not in _JSON_TYPES):
        raise exception.InvalidContentType()
    try:
        return jsonutils.loads(raw)
    # The standard library's parser recurses once per level of nesting.
    except (ValueError, RecursionError):
        raise exception.Invalid('Malformed request body')


def _validate_request(req, declared, version, body):
    query_schema = declared.query_schemas.for_version(version)
    if query_schema is not None:
        validators.validate_query(req, query_schema)
    if req.method not in _BODY_METHODS:
        return
    body_schema = declared.request_schemas.for_version(version)
    if body_schema is not None:
        relaxed = (version.is_legacy_v2() or
                   CONF.api.drop_undefined_properties)
        validators.validate_body(req, body_schema, body, relaxed)


def _build_response(req, declared, version, header_version, result):
    if isinstance(result, webob.Response):
        return result
    headers = {}
    code = None
    if isinstance(result, wsgi.ResponseObject):
        headers, code, result = result.headers, result.code, result.body
    code = code or declared.codes.for_version(version, 200)
    # Nova labels every success JSON, even an empty 202 or 204.
    response = webob.Response(status=code, content_type='application/json',
                              charset=None)
    if result is not None:
        _check_response(req, declared, version, result)
        response.body = json_encoding.dump_as_bytes(result)
    response.headers.update(headers)
    microversion.set_response_headers(response, header_version)
    return response


def _check_response(req, declared, version, body):
    mode = CONF.api.response_validation
    if mode == 'ignore':
        return
    schema = declared.response_schemas.for_version(version)
    if schema is None:
        return
    try:
        validators.validate_response(schema, body)
    except Exception as exc:
        if mode == 'error':
            raise
        LOG.warning('Response to %s %s does not match its schema: %s',
                    req.method, req.path, exc)
