"""nova-api: serve the compute API with uWSGI.

    nova-api [--config-file FILE]

Listens on [DEFAULT] osapi_compute_listen:osapi_compute_listen_port with
[DEFAULT] osapi_compute_workers worker processes. The schema is brought up
to date once, here, before uWSGI starts its workers; each worker then loads
``nova_api.wsgi:application`` with the same config files.
"""

import logging
import os
import shutil
import sys

from nova_api.api import app
from nova_api import conf as nova_conf
from nova_api.db import migration

LOG = logging.getLogger(__name__)
CONF = nova_conf.CONF
WSGI_MODULE = 'nova_api.wsgi:application'


def uwsgi_binary():
    """The uwsgi installed beside this Python, else the one on PATH."""
    beside = os.path.join(os.path.dirname(sys.executable), 'uwsgi')
    if os.access(beside, os.X_OK):
        return beside
    found = shutil.which('uwsgi')
    if found is None:
        raise SystemExit('nova-api needs uWSGI: pip install uwsgi')
    return found


def bind_address():
    host = CONF.osapi_compute_listen
    if ':' in host:
        host = '[%s]' % host
    return '%s:%d' % (host, CONF.osapi_compute_listen_port)


def uwsgi_argv(bind, workers, config_files, module=WSGI_MODULE):
    """The uWSGI command line serving `module` (the API) on `bind`."""
    # Workers import the app from the environment nova-api runs in.
    home = ['--home', sys.prefix] if sys.prefix != sys.base_prefix else []
    return [uwsgi_binary()] + home + [
        '--http-socket', bind,
        '--module', module,
        '--env', 'NOVA_API_CONFIG=%s' % ','.join(config_files),
        # main() has synced the schema; a worker respawned while the
        # database is down must still load (and answer 503 until it is
        # back), or --need-app would stop the whole service.
        '--env', '%s=1' % app.SCHEMA_CHECKED_ENV,
        '--processes', str(workers),
        '--master',
        # Each worker builds its own app and database engine after the
        # fork, so no connection is ever shared between processes.
        '--lazy-apps',
        '--need-app',
        '--die-on-term',
        '--single-interpreter',
        '--enable-threads',
        # oslo.log writes one line per request already (request_log).
        '--disable-logging',
        # --http-socket speaks HTTP/1.1 without keep-alive; say so, or
        # clients reusing the connection find it closed under them.
        '--add-header', 'Connection: close',
        '--listen', '128',
        '--buffer-size', '65535',
        '--hook-master-start', 'unix_signal:2 gracefully_kill_them_all',
        '--hook-master-start', 'unix_signal:15 gracefully_kill_them_all',
    ]


def main(argv=None):
    app.parse_config(sys.argv[1:] if argv is None else argv)
    migration.ensure_schema()
    bind = bind_address()
    config_files = [os.path.abspath(f) for f in CONF.config_file]
    LOG.info('Serving the compute API on http://%s with %d uWSGI worker(s)',
             bind, CONF.osapi_compute_workers)
    argv = uwsgi_argv(bind, CONF.osapi_compute_workers, config_files)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)


if __name__ == '__main__':
    main()
