"""Request, query and response schemas of /os-hosts (until 2.42).

The list takes a ``zone`` filter and ignores other query parameters
(Nova never made them 400s: the API is gone from 2.43); the others take
none.
"""

from nova_api.api.validation import parameter_types

_switch = {'type': 'string',
           'enum': ['enable', 'disable', 'Enable', 'Disable', 'ENABLE',
                    'DISABLE']}

update = {
    'type': 'object',
    'properties': {'status': _switch, 'maintenance_mode': _switch},
    'anyOf': [{'required': ['status']}, {'required': ['maintenance_mode']}],
    'additionalProperties': False,
}

index_query = {
    'type': 'object',
    'properties': {'zone': parameter_types.multi_params({'type': 'string'})},
    'additionalProperties': True,
}
show_query = startup_query = shutdown_query = reboot_query = (
    parameter_types.no_query_parameters)

index_response = {
    'type': 'object',
    'properties': {
        'hosts': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    'host_name': {'type': 'string'},
                    'service': {'type': 'string'},
                    'zone': {'type': 'string'},
                },
                'required': ['host_name', 'service', 'zone'],
                'additionalProperties': False,
            },
        },
    },
    'required': ['hosts'],
    'additionalProperties': False,
}

_count = {'type': 'integer', 'minimum': 0}

show_response = {
    'type': 'object',
    'properties': {
        'host': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    'resource': {
                        'type': 'object',
                        'properties': {
                            'cpu': _count,
                            'disk_gb': _count,
                            'host': {'type': 'string'},
                            'memory_mb': _count,
                            'project': {'type': 'string'},
                        },
                        'required': ['cpu', 'disk_gb', 'host', 'memory_mb',
                                     'project'],
                        'additionalProperties': False,
                    },
                },
                'required': ['resource'],
                'additionalProperties': False,
            },
        },
    },
    'required': ['host'],
    'additionalProperties': False,
}

# The simulated driver answers every update and power action with 501.
update_response = {
    'type': 'object',
    'properties': {
        'host': {'type': 'string'},
        'maintenance_mode': {'enum': ['on_maintenance', 'off_maintenance']},
        'status': {'enum': ['enabled', 'disabled']},
    },
    'required': ['host'],
    'additionalProperties': False,
}

startup_response = shutdown_response = reboot_response = {
    'type': 'object',
    'properties': {'host': {'type': 'string'}, 'power_action': {}},
    'required': ['host', 'power_action'],
    'additionalProperties': False,
}
