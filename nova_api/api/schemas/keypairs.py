"""JSON-Schema of os-keypairs: request bodies, query strings, responses.

Version ranges: "2.0" is /v2; 2.2 added ``type``; 2.10 added ``user_id``
(create body and the query of list, show and delete); 2.35 pages the list
(``limit``, ``marker``, ``keypairs_links``); 2.75 rejects unknown query
parameters; 2.92 requires ``public_key`` (no more generated key pairs) and
allows "@" and "." in names.
"""

import copy

from nova_api.api.validation import parameter_types

# From 2.1 a key pair name is a printable name without surrounding spaces
# made of letters, digits, spaces, "_" and "-" only. /v2 takes any
# printable name (surrounding spaces are stripped before it is stored).
keypair_name = {
    'allOf': [
        parameter_types.name,
        {
            'type': 'string', 'minLength': 1, 'maxLength': 255,
            'pattern': r'^[_\- a-zA-Z0-9]+$',
        },
    ],
}

# 2.92 adds "@" and "."; the pattern is written as Nova's, whose text
# the error message quotes.
keypair_name_v292 = {
    'allOf': [
        parameter_types.name,
        {
            'type': 'string', 'minLength': 1, 'maxLength': 255,
            'pattern': r'^[_\-\@\. a-zA-Z0-9]+$',
        },
    ],
}

keypair_type = {'type': 'string', 'enum': ['ssh', 'x509']}


def _create_body(properties):
    return {
        'type': 'object',
        'properties': {
            'keypair': {
                'type': 'object',
                'properties': properties,
                'required': ['name'],
                'additionalProperties': False,
            },
        },
        'required': ['keypair'],
        'additionalProperties': False,
    }


create = _create_body({
    'name': keypair_name,
    'public_key': {'type': 'string'},
})

# parameter_types.name_with_leading_trailing_spaces with Nova's key order:
# Nova reports the first error in schema order, so for "" the format's
# message comes before minLength's.
_v20_name = {
    'type': 'string', 'format': 'name_with_leading_trailing_spaces',
    'minLength': 1, 'maxLength': 255,
}

create_v20 = _create_body({
    'name': _v20_name,
    'public_key': {'type': 'string'},
})

create_v22 = _create_body({
    'name': keypair_name,
    'type': keypair_type,
    'public_key': {'type': 'string'},
})

create_v210 = _create_body({
    'name': keypair_name,
    'type': keypair_type,
    'public_key': {'type': 'string'},
    # Nova takes any string; the owner column holds 255 characters.
    'user_id': {'type': 'string', 'maxLength': 255},
})

create_v292 = copy.deepcopy(create_v210)
create_v292['properties']['keypair']['properties']['name'] = (
    keypair_name_v292)
create_v292['properties']['keypair']['required'] = ['name', 'public_key']

# Unknown query parameters are ignored (and removed before the controller
# sees them), as in Nova before 2.75.
query = parameter_types.no_query_parameters

query_v210 = {
    'type': 'object',
    'properties': {
        # Given twice, the first one counts.
        'user_id': parameter_types.multi_params({'type': 'string'}),
    },
    'additionalProperties': True,
}


def _strict(schema):
    strict = copy.deepcopy(schema)
    strict['additionalProperties'] = False
    return strict


index_query = show_query = delete_query = query
index_query_v210 = show_query_v210 = delete_query_v210 = query_v210

index_query_v235 = copy.deepcopy(query_v210)
index_query_v235['properties'].update({
    'limit': parameter_types.multi_params(
        parameter_types.non_negative_integer),
    'marker': parameter_types.multi_params({'type': 'string'}),
})

index_query_v275 = _strict(index_query_v235)
show_query_v275 = delete_query_v275 = _strict(query_v210)

# Responses. Names are looser than in requests: /v2 stores any printable
# name, and every version shows it.
_name = {'type': 'string', 'minLength': 1, 'maxLength': 255}


def _keypair_object(properties, required):
    return {
        'type': 'object',
        'properties': dict(properties),
        'required': list(required),
        'additionalProperties': False,
    }


def _with_type(schema, *path):
    """A copy of `schema` whose keypair object (at `path`) has `type`."""
    schema = copy.deepcopy(schema)
    keypair = schema
    for key in path:
        keypair = keypair[key]
    keypair['properties']['type'] = keypair_type
    keypair['required'].append('type')
    return schema


_summary_properties = {
    'fingerprint': {'type': 'string'},
    'name': _name,
    'public_key': {'type': 'string'},
}
_summary_required = ['fingerprint', 'name', 'public_key']

index_response = {
    'type': 'object',
    'properties': {
        'keypairs': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    'keypair': _keypair_object(_summary_properties,
                                               _summary_required),
                },
                'required': ['keypair'],
                'additionalProperties': False,
            },
        },
    },
    'required': ['keypairs'],
    'additionalProperties': False,
}
index_response_v22 = _with_type(
    index_response, 'properties', 'keypairs', 'items', 'properties',
    'keypair')

index_response_v235 = copy.deepcopy(index_response_v22)
# The "next" page of a full one (2.35).
index_response_v235['properties']['keypairs_links'] = (
    parameter_types.next_links)

create_response = {
    'type': 'object',
    'properties': {
        'keypair': _keypair_object(
            dict(_summary_properties,
                 user_id=parameter_types.user_id,
                 # Only when the key pair was generated.
                 private_key={'type': 'string'}),
            _summary_required + ['user_id']),
    },
    'required': ['keypair'],
    'additionalProperties': False,
}
create_response_v22 = _with_type(create_response, 'properties', 'keypair')

# Nothing is generated from 2.92, so no private key is ever returned.
create_response_v292 = copy.deepcopy(create_response_v22)
del create_response_v292['properties']['keypair']['properties'][
    'private_key']

show_response = {
    'type': 'object',
    'properties': {
        'keypair': _keypair_object(
            dict(_summary_properties,
                 user_id=parameter_types.user_id,
                 id={'type': 'integer'},
                 created_at=parameter_types.naive_timestamp,
                 # Key pairs are never updated, and deleted ones are gone.
                 updated_at={'type': 'null'},
                 deleted={'type': 'boolean', 'enum': [False]},
                 deleted_at={'type': 'null'}),
            _summary_required + ['user_id', 'id', 'created_at',
                                 'updated_at', 'deleted', 'deleted_at']),
    },
    'required': ['keypair'],
    'additionalProperties': False,
}
show_response_v22 = _with_type(show_response, 'properties', 'keypair')

delete_response = {'type': 'null'}
