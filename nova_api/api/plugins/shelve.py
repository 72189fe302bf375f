"""The shelve, shelveOffload and unshelve server actions (Nova's
os-shelve), added to the servers resource:

    POST /servers/{id}/action  {"shelve": null}         (202)
    POST /servers/{id}/action  {"shelveOffload": null}  (202)
    POST /servers/{id}/action  {"unshelve": null}       (202)
    POST /servers/{id}/action  {"unshelve": {"availability_zone": "az"}}
                                                        (2.77)
    POST /servers/{id}/action  {"unshelve": {"availability_zone": null,
                                             "host": "h"}}  (2.91)

The states, the offload timer and the re-scheduling are
nova_api.compute.shelve's.
"""

from nova_api.api import plugin
from nova_api.api.schemas import shelve as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import servers
from nova_api.compute import shelve
from nova_api.policies import shelve as policies


def _owner(server):
    return {'user_id': server.user_id, 'project_id': server.project_id}


class ShelveController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('shelve')
    @wsgi.policy(policies.SHELVE)
    @validation.schema(schemas.shelve)
    @validation.response_body_schema(schemas.shelve_response)
    def shelve(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.SHELVE, _owner(server))
        shelve.shelve(context, server)

    @wsgi.response(202)
    @wsgi.expected_errors((400, 404, 409))
    @wsgi.action('shelveOffload')
    @wsgi.policy(policies.SHELVE_OFFLOAD)
    @validation.schema(schemas.shelve_offload)
    @validation.response_body_schema(schemas.shelve_offload_response)
    def shelve_offload(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.SHELVE_OFFLOAD, _owner(server))
        shelve.shelve_offload(context, server)

    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('unshelve')
    @wsgi.policy(policies.UNSHELVE)
    @validation.schema(schemas.unshelve, '2.0', '2.76')
    @validation.schema(schemas.unshelve_v277, '2.77', '2.90')
    @validation.schema(schemas.unshelve_v291, '2.91')
    @validation.response_body_schema(schemas.unshelve_response)
    def unshelve(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.UNSHELVE, {'project_id': server.project_id})
        arguments = {}
        requested = body['unshelve']
        if requested and req.is_supported('2.77'):
            if 'availability_zone' in requested:
                arguments['zone'] = requested['availability_zone']
            if req.is_supported('2.91'):
                arguments['host'] = requested.get('host')
        shelve.unshelve(context, server, **arguments)


class Shelve(plugin.APIPlugin):
    name = 'os-shelve'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers', ShelveController())]
