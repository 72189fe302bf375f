"""Request and response schemas of POST /os-server-external-events: the
event names each version allows (volume-extended from 2.51, power-update
from 2.76, accelerator-request-bound from 2.82, volume-reimaged from
2.93)."""

import copy

EVENT_STATUSES = ['failed', 'completed', 'in-progress']
_NAMES = ['network-changed', 'network-vif-plugged', 'network-vif-unplugged',
          'network-vif-deleted']
# (version, the name it allows from then on)
NAMES_ADDED = (('2.51', 'volume-extended'), ('2.76', 'power-update'),
               ('2.82', 'accelerator-request-bound'),
               ('2.93', 'volume-reimaged'))

_create = {
    'type': 'object',
    'properties': {
        'events': {
            'type': 'array',
            'minItems': 1,
            'items': {
                'type': 'object',
                'properties': {
                    'name': {'type': 'string', 'enum': list(_NAMES)},
                    'server_uuid': {'type': 'string', 'format': 'uuid'},
                    'status': {'type': 'string', 'enum': EVENT_STATUSES},
                    'tag': {'type': 'string', 'maxLength': 255},
                },
                'required': ['name', 'server_uuid'],
                'additionalProperties': False,
            },
        },
    },
    'required': ['events'],
    'additionalProperties': False,
}

_create_response = {
    'type': 'object',
    'properties': {
        'events': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    'code': {'type': 'integer',
                             'enum': [200, 400, 404, 422]},
                    'name': {'type': 'string', 'enum': list(_NAMES)},
                    'server_uuid': {'type': 'string', 'format': 'uuid'},
                    'status': {'type': 'string', 'enum': EVENT_STATUSES},
                    # Not required: an event sent without one is answered
                    # without one.
                    'tag': {'type': 'string', 'maxLength': 255},
                },
                'required': ['code', 'name', 'server_uuid', 'status'],
                'additionalProperties': False,
            },
        },
    },
    'required': ['events'],
    'additionalProperties': False,
}


def _with_names(schema, count):
    """`schema` allowing the first `count` names of NAMES_ADDED too."""
    schema = copy.deepcopy(schema)
    names = schema['properties']['events']['items']['properties']['name']
    names['enum'].extend(name for _version, name in NAMES_ADDED[:count])
    return schema


create = _with_names(_create, 0)
create_v251 = _with_names(_create, 1)
create_v276 = _with_names(_create, 2)
create_v282 = _with_names(_create, 3)
create_v293 = _with_names(_create, 4)

create_response = _with_names(_create_response, 0)
create_response_v251 = _with_names(_create_response, 1)
create_response_v276 = _with_names(_create_response, 2)
create_response_v282 = _with_names(_create_response, 3)
create_response_v293 = _with_names(_create_response, 4)
