"""JSON-Schema of os-aggregates: request bodies, query strings, responses.

Version ranges ("2.0" is /v2):

- /v2 allows leading and trailing spaces in a created name and zone (they
  are stripped); an update's name allows them at every version.
- 2.41: aggregates show their ``uuid``.
- 2.81: POST /os-aggregates/{id}/images (image pre-caching).
- 2.102: the list and show refuse unknown query parameters.
"""

import copy

from nova_api.api.validation import parameter_types

_zone = {'oneOf': [parameter_types.az_name, {'type': 'null'}]}
_zone_with_spaces = {
    'oneOf': [parameter_types.az_name_with_leading_trailing_spaces,
              {'type': 'null'}]}


def _aggregate_properties(schema):
    return schema['properties']['aggregate']['properties']


create = {
    'type': 'object',
    'properties': {
        'aggregate': {
            'type': 'object',
            'properties': {
                'name': parameter_types.name,
                'availability_zone': _zone,
            },
            'required': ['name'],
            'additionalProperties': False,
        },
    },
    'required': ['aggregate'],
    'additionalProperties': False,
}

create_v20 = copy.deepcopy(create)
_aggregate_properties(create_v20).update(
    name=parameter_types.name_with_leading_trailing_spaces,
    availability_zone=_zone_with_spaces)

update = {
    'type': 'object',
    'properties': {
        'aggregate': {
            'type': 'object',
            'properties': {
                'name': parameter_types.name_with_leading_trailing_spaces,
                'availability_zone': _zone,
            },
            'additionalProperties': False,
            'anyOf': [{'required': ['name']},
                      {'required': ['availability_zone']}],
        },
    },
    'required': ['aggregate'],
    'additionalProperties': False,
}

update_v20 = copy.deepcopy(update)
_aggregate_properties(update_v20)['availability_zone'] = _zone_with_spaces


def _host_action(action):
    return {
        'type': 'object',
        'properties': {
            action: {
                'type': 'object',
                'properties': {'host': parameter_types.fqdn},
                'required': ['host'],
                'additionalProperties': False,
            },
        },
        'required': [action],
        'additionalProperties': False,
    }


add_host = _host_action('add_host')
remove_host = _host_action('remove_host')

set_metadata = {
    'type': 'object',
    'properties': {
        'set_metadata': {
            'type': 'object',
            'properties': {
                'metadata': parameter_types.metadata_with_null,
            },
            'required': ['metadata'],
            'additionalProperties': False,
        },
    },
    'required': ['set_metadata'],
    'additionalProperties': False,
}

images = {
    'type': 'object',
    'properties': {
        'cache': {
            'type': ['array'],
            'minItems': 1,
            'items': {
                'type': 'object',
                'properties': {'id': parameter_types.image_id},
                'additionalProperties': False,
                'required': ['id'],
            },
        },
    },
    'required': ['cache'],
    'additionalProperties': False,
}

# Nova ignores unknown query parameters here (until 2.102).
index_query = parameter_types.no_query_parameters
index_query_v2102 = parameter_types.strict_no_query_parameters
show_query = index_query
show_query_v2102 = index_query_v2102
# The delete ignores its query string at every version, as in Nova.
delete_query = parameter_types.no_query_parameters

_timestamp = parameter_types.naive_timestamp
_nullable_timestamp = {'oneOf': [_timestamp, {'type': 'null'}]}

_aggregate = {
    'type': 'object',
    'properties': {
        'availability_zone': {'type': ['null', 'string']},
        'created_at': _timestamp,
        'deleted': {'type': 'boolean', 'enum': [False]},
        'deleted_at': {'type': 'null'},
        'hosts': {'type': 'array', 'items': {'type': 'string'}},
        'id': {'type': 'integer'},
        'metadata': {
            'type': 'object',
            'additionalProperties': {'type': 'string'},
        },
        'name': {'type': 'string'},
        'updated_at': _nullable_timestamp,
    },
    'required': ['availability_zone', 'created_at', 'deleted',
                 'deleted_at', 'hosts', 'id', 'metadata', 'name',
                 'updated_at'],
    'additionalProperties': False,
}


def _with_uuid(aggregate):
    aggregate = copy.deepcopy(aggregate)
    aggregate['properties']['uuid'] = {'type': 'string', 'format': 'uuid'}
    aggregate['required'].append('uuid')
    return aggregate


def _without_members(aggregate):
    aggregate = copy.deepcopy(aggregate)
    for name in ('hosts', 'metadata'):
        del aggregate['properties'][name]
        aggregate['required'].remove(name)
    return aggregate


def _one(aggregate):
    return {
        'type': 'object',
        'properties': {'aggregate': aggregate},
        'required': ['aggregate'],
        'additionalProperties': False,
    }


def _many(aggregate):
    return {
        'type': 'object',
        'properties': {'aggregates': {'type': 'array', 'items': aggregate}},
        'required': ['aggregates'],
        'additionalProperties': False,
    }


index_response = _many(_aggregate)
index_response_v241 = _many(_with_uuid(_aggregate))

create_response = _one(_without_members(_aggregate))
create_response_v241 = _one(_without_members(_with_uuid(_aggregate)))

# show, update and the actions answer with the whole aggregate.
show_response = _one(_aggregate)
show_response_v241 = _one(_with_uuid(_aggregate))

delete_response = {'type': 'null'}
images_response = {'type': 'null'}
