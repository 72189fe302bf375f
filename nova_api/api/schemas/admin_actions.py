"""Request and response schemas of the os-resetState and
injectNetworkInfo server actions.

``injectNetworkInfo`` takes any value (clients send null), as in Nova.
"""

reset_state = {
    'type': 'object',
    'properties': {
        'os-resetState': {
            'type': 'object',
            'properties': {
                'state': {'type': 'string', 'enum': ['active', 'error']},
            },
            'required': ['state'],
            'additionalProperties': False,
        },
    },
    'required': ['os-resetState'],
    'additionalProperties': False,
}

inject_network_info = {
    'type': 'object',
    'properties': {'injectNetworkInfo': {}},
    'required': ['injectNetworkInfo'],
    'additionalProperties': False,
}

reset_state_response = {'type': 'null'}
inject_network_info_response = {'type': 'null'}
