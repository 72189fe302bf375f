"""The evacuate server action (Nova's os-evacuate), added to the servers
resource:

    POST /servers/{id}/action  {"evacuate": {"onSharedStorage": false}}
        (200 {"adminPass": ...})
    POST /servers/{id}/action  {"evacuate": {"host": "compute2"}}  (2.14,
        200 and no body)

Each version's body: before 2.14 onSharedStorage (required), host and
adminPass; 2.14 no onSharedStorage; 2.29 force; 2.68 no force; 2.95 the
server ends stopped. Evacuate answers 200, as Nova does (not 202). The
password, given or generated (none on shared storage unless given), is
answered before 2.14 only, unless [api] enable_instance_password is off;
it is stored nowhere. The move is nova_api.compute.evacuate's.
"""

from oslo_utils import strutils

from nova_api.api import plugin
from nova_api.api.schemas import evacuate as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import evacuate
from nova_api.compute import passwords
from nova_api.compute import servers
from nova_api import conf
from nova_api import exception
from nova_api.policies import evacuate as policies

CONF = conf.CONF


class EvacuateController(wsgi.Controller):

    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('evacuate')
    @wsgi.policy(policies.EVACUATE)
    @validation.schema(schemas.evacuate, '2.0', '2.13')
    @validation.schema(schemas.evacuate_v214, '2.14', '2.28')
    @validation.schema(schemas.evacuate_v229, '2.29', '2.67')
    @validation.schema(schemas.evacuate_v268, '2.68')
    @validation.response_body_schema(schemas.evacuate_response, '2.0',
                                     '2.13')
    @validation.response_body_schema(schemas.evacuate_response_v214, '2.14')
    def evacuate(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.EVACUATE, {'user_id': server.user_id,
                                        'project_id': server.project_id})
        params = body['evacuate']
        host = params.get('host')
        force = None
        if req.is_supported('2.29'):
            force = strutils.bool_from_string(params.get('force', False),
                                              strict=True)
            if force and not host:
                raise exception.ForcedMoveWithoutHost()
        password = _password(req, params)
        evacuate.evacuate(context, server, host, force,
                          stop=req.is_supported('2.95'))
        if req.is_supported('2.14') or not CONF.api.enable_instance_password:
            return None
        return {'adminPass': password}


def _password(req, params):
    """The password given, else a generated one; before 2.14 none on
    shared storage, where giving one is refused (the disk is kept)."""
    on_shared_storage = (not req.is_supported('2.14') and
                         strutils.bool_from_string(
                             params['onSharedStorage']))
    if 'adminPass' in params:
        if on_shared_storage:
            raise exception.EvacuatePasswordOnSharedStorage()
        return params['adminPass']
    if on_shared_storage:
        return None
    return passwords.generate_password()


class Evacuate(plugin.APIPlugin):
    name = 'os-evacuate'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers', EvacuateController())]
