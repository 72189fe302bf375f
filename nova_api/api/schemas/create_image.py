"""Request and response schemas of the createImage server action.

The name may not start or end with spaces at 2.1 (nor, as in Nova, at
/v2, whose relaxed validation otherwise applies); metadata is image
metadata. The response has no body before 2.45 (a Location header
names the image), then the image's id.
"""

from nova_api.api.validation import parameter_types

create_image = {
    'type': 'object',
    'properties': {
        'createImage': {
            'type': 'object',
            'properties': {
                'name': parameter_types.name,
                'metadata': parameter_types.metadata,
            },
            'required': ['name'],
            'additionalProperties': False,
        },
    },
    'required': ['createImage'],
    'additionalProperties': False,
}

create_image_response = {'type': 'null'}

create_image_response_v245 = {
    'type': 'object',
    'properties': {
        'image_id': {'type': 'string', 'format': 'uuid'},
    },
    'required': ['image_id'],
    'additionalProperties': False,
}
