"""Query and response schemas of /os-hello."""

from nova_api.api.validation import parameter_types

# Unknown query parameters are ignored (and removed), as on Nova's older
# list APIs; a known one with a bad value is a 400.
index_query = {
    'type': 'object',
    'properties': {
        'language': parameter_types.single_param(
            {'type': 'string', 'minLength': 1, 'maxLength': 64}),
    },
    'additionalProperties': True,
}

show_query = {
    'type': 'object',
    'properties': {
        'project_id': parameter_types.single_param(
            parameter_types.project_id),
    },
    'additionalProperties': True,
}

_greeting_properties = {
    'id': {'type': 'string'},
    'language': {'type': 'string'},
    'message': {'type': 'string'},
}

index_response = {
    'type': 'object',
    'properties': {
        'greetings': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': _greeting_properties,
                'required': ['id', 'language', 'message'],
                'additionalProperties': False,
            },
        },
    },
    'required': ['greetings'],
    'additionalProperties': False,
}

show_response = {
    'type': 'object',
    'properties': {
        'greeting': {
            'type': 'object',
            'properties': dict(_greeting_properties,
                               project_id={'type': 'string'}),
            'required': ['id', 'language', 'message', 'project_id'],
            'additionalProperties': False,
        },
    },
    'required': ['greeting'],
    'additionalProperties': False,
}
