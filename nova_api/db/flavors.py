"""Flavor queries: flavors, their extra specs and the projects sharing them.

Every function takes the request context first and runs in its own
transaction, or joins the caller's. A flavor a context cannot see does not
exist for it: as in Nova, a non-admin context sees public flavors and the
private ones shared with its project; an admin context sees all of them.
Functions that take a `flavorid` mean the public id; `id` is the internal
integer key.
"""

from oslo_db import api as oslo_db_api
from oslo_db import exception as db_exc
from oslo_db.sqlalchemy import utils as sqlalchemy_utils
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models
from nova_api import exception

SORT_KEYS = frozenset((
    'created_at', 'description', 'disabled', 'ephemeral_gb', 'flavorid',
    'id', 'is_public', 'memory_mb', 'name', 'root_gb', 'rxtx_factor', 'swap',
    'updated_at', 'vcpu_weight', 'vcpus',
))

Flavor = models.Flavor
FlavorExtraSpec = models.FlavorExtraSpec
FlavorProject = models.FlavorProject


def _shared_with(project_id):
    return sa.exists().where(FlavorProject.flavor_id == Flavor.id,
                             FlavorProject.project_id == project_id)


def _select_visible(context):
    query = sa.select(Flavor)
    if not context.is_admin:
        query = query.where(sa.or_(Flavor.is_public == sa.true(),
                                   _shared_with(context.project_id)))
    return query


def _get_flavor(context, flavorid):
    flavor = context.session.scalars(
        _select_visible(context).where(Flavor.flavorid == flavorid)).first()
    if flavor is None:
        raise exception.FlavorNotFound(flavor_id=flavorid)
    return flavor


def _apply_filters(query, context, filters):
    if 'min_memory_mb' in filters:
        query = query.where(Flavor.memory_mb >= filters['min_memory_mb'])
    if 'min_root_gb' in filters:
        query = query.where(Flavor.root_gb >= filters['min_root_gb'])
    if 'disabled' in filters:
        query = query.where(Flavor.disabled == bool(filters['disabled']))
    is_public = filters.get('is_public')
    if is_public is True:
        public = Flavor.is_public == sa.true()
        if context.project_id is not None:
            public = sa.or_(public, _shared_with(context.project_id))
        query = query.where(public)
    elif is_public is False:
        query = query.where(Flavor.is_public == sa.false())
    return query


@api.context_manager.reader
def get_all(context, filters=None, sort_key='flavorid', sort_dir='asc',
            limit=None, marker=None):
    """Flavors matching `filters`, sorted, one page after `marker`.

    filters: ``min_memory_mb``, ``min_root_gb``, ``disabled`` (bool) and
    ``is_public``: True for public flavors plus the private ones shared with
    the context's project, False for private flavors only, None for both.
    `marker` is the flavorid of the last flavor of the previous page.
    """
    if sort_key not in SORT_KEYS:
        raise exception.InvalidSortKey()
    if sort_dir not in ('asc', 'desc'):
        raise exception.InvalidInput(
            reason=f"Unknown sort direction {sort_dir!r}: use asc or desc.")
    query = _apply_filters(_select_visible(context), context, filters or {})
    marker_flavor = None
    if marker is not None:
        marker_flavor = context.session.scalars(
            _select_visible(context).where(Flavor.flavorid == marker)).first()
        if marker_flavor is None:
            raise exception.MarkerNotFound(marker=marker)
    sort_keys = [sort_key] if sort_key == 'id' else [sort_key, 'id']
    query = sqlalchemy_utils.paginate_query(
        query, Flavor, limit, sort_keys, marker=marker_flavor,
        sort_dir=sort_dir)
    return list(context.session.scalars(query))


@api.context_manager.reader
def get_by_flavor_id(context, flavorid):
    """The flavor with public id `flavorid`, or FlavorNotFound."""
    return _get_flavor(context, flavorid)


@api.context_manager.reader
def get_by_id(context, id):
    """The flavor with internal id `id`, whoever may see it.

    For resolving stored references (a server's flavor), so it does not
    apply the visibility rule: losing access to a private flavor does not
    hide what an existing server was built with.
    """
    flavor = context.session.get(Flavor, id)
    if flavor is None:
        raise exception.FlavorNotFound(flavor_id=id)
    return flavor


@api.context_manager.writer
def create(context, values):
    """Insert a flavor; `values` use the model's column names."""
    flavor = Flavor(**values)
    context.session.add(flavor)
    try:
        context.session.flush()
    except db_exc.DBDuplicateEntry as error:
        if 'flavorid' in error.columns:
            raise exception.FlavorIdExists(flavor_id=values['flavorid'])
        raise exception.FlavorExists(name=values['name'])
    return flavor


@api.context_manager.writer
def update(context, flavorid, values):
    """Change columns of a flavor (Nova lets only the description change)."""
    flavor = _get_flavor(context, flavorid)
    for column, value in values.items():
        setattr(flavor, column, value)
    context.session.flush()
    return flavor


@api.context_manager.writer
def destroy(context, flavorid):
    """Delete a flavor; its extra specs and project access go with it."""
    flavor = _get_flavor(context, flavorid)
    context.session.execute(sa.delete(Flavor).where(Flavor.id == flavor.id))


@api.context_manager.reader
def get_extra_specs(context, flavorid):
    """The flavor's extra specs as a dict."""
    flavor = _get_flavor(context, flavorid)
    rows = context.session.execute(
        sa.select(FlavorExtraSpec.key, FlavorExtraSpec.value)
        .where(FlavorExtraSpec.flavor_id == flavor.id))
    return dict(rows.all())


@api.context_manager.reader
def get_extra_specs_for(context, flavor_ids):
    """Extra specs of many flavors in one query: {flavor.id: {key: value}}.

    Takes internal ids, as list views already hold the Flavor objects.
    """
    specs = {flavor_id: {} for flavor_id in flavor_ids}
    if not specs:
        return specs
    rows = context.session.execute(
        sa.select(FlavorExtraSpec.flavor_id, FlavorExtraSpec.key,
                  FlavorExtraSpec.value)
        .where(FlavorExtraSpec.flavor_id.in_(specs)))
    for flavor_id, key, value in rows:
        specs[flavor_id][key] = value
    return specs


# Two requests adding the same new key at once: the loser's insert fails on
# the unique constraint, and a retry turns it into an update.
@oslo_db_api.wrap_db_retry(
    max_retries=5, retry_interval=0.1,
    exception_checker=lambda e: isinstance(e, db_exc.DBDuplicateEntry))
@api.context_manager.writer
def update_extra_specs(context, flavorid, specs):
    """Create or update each key of `specs`; return all the flavor's specs."""
    flavor = _get_flavor(context, flavorid)
    existing = {
        spec.key: spec for spec in context.session.scalars(
            sa.select(FlavorExtraSpec)
            .where(FlavorExtraSpec.flavor_id == flavor.id))
    }
    for key, value in specs.items():
        if key in existing:
            existing[key].value = value
        else:
            existing[key] = FlavorExtraSpec(
                flavor_id=flavor.id, key=key, value=value)
            context.session.add(existing[key])
    context.session.flush()
    return {key: spec.value for key, spec in existing.items()}


@api.context_manager.writer
def delete_extra_spec(context, flavorid, key):
    flavor = _get_flavor(context, flavorid)
    result = context.session.execute(
        sa.delete(FlavorExtraSpec).where(
            FlavorExtraSpec.flavor_id == flavor.id,
            FlavorExtraSpec.key == key))
    if result.rowcount == 0:
        raise exception.FlavorExtraSpecsNotFound(
            flavor_id=flavorid, extra_specs_key=key)


@api.context_manager.reader
def get_projects(context, flavorid):
    """Ids of the projects a flavor is shared with, oldest first."""
    flavor = _get_flavor(context, flavorid)
    return list(context.session.scalars(
        sa.select(FlavorProject.project_id)
        .where(FlavorProject.flavor_id == flavor.id)
        .order_by(FlavorProject.id)))


@api.context_manager.writer
def add_project(context, flavorid, project_id):
    flavor = _get_flavor(context, flavorid)
    context.session.add(
        FlavorProject(flavor_id=flavor.id, project_id=project_id))
    try:
        context.session.flush()
    except db_exc.DBDuplicateEntry:
        raise exception.FlavorAccessExists(
            flavor_id=flavorid, project_id=project_id)


@api.context_manager.writer
def remove_project(context, flavorid, project_id):
    flavor = _get_flavor(context, flavorid)
    result = context.session.execute(
        sa.delete(FlavorProject).where(FlavorProject.flavor_id == flavor.id,
                                       FlavorProject.project_id == project_id))
    if result.rowcount == 0:
        raise exception.FlavorAccessNotFound(
            flavor_id=flavorid, project_id=project_id)
