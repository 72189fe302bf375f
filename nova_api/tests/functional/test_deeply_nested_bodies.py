"""A request body nested too deep for the JSON parser is a malformed body.

Python's JSON parser recurses once per level, so 5,000 levels of ``[`` or
``{"a":`` exhaust the interpreter's stack; every route that takes a body
answers 400 ``badRequest`` as for any malformed body, never a 500. A body
nested just within reach of the parser is parsed and then refused by the
route's own validation, which must not recurse into a 500 either.
"""

import re

from nova_api.tests.functional import base
from nova_api.tests.functional import test_route_table

_TOO_DEEP = 5000
_PARSEABLE_DEPTH = 500
_ANY_ID = '7b2f0c8e-0d6a-4a55-9c39-2f8f6d1f3a10'


def _nested_list(depth):
    return b'[' * depth + b']' * depth


def _nested_object(depth):
    return b'{"a":' * depth + b'1' + b'}' * depth


def _body_routes():
    """(method, path) of every route REQUESTS knows that takes a body,
    its path variables filled with an id that names nothing."""
    for method, route in sorted(test_route_table.REQUESTS):
        if method in test_route_table.BODY_METHODS:
            # The requests of a route's version ranges share its path.
            call = test_route_table.calls_of((method, route))[0]
            yield method, re.sub(r'\{[^}]+\}', _ANY_ID, call.path)


class DeeplyNestedBodyTestV2(base.APITestCase):

    def test_too_deep_is_a_malformed_body_on_every_route(self):
        for method, path in _body_routes():
            for body in (_nested_list(_TOO_DEEP), _nested_object(_TOO_DEEP)):
                resp = self.api(method, path, body)
                self.assertFault(resp, 400, 'Malformed request body')

    def test_deep_but_parseable_is_refused_by_validation(self):
        for method, path in _body_routes():
            for body in (_nested_list(_PARSEABLE_DEPTH),
                         _nested_object(_PARSEABLE_DEPTH)):
                resp = self.api(method, path, body)
                self.assertLess(resp.status, 500, '%s %s: %r'
                                % (method, path, resp))
                self.assertNotEqual(resp.status // 100, 2,
                                    '%s %s: %r' % (method, path, resp))


class DeeplyNestedBodyTestV21(base.V21, DeeplyNestedBodyTestV2):
    pass


class DeeplyNestedImageBodyTest(base.APITestCase):
    """The image service under /image reads no body: its refusal of one
    is the same whatever the nesting."""

    def test_too_deep_body_is_no_server_error(self):
        for method in ('POST', 'PUT', 'PATCH'):
            resp = self.api(method, '/image/v2/images',
                            _nested_list(_TOO_DEEP), raw_url=True)
            self.assertLess(resp.status, 500, '%s: %r' % (method, resp))
