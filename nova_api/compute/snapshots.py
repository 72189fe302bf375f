"""Images made from servers: a snapshot (createImage) and a backup
(createBackup), as Nova's compute API and compute manager make them.

The image is added to the local catalog at once, owned by the caller's
project, with the properties Nova gives it (its image_type, the server's
uuid, the caller's user, the base image and what the server's image
passes on, the caller's metadata), while the server takes the snapshot
task (server_states.CREATE_IMAGE or CREATE_BACKUP). The image's status
follows from the times stored with it: queued until the upload starts
(the last share of [simulated] snapshot_seconds), saving until the task
ends, active after (nova_api.db.images).

A backup rotates: once it is active, the backups of that server and
backup_type beyond the newest `rotation` (it included) are deleted, as
Nova's compute manager deletes them. The deletion is stored with those
images when the backup is asked for, to happen when it is active.

Nova checks no lock for either (a lock keeps a server from being
changed, and a snapshot does not change it).
"""

import uuid as uuid_lib

from oslo_config import cfg
from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import images
from nova_api.compute import quotas
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.db import api as db_api
from nova_api.db import images as db_images
from nova_api import exception

CONF = cfg.CONF

SNAPSHOT = 'snapshot'
BACKUP = 'backup'

# The properties Nova never copies from a server's image to an image of
# the server, and the namespace it keeps for the image service.
_NON_INHERITABLE = frozenset((
    'cinder_encryption_key_id', 'cinder_encryption_key_deletion_policy',
    'img_signature', 'img_signature_hash_method', 'img_signature_key_type',
    'img_signature_certificate_uuid'))
_NON_INHERITABLE_PREFIXES = ('os_glance',)
# Large mappings Nova does not keep with a server, so never passes on.
_NOT_KEPT = frozenset(('mappings', 'block_device_mapping', 'img_mappings',
                       'img_block_device_mapping'))
# Nova keeps each of a server's image properties to 255 characters.
_KEPT_LENGTH = 255


def check_metadata_quota(context, metadata):
    """403 if `metadata` has more items than the project's
    metadata_items limit, as Nova checks it before 2.39."""
    if not metadata:
        return
    limit = quotas.get_limits(context, context.project_id)['metadata_items']
    if 0 <= limit < len(metadata):
        raise exception.ImageMetadataLimitExceeded()


def is_volume_backed(server):
    """A server booted from a volume has no image."""
    return not server.image_ref


def create_image(context, server, name, metadata=None):
    """Snapshot `server` as an image `name` with `metadata` properties;
    return the image's uuid."""
    return _make_image(context, server, name, SNAPSHOT,
                       server_states.CREATE_IMAGE, dict(metadata or {}))


def create_backup(context, server, name, backup_type, rotation,
                  metadata=None):
    """Back `server` up as an image `name` of `backup_type`, keeping the
    newest `rotation` backups of that type once it is active; return the
    image's uuid. A server booted from a volume is refused (400), once
    its state is allowed (Nova checks that first)."""
    server_states.check_allowed(server_states.CREATE_BACKUP, server.uuid,
                                server.state)
    if is_volume_backed(server):
        raise exception.Invalid(
            'Backup is not supported for volume-backed instances.')
    properties = dict(metadata or {}, backup_type=backup_type)
    return _make_image(context, server, name, BACKUP,
                       server_states.CREATE_BACKUP, properties,
                       rotation=rotation)


def shelved_image_name(server):
    """The name of the snapshot Nova's shelve uploads."""
    return '%s-shelved' % server.name


def create_shelved_image(context, server):
    """The snapshot a shelve uploads of a server booted from an image
    (Nova's <name>-shelved): saving while the shelve runs, active once
    it ends; return its uuid."""
    now = timeutils.utcnow()
    ends = now + server_states.task_duration(server_states.SHELVING,
                                             backend.task_durations())
    values, properties = _image_of(context, server,
                                   shelved_image_name(server), SNAPSHOT, {})
    image_uuid = str(uuid_lib.uuid4())
    values.update(uuid=image_uuid, status='active', created_at=now,
                  updated_at=now, owner=context.project_id, saving_at=now,
                  active_at=ends)
    db_images.create(context, values, properties)
    return image_uuid


def delete_shelved_image(context, server, at):
    """Delete, `at` (when the unshelve ends), the snapshot the server's
    shelve uploaded, as Nova does once a server is unshelved."""
    shelved = db_images.get_all(context, filters={
        'name': shelved_image_name(server), 'properties': {
            'image_type': SNAPSHOT, 'instance_uuid': server.uuid}})
    db_images.delete_at(context, [image.uuid for image in shelved], at)


def _make_image(context, server, name, image_type, action, extra,
                rotation=None):
    # Nova checks the state before it creates the image.
    server_states.check_allowed(action, server.uuid, server.state)
    now = timeutils.utcnow()
    durations = backend.task_durations()
    upload_starts, upload_ends = server_states.image_upload_share(
        action.task_state, durations)
    values, properties = _image_of(context, server, name, image_type, extra)
    image_uuid = str(uuid_lib.uuid4())
    values.update(uuid=image_uuid, status='active', created_at=now,
                  updated_at=now, owner=context.project_id,
                  saving_at=now + upload_starts, active_at=now + upload_ends)
    with db_api.context_manager.writer.using(context):
        servers.begin_action(context, server, action)
        db_images.create(context, values, properties)
        if rotation is not None:
            _rotate(context, server, extra['backup_type'], rotation,
                    values['active_at'])
    return image_uuid


def _image_of(context, server, name, image_type, extra):
    """(columns, properties) of an image of `server`: what its image
    passes on (Nova's initialize_instance_snapshot_metadata), then
    Nova's properties and `extra`."""
    source = _source_image(context, server)
    inherited = {}
    values = {'name': name, 'min_ram': 0, 'min_disk': server.root_gb,
              'size': None, 'disk_format': None, 'container_format': None}
    if source is not None:
        image, source_properties = source
        inherited = {key: str(value)[:_KEPT_LENGTH]
                     for key, value in source_properties.items()
                     if key not in _NOT_KEPT}
        values.update(
            min_ram=image.min_ram or 0,
            # Nova keeps the larger of the image's and the flavor's disk,
            # but the flavor's alone for a vhd image.
            min_disk=(server.root_gb if image.disk_format == 'vhd' else
                      max(image.min_disk or 0, server.root_gb)),
            size=image.size,
            disk_format=image.disk_format,
            container_format=image.container_format)
    inherited['base_image_ref'] = server.image_ref or ''
    dropped = _NON_INHERITABLE.union(CONF.non_inheritable_image_properties)
    properties = {key: value for key, value in inherited.items()
                  if key not in dropped and
                  not key.startswith(_NON_INHERITABLE_PREFIXES)}
    properties.update(instance_uuid=server.uuid,
                      user_id=str(context.user_id), image_type=image_type)
    if context.project_id != server.project_id:
        # Nova shares an administrator's image of another project's
        # server with that project.
        properties['instance_owner'] = server.project_id
    properties.update(extra)
    return values, properties


def _source_image(context, server):
    """The server's image with its properties, or None if it has none
    or the image is gone (Nova kept what it needs with the server)."""
    if not server.image_ref:
        return None
    try:
        image = db_images.get(context, server.image_ref)
    except exception.ImageNotFound:
        return None
    return images.ImageWithProperties(
        image, db_images.get_properties(context, server.image_ref))


def _rotate(context, server, backup_type, rotation, at):
    """Delete, `at` the new backup's activation, the backups of `server`
    and `backup_type` beyond the newest `rotation` as they are then (the
    new one among them; rotation 0 deletes it too)."""
    backups = db_images.get_all(context, filters={'properties': {
        'image_type': BACKUP, 'backup_type': backup_type,
        'instance_uuid': server.uuid}}, now=at)
    db_images.delete_at(context, [image.uuid for image in backups[rotation:]],
                        at)
