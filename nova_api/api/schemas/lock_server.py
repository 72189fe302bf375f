"""Request and response schemas of the lock and unlock server actions.

Before 2.73 ``lock`` takes any value (clients send null); from 2.73 null
or an object with the ``locked_reason`` shown by the server's views.
``unlock`` takes any value at every version.
"""

lock = {
    'type': 'object',
    'properties': {'lock': {}},
    'required': ['lock'],
    'additionalProperties': False,
}

lock_v273 = {
    'type': 'object',
    'properties': {
        'lock': {
            'type': ['object', 'null'],
            'properties': {
                'locked_reason': {
                    'type': 'string', 'minLength': 1, 'maxLength': 255,
                },
            },
            'additionalProperties': False,
        },
    },
    'required': ['lock'],
    'additionalProperties': False,
}

unlock = {
    'type': 'object',
    'properties': {'unlock': {}},
    'required': ['unlock'],
    'additionalProperties': False,
}

lock_response = {'type': 'null'}
unlock_response = {'type': 'null'}
