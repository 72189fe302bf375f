"""Every option, for oslo-config-generator (entry point oslo.config.opts)."""

import collections

from nova_api.conf import api
from nova_api.conf import compute
from nova_api.conf import consoles
from nova_api.conf import database
from nova_api.conf import image
from nova_api.conf import paths
from nova_api.conf import quota
from nova_api.conf import simulated
from nova_api.conf import wsgi


def list_opts():
    merged = collections.defaultdict(list)
    for module in (paths, wsgi, api, database, image, quota, compute,
                   consoles, simulated):
        for group, opts in module.list_opts().items():
            merged[group].extend(opts)
    return list(merged.items())
