"""Quota limits stored per project, per user in a project, and per class.

A row of ``quotas`` with a NULL user_id is the project's limit of one
resource; with a user_id it is that user's limit inside the project. A
``quota_classes`` row is a class's limit (the class 'default' overrides the
configured defaults). Reads return ``{resource: hard_limit}`` dicts from
Core statements built once; writes use the ORM.
"""

from oslo_db import api as oslo_db_api
from oslo_db import exception as db_exc
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models

Quota = models.Quota
QuotaClass = models.QuotaClass

_quotas = Quota.__table__
_quota_classes = QuotaClass.__table__

_OF_PROJECT = _quotas.c.project_id == sa.bindparam('project_id')
_PROJECT_LIMITS = sa.select(_quotas.c.resource, _quotas.c.hard_limit).where(
    _OF_PROJECT, _quotas.c.user_id.is_(None)).order_by(_quotas.c.id)
_USER_LIMITS = sa.select(_quotas.c.resource, _quotas.c.hard_limit).where(
    _OF_PROJECT, _quotas.c.user_id == sa.bindparam('user_id'))
_ALL_USER_LIMITS = sa.select(
    _quotas.c.user_id, _quotas.c.resource, _quotas.c.hard_limit,
).where(_OF_PROJECT, _quotas.c.user_id.is_not(None))
_CLASS_LIMITS = sa.select(
    _quota_classes.c.resource, _quota_classes.c.hard_limit,
).where(_quota_classes.c.class_name == sa.bindparam('class_name'))

# Concurrent first writes of the same limit: the loser's transaction runs
# again and then updates the winner's row.
_retry_on_duplicate = oslo_db_api.wrap_db_retry(
    max_retries=5, retry_interval=0.1,
    exception_checker=lambda e: isinstance(e, db_exc.DBDuplicateEntry))


def _limits(connection, statement, params):
    # A project's own rows cannot be unique in the database (NULL user_id);
    # should two writers race to insert one, the later row counts.
    return {row.resource: row.hard_limit
            for row in connection.execute(statement, params)}


@api.context_manager.reader.connection
def get_project_limits(context, project_id):
    """The limits set on the project itself."""
    return _limits(context.connection, _PROJECT_LIMITS,
                   {'project_id': project_id})


@api.context_manager.reader.connection
def get_user_limits(context, project_id, user_id):
    """The limits set on one user of the project."""
    return _limits(context.connection, _USER_LIMITS,
                   {'project_id': project_id, 'user_id': user_id})


@api.context_manager.reader.connection
def get_all_user_limits(context, project_id):
    """Every user limit set in the project: rows (user_id, resource,
    hard_limit)."""
    return context.connection.execute(
        _ALL_USER_LIMITS, {'project_id': project_id}).all()


@api.context_manager.reader.connection
def get_class_limits(context, class_name):
    return _limits(context.connection, _CLASS_LIMITS,
                   {'class_name': class_name})


@_retry_on_duplicate
@api.context_manager.writer
def set_limits(context, project_id, limits, user_id=None):
    """Set `limits` ({resource: hard_limit}) on the project, or on one of
    its users; other resources keep theirs."""
    for resource, hard_limit in limits.items():
        result = context.session.execute(
            sa.update(Quota).where(
                Quota.project_id == project_id,
                Quota.user_id.is_(None) if user_id is None
                else Quota.user_id == user_id,
                Quota.resource == resource,
            ).values(hard_limit=hard_limit))
        if result.rowcount == 0:
            context.session.add(Quota(
                project_id=project_id, user_id=user_id, resource=resource,
                hard_limit=hard_limit))
    context.session.flush()


@api.context_manager.writer
def destroy_project_limits(context, project_id):
    """Forget every limit of the project, its users' ones included."""
    context.session.execute(
        sa.delete(Quota).where(Quota.project_id == project_id))


@api.context_manager.writer
def destroy_user_limits(context, project_id, user_id):
    context.session.execute(
        sa.delete(Quota).where(Quota.project_id == project_id,
                               Quota.user_id == user_id))


@_retry_on_duplicate
@api.context_manager.writer
def set_class_limits(context, class_name, limits):
    """Set `limits` ({resource: hard_limit}) on the quota class."""
    for resource, hard_limit in limits.items():
        result = context.session.execute(
            sa.update(QuotaClass).where(
                QuotaClass.class_name == class_name,
                QuotaClass.resource == resource,
            ).values(hard_limit=hard_limit))
        if result.rowcount == 0:
            context.session.add(QuotaClass(
                class_name=class_name, resource=resource,
                hard_limit=hard_limit))
    context.session.flush()
