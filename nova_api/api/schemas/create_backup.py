"""Request and response schemas of the createBackup server action.

/v2 takes a name with leading or trailing spaces (stripped); rotation is
a non-negative integer or a string of digits. The response has no body
before 2.45 (a Location header names the image when rotation is not 0),
then the image's id.
"""

import copy

from nova_api.api.validation import parameter_types

create_backup = {
    'type': 'object',
    'properties': {
        'createBackup': {
            'type': 'object',
            'properties': {
                'name': parameter_types.name,
                'backup_type': {'type': 'string'},
                'rotation': parameter_types.non_negative_integer,
                'metadata': parameter_types.metadata,
            },
            'required': ['name', 'backup_type', 'rotation'],
            'additionalProperties': False,
        },
    },
    'required': ['createBackup'],
    'additionalProperties': False,
}

create_backup_v20 = copy.deepcopy(create_backup)
create_backup_v20['properties']['createBackup']['properties']['name'] = (
    parameter_types.name_with_leading_trailing_spaces)

create_backup_response = {'type': 'null'}

create_backup_response_v245 = {
    'type': 'object',
    'properties': {
        'image_id': {'type': 'string', 'format': 'uuid'},
    },
    'required': ['image_id'],
    'additionalProperties': False,
}
