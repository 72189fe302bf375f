"""Console tokens, as stored: rows of console_auth_tokens (migration
0013), found by the token's hash. A row whose ``expires`` has passed is
as good as absent: lookups skip it, and each new token deletes the
expired ones. Rows go with their server's row (ON DELETE CASCADE); a
deleted server's tokens are not found (its delete is soft).
"""

import collections

import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models

_tokens = models.ConsoleAuthToken.__table__
_servers = models.Server.__table__

TokenRow = collections.namedtuple('TokenRow', [
    column.name for column in _tokens.columns] + ['instance_uuid'])

_VALID = sa.select(*_tokens.columns, _servers.c.uuid.label('instance_uuid')
                   ).join(_servers, _tokens.c.server_id == _servers.c.id
                          ).where(
    _tokens.c.token_hash == sa.bindparam('token_hash'),
    _tokens.c.expires > sa.bindparam('now'),
    _servers.c.deleted == 0)


@api.context_manager.writer
def create(context, values, now):
    """Store a token (`values`: the columns but id and created_at), and
    delete the tokens that expired by `now` (a Unix time)."""
    context.session.execute(_tokens.delete().where(_tokens.c.expires <= now))
    context.session.add(models.ConsoleAuthToken(**values))


@api.context_manager.reader.connection
def get_valid(context, token_hash, now):
    """The TokenRow of the token hashed `token_hash` if it has not
    expired by `now` and its server exists, else None."""
    row = context.connection.execute(
        _VALID, {'token_hash': token_hash, 'now': now}).one_or_none()
    return None if row is None else TokenRow(**row._mapping)
