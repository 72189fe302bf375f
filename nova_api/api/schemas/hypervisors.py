"""JSON-Schema of /os-hypervisors: the queries and the responses, per
microversion (2.28 cpu_info an object; 2.33 paging; 2.53 uuid ids, the
hypervisor_hostname_pattern and with_servers parameters and "servers";
2.88 no resource fields, "uptime" in the detail)."""

import copy

from nova_api.api.validation import parameter_types

index_query = parameter_types.no_query_parameters

index_query_v233 = {
    'type': 'object',
    'properties': {
        'limit': parameter_types.multi_params(
            parameter_types.non_negative_integer),
        'marker': parameter_types.multi_params({'type': 'string'}),
    },
    # Others are ignored until 2.53.
    'additionalProperties': True,
}

_with_servers = parameter_types.single_param(parameter_types.boolean)

index_query_v253 = {
    'type': 'object',
    'properties': {
        'limit': parameter_types.single_param(
            parameter_types.non_negative_integer),
        'marker': parameter_types.single_param({'type': 'string'}),
        'hypervisor_hostname_pattern': parameter_types.single_param({
            'type': 'string', 'pattern': '^[a-zA-Z0-9-._]*$',
            'minLength': 1, 'maxLength': 255}),
        'with_servers': _with_servers,
    },
    'additionalProperties': False,
}

show_query = parameter_types.no_query_parameters
show_query_v253 = {
    'type': 'object',
    'properties': {'with_servers': _with_servers},
    'additionalProperties': False,
}

# Nova declares no parameters of these and ignores any.
statistics_query = search_query = servers_query = uptime_query = (
    parameter_types.no_query_parameters)

_servers = {
    'type': 'array',
    'items': {
        'type': 'object',
        'properties': {
            'name': {'type': 'string'},
            'uuid': {'type': 'string', 'format': 'uuid'},
        },
        'required': ['name', 'uuid'],
        'additionalProperties': False,
    },
}

_uuid = {'type': 'string', 'format': 'uuid'}

_summary = {
    'type': 'object',
    'properties': {
        'id': {'type': 'integer'},
        'hypervisor_hostname': {'type': 'string'},
        'state': {'enum': ['up', 'down']},
        'status': {'enum': ['enabled', 'disabled']},
    },
    'required': ['id', 'hypervisor_hostname', 'state', 'status'],
    'additionalProperties': False,
}

_summary_v253 = copy.deepcopy(_summary)
_summary_v253['properties'].update(id=_uuid, servers=_servers)

_RESOURCES = ('current_workload', 'disk_available_least', 'free_disk_gb',
              'free_ram_mb', 'local_gb', 'local_gb_used', 'memory_mb',
              'memory_mb_used', 'running_vms', 'vcpus', 'vcpus_used')

_detail = copy.deepcopy(_summary)
_detail['properties'].update({name: {'type': 'integer'}
                              for name in _RESOURCES})
_detail['properties'].update({
    'cpu_info': {'type': 'string'},
    'host_ip': {'type': ['null', 'string']},
    'hypervisor_type': {'type': 'string'},
    'hypervisor_version': {'type': ['string', 'integer']},
    'service': {
        'type': 'object',
        'properties': {
            'disabled_reason': {'type': ['null', 'string']},
            'host': {'type': 'string'},
            'id': {'type': 'integer'},
        },
        'required': ['disabled_reason', 'host', 'id'],
        'additionalProperties': False,
    },
})
_detail['required'] += sorted(set(_RESOURCES) - {'disk_available_least'})
_detail['required'] += ['cpu_info', 'host_ip', 'hypervisor_type',
                        'hypervisor_version', 'service']

_detail_v228 = copy.deepcopy(_detail)
_detail_v228['properties']['cpu_info'] = {'type': 'object'}

_detail_v253 = copy.deepcopy(_detail_v228)
_detail_v253['properties'].update(id=_uuid, servers=_servers)
_detail_v253['properties']['service']['properties']['id'] = _uuid

_detail_v288 = copy.deepcopy(_detail_v253)
for _name in _RESOURCES + ('cpu_info',):
    del _detail_v288['properties'][_name]
    if _name in _detail_v288['required']:
        _detail_v288['required'].remove(_name)
_detail_v288['properties']['uptime'] = {'type': ['string', 'null']}
_detail_v288['required'].append('uptime')


def _listed(item, links=False):
    schema = {
        'type': 'object',
        'properties': {'hypervisors': {'type': 'array', 'items': item}},
        'required': ['hypervisors'],
        'additionalProperties': False,
    }
    if links:
        schema['properties']['hypervisors_links'] = (
            parameter_types.next_links)
    return schema


def _one(item):
    return {
        'type': 'object',
        'properties': {'hypervisor': item},
        'required': ['hypervisor'],
        'additionalProperties': False,
    }


index_response = _listed(_summary)
index_response_v233 = _listed(_summary, links=True)
index_response_v253 = _listed(_summary_v253, links=True)

detail_response = _listed(_detail)
detail_response_v228 = _listed(_detail_v228)
detail_response_v233 = _listed(_detail_v228, links=True)
detail_response_v253 = _listed(_detail_v253, links=True)
detail_response_v288 = _listed(_detail_v288, links=True)

show_response = _one(_detail)
show_response_v228 = _one(_detail_v228)
show_response_v253 = _one(_detail_v253)
show_response_v288 = _one(_detail_v288)


def _with_uptime(summary):
    item = copy.deepcopy(summary)
    item['properties']['uptime'] = {'type': ['string', 'null']}
    item['required'].append('uptime')
    return _one(item)


uptime_response = _with_uptime(_summary)
uptime_response_v253 = _with_uptime(
    dict(_summary, properties=dict(_summary['properties'], id=_uuid)))

search_response = _listed(_summary)

_with_servers_item = copy.deepcopy(_summary)
_with_servers_item['properties']['servers'] = _servers
servers_response = _listed(_with_servers_item)

statistics_response = {
    'type': 'object',
    'properties': {
        'hypervisor_statistics': {
            'type': 'object',
            'properties': dict(
                {name: {'type': 'integer'} for name in _RESOURCES},
                count={'type': 'integer'}),
            'required': sorted(_RESOURCES + ('count',)),
            'additionalProperties': False,
        },
    },
    'required': ['hypervisor_statistics'],
    'additionalProperties': False,
}
