"""Query and response schemas of /os-simple-tenant-usage.

Both reads take ``start`` and ``end`` (the list also ``detailed``), read
by the controller with Nova's messages; 2.40 pages them (``limit``,
``marker``: a server's uuid) and adds the ``*_links`` of a full page;
from 2.75 other query parameters are refused, before they are ignored.
"""

from nova_api.api.validation import parameter_types
from nova_api.compute import server_states
from nova_api.compute import simple_tenant_usage

_text = parameter_types.multi_params({'type': 'string'})

show_query = {
    'type': 'object',
    'properties': {'start': _text, 'end': _text},
    'additionalProperties': True,
}
index_query = {
    **show_query,
    'properties': {**show_query['properties'], 'detailed': _text},
}


def _paged(query):
    return {**query, 'properties': {
        **query['properties'], **parameter_types.pagination_parameters}}


def _strict(query):
    return {**query, 'additionalProperties': False}


index_query_v240 = _paged(index_query)
show_query_v240 = _paged(show_query)
index_query_v275 = _strict(index_query_v240)
show_query_v275 = _strict(show_query_v240)

_time = parameter_types.naive_timestamp
_hours = {'type': 'number', 'minimum': 0}

_server_usage = {
    'type': 'object',
    'properties': {
        'ended_at': {'oneOf': [_time, {'type': 'null'}]},
        'flavor': {'type': 'string'},
        'hours': _hours,
        'instance_id': {'type': 'string', 'format': 'uuid'},
        'local_gb': {'type': 'integer', 'minimum': 0},
        'memory_mb': {'type': 'integer', 'minimum': 1},
        'name': {'type': 'string'},
        'started_at': _time,
        'state': {
            'type': 'string',
            # A server's vm_state until it ends (deleted, or reclaimed
            # after a soft delete): then terminated.
            'enum': [server_states.ACTIVE, server_states.BUILDING,
                     server_states.ERROR, server_states.PAUSED,
                     server_states.RESCUED, server_states.SHELVED,
                     server_states.SHELVED_OFFLOADED,
                     server_states.SOFT_DELETED, server_states.STOPPED,
                     server_states.SUSPENDED,
                     simple_tenant_usage.TERMINATED],
        },
        'tenant_id': parameter_types.project_id,
        'uptime': {'type': 'integer', 'minimum': 0},
        'vcpus': {'type': 'integer', 'minimum': 1},
    },
    'required': ['ended_at', 'flavor', 'hours', 'instance_id', 'local_gb',
                 'memory_mb', 'name', 'started_at', 'state', 'tenant_id',
                 'uptime', 'vcpus'],
    'additionalProperties': False,
}

_project_usage_properties = {
    'start': _time,
    'stop': _time,
    'tenant_id': parameter_types.project_id,
    'total_hours': _hours,
    'total_local_gb_usage': _hours,
    'total_memory_mb_usage': _hours,
    'total_vcpus_usage': _hours,
}
_project_usage_required = list(_project_usage_properties)


def _project_usage(detailed):
    properties = dict(_project_usage_properties)
    required = list(_project_usage_required)
    if detailed:
        properties['server_usages'] = {'type': 'array',
                                       'items': _server_usage}
        required.append('server_usages')
    return {'type': 'object', 'properties': properties,
            'required': required, 'additionalProperties': False}


def _with_links(response, key):
    return {**response, 'properties': {
        **response['properties'], key: parameter_types.next_links}}


index_response = {
    'type': 'object',
    'properties': {
        'tenant_usages': {
            'type': 'array',
            # detailed=1 shows the servers' usages.
            'items': {'oneOf': [_project_usage(True),
                                _project_usage(False)]},
        },
    },
    'required': ['tenant_usages'],
    'additionalProperties': False,
}
index_response_v240 = _with_links(index_response, 'tenant_usages_links')

show_response = {
    'type': 'object',
    'properties': {
        # {} for a project with no usage in the period.
        'tenant_usage': {'oneOf': [
            _project_usage(True),
            {'type': 'object', 'additionalProperties': False},
        ]},
    },
    'required': ['tenant_usage'],
    'additionalProperties': False,
}
show_response_v240 = _with_links(show_response, 'tenant_usage_links')
