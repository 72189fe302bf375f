"""Operations Nova has removed: they answer 410 Gone, as in Nova.

nova-network, cells v1, cloudpipe, agents, certificates, fping, floating-ip
DNS and bulk, os-fixed-ips, default security group rules, virtual
interfaces, the XenAPI consoles and the server action resetNetwork.
"""

from nova_api.api import plugin
from nova_api.api.schemas import removed as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api import exception


class ResourceGone(exception.Gone):
    msg_fmt = ('This resource is no longer available. No forwarding '
               'address is given.')


def _gone_method(action_name=None):
    """A new method that answers 410 (each carries its own contract)."""
    def gone(self, req, **kwargs):
        raise ResourceGone()
    wsgi.expected_errors(410)(gone)
    validation.response_body_schema(schemas.response)(gone)
    if action_name:
        wsgi.action(action_name)(gone)
        validation.schema(schemas.request)(gone)
    else:
        validation.query_schema(schemas.query)(gone)
        validation.schema(schemas.request)(gone)
    return gone


class RemovedController(wsgi.Controller):
    """Every method raises 410."""

    gone = _gone_method()


class FixedIPsController(RemovedController):
    """The actions of the removed os-fixed-ips."""

    reserve = _gone_method('reserve')
    unreserve = _gone_method('unreserve')


class NetworksController(RemovedController):
    """The actions of nova-network's removed os-networks."""

    associate_host = _gone_method('associate_host')
    disassociate = _gone_method('disassociate')
    disassociate_host = _gone_method('disassociate_host')
    disassociate_project = _gone_method('disassociate_project')


class ServerActionsController(wsgi.Controller):
    """The removed server actions, added to the servers resource."""

    reset_network = _gone_method('resetNetwork')


_CONTROLLERS = {'os-fixed-ips': FixedIPsController,
                'os-networks': NetworksController}

_REMOVED = {
    'os-agents': [('GET', '/os-agents'), ('POST', '/os-agents'),
                  ('PUT', '/os-agents/{id}'), ('DELETE', '/os-agents/{id}')],
    'os-cells': [('GET', '/os-cells'), ('POST', '/os-cells'),
                 ('GET', '/os-cells/capacities'), ('GET', '/os-cells/detail'),
                 ('GET', '/os-cells/info'), ('GET', '/os-cells/{id}'),
                 ('PUT', '/os-cells/{id}'), ('DELETE', '/os-cells/{id}'),
                 ('GET', '/os-cells/{id}/capacities')],
    'os-certificates': [('POST', '/os-certificates'),
                        ('GET', '/os-certificates/root')],
    'os-cloudpipe': [('GET', '/os-cloudpipe'), ('POST', '/os-cloudpipe'),
                     ('PUT', '/os-cloudpipe/configure-project')],
    'consoles': [('GET', '/servers/{server_id}/consoles'),
                 ('POST', '/servers/{server_id}/consoles'),
                 ('GET', '/servers/{server_id}/consoles/{id}'),
                 ('DELETE', '/servers/{server_id}/consoles/{id}')],
    'os-fixed-ips': [('GET', '/os-fixed-ips/{id}'),
                     ('POST', '/os-fixed-ips/{id}/action', 'action')],
    'os-floating-ip-dns': [
        ('GET', '/os-floating-ip-dns'),
        ('PUT', '/os-floating-ip-dns/{id}'),
        ('DELETE', '/os-floating-ip-dns/{id}'),
        ('GET', '/os-floating-ip-dns/{domain_id}/entries/{id}'),
        ('PUT', '/os-floating-ip-dns/{domain_id}/entries/{id}'),
        ('DELETE', '/os-floating-ip-dns/{domain_id}/entries/{id}')],
    'os-floating-ips-bulk': [('GET', '/os-floating-ips-bulk'),
                             ('POST', '/os-floating-ips-bulk'),
                             ('PUT', '/os-floating-ips-bulk/delete'),
                             ('GET', '/os-floating-ips-bulk/{id}')],
    'os-fping': [('GET', '/os-fping'), ('GET', '/os-fping/{id}')],
    'os-networks': [('POST', '/os-networks'), ('POST', '/os-networks/add'),
                    ('DELETE', '/os-networks/{id}'),
                    ('POST', '/os-networks/{id}/action', 'action')],
    'os-security-group-default-rules': [
        ('GET', '/os-security-group-default-rules'),
        ('POST', '/os-security-group-default-rules'),
        ('GET', '/os-security-group-default-rules/{id}'),
        ('DELETE', '/os-security-group-default-rules/{id}')],
    'os-tenant-networks': [('POST', '/os-tenant-networks'),
                           ('DELETE', '/os-tenant-networks/{id}')],
    'os-virtual-interfaces': [
        ('GET', '/servers/{server_id}/os-virtual-interfaces')],
}


class Removed(plugin.APIPlugin):
    name = 'removed'

    def resources(self):
        return [
            plugin.APIResource(
                'removed:' + name,
                _CONTROLLERS.get(name, RemovedController)(),
                [route if len(route) == 3 else route + ('gone',)
                 for route in routes])
            for name, routes in _REMOVED.items()]

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           ServerActionsController())]
