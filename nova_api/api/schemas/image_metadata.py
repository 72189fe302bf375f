"""Request, query and response schemas of /images/{image_id}/metadata."""

import copy

from nova_api.api.validation import parameter_types

create = {
    'type': 'object',
    'properties': {'metadata': parameter_types.metadata},
    'required': ['metadata'],
    'additionalProperties': False,
}

# PUT .../metadata replaces them all: the same body as POST.
update_all = create

# PUT .../metadata/{key} with {"meta": {key: value}}.
update = {
    'type': 'object',
    'properties': {'meta': parameter_types.metadata_item},
    'required': ['meta'],
    'additionalProperties': False,
}

index_query = parameter_types.no_query_parameters

show_query = index_query
delete_query = index_query

# Stored values are strings; the catalog's images may carry longer ones
# than a request may set.
_metadata_response = {
    'type': 'object',
    'patternProperties': {
        parameter_types.metadata_key: {'type': ['string', 'null']},
    },
    'additionalProperties': False,
}

index_response = {
    'type': 'object',
    'properties': {'metadata': _metadata_response},
    'required': ['metadata'],
    'additionalProperties': False,
}

show_response = {
    'type': 'object',
    'properties': {
        'meta': dict(copy.deepcopy(_metadata_response),
                     minProperties=1, maxProperties=1),
    },
    'required': ['meta'],
    'additionalProperties': False,
}

create_response = index_response
update_all_response = index_response
update_response = update

delete_response = {'type': 'null'}
