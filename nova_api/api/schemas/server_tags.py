"""Request, query and response schemas of /servers/{server_id}/tags
(2.26)."""

from nova_api.api.validation import parameter_types

MAX_TAGS = 50

# A server's tag; the servers schemas use it too (the create body from
# 2.52, the server views from 2.26).
tag = {
    'type': 'string',
    'pattern': '^[^,/]*$',
    'minLength': 1,
    'maxLength': 60,
}

tags = {'type': 'array', 'items': tag, 'maxItems': MAX_TAGS}

# PUT .../tags replaces them all; a tag given in the URL is checked by
# the compute layer, with Nova's message.
update_all = {
    'type': 'object',
    'properties': {'tags': tags},
    'required': ['tags'],
    'additionalProperties': False,
}

# PUT .../tags/{tag} takes no body.
update = {'type': 'null'}

# Nova ignores unknown query parameters here.
index_query = parameter_types.no_query_parameters
show_query = index_query
delete_query = index_query
delete_all_query = index_query

_tags = {
    'type': 'object',
    'properties': {
        'tags': {'type': 'array', 'items': tag},
    },
    'required': ['tags'],
    'additionalProperties': False,
}

index_response = _tags
update_all_response = _tags
show_response = {'type': 'null'}
update_response = {'type': 'null'}
delete_response = {'type': 'null'}
delete_all_response = {'type': 'null'}
