"""Links in response bodies: a resource's self and bookmark links and a
collection's "next" page, built from the request as Nova builds them.

    self      http://host/v2.1/flavors/1            (versioned)
    bookmark  http://host/flavors/1                 (no version)
    next      http://host/v2.1/flavors?limit=2&marker=2

``[api] compute_link_prefix`` replaces the scheme and host (and prepends
its path) for deployments behind a proxy.
"""

import re
from urllib import parse

from oslo_config import cfg

CONF = cfg.CONF

_VERSION_SEGMENT = re.compile(r'^v([0-9]+|[0-9]+\.[0-9]+)$')


def project_id_in_links(req):
    """The project id to put in links, or ''.

    Nova puts it in only when it appears anywhere in the request URL, which
    in practice means the client used a /{project_id}/ URL.
    """
    project_id = req.context.project_id
    if project_id and project_id in req.url:
        return project_id
    return ''


def resource_links(req, collection, identifier):
    """[self, bookmark] links of one resource of `collection`."""
    return [
        {'rel': 'self', 'href': self_href(req, collection, identifier)},
        {'rel': 'bookmark',
         'href': bookmark_href(req, collection, identifier)},
    ]


def resource_links_builder(req, collection):
    """A function of an identifier giving the [self, bookmark] links of
    that resource of `collection`: for lists, where the bases are the
    same for every item."""
    self_base, bookmark_base = (_join(base, collection) + '/'
                                for base in _bases(req))

    def build(identifier):
        identifier = str(identifier)
        return [{'rel': 'self', 'href': self_base + identifier},
                {'rel': 'bookmark', 'href': bookmark_base + identifier}]
    return build


def bookmark_base(req, collection):
    """The bookmark URL of `collection` with a trailing slash."""
    return _join(_bases(req)[1], collection) + '/'


def self_href(req, collection, identifier):
    return _join(_bases(req)[0], collection, str(identifier))


def bookmark_href(req, collection, identifier):
    return _join(_bases(req)[1], collection, str(identifier))


_BASES_KEY = 'nova_api.link_bases'


def _bases(req):
    """(self base, bookmark base) of the request's links, worked out once
    per request: a list view builds two links per item."""
    bases = req.environ.get(_BASES_KEY)
    if bases is None:
        project_id = project_id_in_links(req)
        url = req.application_url
        bases = (_join(_with_link_prefix(url), project_id),
                 _join(_with_link_prefix(_without_version(url)), project_id))
        req.environ[_BASES_KEY] = bases
    return bases


def collection_links(req, collection, item_ids, limit):
    """The `<collection>_links` list of a page: one "next" link when the
    page is full (as many items as `limit`), else empty.

    `collection` is the path the next page is fetched from (e.g.
    'flavors/detail'); `item_ids` are the page's identifiers in order.
    """
    if not limit or len(item_ids) != limit:
        return []
    return [{'rel': 'next',
             'href': next_href(req, collection, item_ids[-1])}]


def next_href(req, collection, marker):
    # Sorted query parameters, with the marker replaced or appended last;
    # a parameter given twice keeps one value, as in Nova.
    params = dict(sorted(req.GET.items()))
    params['marker'] = marker
    url = _join(_bases(req)[0], collection)
    return '%s?%s' % (url, parse.urlencode(params))


def _join(*parts):
    return '/'.join(part.strip('/') for part in parts if part)


def _without_version(url):
    """`url` without its last path segment if that is a version (v2.1)."""
    parts = parse.urlsplit(url)
    head, _sep, last = parts.path.rpartition('/')
    if not _VERSION_SEGMENT.match(last):
        return url
    return parse.urlunsplit(parts._replace(path=head))


def _with_link_prefix(url):
    prefix = CONF.api.compute_link_prefix
    if not prefix:
        return url
    parts = parse.urlsplit(url)
    prefix_parts = parse.urlsplit(prefix)
    return parse.urlunsplit((
        prefix_parts.scheme, prefix_parts.netloc,
        prefix_parts.path.rstrip('/') + parts.path, parts.query,
        parts.fragment)).rstrip('/')
