"""nova-api: serve the compute API with uWSGI, else gunicorn.

    nova-api [--config-file FILE]

Listens on [DEFAULT] osapi_compute_listen:osapi_compute_listen_port with
[DEFAULT] osapi_compute_workers worker processes. The schema is brought up
to date once, here, before the server starts its workers; each worker then
loads ``nova_api.wsgi:application`` with the same config files.

uWSGI (installed from the ``pyuwsgi`` wheels by default, or built from the
``uWSGI`` sdist) serves when it is installed: it answers more requests per
second than gunicorn's sync workers. Without it, gunicorn serves with the
same workers, config files and environment.
"""

import importlib.util
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


class NoWSGIServer(SystemExit):
    def __init__(self):
        super().__init__('nova-api needs a WSGI server: pip install pyuwsgi '
                         '(or gunicorn)')


def find_uwsgi():
    """The uwsgi installed beside this Python, else the one on PATH, else
    None."""
    beside = os.path.join(os.path.dirname(sys.executable), 'uwsgi')
    if os.access(beside, os.X_OK):
        return beside
    return shutil.which('uwsgi')


def uwsgi_binary():
    found = find_uwsgi()
    if found is None:
        raise NoWSGIServer()
    return found


def bind_address():
    host = CONF.osapi_compute_listen
    if ':' in host:
        host = '[%s]' % host
    return '%s:%d' % (host, CONF.osapi_compute_listen_port)


def worker_environ(config_files):
    """What the server's workers need in their environment.

    Given in nova-api's own environment, which the server inherits, not by
    the server's options: pyuwsgi's Python starts before uWSGI reads its
    options, so uWSGI's --env never reaches os.environ there.
    """
    return {
        'NOVA_API_CONFIG': ','.join(config_files),
        # main() has synced the schema; a worker respawned while the
        # database is down must still load (and answer 503 until it is
        # back), or uWSGI's --need-app would stop the whole service.
        app.SCHEMA_CHECKED_ENV: '1',
    }


def uwsgi_argv(bind, workers, module=WSGI_MODULE):
    """The uWSGI command line serving `module` (the API) on `bind`."""
    # Workers import the app from the environment nova-api runs in.
    home = ['--home', sys.prefix] if sys.prefix != sys.base_prefix else []
    return [uwsgi_binary()] + home + [
        '--http-socket', bind,
        '--module', module,
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


def gunicorn_argv(bind, workers, module=WSGI_MODULE):
    """The gunicorn command line serving `module` on `bind`; without
    --preload each worker loads the app after the fork, as uWSGI's
    --lazy-apps."""
    return [sys.executable, '-m', 'gunicorn',
            '--bind', bind,
            '--workers', str(workers),
            module]


def server_argv(bind, workers):
    """(server name, command line) of the WSGI server installed."""
    if find_uwsgi() is not None:
        return 'uWSGI', uwsgi_argv(bind, workers)
    if importlib.util.find_spec('gunicorn') is not None:
        return 'gunicorn', gunicorn_argv(bind, workers)
    raise NoWSGIServer()


def main(argv=None):
    app.parse_config(sys.argv[1:] if argv is None else argv)
    migration.ensure_schema()
    bind = bind_address()
    config_files = [os.path.abspath(f) for f in CONF.config_file]
    server, argv = server_argv(bind, CONF.osapi_compute_workers)
    LOG.info('Serving the compute API on http://%s with %d %s worker(s)',
             bind, CONF.osapi_compute_workers, server)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(argv[0], argv,
              dict(os.environ, **worker_environ(config_files)))


if __name__ == '__main__':
    main()
