"""Request, query and response schemas of /servers/{server_id}/metadata."""

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

# Nova ignores unknown query parameters here (until 2.102).
index_query = parameter_types.no_query_parameters

show_query = index_query
# Nova ignores the query string of a delete at every version.
delete_query = index_query
index_query_v2102 = show_query_v2102 = (
    parameter_types.strict_no_query_parameters)

_metadata_response = {
    'type': 'object',
    'patternProperties': {
        parameter_types.metadata_key: {'type': ['string', 'null'],
                                       'maxLength': 255},
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
update_response = show_response

delete_response = {'type': 'null'}
