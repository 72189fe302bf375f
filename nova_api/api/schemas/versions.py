"""Schemas of the version document served inside the API pipeline."""

from nova_api.api.validation import parameter_types


show_query = parameter_types.no_query_parameters

_link = {
    'type': 'object',
    'properties': {
        'rel': {'type': 'string'},
        'href': {'type': 'string'},
        'type': {'type': 'string'},
    },
    'required': ['rel', 'href'],
    'additionalProperties': False,
}

show_response = {
    'type': 'object',
    'properties': {
        'version': {
            'type': 'object',
            'properties': {
                'id': {'type': 'string', 'enum': ['v2.0', 'v2.1']},
                'status': {'type': 'string',
                           'enum': ['CURRENT', 'SUPPORTED', 'DEPRECATED']},
                'version': {'type': 'string'},
                'min_version': {'type': 'string'},
                'updated': {'type': 'string', 'format': 'date-time'},
                'links': {'type': 'array', 'items': _link},
                'media-types': {
                    'type': 'array',
                    'items': {
                        'type': 'object',
                        'properties': {'base': {'type': 'string'},
                                       'type': {'type': 'string'}},
                        'required': ['base', 'type'],
                        'additionalProperties': False,
                    },
                },
            },
            'required': ['id', 'status', 'version', 'min_version',
                         'updated', 'links', 'media-types'],
            'additionalProperties': False,
        },
    },
    'required': ['version'],
    'additionalProperties': False,
}
