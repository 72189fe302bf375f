"""Hosts on the wire (os-hosts)."""


def index(services):
    return {'hosts': [{'host_name': service.host_name,
                       'service': service.service, 'zone': service.zone}
                      for service in services]}


def _resource(host_name, project, resources):
    return {'resource': {'host': host_name, 'project': project,
                         'cpu': resources.cpu,
                         'memory_mb': resources.memory_mb,
                         'disk_gb': resources.disk_gb}}


def show(host):
    """Nova's rows: the host's total, what is used now, what its servers
    add up to, then each project's share."""
    return {'host': [
        _resource(host.host_name, '(total)', host.total),
        _resource(host.host_name, '(used_now)', host.used_now),
        _resource(host.host_name, '(used_max)', host.used_max),
        *(_resource(host.host_name, project_id, resources)
          for project_id, resources in host.by_project.items()),
    ]}
