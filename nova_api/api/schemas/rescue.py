"""Request and response schemas of the rescue and unrescue server
actions (os-rescue).

``rescue`` takes null or an object with an optional ``adminPass`` (any
string, as Nova takes it) and ``rescue_image_ref`` (an image's UUID);
``unrescue`` takes any value. Rescue answers the password, or nothing
when ``[api] enable_instance_password`` is off.
"""

rescue = {
    'type': 'object',
    'properties': {
        'rescue': {
            'type': ['object', 'null'],
            'properties': {
                'adminPass': {'type': 'string'},
                'rescue_image_ref': {'type': 'string', 'format': 'uuid'},
            },
            'additionalProperties': False,
        },
    },
    'required': ['rescue'],
    'additionalProperties': False,
}

unrescue = {
    'type': 'object',
    'properties': {'unrescue': {}},
    'required': ['unrescue'],
    'additionalProperties': False,
}

rescue_response = {
    'type': 'object',
    'properties': {'adminPass': {'type': 'string'}},
    'additionalProperties': False,
}

unrescue_response = {'type': 'null'}
