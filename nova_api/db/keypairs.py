"""Key pair queries. Key pairs belong to a user and are named uniquely per
user; the functions take the owner's `user_id` rather than reading it from
the context, because an admin may act on another user's key pairs.

As in nova_api.db.flavors, reads return SQLAlchemy Core rows (attribute
access like the model: ``keypair.name``) from statements built once, and
writes use the ORM.
"""

from oslo_db import exception as db_exc
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models
from nova_api import exception

KeyPair = models.KeyPair

_key_pairs = KeyPair.__table__

_OWNED = _key_pairs.c.user_id == sa.bindparam('user_id')
_BY_NAME = sa.select(_key_pairs).where(
    _OWNED, _key_pairs.c.name == sa.bindparam('name'))
_COUNT = sa.select(sa.func.count(_key_pairs.c.id)).where(_OWNED)

# Pages are sorted by (name, id) and start after the marker's row: the rule
# of oslo.db's paginate_query. name is never NULL, so both terms apply.
_AFTER_MARKER = sa.or_(
    _key_pairs.c.name > sa.bindparam('marker_name'),
    sa.and_(_key_pairs.c.name == sa.bindparam('marker_name'),
            _key_pairs.c.id > sa.bindparam('marker_id')))


def _page_statement(after_marker, limited):
    statement = sa.select(_key_pairs).where(_OWNED)
    if after_marker:
        statement = statement.where(_AFTER_MARKER)
    statement = statement.order_by(_key_pairs.c.name.asc(),
                                   _key_pairs.c.id.asc())
    if limited:
        statement = statement.limit(sa.bindparam('limit', type_=sa.Integer))
    return statement


# Keyed by (marker given, limit given).
_PAGES = {(after_marker, limited): _page_statement(after_marker, limited)
          for after_marker in (False, True) for limited in (False, True)}


@api.context_manager.reader.connection
def get_all(context, user_id, limit=None, marker=None):
    """The user's key pairs by name, one page after the `marker` name."""
    # int() is what SQLAlchemy makes of a literal limit.
    params = {'user_id': user_id,
              'limit': None if limit is None else int(limit)}
    if marker is not None:
        marker_keypair = context.connection.execute(
            _BY_NAME, {'user_id': user_id, 'name': marker}).first()
        if marker_keypair is None:
            raise exception.MarkerNotFound(marker=marker)
        params['marker_name'] = marker_keypair.name
        params['marker_id'] = marker_keypair.id
    statement = _PAGES[marker is not None, limit is not None]
    return context.connection.execute(statement, params).all()


@api.context_manager.reader.connection
def get(context, user_id, name):
    keypair = context.connection.execute(
        _BY_NAME, {'user_id': user_id, 'name': name}).first()
    if keypair is None:
        raise exception.KeypairNotFound(name=name, user_id=user_id)
    return keypair


@api.context_manager.writer
def create(context, values):
    """Insert a key pair; `values` use the model's column names."""
    keypair = KeyPair(**values)
    context.session.add(keypair)
    try:
        context.session.flush()
    except db_exc.DBDuplicateEntry:
        raise exception.KeyPairExists(key_name=values['name'])
    return keypair


@api.context_manager.writer
def destroy(context, user_id, name):
    result = context.session.execute(
        sa.delete(KeyPair).where(KeyPair.user_id == user_id,
                                 KeyPair.name == name))
    if result.rowcount == 0:
        raise exception.KeypairNotFound(name=name, user_id=user_id)


@api.context_manager.reader.connection
def count(context, user_id):
    """How many key pairs the user has, for the key_pairs quota."""
    return context.connection.scalar(_COUNT, {'user_id': user_id})
