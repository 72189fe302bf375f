"""The createImage server action, added to the servers resource:

    POST /servers/{id}/action  {"createImage": {"name": "...",
                                                "metadata": {...}}}  (202)

In Nova it is a method of the servers controller; here it is a plugin of
its own, named for the action (as create_backup is for createBackup),
so that the servers plugin stays the resource's CRUD and power actions
and a deployer can switch snapshots off like any extension.

Before 2.45 the answer has no body and a Location header with the
image's URL on the image service ([glance] api_servers, as Nova's
generate_image_url); from 2.45 the body {"image_id": ...} and no
Location. Before 2.39 the metadata counts against the metadata_items
quota (403). The image and the states are nova_api.compute.snapshots'.
"""

from oslo_config import cfg

from nova_api.api import plugin
from nova_api.api.schemas import create_image as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import servers
from nova_api.compute import snapshots
from nova_api.policies import create_image as policies

CONF = cfg.CONF


def image_url(image_id):
    """The image's URL on the image service, as Nova's Location."""
    return '%s/images/%s' % (CONF.glance.api_servers[0].rstrip('/'),
                             image_id)


class CreateImageController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('createImage')
    @wsgi.policy(policies.CREATE_IMAGE)
    @validation.schema(schemas.create_image)
    @validation.response_body_schema(schemas.create_image_response,
                                     '2.0', '2.44')
    @validation.response_body_schema(schemas.create_image_response_v245,
                                     '2.45')
    def create_image(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        target = {'project_id': server.project_id}
        context.can(policies.CREATE_IMAGE, target)
        entity = body['createImage']
        metadata = entity.get('metadata', {})
        if not req.is_supported('2.39'):
            snapshots.check_metadata_quota(context, metadata)
        if snapshots.is_volume_backed(server):
            context.can(policies.ALLOW_VOLUME_BACKED, target)
        image_id = snapshots.create_image(context, server,
                                          entity['name'].strip(), metadata)
        if req.is_supported('2.45'):
            return {'image_id': image_id}
        return wsgi.ResponseObject(
            headers={'Location': image_url(image_id)})


class CreateImage(plugin.APIPlugin):
    name = 'create-image'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           CreateImageController())]
