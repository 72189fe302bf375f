"""Request, query and response schemas of /flavors (2.0 to 2.10)."""

import copy

from nova_api.api.validation import parameter_types

# The sort keys Nova accepts (the flavors table's columns).
SORT_KEYS = [
    'created_at', 'description', 'disabled', 'ephemeral_gb', 'flavorid', 'id',
    'is_public', 'memory_mb', 'name', 'root_gb', 'rxtx_factor', 'swap',
    'updated_at', 'vcpu_weight', 'vcpus',
]
SORT_DIRS = ['asc', 'desc']


def _format_first(name_fragment):
    # Nova checks a name's format before its length, and the first of
    # several errors is the one reported: "" on /v2 breaks the format rule.
    return {'format': name_fragment['format'], **name_fragment}


create = {
    'type': 'object',
    'properties': {
        'flavor': {
            'type': 'object',
            'properties': {
                'name': _format_first(parameter_types.name),
                # null or absent: a UUID is generated. A number is kept as
                # its string.
                'id': {
                    'type': ['string', 'number', 'null'],
                    'minLength': 1, 'maxLength': 255,
                    'pattern': '^(?! )[a-zA-Z0-9. _-]+(?<! )$',
                },
                'ram': parameter_types.flavor_param_positive,
                'vcpus': parameter_types.flavor_param_positive,
                'disk': parameter_types.flavor_param_non_negative,
                'OS-FLV-EXT-DATA:ephemeral':
                    parameter_types.flavor_param_non_negative,
                'swap': parameter_types.flavor_param_non_negative,
                'rxtx_factor': {
                    'type': ['number', 'string'],
                    'pattern': r'^[0-9]+(\.[0-9]+)?$',
                    'minimum': 0, 'exclusiveMinimum': True,
                    # A database FLOAT (single precision).
                    'maximum': 3.40282e+38,
                },
                'os-flavor-access:is_public': parameter_types.boolean,
            },
            'required': ['name', 'ram', 'vcpus', 'disk'],
            'additionalProperties': False,
        },
    },
    'required': ['flavor'],
    'additionalProperties': False,
}

# /v2 accepts names with leading or trailing spaces (they are stripped).
create_v20 = copy.deepcopy(create)
create_v20['properties']['flavor']['properties']['name'] = _format_first(
    parameter_types.name_with_leading_trailing_spaces)

# Unknown parameters are ignored (and dropped) at these versions; values
# of minRam, minDisk and is_public are checked by the controller, with
# Nova's messages.
index_query = {
    'type': 'object',
    'properties': {
        'limit': parameter_types.multi_params(
            parameter_types.non_negative_integer),
        'marker': parameter_types.multi_params({'type': 'string'}),
        'is_public': parameter_types.multi_params({'type': 'string'}),
        'minRam': parameter_types.multi_params({'type': 'string'}),
        'minDisk': parameter_types.multi_params({'type': 'string'}),
        'sort_key': parameter_types.multi_params(
            {'type': 'string', 'enum': SORT_KEYS}),
        'sort_dir': parameter_types.multi_params(
            {'type': 'string', 'enum': SORT_DIRS}),
    },
    'additionalProperties': True,
}

show_query = parameter_types.no_query_parameters

# Nova ignores the query string of a delete.
delete_query = show_query

_link = {
    'type': 'object',
    'properties': {
        'href': {'type': 'string', 'format': 'uri'},
        'rel': {'type': 'string', 'enum': ['self', 'bookmark']},
    },
    'required': ['href', 'rel'],
    'additionalProperties': False,
}

_links = {'type': 'array', 'items': _link, 'minItems': 2, 'maxItems': 2}

_next_links = {
    'type': 'array',
    'items': {
        'type': 'object',
        'properties': {
            'href': {'type': 'string', 'format': 'uri'},
            'rel': {'type': 'string', 'enum': ['next']},
        },
        'required': ['href', 'rel'],
        'additionalProperties': False,
    },
    'minItems': 1,
    'maxItems': 1,
}

_size = {'type': 'integer', 'minimum': 0}

_flavor_summary = {
    'type': 'object',
    'properties': {
        'id': {'type': 'string'},
        'name': {'type': 'string'},
        'links': _links,
    },
    'required': ['id', 'name', 'links'],
    'additionalProperties': False,
}

_flavor = {
    'type': 'object',
    'properties': {
        'id': {'type': 'string'},
        'name': {'type': 'string'},
        'ram': _size,
        'disk': _size,
        # "" when the flavor has no swap.
        'swap': {'anyOf': [_size, {'enum': ['']}]},
        'OS-FLV-EXT-DATA:ephemeral': _size,
        'OS-FLV-DISABLED:disabled': {'type': 'boolean'},
        'vcpus': _size,
        'os-flavor-access:is_public': {'type': 'boolean'},
        'rxtx_factor': {'anyOf': [{'type': 'number'}, {'enum': ['']}]},
        'links': _links,
    },
    'required': [
        'id', 'name', 'ram', 'disk', 'swap', 'OS-FLV-EXT-DATA:ephemeral',
        'OS-FLV-DISABLED:disabled', 'vcpus', 'os-flavor-access:is_public',
        'rxtx_factor', 'links',
    ],
    'additionalProperties': False,
}

index_response = {
    'type': 'object',
    'properties': {
        'flavors': {'type': 'array', 'items': _flavor_summary},
        'flavors_links': _next_links,
    },
    'required': ['flavors'],
    'additionalProperties': False,
}

detail_response = {
    'type': 'object',
    'properties': {
        'flavors': {'type': 'array', 'items': _flavor},
        'flavors_links': _next_links,
    },
    'required': ['flavors'],
    'additionalProperties': False,
}

show_response = {
    'type': 'object',
    'properties': {'flavor': _flavor},
    'required': ['flavor'],
    'additionalProperties': False,
}

create_response = show_response

delete_response = {'type': 'null'}
