"""Usage reports on the wire: Nova's tenant_usages (every project's) and
tenant_usage (one project's), with the next page's link from 2.40."""

from nova_api.api.views import links
from nova_api.api.views import timestamps

_COLLECTION = 'os-simple-tenant-usage'


def _server_usage(usage):
    return {
        'ended_at': timestamps.with_microseconds(usage.ended_at),
        'flavor': usage.flavor,
        'hours': usage.hours,
        'instance_id': usage.server_id,
        'local_gb': usage.local_gb,
        'memory_mb': usage.memory_mb,
        'name': usage.name,
        'started_at': timestamps.with_microseconds(usage.started_at),
        'state': usage.state,
        'tenant_id': usage.project_id,
        'uptime': usage.uptime,
        'vcpus': usage.vcpus,
    }


def _project_usage(usage, detailed):
    body = {
        'start': timestamps.with_microseconds(usage.start),
        'stop': timestamps.with_microseconds(usage.stop),
        'tenant_id': usage.project_id,
        'total_hours': usage.total_hours,
        'total_local_gb_usage': usage.total_local_gb_usage,
        'total_memory_mb_usage': usage.total_memory_mb_usage,
        'total_vcpus_usage': usage.total_vcpus_usage,
    }
    if detailed:
        body['server_usages'] = [_server_usage(server)
                                 for server in usage.servers]
    return body


def _add_links(req, body, key, collection, server_usages, limit):
    if not req.is_supported('2.40'):
        return body
    next_links = links.collection_links(
        req, collection, [usage.server_id for usage in server_usages], limit)
    if next_links:
        body[key] = next_links
    return body


def index(req, project_usages, server_usages, detailed, limit):
    body = {'tenant_usages': [_project_usage(usage, detailed)
                              for usage in project_usages]}
    return _add_links(req, body, 'tenant_usages_links', _COLLECTION,
                      server_usages, limit)


def show(req, project_id, project_usages, server_usages, limit):
    """One project's usage: {} when it has none in the period."""
    body = {'tenant_usage': _project_usage(project_usages[0], True)
            if project_usages else {}}
    return _add_links(req, body, 'tenant_usage_links',
                      '%s/%s' % (_COLLECTION, project_id), server_usages,
                      limit)
