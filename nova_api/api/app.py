"""Building the WSGI application from config: logging, schema, paste."""

import logging
import os
import sys

from oslo_config import cfg
from oslo_log import log as oslo_log
from paste import deploy

from nova_api.compute import backend
from nova_api import conf as nova_conf
from nova_api.db import migration
from nova_api import policy

LOG = logging.getLogger(__name__)
CONF = nova_conf.CONF
PROJECT = 'nova_api'
_SOURCE_ETC = os.path.join(os.path.dirname(__file__), '..', '..', 'etc')


def parse_config(argv, default_config_files=None):
    """Parse the command line and config files, and set up oslo.log."""
    oslo_log.register_options(CONF)
    CONF(argv, project=PROJECT, default_config_files=default_config_files)
    oslo_log.setup(CONF, PROJECT)


def find_paste_config():
    """The paste file: absolute, beside the config files, in the source
    tree's etc/, or where the package installed it."""
    name = CONF.api_paste_config
    if os.path.isabs(name):
        candidates = [name]
    else:
        candidates = [CONF.find_file(name),
                      os.path.join(_SOURCE_ETC, name),
                      os.path.join(sys.prefix, 'etc', PROJECT, name)]
    for path in candidates:
        if path and os.path.exists(path):
            return os.path.abspath(path)
    raise cfg.ConfigFilesNotFoundError([name])


# Set in the environment of WSGI workers whose schema is known to be up
# to date (nova-api syncs it before starting them): they load without
# asking the database, so one restarted during an outage still loads.
SCHEMA_CHECKED_ENV = 'NOVA_API_SCHEMA_CHECKED'


def load_app(name='osapi_compute', check_schema=True):
    """The paste application `name`, with the database schema in place
    (brought up to date here unless `check_schema` is False)."""
    if check_schema:
        migration.ensure_schema()
    # Built now so that a plugin's clashing policy rule, or a compute
    # driver that cannot load, stops the start.
    policy.get_enforcer()
    backend.load_driver()
    path = find_paste_config()
    LOG.info('Loading %s from %s', name, path)
    return deploy.loadapp('config:%s' % path, name=name)
