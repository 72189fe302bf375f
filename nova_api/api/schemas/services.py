"""JSON-Schema of /os-services: the update bodies, the list query and
the responses, per microversion (2.11 forced_down; 2.53 uuid ids and
PUT /os-services/{service_id}; 2.69 the minimal services of cells that
do not answer, which nova_api never has; 2.75 unknown query parameters
are refused)."""

import copy

from nova_api.api.validation import parameter_types

_reason = {'type': 'string', 'minLength': 1, 'maxLength': 255}

# PUT /os-services/{enable,disable,disable-log-reason}: which service.
update = {
    'type': 'object',
    'properties': {
        'host': {'type': 'string', 'pattern': '^[a-zA-Z0-9-._]*$',
                 'minLength': 1, 'maxLength': 255},
        'binary': {'type': 'string', 'minLength': 1, 'maxLength': 255},
        'disabled_reason': _reason,
    },
    'required': ['host', 'binary'],
    'additionalProperties': False,
}

update_v211 = copy.deepcopy(update)
update_v211['properties']['forced_down'] = parameter_types.boolean

update_v253 = {
    'type': 'object',
    'properties': {
        'status': {'type': 'string', 'enum': ['enabled', 'disabled']},
        'disabled_reason': _reason,
        'forced_down': parameter_types.boolean,
    },
    'additionalProperties': False,
}

index_query = {
    'type': 'object',
    'properties': {
        'host': parameter_types.multi_params({'type': 'string'}),
        'binary': parameter_types.multi_params({'type': 'string'}),
    },
    # Unknown parameters are ignored until 2.75.
    'additionalProperties': True,
}

index_query_v275 = dict(index_query, additionalProperties=False)

delete_query = parameter_types.no_query_parameters

_service = {
    'type': 'object',
    'properties': {
        'binary': {'type': 'string'},
        'disabled_reason': {'type': ['string', 'null']},
        'host': {'type': 'string'},
        'id': {'type': 'integer'},
        'state': {'type': 'string', 'enum': ['up', 'down']},
        'status': {'type': 'string', 'enum': ['enabled', 'disabled']},
        'updated_at': {'oneOf': [parameter_types.naive_timestamp,
                                 {'type': 'null'}]},
        'zone': {'type': 'string'},
    },
    'required': ['binary', 'disabled_reason', 'host', 'id', 'state',
                 'status', 'updated_at', 'zone'],
    'additionalProperties': False,
}

_service_v211 = copy.deepcopy(_service)
_service_v211['properties']['forced_down'] = {'type': 'boolean'}
_service_v211['required'].append('forced_down')

_service_v253 = copy.deepcopy(_service_v211)
_service_v253['properties']['id'] = {'type': 'string', 'format': 'uuid'}


def _listed(service):
    return {
        'type': 'object',
        'properties': {'services': {'type': 'array', 'items': service}},
        'required': ['services'],
        'additionalProperties': False,
    }


index_response = _listed(_service)
index_response_v211 = _listed(_service_v211)
index_response_v253 = _listed(_service_v253)


def _action_response(service):
    return {
        'type': 'object',
        'properties': {'service': service},
        'required': ['service'],
        'additionalProperties': False,
    }


# What enable, disable and disable-log-reason answer.
_status_change = {
    'type': 'object',
    'properties': {
        'binary': {'type': 'string'},
        'disabled_reason': {'type': 'string'},
        'host': {'type': 'string'},
        'status': {'type': 'string', 'enum': ['enabled', 'disabled']},
    },
    'required': ['binary', 'host', 'status'],
    'additionalProperties': False,
}

# What force-down (2.11) answers.
_forced_down_change = {
    'type': 'object',
    'properties': {
        'binary': {'type': 'string'},
        'forced_down': {'type': 'boolean'},
        'host': {'type': 'string'},
    },
    'required': ['binary', 'forced_down', 'host'],
    'additionalProperties': False,
}

update_response = _action_response(
    {'oneOf': [_status_change, _forced_down_change]})
update_response_v253 = _action_response(_service_v253)

delete_response = {'type': 'null'}
