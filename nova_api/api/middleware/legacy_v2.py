"""Marks requests to /v2: served by the same plugins at pseudo-version 2.0,
with relaxed validation and no microversion headers."""

from nova_api.api.middleware import base
from nova_api.api import wsgi


class LegacyV2Marker(base.Middleware):

    def __call__(self, environ, start_response):
        environ[wsgi.LEGACY_V2_KEY] = True
        return self.application(environ, start_response)
