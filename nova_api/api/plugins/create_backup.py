"""The createBackup server action (Nova's os-create-backup), added to
the servers resource:

    POST /servers/{id}/action  {"createBackup": {"name": "...",
        "backup_type": "daily", "rotation": 2, "metadata": {...}}}  (202)

Before 2.45 the answer has no body and, unless rotation is 0, a Location
header with the image's URL on this API (/images/{id}, as Nova's); from
2.45 the body {"image_id": ...} and no Location. Before 2.39 the
metadata counts against the metadata_items quota (403). The image, its
rotation and the states are nova_api.compute.snapshots'.
"""

from nova_api.api import plugin
from nova_api.api.schemas import create_backup as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import servers
from nova_api.compute import snapshots
from nova_api.policies import create_backup as policies


class CreateBackupController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('createBackup')
    @wsgi.policy(policies.CREATE_BACKUP)
    @validation.schema(schemas.create_backup_v20, '2.0', '2.0')
    @validation.schema(schemas.create_backup, '2.1')
    @validation.response_body_schema(schemas.create_backup_response,
                                     '2.0', '2.44')
    @validation.response_body_schema(schemas.create_backup_response_v245,
                                     '2.45')
    def create_backup(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.CREATE_BACKUP,
                    {'project_id': server.project_id})
        entity = body['createBackup']
        rotation = int(entity['rotation'])
        metadata = entity.get('metadata', {})
        if not req.is_supported('2.39'):
            snapshots.check_metadata_quota(context, metadata)
        image_id = snapshots.create_backup(
            context, server, entity['name'].strip(), entity['backup_type'],
            rotation, metadata)
        if req.is_supported('2.45'):
            return {'image_id': image_id}
        headers = {}
        if rotation > 0:
            headers['Location'] = '%s/images/%s' % (
                req.application_url.rstrip('/'), image_id)
        return wsgi.ResponseObject(headers=headers)


class CreateBackup(plugin.APIPlugin):
    name = 'os-create-backup'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           CreateBackupController())]
