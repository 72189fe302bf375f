"""Errors on the wire: every error response has Nova's fault shape.

    {"itemNotFound": {"code": 404, "message": "Flavor 9 could not be found."}}

This is the one place where exceptions become HTTP responses.
"""

import logging

import webob
import webob.exc

from nova_api.api import json_encoding
from nova_api.api import microversion
from nova_api import exception

LOG = logging.getLogger(__name__)

FAULT_NAMES = {
    400: 'badRequest',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'itemNotFound',
    405: 'badMethod',
    409: 'conflictingRequest',
    413: 'overLimit',
    415: 'badMediaType',
    429: 'overLimit',
    501: 'notImplemented',
    503: 'serviceUnavailable',
}
DEFAULT_FAULT_NAME = 'computeFault'
_SERVER_ERROR_MESSAGE = ('Unexpected API Error. Please report it to the '
                         'operator of this cloud with the request id; the API '
                         'log has the details.')


def fault_response(code, message, version=None, headers=None):
    """A webob response carrying Nova's fault body."""
    name = FAULT_NAMES.get(code, DEFAULT_FAULT_NAME)
    body = {name: {'code': code, 'message': message}}
    response = webob.Response(status=code, charset='UTF-8',
                              content_type='application/json')
    response.body = json_encoding.dump_as_bytes(body)
    if headers:
        response.headers.update(headers)
    microversion.set_response_headers(response, version)
    return response


def from_exception(exc, version=None):
    """The fault response for any exception a request raised."""
    version = getattr(exc, 'version', version)
    if isinstance(exc, exception.NovaAPIException):
        if exc.code >= 500 and not exc.safe:
            return _server_error(exc, version)
        return fault_response(exc.code, exc.format_message(), version,
                              exc.headers)
    if isinstance(exc, webob.exc.HTTPException) and exc.code < 500:
        return fault_response(exc.code, exc.explanation or exc.title,
                              version, _extra_headers(exc))
    return _server_error(exc, version)


def _extra_headers(exc):
    return {k: v for k, v in exc.headers.items()
            if k.lower() in ('retry-after', 'location', 'www-authenticate')}


def _server_error(exc, version):
    # The traceback goes to the log, tagged with the request id; the client
    # learns nothing about the internals.
    LOG.exception('Unexpected error while serving the request')
    return fault_response(500, _SERVER_ERROR_MESSAGE, version)
