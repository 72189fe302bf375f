"""Server tags (2.26): simple strings on a server, up to 50 of them.

A server is found as Nova's tags API finds it: by its uuid in any project
(``get_owner``: deleted servers included, as Nova keeps their cell
mapping), so that the caller's rule is checked against its project, and
only then as the caller may see it (``get_server``, 404 for a deleted
one). Tags may change only while the server's vm_state is one Nova
allows (409); the task state and the lock do not matter to Nova here.
"""

from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.db import server_tags as tags_db
from nova_api import exception

MAX_TAGS = 50
MAX_TAG_LENGTH = 60
# The one tag pattern, as Nova's validation error names it.
TAG_PATTERN = '^[^,/]*$'

_CHANGEABLE_VM_STATES = frozenset({
    server_states.ACTIVE, 'paused', 'suspended', server_states.STOPPED})


def _change(name):
    return server_states.Action(
        name, task_state=None, allowed_vm_states=_CHANGEABLE_VM_STATES,
        allowed_task_states=None, must_have_launched=False,
        must_have_host=False)


# Named as Nova's 409 messages name them.
UPDATE_TAG = _change('update tag')
UPDATE_TAGS = _change('update tags')
DELETE_TAG = _change('delete tag')
DELETE_TAGS = _change('delete tags')


def get_owner(context, server_id):
    """The project of server `server_id` (InstanceMappingNotFound if no
    server ever had that id)."""
    project_id = tags_db.get_project(context, server_id)
    if project_id is None:
        raise exception.InstanceMappingNotFound(uuid=server_id)
    return project_id


def get_server(context, server_id):
    """The server, once its owner's rule allows the caller on it."""
    return servers.get_server(context, server_id)


def get_tags(context, server):
    return tags_db.get(context, server.id)


def check_tag(context, server, tag):
    """ServerTagNotFound unless the server has `tag`."""
    if not tags_db.exists(context, server.id, tag):
        raise exception.ServerTagNotFound(server_id=server.uuid, tag=tag)


def check_changeable(server, action):
    """409 unless the server's vm_state allows changing its tags."""
    server_states.check_allowed(action, server.uuid, server.state)


def add_tag(context, server, tag):
    """Add `tag` (the server's state checked first, as Nova does);
    False if the server had it already."""
    check_changeable(server, UPDATE_TAG)
    _check_valid(tag)
    return tags_db.add(context, server.id, tag, check=_check_room)


def replace_tags(context, server, tags):
    """Make `tags` (at most MAX_TAGS, each valid: the request schema's
    job) the server's tags; returns them as stored."""
    check_changeable(server, UPDATE_TAGS)
    return tags_db.replace(context, server.id, tags)


def delete_tag(context, server, tag):
    check_changeable(server, DELETE_TAG)
    if not tags_db.delete(context, server.id, tag):
        raise exception.InstanceTagNotFound(instance_id=server.uuid,
                                            tag=tag)


def delete_tags(context, server):
    check_changeable(server, DELETE_TAGS)
    tags_db.delete_all(context, server.id)


def _check_room(count):
    # Nova refuses a full server's tag even when it has that tag.
    if count >= MAX_TAGS:
        raise exception.TooManyServerTags(limit=MAX_TAGS)


def _check_valid(tag):
    """Nova's check of a tag given in the URL, with its schema
    validator's message for the first rule broken."""
    if ',' in tag or '/' in tag:
        reason = '%r does not match %r' % (tag, TAG_PATTERN)
    elif not tag:
        reason = '%r should be non-empty' % tag
    elif len(tag) > MAX_TAG_LENGTH:
        reason = '%r is too long' % tag
    else:
        return
    raise exception.InvalidServerTag(tag=tag, reason=reason)
