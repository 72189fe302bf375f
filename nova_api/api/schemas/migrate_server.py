"""Request and response schemas of the migrate server action.

As in Nova: any body before 2.56, then null or an object with a "host"
(a host name, or null).
"""

# Nova validates nothing before 2.56.
migrate_v20 = {
    'type': 'object',
    'properties': {'migrate': {}},
    'required': ['migrate'],
}

migrate_v256 = {
    'type': 'object',
    'properties': {
        'migrate': {
            'type': ['object', 'null'],
            'properties': {
                'host': {
                    'type': ['string', 'null'],
                    'pattern': '^[a-zA-Z0-9-._]*$',
                    'minLength': 1,
                    'maxLength': 255,
                },
            },
            'additionalProperties': False,
        },
    },
    'required': ['migrate'],
    'additionalProperties': False,
}

migrate_response = {'type': 'null'}
