"""JSON-Schema of os-quota-sets: request bodies, query strings, responses.

Up to 2.35 (all this service serves) every resource is shown and settable,
Nova's former nova-network ones (fixed_ips, floating_ips, security_groups,
security_group_rules) included.
"""

import copy

from nova_api.api.validation import parameter_types

RESOURCES = (
    'cores', 'fixed_ips', 'floating_ips', 'injected_file_content_bytes',
    'injected_file_path_bytes', 'injected_files', 'instances', 'key_pairs',
    'metadata_items', 'ram', 'security_group_rules', 'security_groups',
    'server_group_members', 'server_groups',
)

# A limit: an integer, or a string of one; -1 is unlimited; the column is
# a signed 32-bit integer.
limit = {
    'type': ['integer', 'string'],
    'pattern': '^-?[0-9]+$',
    'minimum': -1,
    'maximum': parameter_types.DB_MAX_INT,
}


def limits_object(resources, extra=None):
    """A request object setting any of `resources`."""
    properties = {resource: limit for resource in resources}
    properties.update(extra or {})
    return {
        'type': 'object',
        'properties': properties,
        'additionalProperties': False,
    }


update = {
    'type': 'object',
    'properties': {
        'quota_set': limits_object(
            RESOURCES, {'force': parameter_types.boolean}),
    },
    'required': ['quota_set'],
    'additionalProperties': False,
}

# Unknown query parameters are ignored (and removed before the controller
# sees them), as in Nova before 2.75. Given twice, the first user_id counts.
query = {
    'type': 'object',
    'properties': {
        'user_id': parameter_types.multi_params({'type': 'string'}),
    },
    'additionalProperties': True,
}
show_query = detail_query = update_query = delete_query = query

defaults_query = parameter_types.no_query_parameters

_response_limit = {'type': 'integer', 'minimum': -1}
_response_usage = {
    'type': 'object',
    'properties': {
        'in_use': {'type': 'integer', 'minimum': 0},
        'limit': _response_limit,
        'reserved': {'type': 'integer', 'enum': [0]},
    },
    'required': ['in_use', 'limit', 'reserved'],
    'additionalProperties': False,
}


def response(resources, value, with_id, key='quota_set'):
    """A response body: `key` holding `value` for each of `resources`, and
    the id of the project (or class) when `with_id`."""
    properties = {resource: copy.deepcopy(value) for resource in resources}
    required = list(resources)
    if with_id:
        properties['id'] = {'type': 'string'}
        required.append('id')
    return {
        'type': 'object',
        'properties': {
            key: {
                'type': 'object',
                'properties': properties,
                'required': required,
                'additionalProperties': False,
            },
        },
        'required': [key],
        'additionalProperties': False,
    }


show_response = defaults_response = response(
    RESOURCES, _response_limit, with_id=True)
detail_response = response(RESOURCES, _response_usage, with_id=True)
# Nova's update answer has no id.
update_response = response(RESOURCES, _response_limit, with_id=False)
delete_response = {'type': 'null'}
