"""Server tag queries: the tags of servers, and the list filters on them.

Functions take the server's internal integer id (``server.id``, the
foreign key of the rows), not its uuid, except ``get_project``: the
compute layer has found the server first. Tags are read in the order of
their names (the primary key's), as Nova's database returns them; a
deleted server has none (nova_api.db.servers.soft_delete removes them,
as Nova's instance destroy does).
"""

from oslo_db import api as oslo_db_api
from oslo_db import exception as db_exc
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models

ServerTag = models.ServerTag

_tags = ServerTag.__table__
_servers = models.Server.__table__

_OF_SERVER = sa.select(_tags.c.tag).where(
    _tags.c.server_id == sa.bindparam('server_id')).order_by(_tags.c.tag)
_OF_SERVERS = sa.select(_tags.c.server_id, _tags.c.tag).where(
    _tags.c.server_id.in_(sa.bindparam('server_ids', expanding=True))
).order_by(_tags.c.server_id, _tags.c.tag)
_HAS_TAG = sa.select(sa.literal(1)).where(
    _tags.c.server_id == sa.bindparam('server_id'),
    _tags.c.tag == sa.bindparam('tag'))
# Deleted servers too: Nova keeps a deleted instance's cell mapping.
_PROJECT_OF_UUID = sa.select(_servers.c.project_id).where(
    _servers.c.uuid == sa.bindparam('uuid')).limit(1)


@api.context_manager.reader.connection
def get_project(context, uuid):
    """The project of the server `uuid`, deleted or not; None if no
    server ever had that uuid."""
    return context.connection.execute(
        _PROJECT_OF_UUID, {'uuid': uuid}).scalar()


@api.context_manager.reader.connection
def get(context, server_id):
    """The tags of a server, as a list."""
    return list(context.connection.execute(
        _OF_SERVER, {'server_id': server_id}).scalars())


@api.context_manager.reader.connection
def get_for_servers(context, server_ids):
    """{server id: its tags} of many servers (a list page), in one
    statement; a server without tags is not a key."""
    tags = {}
    if not server_ids:
        return tags
    for server_id, tag in context.connection.execute(
            _OF_SERVERS, {'server_ids': list(server_ids)}):
        tags.setdefault(server_id, []).append(tag)
    return tags


@api.context_manager.reader.connection
def exists(context, server_id, tag):
    return context.connection.execute(
        _HAS_TAG, {'server_id': server_id, 'tag': tag}).first() is not None


# Two requests adding the same tag at once: the loser's insert fails on
# the primary key, and its retry finds the tag there.
_retry_on_duplicate = oslo_db_api.wrap_db_retry(
    max_retries=5, retry_interval=0.1,
    exception_checker=lambda e: isinstance(e, db_exc.DBDuplicateEntry))


@_retry_on_duplicate
@api.context_manager.writer
def add(context, server_id, tag, check=None):
    """Add `tag` unless the server has it; True if it was added.

    `check`, if given, is called with the number of tags the server has
    before anything is written and may raise to refuse the change (the
    per-server limit, which Nova applies even to a tag already there).
    """
    count = context.session.execute(
        sa.select(sa.func.count()).select_from(_tags).where(
            _tags.c.server_id == server_id)).scalar()
    if check is not None:
        check(count)
    if context.session.execute(
            _HAS_TAG, {'server_id': server_id, 'tag': tag}).first():
        return False
    context.session.add(ServerTag(server_id=server_id, tag=tag))
    context.session.flush()
    return True


@_retry_on_duplicate
@api.context_manager.writer
def replace(context, server_id, tags):
    """Make `tags` (duplicates ignored) the server's tags; returns them
    as stored."""
    wanted = set(tags)
    existing = set(_tags_in_session(context, server_id))
    gone = existing - wanted
    if gone:
        context.session.execute(_tags.delete().where(
            _tags.c.server_id == server_id, _tags.c.tag.in_(sorted(gone))))
    new = wanted - existing
    if new:
        context.session.execute(_tags.insert(), [
            {'server_id': server_id, 'tag': tag} for tag in sorted(new)])
    return _tags_in_session(context, server_id)


def _tags_in_session(context, server_id):
    return list(context.session.execute(
        _OF_SERVER, {'server_id': server_id}).scalars())


@api.context_manager.writer
def delete(context, server_id, tag):
    """Remove one tag; False if the server did not have it."""
    result = context.session.execute(_tags.delete().where(
        _tags.c.server_id == server_id, _tags.c.tag == tag))
    return result.rowcount > 0


@api.context_manager.writer
def add_at_create(context, server_id, tags):
    """Store a new server's tags (duplicates ignored)."""
    if tags:
        context.session.execute(_tags.insert(), [
            {'server_id': server_id, 'tag': tag}
            for tag in sorted(set(tags))])


@api.context_manager.writer
def delete_all(context, server_id):
    """Remove every tag of a server (DELETE .../tags, and its delete)."""
    context.session.execute(_tags.delete().where(
        _tags.c.server_id == server_id))


def _has(tag):
    return sa.exists().where(_tags.c.server_id == _servers.c.id,
                             _tags.c.tag == tag)


def filter_criteria(filters):
    """WHERE criteria on servers of the list filters tags (has every
    one), tags_any (has one of them), not_tags (lacks at least one) and
    not_tags_any (has none of them), each a list of tags."""
    criteria = []
    if filters.get('tags'):
        criteria.extend(_has(tag) for tag in filters['tags'])
    if filters.get('tags_any'):
        criteria.append(sa.exists().where(
            _tags.c.server_id == _servers.c.id,
            _tags.c.tag.in_(filters['tags_any'])))
    if filters.get('not_tags'):
        criteria.append(sa.not_(sa.and_(
            *[_has(tag) for tag in filters['not_tags']])))
    if filters.get('not_tags_any'):
        criteria.append(~sa.exists().where(
            _tags.c.server_id == _servers.c.id,
            _tags.c.tag.in_(filters['not_tags_any'])))
    return criteria
