"""Image queries: the local image catalog and each image's properties.

Functions that take a `uuid` mean the image's public id; `id` is the
internal integer key. Reads return SQLAlchemy Core rows answering the
model's attribute names (``image.uuid``, ``image.min_ram``) and run
statements built once per shape with bound parameters (see
nova_api/db/flavors.py for why); writes use the ORM.

Lists are sorted as the image service sorts them by default: newest first
(created_at, then id, descending), and a page starts after its marker.

An image made from a server is uploaded over time: its status is queued
until its ``saving_at``, saving until its ``active_at``, then the stored
one; and a backup rotated out is gone from its ``deleted_at`` on. Reads
apply both at their ``now`` (the time of the call unless given), so
every process answers the same from the same rows.
"""

import functools

from oslo_db import api as oslo_db_api
from oslo_db import exception as db_exc
from oslo_utils import timeutils
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models
from nova_api import exception

Image = models.Image
ImageProperty = models.ImageProperty

_images = Image.__table__
_properties = ImageProperty.__table__

_NOW = sa.bindparam('now', type_=sa.DateTime)
# The image service's status at `now`.
_STATUS_NOW = sa.case(
    (_images.c.saving_at > _NOW, 'queued'),
    (_images.c.active_at > _NOW, 'saving'),
    else_=_images.c.status)
# The upload changes the image when it starts and when it ends.
_UPLOAD_CHANGED_AT = sa.case(
    (_images.c.active_at <= _NOW, _images.c.active_at),
    (_images.c.saving_at <= _NOW, _images.c.saving_at))
_STORED_UPDATED_AT = sa.func.coalesce(_images.c.updated_at,
                                      _images.c.created_at)
_UPDATED_AT_NOW = sa.case(
    (_UPLOAD_CHANGED_AT > _STORED_UPDATED_AT, _UPLOAD_CHANGED_AT),
    else_=_STORED_UPDATED_AT)
_COLUMNS_NOW = tuple(
    _STATUS_NOW.label('status') if column.name == 'status' else
    _UPDATED_AT_NOW.label('updated_at') if column.name == 'updated_at' else
    column for column in _images.c)
# Not (yet) deleted at `now`.
_PRESENT = sa.or_(_images.c.deleted_at.is_(None), _images.c.deleted_at > _NOW)
_IMAGE_BY_UUID = sa.select(*_COLUMNS_NOW).where(
    _images.c.uuid == sa.bindparam('uuid'), _PRESENT)
_PROPERTIES = sa.select(_properties.c.key, _properties.c.value).where(
    _properties.c.image_id == sa.bindparam('image_id'),
).order_by(_properties.c.key)
_PROPERTIES_OF_MANY = sa.select(
    _properties.c.image_id, _properties.c.key, _properties.c.value,
).where(_properties.c.image_id.in_(
    sa.bindparam('image_ids', expanding=True),
)).order_by(_properties.c.image_id, _properties.c.key)

# get_all's filters on columns: each binds the parameter of its name.
_VALUE_FILTERS = {
    'name': _images.c.name == sa.bindparam('name'),
    'status': _STATUS_NOW == sa.bindparam('status'),
    'changes_since': _UPDATED_AT_NOW >= sa.bindparam('changes_since'),
    'min_ram': _images.c.min_ram >= sa.bindparam('min_ram'),
    'min_disk': _images.c.min_disk >= sa.bindparam('min_disk'),
    # The catalog's own images (no owner) and those of this project.
    'visible_to': sa.or_(_images.c.owner.is_(None),
                         _images.c.owner == sa.bindparam('visible_to')),
}

# Newest first, as the image service lists by default.
_AFTER_MARKER = sa.or_(
    _images.c.created_at < sa.bindparam('marker_created_at'),
    sa.and_(_images.c.created_at == sa.bindparam('marker_created_at'),
            _images.c.id < sa.bindparam('marker_id')))


def _property_filter(position):
    """Images having property key_<position> with value_<position>."""
    return sa.exists().where(
        _properties.c.image_id == _images.c.id,
        _properties.c.key == sa.bindparam(f'property_key_{position}'),
        _properties.c.value == sa.bindparam(f'property_value_{position}'))


# Bounded: clients choose how many property filters they send.
@functools.lru_cache(maxsize=256)
def _page_statement(filter_names, property_count, after_marker, limited):
    """get_all's statement for one shape of its arguments."""
    statement = sa.select(*_COLUMNS_NOW).where(_PRESENT)
    for name in filter_names:
        statement = statement.where(_VALUE_FILTERS[name])
    for position in range(property_count):
        statement = statement.where(_property_filter(position))
    if after_marker:
        statement = statement.where(_AFTER_MARKER)
    statement = statement.order_by(_images.c.created_at.desc(),
                                   _images.c.id.desc())
    if limited:
        statement = statement.limit(sa.bindparam('limit', type_=sa.Integer))
    return statement


def _now(now):
    return timeutils.utcnow() if now is None else now


@api.context_manager.reader.connection
def get_all(context, filters=None, limit=None, marker=None, now=None):
    """Images matching `filters`, newest first, one page after `marker`.

    filters: ``name``, ``status`` (exact), ``changes_since`` (a datetime:
    updated at or after it), ``min_ram``, ``min_disk`` (at least),
    ``visible_to`` (a project: the public images and the project's own)
    and ``properties`` ({key: value}, each an exact match). `marker` is the
    uuid of the last image of the previous page (MarkerNotFound if there
    is no such image).
    """
    filters = filters or {}
    params = {'limit': None if limit is None else int(limit),
              'now': _now(now)}
    filter_names = tuple(name for name in _VALUE_FILTERS if name in filters)
    for name in filter_names:
        params[name] = filters[name]
    properties = sorted((filters.get('properties') or {}).items())
    for position, (key, value) in enumerate(properties):
        params[f'property_key_{position}'] = key
        params[f'property_value_{position}'] = value
    if marker is not None:
        marker_image = context.connection.execute(
            _IMAGE_BY_UUID, {'uuid': marker, 'now': params['now']}).first()
        if marker_image is None:
            raise exception.MarkerNotFound(marker=marker)
        params['marker_created_at'] = marker_image.created_at
        params['marker_id'] = marker_image.id
    statement = _page_statement(filter_names, len(properties),
                                marker is not None, limit is not None)
    return context.connection.execute(statement, params).all()


@api.context_manager.reader.connection
def get(context, uuid, now=None):
    """The image `uuid` at `now`, or ImageNotFound."""
    image = context.connection.execute(
        _IMAGE_BY_UUID, {'uuid': uuid, 'now': _now(now)}).first()
    if image is None:
        raise exception.ImageNotFound(image_id=uuid)
    return image


@api.context_manager.reader.connection
def get_properties(context, uuid):
    """The properties of image `uuid` as a dict (ImageNotFound)."""
    image = get(context, uuid)
    rows = context.connection.execute(_PROPERTIES, {'image_id': image.id})
    return dict(rows.all())


@api.context_manager.reader.connection
def get_properties_for(context, image_ids):
    """Properties of many images in one query: {image.id: {key: value}}.

    Takes internal ids, as list views already hold the images.
    """
    properties = {image_id: {} for image_id in image_ids}
    if not properties:
        return properties
    rows = context.connection.execute(_PROPERTIES_OF_MANY,
                                      {'image_ids': list(properties)})
    for image_id, key, value in rows:
        properties[image_id][key] = value
    return properties


def _get_model(context, uuid):
    now = timeutils.utcnow()
    image = context.session.scalars(
        sa.select(Image).where(
            Image.uuid == uuid,
            sa.or_(Image.deleted_at.is_(None), Image.deleted_at > now),
        )).first()
    if image is None:
        raise exception.ImageNotFound(image_id=uuid)
    return image


@api.context_manager.writer
def create(context, values, properties=None):
    """Insert an image; `values` use the model's column names."""
    image = Image(**values)
    context.session.add(image)
    try:
        context.session.flush()
    except db_exc.DBDuplicateEntry:
        raise exception.ImageExists(image_id=values.get('uuid'))
    for key, value in (properties or {}).items():
        context.session.add(
            ImageProperty(image_id=image.id, key=key, value=value))
    context.session.flush()
    return image


@api.context_manager.writer
def destroy(context, uuid):
    """Delete an image; its properties go with it."""
    image = _get_model(context, uuid)
    context.session.execute(
        sa.delete(ImageProperty).where(ImageProperty.image_id == image.id))
    context.session.delete(image)


# Two requests adding the same new key at once: the loser's insert fails on
# the unique constraint, and a retry turns it into an update.
@oslo_db_api.wrap_db_retry(
    max_retries=5, retry_interval=0.1,
    exception_checker=lambda e: isinstance(e, db_exc.DBDuplicateEntry))
@api.context_manager.writer
def update_properties(context, uuid, properties, purge=False, check=None):
    """Set each key of `properties`; with `purge`, delete the others.

    `check`, if given, is called with the resulting properties before
    anything is written and may raise to refuse them (a quota). Returns
    the image's properties after the change.
    """
    image = _get_model(context, uuid)
    existing = {
        prop.key: prop for prop in context.session.scalars(
            sa.select(ImageProperty)
            .where(ImageProperty.image_id == image.id))
    }
    result = {} if purge else {k: p.value for k, p in existing.items()}
    result.update(properties)
    if check is not None:
        check(result)
    for key, prop in existing.items():
        if key not in result:
            context.session.delete(prop)
    for key, value in properties.items():
        if key in existing:
            existing[key].value = value
        else:
            context.session.add(
                ImageProperty(image_id=image.id, key=key, value=value))
    # The image service counts a change of properties as a change of the
    # image.
    image.updated_at = timeutils.utcnow()
    context.session.flush()
    return dict(sorted(result.items()))


@api.context_manager.writer
def delete_property(context, uuid, key):
    """Delete one property (ImageNotFound, ImagePropertyNotFound)."""
    image = _get_model(context, uuid)
    result = context.session.execute(
        sa.delete(ImageProperty).where(ImageProperty.image_id == image.id,
                                       ImageProperty.key == key))
    if result.rowcount == 0:
        raise exception.ImagePropertyNotFound(image_id=uuid, key=key)
    image.updated_at = timeutils.utcnow()


@api.context_manager.writer
def delete_at(context, uuids, at):
    """Have the images `uuids` deleted from `at` on (or earlier, if they
    are already to be)."""
    if not uuids:
        return
    context.session.execute(
        sa.update(Image).where(
            Image.uuid.in_(uuids),
            sa.or_(Image.deleted_at.is_(None), Image.deleted_at > at),
        ).values(deleted_at=at).execution_options(synchronize_session=False))
