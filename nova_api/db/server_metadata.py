"""Server metadata queries: the key/value pairs of a server.

Functions take the server's internal integer id (``server.id``, the
foreign key of the rows), not its uuid: the compute layer has already
found the server and decided the caller may see it. Reads run statements
built once with bound parameters (see nova_api.db.flavors for why) and
return plain dicts sorted by key; writes use the ORM.
"""

from oslo_db import api as oslo_db_api
from oslo_db import exception as db_exc
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models
from nova_api import exception

ServerMetadata = models.ServerMetadata

_metadata = ServerMetadata.__table__

_OF_SERVER = sa.select(_metadata.c.key, _metadata.c.value).where(
    _metadata.c.server_id == sa.bindparam('server_id'),
).order_by(_metadata.c.key)


@api.context_manager.reader.connection
def get(context, server_id):
    """The metadata of a server as a dict."""
    rows = context.connection.execute(_OF_SERVER, {'server_id': server_id})
    return dict(rows.all())


# Two requests adding the same new key at once: the loser's insert fails on
# the unique constraint, and a retry turns it into an update.
@oslo_db_api.wrap_db_retry(
    max_retries=5, retry_interval=0.1,
    exception_checker=lambda e: isinstance(e, db_exc.DBDuplicateEntry))
@api.context_manager.writer
def update(context, server_id, metadata, purge=False, check=None):
    """Set each key of `metadata`; with `purge`, delete the others.

    `check`, if given, is called with the resulting metadata before
    anything is written and may raise to refuse it (a quota). Returns
    the resulting metadata.
    """
    existing = {
        item.key: item for item in context.session.scalars(
            sa.select(ServerMetadata)
            .where(ServerMetadata.server_id == server_id))
    }
    result = {} if purge else {key: item.value
                               for key, item in existing.items()}
    result.update(metadata)
    if check is not None:
        check(result)
    for key, item in existing.items():
        if key not in result:
            context.session.delete(item)
    for key, value in metadata.items():
        if key in existing:
            existing[key].value = value
        else:
            context.session.add(ServerMetadata(server_id=server_id, key=key,
                                               value=value))
    context.session.flush()
    return dict(sorted(result.items()))


@api.context_manager.writer
def delete_item(context, server_id, key):
    """Delete one item (ServerMetadataNotFound if there is none)."""
    result = context.session.execute(
        sa.delete(ServerMetadata).where(ServerMetadata.server_id == server_id,
                                        ServerMetadata.key == key))
    if result.rowcount == 0:
        raise exception.ServerMetadataNotFound()
