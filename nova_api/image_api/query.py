"""The query string of GET /v2/images, read as the image service reads it.

    limit, marker             paging (default 25 images, at most 1000)
    name, status, id          exact, or a list: id=in:ID1,ID2 ("in:" takes
                              comma-separated values, double-quoted when
                              they hold a comma)
    visibility                public, private, shared, community or all
    os_hidden                 true or false (the default)
    member_status             pending, accepted, rejected or all
    any other key             an image property's exact value

The image service's sorting and its other attribute filters are refused
rather than ignored, so that no list silently answers another question.
"""

import collections
import csv

import webob.exc

from nova_api.image_api import catalog

# The image service's limit_param_default and api_limit_max.
DEFAULT_LIMIT = 25
MAX_LIMIT = 1000

_VISIBILITIES = ('community', 'public', 'private', 'shared', 'all')
_MEMBER_STATUSES = ('pending', 'accepted', 'rejected', 'all')
_IN = 'in:'
# What each list filter compares, on an ImageWithProperties.
_ATTRIBUTES = {
    'id': lambda entry: entry.image.uuid,
    'name': lambda entry: entry.image.name,
    'status': lambda entry: entry.image.status,
}
# Filters the catalog's query answers when they name one value.
_QUERY_FILTERS = ('name', 'status')
_NOT_SUPPORTED = ('sort', 'sort_key', 'sort_dir', 'tag', 'owner',
                  'protected', 'size_min', 'size_max', 'created_at',
                  'updated_at', 'changes-since', 'container_format',
                  'disk_format', 'checksum', 'os_hash_value', 'min_ram',
                  'min_disk', 'virtual_size', 'size')

ListQuery = collections.namedtuple('ListQuery', 'filters keep limit marker')


def parse(params):
    """A ListQuery from the request's query parameters (a MultiDict);
    HTTPBadRequest with the image service's message if one is wrong."""
    params = dict(params.items())
    limit = _limit(params.pop('limit', None))
    marker = params.pop('marker', None)
    predicates = []
    filters = {}
    for name in ('id', 'name', 'status'):
        if name in params:
            _attribute_filter(name, params.pop(name), filters, predicates)
    predicates += _visibility_filter(params.pop('visibility', None))
    predicates += _hidden_filter(params.pop('os_hidden', 'false'))
    _check_member_status(params.pop('member_status', 'accepted'))
    unsupported = sorted(set(params) & set(_NOT_SUPPORTED))
    if unsupported:
        raise webob.exc.HTTPBadRequest(
            explanation='This image endpoint does not support the %s '
                        'parameter.' % unsupported[0])
    if params:
        filters['properties'] = params
    return ListQuery(filters, lambda entry: all(
        keep(entry) for keep in predicates), limit, marker)


def _limit(value):
    if value is None:
        return DEFAULT_LIMIT
    try:
        limit = int(value)
    except ValueError:
        raise webob.exc.HTTPBadRequest(
            explanation='limit param must be an integer')
    if limit < 0:
        raise webob.exc.HTTPBadRequest(
            explanation='limit param must be positive')
    return min(limit, MAX_LIMIT)


def _attribute_filter(name, value, filters, predicates):
    attribute = _ATTRIBUTES[name]
    if value.startswith(_IN):
        wanted = set(_in_values(value[len(_IN):]))
        predicates.append(lambda entry: attribute(entry) in wanted)
    elif name in _QUERY_FILTERS:
        filters[name] = value
    else:
        predicates.append(lambda entry: attribute(entry) == value)


def _in_values(text):
    """The values of an "in:" list: comma-separated, double quotes around
    a value that holds a comma."""
    try:
        return next(csv.reader([text], strict=True))
    except csv.Error:
        raise webob.exc.HTTPBadRequest(
            explanation='Invalid filter value %s. The quote is not '
                        'closed.' % text)


def _visibility_filter(value):
    if value is None or value == 'all':
        return []
    if value not in _VISIBILITIES:
        raise webob.exc.HTTPBadRequest(
            explanation='Invalid visibility value: %s' % value)
    return [lambda entry: catalog.visibility(entry.image) == value]


def _hidden_filter(value):
    value = value.lower()
    if value not in ('true', 'false'):
        raise webob.exc.HTTPBadRequest(
            explanation="Invalid value '%s' for 'os_hidden' filter. Valid "
                        "values are 'true' or 'false'." % value)
    # No image of the catalog is hidden.
    return [lambda entry: False] if value == 'true' else []


def _check_member_status(value):
    # It selects among shared images, and the catalog has none.
    if value not in _MEMBER_STATUSES:
        raise webob.exc.HTTPBadRequest(
            explanation='Invalid status: %s' % value)
