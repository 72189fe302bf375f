"""Request, query and response schemas of flavor access.

From 2.102 the access list refuses unknown query parameters.
"""

import copy

from nova_api.api.validation import parameter_types


# A project id as the access table stores it.
_tenant = {'type': 'string', 'minLength': 1, 'maxLength': 255}


def _action(name):
    return {
        'type': 'object',
        'properties': {
            name: {
                'type': 'object',
                'properties': {'tenant': _tenant},
                'required': ['tenant'],
                'additionalProperties': False,
            },
        },
        'required': [name],
        'additionalProperties': False,
    }


add_tenant_access = _action('addTenantAccess')
remove_tenant_access = _action('removeTenantAccess')

_strict_query = dict(copy.deepcopy(parameter_types.no_query_parameters),
                     additionalProperties=False)
index_queries = [
    (parameter_types.no_query_parameters, '2.0', '2.101'),
    (_strict_query, '2.102', None),
]

access_list_response = {
    'type': 'object',
    'properties': {
        'flavor_access': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    'flavor_id': {'type': 'string'},
                    'tenant_id': {'type': 'string'},
                },
                'required': ['flavor_id', 'tenant_id'],
                'additionalProperties': False,
            },
        },
    },
    'required': ['flavor_access'],
    'additionalProperties': False,
}
