"""Query and response schemas of /images (2.0 to 2.10).

As in Nova, the filters' values are not checked by the schema (the
controller reports a bad value with Nova's fault); limit, page_size and
offset must be whole numbers. page_size and offset are accepted and have
no effect, as Nova drops them before asking the image service.
"""

from nova_api.api.validation import parameter_types

_any = parameter_types.multi_params({'type': 'string'})
_count = parameter_types.multi_params(parameter_types.positive_integer)

index_query = {
    'type': 'object',
    'properties': {
        'name': _any,
        'status': _any,
        'changes-since': _any,
        'server': _any,
        'type': _any,
        'minRam': _any,
        'minDisk': _any,
        'limit': _count,
        'page_size': _count,
        'marker': _any,
        'offset': _count,
    },
    'patternProperties': {'^property-.*$': _any},
    'additionalProperties': True,
}

detail_query = index_query

show_query = parameter_types.no_query_parameters

# Nova ignores the query string of a delete.
delete_query = show_query


def _link(rel, **properties):
    return {
        'type': 'object',
        'properties': {
            'href': {'type': 'string', 'format': 'uri'},
            'rel': {'enum': [rel]},
            **properties,
        },
        'required': ['href', 'rel', *properties],
        'additionalProperties': False,
    }


_links = {
    'type': 'array',
    'items': [
        _link('self'),
        _link('bookmark'),
        _link('alternate',
              type={'enum': ['application/vnd.openstack.image']}),
    ],
    'minItems': 3,
    'maxItems': 3,
}

_next_links = {
    'type': 'array',
    'items': _link('next'),
    'minItems': 1,
    'maxItems': 1,
}

_server = {
    'type': 'object',
    'properties': {
        'id': {'type': 'string'},
        'links': {
            'type': 'array',
            'items': [_link('self'), _link('bookmark')],
            'minItems': 2,
            'maxItems': 2,
        },
    },
    'required': ['id', 'links'],
    'additionalProperties': False,
}

_image_summary = {
    'type': 'object',
    'properties': {
        'id': {'type': 'string', 'format': 'uuid'},
        'name': {'type': ['string', 'null']},
        'links': _links,
    },
    'required': ['id', 'name', 'links'],
    'additionalProperties': False,
}

_image = {
    'type': 'object',
    'properties': {
        'id': {'type': 'string', 'format': 'uuid'},
        'name': {'type': ['string', 'null']},
        'created': {'type': 'string', 'format': 'date-time'},
        'updated': {'type': ['string', 'null'], 'format': 'date-time'},
        'status': {'enum': ['ACTIVE', 'SAVING', 'DELETED', 'ERROR',
                            'UNKNOWN']},
        'progress': {'enum': [0, 25, 50, 100]},
        'minDisk': {'type': 'integer', 'minimum': 0},
        'minRam': {'type': 'integer', 'minimum': 0},
        'metadata': {
            'type': 'object',
            'patternProperties': {
                parameter_types.metadata_key: {'type': ['string', 'null']},
            },
            'additionalProperties': False,
        },
        'OS-EXT-IMG-SIZE:size': {'type': ['integer', 'null']},
        'OS-DCF:diskConfig': {'enum': ['AUTO', 'MANUAL']},
        'server': _server,
        'links': _links,
    },
    'required': [
        'id', 'name', 'created', 'updated', 'status', 'progress', 'minDisk',
        'minRam', 'metadata', 'OS-EXT-IMG-SIZE:size', 'links',
    ],
    'additionalProperties': False,
}

index_response = {
    'type': 'object',
    'properties': {
        'images': {'type': 'array', 'items': _image_summary},
        'images_links': _next_links,
    },
    'required': ['images'],
    'additionalProperties': False,
}

detail_response = {
    'type': 'object',
    'properties': {
        'images': {'type': 'array', 'items': _image},
        'images_links': _next_links,
    },
    'required': ['images'],
    'additionalProperties': False,
}

show_response = {
    'type': 'object',
    'properties': {'image': _image},
    'required': ['image'],
    'additionalProperties': False,
}

delete_response = {'type': 'null'}
