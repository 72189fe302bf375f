"""nova-api: serve the compute API with gunicorn.

    nova-api [--config-file FILE]

Listens on [DEFAULT] osapi_compute_listen:osapi_compute_listen_port with
[DEFAULT] osapi_compute_workers worker processes.
"""

import logging
import sys

from gunicorn.app import base as gunicorn_base

from nova_api.api import app
from nova_api import conf as nova_conf

LOG = logging.getLogger(__name__)
CONF = nova_conf.CONF


class _Server(gunicorn_base.BaseApplication):
    """gunicorn configured from oslo.config instead of its own CLI."""

    def __init__(self, application, options):
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def server_options():
    host = CONF.osapi_compute_listen
    if ':' in host:
        host = '[%s]' % host
    return {
        'bind': '%s:%d' % (host, CONF.osapi_compute_listen_port),
        'workers': CONF.osapi_compute_workers,
        'worker_class': 'sync',
        'timeout': 120,
        'keepalive': 5,
        'graceful_timeout': 10,
        # oslo.log logs every request already (request_log filter).
        'accesslog': None,
        'errorlog': '-',
        'loglevel': 'warning',
        'proc_name': 'nova-api',
    }


def main(argv=None):
    app.parse_config(sys.argv[1:] if argv is None else argv)
    application = app.load_app()
    options = server_options()
    LOG.info('Serving the compute API on http://%s', options['bind'])
    _Server(application, options).run()


if __name__ == '__main__':
    main()
