"""Flavors: the sizes servers are built with.

Values use the model's names (memory_mb, root_gb, flavorid ...). What a
context may see is decided by the database layer: an administrator sees
every flavor, anyone else the public ones and the private ones shared with
their project.
"""

import re

from oslo_utils import strutils
from oslo_utils import uuidutils

from nova_api.db import flavors as db_flavors
from nova_api import exception

DB_MAX_INT = 0x7FFFFFFF
# The largest single-precision float a database FLOAT column holds.
SQL_SP_FLOAT_MAX = 3.40282e+38

# (column, label in error messages, smallest value): Nova's labels.
_SIZES = (
    ('memory_mb', 'ram', 1),
    ('vcpus', 'vcpus', 1),
    ('root_gb', 'disk', 0),
    ('ephemeral_gb', 'ephemeral', 0),
    ('swap', 'swap', 0),
)


def get_all(context, filters=None, sort_key='flavorid', sort_dir='asc',
            limit=None, marker=None):
    """One page of the flavors `context` may see, matching `filters`.

    filters: min_memory_mb, min_root_gb, disabled, name (a regular
    expression), is_public (True: public plus shared with the caller's
    project, False: private only, None: all).
    """
    if filters and 'name' in filters:
        _check_regex('name', filters['name'])
    try:
        return db_flavors.get_all(context, filters=filters,
                                  sort_key=sort_key, sort_dir=sort_dir,
                                  limit=limit, marker=marker)
    except exception.MarkerNotFound:
        raise exception.FlavorMarkerNotFound(marker=marker)


def get(context, flavorid):
    """The flavor with public id `flavorid`, or FlavorNotFound."""
    return db_flavors.get_by_flavor_id(context, flavorid)


def get_extra_specs_of(context, flavors):
    """{flavorid: extra specs sorted by key} of flavors read before."""
    by_id = db_flavors.get_extra_specs_of(context, [f.id for f in flavors])
    return {f.flavorid: dict(sorted(by_id[f.id].items())) for f in flavors}


def create(context, name, memory_mb, vcpus, root_gb, ephemeral_gb=0,
           flavorid=None, swap=0, rxtx_factor=1.0, is_public=True,
           description=None):
    """Create a flavor; sizes may be integers or strings of digits.

    A missing (or empty) `flavorid` gets a generated UUID; a number is
    stored as its string. Leading and trailing spaces of the name are
    dropped. Raises FlavorExists / FlavorIdExists (409), InvalidInput (400).
    """
    values = {
        'name': name.strip(),
        'flavorid': str(flavorid) if flavorid else
        uuidutils.generate_uuid(),
        'rxtx_factor': _rxtx_factor(rxtx_factor),
        'is_public': _is_public(is_public),
        'description': description,
    }
    sizes = dict(memory_mb=memory_mb, vcpus=vcpus, root_gb=root_gb,
                 ephemeral_gb=ephemeral_gb, swap=swap)
    for column, label, minimum in _SIZES:
        values[column] = _integer(sizes[column], label, minimum)
    return db_flavors.create(context, values)


def update_description(context, flavorid, description):
    """Change a flavor's description (None clears it); the only change
    Nova allows to a flavor."""
    return db_flavors.update(context, flavorid, {'description': description})


def destroy(context, flavorid):
    """Delete a flavor with its extra specs and access list."""
    db_flavors.destroy(context, flavorid)


def _check_regex(label, pattern):
    # Nova hands a broken expression to the database and answers 500.
    try:
        re.compile(pattern)
    except re.error:
        raise exception.InvalidFilter(name=label, value=pattern)


def _integer(value, label, minimum):
    try:
        return strutils.validate_integer(value, label, minimum, DB_MAX_INT)
    except ValueError as error:
        raise exception.InvalidInput(reason=str(error))


def _rxtx_factor(value):
    try:
        factor = float(value)
    except (TypeError, ValueError):
        factor = None
    if factor is None or not 0 < factor <= SQL_SP_FLOAT_MAX:
        raise exception.InvalidInput(
            reason="'rxtx_factor' argument must be a float between 0 and "
                   "%g" % SQL_SP_FLOAT_MAX)
    return factor


def _is_public(value):
    try:
        return strutils.bool_from_string(value, strict=True)
    except ValueError:
        raise exception.InvalidInput(reason='is_public must be a boolean')
