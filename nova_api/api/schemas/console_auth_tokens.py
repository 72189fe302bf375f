"""Query and response schemas of GET /os-console-auth-tokens/{token}:
no query parameters (unknown ones ignored until 2.98, refused from
2.99, as Nova's), and the console's connection details; from 2.99 a
spice-direct console's "tls_port"."""

import copy

from nova_api.api.validation import parameter_types

show_query = parameter_types.no_query_parameters
show_query_v299 = parameter_types.strict_no_query_parameters

show_response = {
    'type': 'object',
    'properties': {
        'console': {
            'type': 'object',
            'properties': {
                'instance_uuid': {'type': 'string', 'format': 'uuid'},
                'host': {'type': ['string', 'null']},
                'port': {'type': 'integer'},
                'internal_access_path': {'type': ['string', 'null']},
            },
            'required': ['instance_uuid', 'host', 'port',
                         'internal_access_path'],
            'additionalProperties': False,
        },
    },
    'required': ['console'],
    'additionalProperties': False,
}

show_response_v299 = copy.deepcopy(show_response)
show_response_v299['properties']['console']['properties']['tls_port'] = {
    'type': ['integer', 'null']}
