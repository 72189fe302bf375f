"""Flavor queries: flavors, their extra specs and the projects sharing them.

Every function takes the request context first and runs in its own
transaction, or joins the caller's. A flavor a context cannot see does not
exist for it: as in Nova, a non-admin context sees public flavors and the
private ones shared with its project; an admin context sees all of them.
Functions that take a `flavorid` mean the public id; `id` is the internal
integer key.

Reads return SQLAlchemy Core rows, which answer the model's attribute names
(``flavor.flavorid``, ``flavor.memory_mb``); writes return model objects.
Reads are on every API request, so they skip the ORM (a Session per call,
instance loading) and run statements built once per shape with bound
parameters: SQLAlchemy then finds them in its compiled cache without
rebuilding or rehashing them.
"""

import functools

from oslo_db import api as oslo_db_api
from oslo_db import exception as db_exc
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

_flavors = Flavor.__table__
_extra_specs = FlavorExtraSpec.__table__
_flavor_projects = FlavorProject.__table__

# Statements take the context's project as the bound parameter project_id.
_SHARED_WITH_PROJECT = sa.exists().where(
    _flavor_projects.c.flavor_id == _flavors.c.id,
    _flavor_projects.c.project_id == sa.bindparam('project_id'))
_PUBLIC = _flavors.c.is_public == sa.true()
_PUBLIC_OR_SHARED = sa.or_(_PUBLIC, _SHARED_WITH_PROJECT)


def _visible(is_admin):
    """The WHERE criteria hiding what a context may not see."""
    return () if is_admin else (_PUBLIC_OR_SHARED,)


def _select_by_flavorid(what, is_admin):
    return sa.select(*what).where(
        *_visible(is_admin), _flavors.c.flavorid == sa.bindparam('flavorid'))


# Keyed by context.is_admin.
_FLAVOR_BY_FLAVORID = {
    is_admin: _select_by_flavorid(_flavors.c, is_admin)
    for is_admin in (False, True)}
_ID_BY_FLAVORID = {
    is_admin: _select_by_flavorid([_flavors.c.id], is_admin)
    for is_admin in (False, True)}
_MODEL_BY_FLAVORID = {
    is_admin: _select_by_flavorid([Flavor], is_admin)
    for is_admin in (False, True)}

_EXTRA_SPECS = sa.select(_extra_specs.c.key, _extra_specs.c.value).where(
    _extra_specs.c.flavor_id == sa.bindparam('flavor_id'))
_EXTRA_SPECS_OF_MANY = sa.select(
    _extra_specs.c.flavor_id, _extra_specs.c.key, _extra_specs.c.value,
).where(_extra_specs.c.flavor_id.in_(
    sa.bindparam('flavor_ids', expanding=True)))
_PROJECTS = sa.select(_flavor_projects.c.project_id).where(
    _flavor_projects.c.flavor_id == sa.bindparam('flavor_id'),
).order_by(_flavor_projects.c.id)

# get_all's filters with a value: each binds the parameter of its name.
_VALUE_FILTERS = {
    'min_memory_mb': _flavors.c.memory_mb >= sa.bindparam('min_memory_mb'),
    'min_root_gb': _flavors.c.root_gb >= sa.bindparam('min_root_gb'),
    'disabled': _flavors.c.disabled == sa.bindparam('disabled'),
    # A regular expression, searched for in the name.
    'name': _flavors.c.name.regexp_match(sa.bindparam('name')),
}


def _first(connection, context, statement, **values):
    return connection.execute(
        statement, dict(values, project_id=context.project_id)).first()


def _get_flavor(context, flavorid):
    """The visible flavor as a model object, for a writer to change."""
    flavor = context.session.scalars(
        _MODEL_BY_FLAVORID[bool(context.is_admin)],
        {'flavorid': flavorid, 'project_id': context.project_id}).first()
    if flavor is None:
        raise exception.FlavorNotFound(flavor_id=flavorid)
    return flavor


def _get_flavor_id(connection, context, flavorid):
    """The internal id of the visible flavor `flavorid`.

    `connection` is the transaction's connection or session.
    """
    row = _first(connection, context, _ID_BY_FLAVORID[bool(context.is_admin)],
                 flavorid=flavorid)
    if row is None:
        raise exception.FlavorNotFound(flavor_id=flavorid)
    return row.id


# A deployment uses a handful of the thousands of possible shapes; the
# bound keeps clients who try many from growing the cache without end (a
# miss only costs building the statement).
@functools.lru_cache(maxsize=512)
def _page_statement(is_admin, filter_names, is_public, shared, sort_keys,
                    descending, marker_known, limited):
    """get_all's statement for one shape of its arguments."""
    statement = sa.select(_flavors).where(*_visible(is_admin))
    for name in filter_names:
        statement = statement.where(_VALUE_FILTERS[name])
    if is_public is True:
        statement = statement.where(_PUBLIC_OR_SHARED if shared else _PUBLIC)
    elif is_public is False:
        statement = statement.where(_flavors.c.is_public == sa.false())
    columns = [_flavors.c[key] for key in sort_keys]
    if marker_known is not None:
        statement = statement.where(
            _after_marker(columns, descending, marker_known))
    direction = sa.desc if descending else sa.asc
    statement = statement.order_by(*[direction(column) for column in columns])
    if limited:
        statement = statement.limit(sa.bindparam('limit', type_=sa.Integer))
    return statement


def _after_marker(columns, descending, marker_known):
    """Rows after the marker's in the `columns` order (keyset pagination).

    The rule of oslo.db's paginate_query, which Nova uses: (c1 > m1) or
    (c1 = m1 and c2 > m2) ..., with < for descending order. A column whose
    marker value is NULL (`marker_known` False) is left out of every term,
    and booleans compare as integers.
    """
    criteria = []
    for position, column in enumerate(columns):
        if not marker_known[position]:
            continue
        equal_before = [
            earlier == sa.bindparam(f'marker_{earlier.name}')
            for earlier, known in zip(columns[:position],
                                      marker_known[:position])
            if known]
        value = sa.bindparam(f'marker_{column.name}')
        if isinstance(column.type, sa.Boolean):
            value = sa.bindparam(f'marker_{column.name}_as_integer',
                                 type_=sa.Integer)
            column = sa.cast(column, sa.Integer)
        beyond = column < value if descending else column > value
        criteria.append(sa.and_(*equal_before, beyond))
    return sa.or_(*criteria)


def _marker_values(marker_flavor, sort_keys):
    values = {}
    for key in sort_keys:
        value = getattr(marker_flavor, key)
        values[f'marker_{key}'] = value
        if isinstance(_flavors.c[key].type, sa.Boolean) and value is not None:
            values[f'marker_{key}_as_integer'] = int(value)
    return values


@api.context_manager.reader.connection
def get_all(context, filters=None, sort_key='flavorid', sort_dir='asc',
            limit=None, marker=None):
    """Flavors matching `filters`, sorted, one page after `marker`.

    filters: ``min_memory_mb``, ``min_root_gb``, ``disabled`` (bool),
    ``name`` (a regular expression the name must contain a match of) and
    ``is_public``: True for public flavors plus the private ones shared with
    the context's project, False for private flavors only, None for both.
    `marker` is the flavorid of the last flavor of the previous page.
    """
    if sort_key not in SORT_KEYS:
        raise exception.InvalidSortKey()
    if sort_dir not in ('asc', 'desc'):
        raise exception.InvalidInput(
            reason=f"Unknown sort direction {sort_dir!r}: use asc or desc.")
    filters = filters or {}
    is_admin = bool(context.is_admin)
    # int() is what SQLAlchemy makes of a literal limit.
    params = {'project_id': context.project_id,
              'limit': None if limit is None else int(limit)}
    filter_names = tuple(name for name in _VALUE_FILTERS if name in filters)
    for name in filter_names:
        params[name] = filters[name]
    if 'disabled' in filters:
        params['disabled'] = bool(filters['disabled'])
    is_public = filters.get('is_public')
    if is_public is not True and is_public is not False:
        is_public = None
    sort_keys = (sort_key,) if sort_key == 'id' else (sort_key, 'id')
    marker_known = None
    if marker is not None:
        marker_flavor = _first(context.connection, context,
                               _FLAVOR_BY_FLAVORID[is_admin], flavorid=marker)
        if marker_flavor is None:
            raise exception.MarkerNotFound(marker=marker)
        params.update(_marker_values(marker_flavor, sort_keys))
        marker_known = tuple(getattr(marker_flavor, key) is not None
                             for key in sort_keys)
    statement = _page_statement(
        is_admin, filter_names, is_public, context.project_id is not None,
        sort_keys, sort_dir == 'desc', marker_known, limit is not None)
    return context.connection.execute(statement, params).all()


@api.context_manager.reader.connection
def get_by_flavor_id(context, flavorid):
    """The flavor with public id `flavorid`, or FlavorNotFound."""
    flavor = _first(context.connection, context,
                    _FLAVOR_BY_FLAVORID[bool(context.is_admin)],
                    flavorid=flavorid)
    if flavor is None:
        raise exception.FlavorNotFound(flavor_id=flavorid)
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
    flavor_id = _get_flavor_id(context.session, context, flavorid)
    context.session.execute(sa.delete(Flavor).where(Flavor.id == flavor_id))


@api.context_manager.reader.connection
def get_extra_specs(context, flavorid):
    """The flavor's extra specs as a dict."""
    flavor_id = _get_flavor_id(context.connection, context, flavorid)
    rows = context.connection.execute(_EXTRA_SPECS, {'flavor_id': flavor_id})
    return dict(rows.all())


@api.context_manager.reader.connection
def get_extra_specs_of(context, flavor_ids):
    """{internal id: extra specs dict} of flavors the caller has read."""
    specs = {flavor_id: {} for flavor_id in flavor_ids}
    if specs:
        rows = context.connection.execute(
            _EXTRA_SPECS_OF_MANY, {'flavor_ids': list(specs)})
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
    flavor_id = _get_flavor_id(context.session, context, flavorid)
    existing = {
        spec.key: spec for spec in context.session.scalars(
            sa.select(FlavorExtraSpec)
            .where(FlavorExtraSpec.flavor_id == flavor_id))
    }
    for key, value in specs.items():
        if key in existing:
            existing[key].value = value
        else:
            existing[key] = FlavorExtraSpec(
                flavor_id=flavor_id, key=key, value=value)
            context.session.add(existing[key])
    context.session.flush()
    return {key: spec.value for key, spec in existing.items()}


@api.context_manager.writer
def delete_extra_spec(context, flavorid, key):
    flavor_id = _get_flavor_id(context.session, context, flavorid)
    result = context.session.execute(
        sa.delete(FlavorExtraSpec).where(
            FlavorExtraSpec.flavor_id == flavor_id,
            FlavorExtraSpec.key == key))
    if result.rowcount == 0:
        raise exception.FlavorExtraSpecsNotFound(
            flavor_id=flavorid, extra_specs_key=key)


@api.context_manager.reader.connection
def get_projects(context, flavorid):
    """Ids of the projects a flavor is shared with, oldest first."""
    flavor_id = _get_flavor_id(context.connection, context, flavorid)
    return context.connection.scalars(
        _PROJECTS, {'flavor_id': flavor_id}).all()


@api.context_manager.writer
def add_project(context, flavorid, project_id):
    flavor_id = _get_flavor_id(context.session, context, flavorid)
    context.session.add(
        FlavorProject(flavor_id=flavor_id, project_id=project_id))
    try:
        context.session.flush()
    except db_exc.DBDuplicateEntry:
        raise exception.FlavorAccessExists(
            flavor_id=flavorid, project_id=project_id)


@api.context_manager.writer
def remove_project(context, flavorid, project_id):
    flavor_id = _get_flavor_id(context.session, context, flavorid)
    result = context.session.execute(
        sa.delete(FlavorProject).where(FlavorProject.flavor_id == flavor_id,
                                       FlavorProject.project_id == project_id))
    if result.rowcount == 0:
        raise exception.FlavorAccessNotFound(
            flavor_id=flavorid, project_id=project_id)
