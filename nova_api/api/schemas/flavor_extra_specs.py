"""Request, query and response schemas of flavor extra specs.

From 2.102 the reads (index, show) refuse unknown query parameters; a
delete ignores them at every version, as in Nova.
"""

import copy

from nova_api.api.validation import parameter_types

# Requests may give numbers as values; they are stored as strings.
_specs = copy.deepcopy(parameter_types.metadata)
_specs['patternProperties'][parameter_types.metadata_key]['type'] = [
    'string', 'number']

create = {
    'type': 'object',
    'properties': {'extra_specs': _specs},
    'required': ['extra_specs'],
    'additionalProperties': False,
}

# PUT .../os-extra_specs/{key} with {key: value}.
update = dict(copy.deepcopy(_specs), minProperties=1, maxProperties=1)

_strict_query = dict(copy.deepcopy(parameter_types.no_query_parameters),
                     additionalProperties=False)
read_queries = [
    (parameter_types.no_query_parameters, '2.0', '2.101'),
    (_strict_query, '2.102', None),
]
delete_query = parameter_types.no_query_parameters

index_response = {
    'type': 'object',
    'properties': {'extra_specs': parameter_types.metadata},
    'required': ['extra_specs'],
    'additionalProperties': False,
}

show_response = dict(copy.deepcopy(parameter_types.metadata),
                     minProperties=1, maxProperties=1)

# Create and update answer with the request's specs as sent.
create_response = create
update_response = update

delete_response = {'type': 'null'}
