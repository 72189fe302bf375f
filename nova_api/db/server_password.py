"""Server passwords: the encrypted password of each server that has one.

A server has at most one row; setting it replaces the row's password.
Rows go with their server (ON DELETE CASCADE).
"""

from oslo_db import exception as db_exception
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models

_passwords = models.ServerPassword.__table__
_BY_SERVER = sa.select(_passwords.c.password).where(
    _passwords.c.server_id == sa.bindparam('server_id'))


@api.context_manager.reader.connection
def get(context, server_id):
    """The stored password of server `server_id` (its id column), or
    None if it has none."""
    return context.connection.execute(
        _BY_SERVER, {'server_id': server_id}).scalar()


@api.context_manager.writer
def add_unless_present(context, server_id, password):
    """Store `password` unless the server has one already (another
    request may have stored it first); the password it has now."""
    try:
        with context.session.begin_nested():
            context.session.add(models.ServerPassword(
                server_id=server_id, password=password))
    except db_exception.DBDuplicateEntry:
        return context.session.execute(
            _BY_SERVER, {'server_id': server_id}).scalar()
    return password


@api.context_manager.writer
def replace(context, server_id, password):
    """Make `password` the server's, whether it had one or not."""
    if add_unless_present(context, server_id, password) != password:
        context.session.execute(
            _passwords.update().where(_passwords.c.server_id == server_id)
            .values(password=password))
