"""The WSGI application for uwsgi, gunicorn or mod_wsgi.

    gunicorn 'nova_api.wsgi:application'

Config files come from NOVA_API_CONFIG (comma-separated) or oslo.config's
default locations (~/.nova_api/nova_api.conf, /etc/nova_api/nova_api.conf).
"""

import gc
import os

from nova_api.api import app


def init_application():
    files = os.environ.get('NOVA_API_CONFIG')
    default_files = files.split(',') if files else None
    app.parse_config([], default_config_files=default_files)
    schema_checked = os.environ.get(app.SCHEMA_CHECKED_ENV) == '1'
    return app.load_app(check_schema=not schema_checked)


application = init_application()
# What start-up loaded (modules, schemas, routes, policy) lives as long as
# the process: out of the collector's way, full collections do not rescan
# it every few dozen large responses.
gc.collect()
gc.freeze()
# A page of servers makes some ten thousand short-lived objects, almost
# all freed by their reference counts; at the default threshold (700
# allocations) the collector would scan the young ones a dozen times per
# request, about a twentieth of its time. Cycles are still collected.
gc.set_threshold(10000, *gc.get_threshold()[1:])
