"""The image service's view of the local catalog: an image's
visibility, and which images one page of a list holds. Who sees an image
is the compute layer's rule (nova_api.compute.images.is_visible), which
its reads apply."""

from nova_api.compute import images

PUBLIC = 'public'
PRIVATE = 'private'


def visibility(image):
    return PUBLIC if image.owner is None else PRIVATE


def get_page(context, filters, keep, limit, marker=None):
    """Up to `limit` images the caller sees, newest first, after `marker`.

    `filters` go to the catalog's query (see nova_api.compute.images);
    `keep` is a predicate on each ImageWithProperties for what the query
    cannot say. Since those two drop images from a page of the query, pages
    are read until this one is full or the catalog ends.
    """
    # images.get_all refuses a marker the caller cannot see
    # (ImageMarkerNotFound).
    page = []
    while len(page) < limit:
        batch = images.get_all(context, filters=filters, limit=limit,
                               marker=marker)
        page.extend(entry for entry in batch if keep(entry))
        if len(batch) < limit:
            break
        marker = batch[-1].image.uuid
    return page[:limit]
