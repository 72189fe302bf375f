"""JSON-Schema of /os-availability-zone: the queries and the responses."""

import copy

from nova_api.api.validation import parameter_types


# Unknown query parameters are ignored, as in Nova, until 2.102.
index_query = parameter_types.no_query_parameters
detail_query = index_query
index_query_v2102 = detail_query_v2102 = (
    parameter_types.strict_no_query_parameters)

_zone_state = {
    'type': 'object',
    'properties': {'available': {'type': 'boolean'}},
    'required': ['available'],
    'additionalProperties': False,
}

index_response = {
    'type': 'object',
    'properties': {
        'availabilityZoneInfo': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    'zoneName': {'type': 'string', 'minLength': 1},
                    'zoneState': _zone_state,
                    'hosts': {'type': 'null'},
                },
                'required': ['zoneName', 'zoneState', 'hosts'],
                'additionalProperties': False,
            },
        },
    },
    'required': ['availabilityZoneInfo'],
    'additionalProperties': False,
}

_service_state = {
    'type': 'object',
    'properties': {
        'available': {'type': 'boolean'},
        'active': {'type': 'boolean'},
        'updated_at': {'oneOf': [parameter_types.naive_timestamp,
                                 {'type': 'null'}]},
    },
    'required': ['available', 'active', 'updated_at'],
    'additionalProperties': False,
}

# host name → {service binary → its state}; a zone no service of which
# is enabled has null hosts.
_hosts = {
    'type': ['object', 'null'],
    'patternProperties': {
        '^.+$': {
            'type': 'object',
            'patternProperties': {'^.+$': _service_state},
            'additionalProperties': False,
        },
    },
    'additionalProperties': False,
}

detail_response = copy.deepcopy(index_response)
detail_response['properties']['availabilityZoneInfo']['items'][
    'properties']['hosts'] = _hosts
