"""Request, query and response schemas of /flavors.

What each microversion changed:

- 2.55: a ``description`` in every flavor (the list's too), accepted on
  create, and ``PUT /flavors/{flavor_id}`` to change it;
- 2.61: ``extra_specs`` in the flavor of detail, show, create and update,
  when the caller may list extra specs (so not required);
- 2.75: ``swap`` is 0 rather than "" without swap; unknown parameters of
  the lists are refused;
- 2.102: no ``rxtx_factor`` nor ``OS-FLV-DISABLED:disabled`` in a flavor,
  ``rxtx_factor`` neither on create nor as a sort key, a ``name`` filter
  on the lists, and unknown parameters of show are refused.
"""

import copy

from nova_api.api.validation import history
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


# A TEXT column (64 KiB); null clears it.
_description = {
    'type': ['string', 'null'], 'minLength': 0, 'maxLength': 65535,
    'pattern': parameter_types.PRINTABLE,
}

_create_v20 = {
    'type': 'object',
    'properties': {
        'flavor': {
            'type': 'object',
            'properties': {
                # /v2 accepts names with leading or trailing spaces (they
                # are stripped).
                'name': _format_first(
                    parameter_types.name_with_leading_trailing_spaces),
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


def _flavor_fields(schema):
    return schema['properties']['flavor']['properties']


def _strict_name(schema):
    _flavor_fields(schema)['name'] = _format_first(parameter_types.name)


def _accept_description(schema):
    _flavor_fields(schema)['description'] = _description


def _refuse_rxtx_factor(schema):
    del _flavor_fields(schema)['rxtx_factor']


create_requests = history.of(_create_v20, [
    ('2.1', _strict_name),
    ('2.55', _accept_description),
    ('2.102', _refuse_rxtx_factor),
], '2.0')

# The description is the one thing an update may change.
update_request = {
    'type': 'object',
    'properties': {
        'flavor': {
            'type': 'object',
            'properties': {'description': _description},
            'required': ['description'],
            'additionalProperties': False,
        },
    },
    'required': ['flavor'],
    'additionalProperties': False,
}

# Until 2.75 unknown parameters are ignored (and dropped); values of
# minRam, minDisk, is_public and name are checked by the controller, with
# Nova's messages.
_index_query = {
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


def _refuse_unknown(schema):
    schema['additionalProperties'] = False


def _name_filter_and_no_rxtx_factor(schema):
    schema['properties']['name'] = parameter_types.multi_params(
        {'type': 'string'})
    schema['properties']['sort_key']['items']['enum'].remove('rxtx_factor')


index_queries = history.of(_index_query, [
    ('2.75', _refuse_unknown),
    ('2.102', _name_filter_and_no_rxtx_factor),
], '2.0')

show_queries = history.of(parameter_types.no_query_parameters, [
    ('2.102', _refuse_unknown),
], '2.0')

# Nova ignores the query string of a delete, at every version.
delete_query = parameter_types.no_query_parameters

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

_size = {'type': 'integer', 'minimum': 0}


def _summary(properties):
    return {
        'type': 'object',
        'properties': properties,
        'required': list(properties),
        'additionalProperties': False,
    }


_summary_properties = {
    'id': {'type': 'string'},
    'name': {'type': 'string'},
    'links': _links,
}

_flavor_properties = {
    'id': {'type': 'string'},
    'name': {'type': 'string'},
    'ram': _size,
    'disk': _size,
    # "" when the flavor has no swap, until 2.75.
    'swap': {'anyOf': [_size, {'enum': ['']}]},
    'OS-FLV-EXT-DATA:ephemeral': _size,
    'OS-FLV-DISABLED:disabled': {'type': 'boolean'},
    'vcpus': _size,
    'os-flavor-access:is_public': {'type': 'boolean'},
    'rxtx_factor': {'anyOf': [{'type': 'number'}, {'enum': ['']}]},
    'links': _links,
}


def _flavor(properties):
    # Extra specs are left out for a caller who may not list them.
    return {
        'type': 'object',
        'properties': properties,
        'required': [name for name in properties if name != 'extra_specs'],
        'additionalProperties': False,
    }


def _add_description(properties):
    properties['description'] = {'type': ['string', 'null']}


def _add_extra_specs(properties):
    properties['extra_specs'] = copy.deepcopy(parameter_types.metadata)


def _integer_swap(properties):
    properties['swap'] = _size


def _drop_rxtx_factor_and_disabled(properties):
    del properties['rxtx_factor']
    del properties['OS-FLV-DISABLED:disabled']


# What each version changed in the flavor of detail, show, create and,
# from 2.55, update.
FLAVOR_CHANGES = [
    ('2.55', _add_description),
    ('2.61', _add_extra_specs),
    ('2.75', _integer_swap),
    ('2.102', _drop_rxtx_factor_and_disabled),
]
_flavors = history.mapped(
    history.of(_flavor_properties, FLAVOR_CHANGES, '2.0'), _flavor)
_summaries = history.mapped(
    history.of(_summary_properties, FLAVOR_CHANGES[:1], '2.0'), _summary)


def _one(flavor):
    return {
        'type': 'object',
        'properties': {'flavor': flavor},
        'required': ['flavor'],
        'additionalProperties': False,
    }


def _many(flavor):
    return {
        'type': 'object',
        'properties': {
            'flavors': {'type': 'array', 'items': flavor},
            'flavors_links': parameter_types.next_links,
        },
        'required': ['flavors'],
        'additionalProperties': False,
    }


index_responses = history.mapped(_summaries, _many)
detail_responses = history.mapped(_flavors, _many)
show_responses = history.mapped(_flavors, _one)
create_responses = show_responses
# Update exists from 2.55, when the flavor is the one of show.
update_responses = [(schema, low, high) for schema, low, high
                    in show_responses if low != '2.0']

delete_response = {'type': 'null'}
