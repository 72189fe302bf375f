"""The image service's rules over the local catalog: who sees an image,
and which images one page of a list holds.

The catalog's own images (no owner) are public; an image with an owner is
private to that project. Administrators see every image.
"""

from nova_api.compute import images
from nova_api import exception

PUBLIC = 'public'
PRIVATE = 'private'


def visibility(image):
    return PUBLIC if image.owner is None else PRIVATE


def is_visible(context, image):
    return (context.is_admin or image.owner is None or
            image.owner == context.project_id)


def get(context, image_id):
    """The image (ImageWithProperties), or ImageNotFound if it does not
    exist or the caller may not see it: the image service does not tell
    the two apart."""
    entry = images.get(context, image_id)
    if not is_visible(context, entry.image):
        raise exception.ImageNotFound(image_id=image_id)
    return entry


def get_page(context, filters, keep, limit, marker=None):
    """Up to `limit` images the caller sees, newest first, after `marker`.

    `filters` go to the catalog's query (see nova_api.compute.images);
    `keep` is a predicate on each ImageWithProperties for what the query
    cannot say. Since those two drop images from a page of the query, pages
    are read until this one is full or the catalog ends.
    """
    if marker is not None:
        get(context, marker)
    page = []
    while len(page) < limit:
        batch = images.get_all(context, filters=filters, limit=limit,
                               marker=marker)
        page.extend(entry for entry in batch
                    if is_visible(context, entry.image) and keep(entry))
        if len(batch) < limit:
            break
        marker = batch[-1].image.uuid
    return page[:limit]
