"""The server tags schemas against Nova's samples: os-server-tags v2.26
and the server create of servers v2.52."""

import json
import os

import jsonschema

from nova_api.api import microversion
from nova_api.api.schemas import server_tags
from nova_api.api.schemas import servers
from nova_api.api.validation import validators
from nova_api.tests.unit.api import test_server_schemas

_SAMPLES = os.path.dirname(test_server_schemas._SAMPLES)


def _load(*path):
    with open(os.path.join(_SAMPLES, *path)) as f:
        return json.load(f)


def _at(history, version):
    return test_server_schemas._in_history(
        history, microversion.APIVersionRequest(version))


class ServerTagsSamplesTest(test_server_schemas._SampleTest):

    def test_tag_routes_samples(self):
        validators.validate_response(
            server_tags.index_response,
            _load('os-server-tags', 'v2.26', 'server-tags-index-resp.json'))
        validators.validate_response(
            server_tags.update_all_response,
            _load('os-server-tags', 'v2.26',
                  'server-tags-put-all-resp.json'))
        validators.validate_body(
            test_server_schemas._request('/servers/x/tags', 'PUT'),
            server_tags.update_all,
            _load('os-server-tags', 'v2.26', 'server-tags-put-all-req.json'),
            relaxed=False)

    def test_servers_with_tags_samples(self):
        show = _load('os-server-tags', 'v2.26',
                     'server-tags-show-details-resp.json')
        validators.validate_response(_at(servers.show_responses, '2.26'),
                                     show)
        detail = _load('os-server-tags', 'v2.26',
                       'servers-tags-details-resp.json')
        validators.validate_response(_at(servers.detail_responses, '2.26'),
                                     detail)
        # The same server is not one of 2.25.
        self.assertRaises(jsonschema.ValidationError,
                          validators.validate_response,
                          _at(servers.show_responses, '2.25'), show)

    def test_create_with_tags_sample(self):
        body = _load('servers', 'v2.52', 'server-create-req.json')
        validators.validate_body(test_server_schemas._request(),
                                 _at(servers.create_history, '2.52'), body,
                                 relaxed=False)
        validators.validate_response(
            servers.create_response,
            _load('servers', 'v2.52', 'server-create-resp.json'))
