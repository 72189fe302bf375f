"""JSON-Schema of os-server-groups: request bodies, query strings, responses.

One range serves every version up to our maximum (2.10): the changes of
2.13 (project_id, user_id), 2.15 (soft policies), 2.64 (policy, rules),
2.75 and 2.102 (strict queries) are above it.
"""

from nova_api.api.validation import parameter_types

# The policies a client may ask for; Nova's 'legacy' policy is never one.
POLICIES = ['anti-affinity', 'affinity']

# Exactly one policy, as a list (a plain string from 2.64). Draft 4 spells
# Nova's prefixItems as a list of items; the key order is Nova's, so the
# first error reported is the same.
_policies = {
    'type': 'array',
    'items': [{'type': 'string', 'enum': POLICIES}],
    'uniqueItems': True,
    'minItems': 1,
    'maxItems': 1,
    'additionalItems': False,
}

create = {
    'type': 'object',
    'properties': {
        'server_group': {
            'type': 'object',
            'properties': {
                'name': parameter_types.name,
                'policies': _policies,
            },
            'required': ['name', 'policies'],
            'additionalProperties': False,
        },
    },
    'required': ['server_group'],
    'additionalProperties': False,
}

# Unknown query parameters are ignored (and removed before the controller
# sees them), as in Nova before 2.75 (list) and 2.102 (show).
index_query = {
    'type': 'object',
    'properties': {
        # Its presence counts, whatever its value.
        'all_projects': parameter_types.multi_params({'type': 'string'}),
        # Given twice, the last one counts.
        'limit': parameter_types.multi_params(
            parameter_types.non_negative_integer),
        'offset': parameter_types.multi_params(
            parameter_types.non_negative_integer),
    },
    'additionalProperties': True,
}

show_query = delete_query = parameter_types.no_query_parameters

_uuid = {'type': 'string', 'format': 'uuid'}

_server_group = {
    'type': 'object',
    'properties': {
        'id': _uuid,
        'name': {'type': 'string', 'minLength': 1, 'maxLength': 255},
        'policies': {
            'type': 'array',
            'items': [{'type': 'string', 'enum': POLICIES}],
            'minItems': 1,
            'maxItems': 1,
            'additionalItems': False,
        },
        'members': {'type': 'array', 'items': _uuid},
        # Always empty: groups had metadata once, and until 2.64 Nova
        # still shows where it was.
        'metadata': {
            'type': 'object',
            'properties': {},
            'additionalProperties': False,
        },
    },
    'required': ['id', 'name', 'policies', 'members', 'metadata'],
    'additionalProperties': False,
}

show_response = create_response = {
    'type': 'object',
    'properties': {'server_group': _server_group},
    'required': ['server_group'],
    'additionalProperties': False,
}

index_response = {
    'type': 'object',
    'properties': {
        'server_groups': {'type': 'array', 'items': _server_group},
    },
    'required': ['server_groups'],
    'additionalProperties': False,
}

delete_response = {'type': 'null'}
