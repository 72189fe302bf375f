"""Query and response schemas of /servers/{server_id}/os-instance-actions.

The list ignores its query string until 2.58, which pages it (``limit``,
``marker``: a request id) and filters it by ``changes-since``, refusing
anything else; 2.66 adds ``changes-before``. A show ignores its query
string until 2.102.

An action's events are shown (2.51 on; before, to the events rule only)
newest first; from 2.62 each has its host hashed with the project
(``hostId``) and, to the events rule, the ``host``; from 2.84 the events
rule's ``details``.
"""

from nova_api.api.validation import history
from nova_api.api.validation import parameter_types

index_query = parameter_types.no_query_parameters

_time = parameter_types.single_param({'type': 'string', 'format': 'date-time'})

index_query_v258 = {
    'type': 'object',
    'properties': {
        'limit': parameter_types.single_param(
            parameter_types.non_negative_integer),
        'marker': parameter_types.single_param({'type': 'string'}),
        'changes-since': _time,
    },
    'additionalProperties': False,
}

index_query_v266 = {
    **index_query_v258,
    'properties': {**index_query_v258['properties'], 'changes-before': _time},
}

show_query = parameter_types.no_query_parameters
show_query_v2102 = parameter_types.strict_no_query_parameters

_nullable_id = {**parameter_types.project_id, 'type': ['string', 'null']}
_datetime = parameter_types.naive_timestamp

_action_properties = {
    'action': {'type': 'string'},
    'instance_uuid': {'type': 'string', 'format': 'uuid'},
    'message': {'type': ['string', 'null']},
    # Null for an action no request started (none here, some in Nova).
    'project_id': _nullable_id,
    'request_id': {'type': 'string'},
    'start_time': _datetime,
    'user_id': _nullable_id,
}
_action_required = ['action', 'instance_uuid', 'message', 'project_id',
                    'request_id', 'start_time', 'user_id']


def _action(properties, required):
    return {'type': 'object', 'properties': dict(properties),
            'required': list(required), 'additionalProperties': False}


def _add_updated_at(action):
    action['properties']['updated_at'] = {
        'oneOf': [_datetime, {'type': 'null'}]}
    action['required'].append('updated_at')


def _index(action):
    return {
        'type': 'object',
        'properties': {
            'instanceActions': {'type': 'array', 'items': action},
        },
        'required': ['instanceActions'],
        'additionalProperties': False,
    }


def _add_paging(response):
    _add_updated_at(response['properties']['instanceActions']['items'])
    response['properties']['links'] = parameter_types.next_links


index_responses = history.of(
    _index(_action(_action_properties, _action_required)),
    [('2.58', _add_paging)], '2.0')

_event = {
    'type': 'object',
    'properties': {
        'event': {'type': 'string'},
        'start_time': _datetime,
        # Null (both) while the event runs.
        'finish_time': {'oneOf': [_datetime, {'type': 'null'}]},
        'result': {'type': ['string', 'null']},
        # To the events rule only.
        'traceback': {'type': ['string', 'null']},
    },
    'required': ['event', 'start_time', 'finish_time', 'result'],
    'additionalProperties': False,
}


def _show_action(action):
    action['properties']['events'] = {'type': 'array', 'items': _event}


def _require_events(action):
    action['required'].append('events')


def _add_hosts(action):
    event = action['properties']['events']['items']
    # '' for an event with no host; the host (to the events rule) is
    # null where the deployment shows no control service to name.
    event['properties']['hostId'] = {'type': 'string'}
    event['properties']['host'] = {'type': ['string', 'null']}
    event['required'].append('hostId')


def _add_details(action):
    event = action['properties']['events']['items']
    event['properties']['details'] = {'type': ['string', 'null']}


def _show(action):
    return {
        'type': 'object',
        'properties': {'instanceAction': action},
        'required': ['instanceAction'],
        'additionalProperties': False,
    }


_first_shown = _action(_action_properties, _action_required)
_show_action(_first_shown)
show_responses = history.mapped(history.of(_first_shown, [
    ('2.51', _require_events),
    ('2.58', _add_updated_at),
    ('2.62', _add_hosts),
    ('2.84', _add_details),
], '2.0'), _show)
