"""Hypervisors on the wire: Nova's summary and detail views, the 2.33
page links and the statistics."""

import json

from nova_api.api.views import links
from nova_api.compute import hypervisors as hypervisors_lib

_RESOURCES = ('vcpus', 'memory_mb', 'local_gb', 'vcpus_used',
              'memory_mb_used', 'local_gb_used', 'free_ram_mb',
              'free_disk_gb')


def _id(req, hypervisor):
    return hypervisor.uuid if req.is_supported('2.53') else hypervisor.id


def summary(req, hypervisor):
    service = hypervisor.service
    return {
        'id': _id(req, hypervisor),
        'hypervisor_hostname': hypervisor.hostname,
        'state': 'up' if service.is_up else 'down',
        'status': 'disabled' if service.disabled else 'enabled',
    }


def _resources(req, hypervisor):
    body = {name: getattr(hypervisor, name) for name in _RESOURCES}
    body.update(current_workload=0, running_vms=len(hypervisor.servers),
                disk_available_least=hypervisor.free_disk_gb)
    cpu_info = hypervisor.facts.cpu_info
    body['cpu_info'] = (cpu_info if req.is_supported('2.28')
                        else json.dumps(cpu_info))
    return body


def detail(req, hypervisor):
    service = hypervisor.service
    facts = hypervisor.facts
    body = summary(req, hypervisor)
    body.update(
        hypervisor_type=facts.hypervisor_type,
        hypervisor_version=facts.hypervisor_version,
        host_ip=facts.host_ip,
        service={'id': service.uuid if req.is_supported('2.53')
                 else service.id,
                 'host': service.host,
                 'disabled_reason': service.disabled_reason})
    if req.is_supported('2.88'):
        body['uptime'] = hypervisors_lib.uptime(hypervisor)
    else:
        body.update(_resources(req, hypervisor))
    return body


def with_servers(req, body, hypervisor, asked):
    """`body` with the hypervisor's "servers": when it has some, and from
    2.75 an empty list when they were `asked` for."""
    if hypervisor.servers:
        body['servers'] = [{'uuid': uuid, 'name': name}
                           for uuid, name in hypervisor.servers]
    elif asked and req.is_supported('2.75'):
        body['servers'] = []
    return body


def index(req, hypervisors, view, collection, limit=None,
          servers_asked=False):
    """The list of `hypervisors` in `view` (summary or detail); with the
    page's `limit` (2.33), the link to the next page when it is full."""
    body = {'hypervisors': [
        with_servers(req, view(req, hypervisor), hypervisor, servers_asked)
        if servers_asked else view(req, hypervisor)
        for hypervisor in hypervisors]}
    if limit is not None:
        next_links = links.collection_links(
            req, collection, [_id(req, h) for h in hypervisors], limit)
        if next_links:
            body['hypervisors_links'] = next_links
    return body


def show(req, hypervisor, servers_asked=False):
    body = detail(req, hypervisor)
    if servers_asked:
        with_servers(req, body, hypervisor, True)
    return {'hypervisor': body}


def uptime(req, hypervisor):
    body = summary(req, hypervisor)
    body['uptime'] = hypervisors_lib.uptime(hypervisor)
    return {'hypervisor': body}


def servers(req, hypervisors):
    return {'hypervisors': [
        with_servers(req, summary(req, hypervisor), hypervisor, False)
        for hypervisor in hypervisors]}


def statistics(totals):
    return {'hypervisor_statistics': totals}
