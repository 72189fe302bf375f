"""Request and response schemas of the changePassword server action
(os-admin-password): an object with the new ``adminPass``, any string
(Nova limits neither its length nor its characters)."""

change_password = {
    'type': 'object',
    'properties': {
        'changePassword': {
            'type': 'object',
            'properties': {'adminPass': {'type': 'string'}},
            'required': ['adminPass'],
            'additionalProperties': False,
        },
    },
    'required': ['changePassword'],
    'additionalProperties': False,
}

change_password_response = {'type': 'null'}
