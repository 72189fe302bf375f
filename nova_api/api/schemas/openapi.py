"""Schemas of GET /openapi.json, the OpenAPI document of the version
asked for (nova_api.api.openapi)."""

from nova_api.api.validation import parameter_types

show_query = parameter_types.no_query_parameters

# The document itself is checked by openapi-spec-validator in the tests;
# here only its outline.
show_response = {
    'type': 'object',
    'properties': {
        'openapi': {'type': 'string', 'pattern': '^3\\.1\\.[0-9]+$'},
        'info': {
            'type': 'object',
            'properties': {'title': {'type': 'string'},
                           'version': {'type': 'string'}},
            'required': ['title', 'version'],
        },
        'servers': {'type': 'array'},
        'paths': {'type': 'object'},
        'components': {'type': 'object'},
    },
    'required': ['openapi', 'info', 'paths'],
}
