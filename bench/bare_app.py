"""The baseline: a bare webob app answering a small JSON document."""

import json

import webob
import webob.dec

_BODY = json.dumps({'flavors': [{'id': '1', 'name': 'm1.tiny'}]}).encode()


@webob.dec.wsgify
def application(req):
    return webob.Response(body=_BODY, content_type='application/json',
                          charset=None)
