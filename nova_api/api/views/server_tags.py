"""A server's tags on the wire."""

from urllib import parse

from nova_api.api.views import links

# What a Location header may carry as it is: printable ASCII (Nova puts
# the tag in unquoted; anything else could not be sent in a header).
_AS_IS = ''.join(chr(code) for code in range(0x21, 0x7f))


def tags(names):
    return {'tags': names}


def location(req, server_id, tag):
    """The URL of one tag, for the Location of the PUT that adds it."""
    return '%s/tags/%s' % (links.self_href(req, 'servers', server_id),
                           parse.quote(tag, safe=_AS_IS + ' '))
