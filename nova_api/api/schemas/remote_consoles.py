"""Request and response schemas of the remote consoles: POST
/servers/{id}/remote-consoles (2.6; "mks"/"webmks" from 2.8,
"spice-direct" from 2.99) and the server actions it replaced
(os-getVNCConsole, os-getSPICEConsole, os-getRDPConsole,
os-getSerialConsole, up to 2.5).

As Nova's, the enums keep values no console serves any more (xvpvnc,
rdp, rdp-html5): they are refused below the schema with Nova's message.
"""

import copy


def _action(name, types):
    return {
        'type': 'object',
        'properties': {
            name: {
                'type': 'object',
                'properties': {'type': {'type': 'string', 'enum': types}},
                'required': ['type'],
                'additionalProperties': False,
            },
        },
        'required': [name],
        'additionalProperties': False,
    }


def _action_response(types):
    return {
        'type': 'object',
        'properties': {
            'console': {
                'type': 'object',
                'properties': {
                    'type': {'type': 'string', 'enum': types},
                    'url': {'type': 'string', 'format': 'uri'},
                },
                'required': ['type', 'url'],
                'additionalProperties': False,
            },
        },
        'required': ['console'],
        'additionalProperties': False,
    }


get_vnc_console = _action('os-getVNCConsole', ['novnc', 'xvpvnc'])
get_spice_console = _action('os-getSPICEConsole', ['spice-html5'])
get_serial_console = _action('os-getSerialConsole', ['serial'])
# The RDP action was removed with Nova's Hyper-V driver: any body, refused.
get_rdp_console = {}

get_vnc_console_response = _action_response(['novnc', 'xvpvnc'])
get_spice_console_response = _action_response(['spice-html5'])
get_serial_console_response = _action_response(['serial'])
get_rdp_console_response = _action_response(['rdp-html5'])

create = {
    'type': 'object',
    'properties': {
        'remote_console': {
            'type': 'object',
            'properties': {
                'protocol': {
                    'type': 'string',
                    'enum': ['vnc', 'spice', 'serial', 'rdp'],
                },
                'type': {
                    'type': 'string',
                    'enum': ['novnc', 'xvpvnc', 'spice-html5', 'serial',
                             'rdp-html5'],
                },
            },
            'required': ['protocol', 'type'],
            'additionalProperties': False,
        },
    },
    'required': ['remote_console'],
    'additionalProperties': False,
}

create_v28 = copy.deepcopy(create)
create_v28['properties']['remote_console']['properties']['protocol'][
    'enum'].append('mks')
create_v28['properties']['remote_console']['properties']['type'][
    'enum'].append('webmks')

create_v299 = copy.deepcopy(create_v28)
create_v299['properties']['remote_console']['properties']['type'][
    'enum'].append('spice-direct')


def _response_of(request):
    response = copy.deepcopy(request)
    response['properties']['remote_console']['properties']['url'] = {
        'type': 'string', 'format': 'uri'}
    response['properties']['remote_console']['required'].append('url')
    return response


create_response = _response_of(create)
create_response_v28 = _response_of(create_v28)
create_response_v299 = _response_of(create_v299)
