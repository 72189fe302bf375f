"""The rescue and unrescue server actions (Nova's os-rescue), added to
the servers resource:

    POST /servers/{id}/action  {"rescue": null}  (200 {"adminPass": ...})
    POST /servers/{id}/action  {"rescue": {"adminPass": "...",
                                           "rescue_image_ref": "..."}}
    POST /servers/{id}/action  {"unrescue": null}  (202)

Rescue answers 200, not 202, as Nova does; the password is the one given
or a generated one, left out when ``[api] enable_instance_password`` is
off. Rescuing a volume-backed server (2.87) waits for the volume service
(issue 17): every server here boots from an image.
"""

from nova_api.api import plugin
from nova_api.api.schemas import rescue as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import passwords
from nova_api.compute import rescue
from nova_api.compute import servers
from nova_api import conf
from nova_api.policies import rescue as policies

CONF = conf.CONF


class RescueController(wsgi.Controller):

    @wsgi.expected_errors((400, 404, 409))
    @wsgi.action('rescue')
    @wsgi.policy(policies.RESCUE)
    @validation.schema(schemas.rescue)
    @validation.response_body_schema(schemas.rescue_response)
    def rescue(self, req, id, body):
        context = req.context
        options = body['rescue'] or {}
        server = servers.get_server(context, id)
        context.can(policies.RESCUE, {'user_id': server.user_id,
                                      'project_id': server.project_id})
        # A given password is used even if empty, as Nova uses it.
        password = options.get('adminPass')
        if password is None:
            password = passwords.generate_password()
        rescue.rescue(context, server, options.get('rescue_image_ref'))
        if not CONF.api.enable_instance_password:
            return {}
        return {'adminPass': password}

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('unrescue')
    @wsgi.policy(policies.UNRESCUE)
    @validation.schema(schemas.unrescue)
    @validation.response_body_schema(schemas.unrescue_response)
    def unrescue(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.UNRESCUE, {'project_id': server.project_id})
        rescue.unrescue(context, server)


class Rescue(plugin.APIPlugin):
    name = 'os-rescue'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers', RescueController())]
