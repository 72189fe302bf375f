"""Query and response schemas of /os-instance_usage_audit_log.

Both reads ignore their query string until 2.102, which refuses it; the
list and the show answer the same object, under a
plural and a singular key.
"""

from nova_api.api.validation import parameter_types

index_query = show_query = parameter_types.no_query_parameters
index_query_v2102 = show_query_v2102 = (
    parameter_types.strict_no_query_parameters)

_count = {'type': 'integer', 'minimum': 0}
# str() of a naive UTC datetime: 2012-06-01 00:00:00.
_period_time = {'type': 'string',
                'pattern': r'^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$'}

_audit_log = {
    'type': 'object',
    'properties': {
        'hosts_not_run': {'type': 'array', 'items': {'type': 'string'}},
        'log': {
            'type': 'object',
            'additionalProperties': {
                'type': 'object',
                'properties': {
                    'instances': _count,
                    'errors': _count,
                    'message': {'type': 'string'},
                    'state': {'type': 'string',
                              'enum': ['RUNNING', 'DONE']},
                },
                'additionalProperties': False,
            },
        },
        'num_hosts': _count,
        'num_hosts_done': _count,
        'num_hosts_not_run': _count,
        'num_hosts_running': _count,
        'overall_status': {'type': 'string'},
        'period_beginning': _period_time,
        'period_ending': _period_time,
        'total_errors': _count,
        'total_instances': _count,
    },
    'required': ['hosts_not_run', 'log', 'num_hosts', 'num_hosts_done',
                 'num_hosts_not_run', 'num_hosts_running',
                 'overall_status', 'period_beginning', 'period_ending',
                 'total_errors', 'total_instances'],
    'additionalProperties': False,
}

index_response = {
    'type': 'object',
    'properties': {'instance_usage_audit_logs': _audit_log},
    'required': ['instance_usage_audit_logs'],
    'additionalProperties': False,
}

show_response = {
    'type': 'object',
    'properties': {'instance_usage_audit_log': _audit_log},
    'required': ['instance_usage_audit_log'],
    'additionalProperties': False,
}
