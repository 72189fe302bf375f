"""Images: the local catalog Nova's /images API proxies to.

An image is a database row (uuid, name, status, size, min_disk, min_ram,
timestamps) and a dict of properties (its metadata on the wire). What the
image service decides in Nova (filtering, paging, deleting) is decided
here.
"""

import collections

from nova_api.compute import quotas
from nova_api.db import images as db_images
from nova_api import exception

# An image with its properties.
ImageWithProperties = collections.namedtuple('ImageWithProperties',
                                             'image properties')


def is_visible(context, image):
    """The catalog's own images (no owner) are public; an owned image is
    its project's. Administrators see every image."""
    return (context.is_admin or image.owner is None or
            image.owner == context.project_id)


def get_all(context, filters=None, limit=None, marker=None):
    """One page of the images the caller sees (ImageWithProperties)
    matching `filters`.

    filters: name, status, changes_since (datetime), min_ram, min_disk,
    properties ({key: value}); see nova_api.db.images.get_all.
    """
    if not context.is_admin:
        filters = dict(filters or {}, visible_to=context.project_id)
    if marker is not None:
        try:
            _get_visible(context, marker)
        except exception.ImageNotFound:
            raise exception.ImageMarkerNotFound(marker=marker)
    try:
        images = db_images.get_all(context, filters=filters, limit=limit,
                                   marker=marker)
    except exception.MarkerNotFound:
        raise exception.ImageMarkerNotFound(marker=marker)
    properties = db_images.get_properties_for(
        context, [image.id for image in images])
    return [ImageWithProperties(image, properties[image.id])
            for image in images]


def _get_visible(context, uuid):
    image = db_images.get(context, uuid)
    if not is_visible(context, image):
        # The image service does not tell "not yours" from "not there".
        raise exception.ImageNotFound(image_id=uuid)
    return image


def get(context, uuid):
    """The image `uuid` with its properties, or ImageNotFound if it does
    not exist or the caller may not see it."""
    image = _get_visible(context, uuid)
    return ImageWithProperties(image, db_images.get_properties(context, uuid))


def _authorize_change(context, uuid, message=None):
    """Only an administrator or the owning project changes an image; the
    catalog's own images (no owner) are the administrators'. In Nova the
    image service decides this and answers 403."""
    image = _get_visible(context, uuid)
    if context.is_admin or (image.owner is not None and
                            image.owner == context.project_id):
        return
    if message is None:
        raise exception.ImageNotAuthorized(image_id=uuid)
    raise exception.ImageNotAuthorized(message)


def destroy(context, uuid):
    _authorize_change(context, uuid,
                      'You are not allowed to delete the image.')
    db_images.destroy(context, uuid)


def get_metadata(context, uuid):
    """The properties of image `uuid`; ImageNotFound, as for get(), if the
    caller may not see the image."""
    return get(context, uuid).properties


def get_metadata_item(context, uuid, key):
    """The value of property `key`; a plain NotFound if the image has no
    such key (Nova says no more)."""
    metadata = get_metadata(context, uuid)
    if key not in metadata:
        raise exception.NotFound()
    return metadata[key]


def update_metadata(context, uuid, metadata, replace=False):
    """Merge `metadata` into the image's properties (or, with `replace`,
    make it the whole of them) within the metadata limit; return the
    resulting properties."""
    _authorize_change(context, uuid)
    return db_images.update_properties(context, uuid, metadata,
                                       purge=replace,
                                       check=_limit_check(context))


def update_metadata_item(context, uuid, key, meta):
    """Set property `key`, which must be the one key of `meta`."""
    if key not in meta:
        raise exception.BodyURIMismatch()
    _authorize_change(context, uuid)
    db_images.update_properties(context, uuid, {key: meta[key]},
                                check=_limit_check(context))


def delete_metadata_item(context, uuid, key):
    _authorize_change(context, uuid)
    db_images.delete_property(context, uuid, key)


def _limit_check(context):
    """A check of an image's properties against the caller's project's
    `metadata_items` quota, as Nova counts image metadata."""
    limit = quotas.get_limits(context, context.project_id)['metadata_items']

    def check(properties):
        if 0 <= limit < len(properties):
            raise exception.ImageMetadataLimitExceeded()
    return check
