"""Key pair queries. Key pairs belong to a user and are named uniquely per
user; the functions take the owner's `user_id` rather than reading it from
the context, because an admin may act on another user's key pairs."""

from oslo_db import exception as db_exc
from oslo_db.sqlalchemy import utils as sqlalchemy_utils
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models
from nova_api import exception

KeyPair = models.KeyPair


def _select_owned_by(user_id):
    return sa.select(KeyPair).where(KeyPair.user_id == user_id)


@api.context_manager.reader
def get_all(context, user_id, limit=None, marker=None):
    """The user's key pairs by name, one page after the `marker` name."""
    marker_keypair = None
    if marker is not None:
        marker_keypair = context.session.scalars(
            _select_owned_by(user_id).where(KeyPair.name == marker)).first()
        if marker_keypair is None:
            raise exception.MarkerNotFound(marker=marker)
    query = sqlalchemy_utils.paginate_query(
        _select_owned_by(user_id), KeyPair, limit, ['name', 'id'],
        marker=marker_keypair)
    return list(context.session.scalars(query))


@api.context_manager.reader
def get(context, user_id, name):
    keypair = context.session.scalars(
        _select_owned_by(user_id).where(KeyPair.name == name)).first()
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


@api.context_manager.reader
def count(context, user_id):
    """How many key pairs the user has, for the key_pairs quota."""
    return context.session.scalar(
        sa.select(sa.func.count(KeyPair.id)).where(KeyPair.user_id == user_id))
