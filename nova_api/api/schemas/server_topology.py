"""Query and response schemas of GET /servers/{server_id}/topology
(2.78)."""

from nova_api.api.validation import parameter_types

# Nova ignores unknown query parameters here (until 2.102).
index_query = parameter_types.no_query_parameters
index_query_v2102 = parameter_types.strict_no_query_parameters

_CPUS = {'type': 'array', 'items': {'type': 'integer'}}

index_response = {
    'type': 'object',
    'properties': {
        'nodes': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    # Only for the host:index rule.
                    'cpu_pinning': {
                        'type': 'object',
                        'patternProperties': {
                            '^[0-9]+$': {'type': 'integer'}},
                        'additionalProperties': False,
                    },
                    'host_node': {'type': 'integer'},
                    'memory_mb': {'type': 'integer'},
                    'siblings': {'type': 'array', 'items': _CPUS},
                    'vcpu_set': _CPUS,
                },
                'required': ['memory_mb', 'siblings', 'vcpu_set'],
                'additionalProperties': False,
            },
        },
        'pagesize_kb': {'type': ['integer', 'null']},
    },
    'required': ['nodes', 'pagesize_kb'],
    'additionalProperties': False,
}
