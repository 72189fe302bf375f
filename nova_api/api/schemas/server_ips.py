"""Query and response schemas of /servers/{server_id}/ips."""

import copy

from nova_api.api.validation import parameter_types


# Nova ignores unknown query parameters here (until 2.102).
index_query = parameter_types.no_query_parameters

show_query = index_query
index_query_v2102 = show_query_v2102 = (
    parameter_types.strict_no_query_parameters)

_address = {
    'type': 'object',
    'properties': {
        'addr': {
            'type': 'string',
            'oneOf': [{'format': 'ipv4'}, {'format': 'ipv6'}],
        },
        'version': {'enum': [4, 6]},
    },
    'required': ['addr', 'version'],
    'additionalProperties': False,
}

# {network name: [address, ...]}
_networks = {
    'type': 'object',
    'patternProperties': {
        '^.+$': {'type': 'array', 'items': _address},
    },
    'additionalProperties': False,
}

index_response = {
    'type': 'object',
    'properties': {'addresses': _networks},
    'required': ['addresses'],
    'additionalProperties': False,
}

show_response = copy.deepcopy(_networks)
