"""oslo.config options, one module per concern, all registered on CONF."""

from oslo_config import cfg

from nova_api.conf import api
from nova_api.conf import compute
from nova_api.conf import consoles
from nova_api.conf import database
from nova_api.conf import image
from nova_api.conf import paths
from nova_api.conf import quota
from nova_api.conf import simulated
from nova_api.conf import wsgi

CONF = cfg.CONF

for _module in (api, compute, consoles, database, image, paths, quota,
                simulated, wsgi):
    _module.register_opts(CONF)
