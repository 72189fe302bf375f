"""limit and marker of a collection request, as Nova reads them.

`limit` is capped by ``[api] max_limit`` (also the default); 0 is a valid
limit (an empty page). `marker` is the id of the last item of the previous
page; an empty ``marker=`` counts as given. Collections whose query schema
already checks `limit` never see the errors raised here; the others get
Nova's messages.
"""

from oslo_config import cfg
from oslo_utils import strutils

from nova_api import exception

CONF = cfg.CONF


def get_limit_and_marker(req):
    """(limit, marker) from the query string; raise InvalidInput (400)."""
    max_limit = CONF.api.max_limit
    limit = max_limit
    if 'limit' in req.GET:
        limit = min(max_limit, _non_negative_int(req.GET['limit'], 'limit'))
    return limit, req.GET.get('marker')


def _non_negative_int(value, name):
    try:
        return strutils.validate_integer(value, name, min_value=0)
    except ValueError as error:
        raise exception.InvalidInput(reason=str(error))
