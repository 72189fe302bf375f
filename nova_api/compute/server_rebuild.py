"""Rebuilding a server: it boots again from an image (its own or
another), with the name, metadata, key pair, user data, certificates and
hostname the rebuild gives, keeping its id, flavor, addresses and tags,
as Nova's rebuild does.

Nova's order: the lock and the state (409) first, then the image (400),
the metadata and personality quotas (403), the key pair and the image
against the flavor (400). The rebuild then runs as the task 'rebuilding'
(status REBUILD); the server ends as it was (ACTIVE, or SHUTOFF for a
stopped one), launched again when the rebuild ends.
"""

from nova_api.compute import lock_server
from nova_api.compute import server_create
from nova_api.compute import server_metadata
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.db import api as db_api
from nova_api.db import server_metadata as metadata_db
from nova_api.db import servers as servers_db
from nova_api import exception


def rebuild_server(context, server, image_ref, values, metadata=None,
                   personality=()):
    """Rebuild `server` from image `image_ref` with the new column
    `values` (name, description, access IPs, disk_config, key_name,
    user_data, trusted_image_certificates, hostname), replacing its
    metadata if `metadata` is given; `personality` is [(path,
    contents)] (before 2.57)."""
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(server_states.REBUILD, server.uuid,
                                server.state)
    properties = _check_image(context, server, image_ref)
    if metadata is not None:
        server_metadata.check_quota(context, metadata)
    server_create.check_injected_files_quota(context, personality)
    changes = dict(values, image_ref=image_ref)
    if 'key_name' in values:
        # InvalidKeyName (400) for a key pair the caller has not.
        changes['key_data'] = server_create.public_key_of(
            context, values['key_name'])
    if server.vm_state == server_states.ERROR:
        # Rebuilt from an active state, it ends ACTIVE as in Nova.
        changes['vm_state'] = server_states.ACTIVE
    with db_api.context_manager.writer.using(context):
        servers.begin_action(context, server, server_states.REBUILD,
                             changes)
        if metadata is not None:
            metadata_db.update(context, server.id, metadata, purge=True)
        servers_db.replace_image_properties(context, server.id, properties)


def _check_image(context, server, image_ref):
    """The properties of image `image_ref` once it can boot the server's
    flavor (the server keeps its flavor)."""
    try:
        return server_create.check_image(context, image_ref, server.row,
                                         can_use_zero_disk_flavor=True)
    except exception.InvalidImageRef:
        raise exception.Invalid('Cannot find image for rebuild')

