"""The `database` backend of oslo.middleware's /healthcheck: the service is
healthy only while its database answers a query.

Registered in the ``oslo.middleware.healthcheck`` entry point namespace
and named in ``backends`` of ``[app:healthcheck]`` in etc/api-paste.ini.
"""

from oslo_db import exception as db_exception
from oslo_middleware.healthcheck import pluginbase
import sqlalchemy as sa

from nova_api.db import api
from nova_api import exception

# The db layer turns connection errors into DatabaseUnavailable
# (nova_api.db.api); the others are what may still escape it, e.g. while
# oslo.db creates the engine.
_UNANSWERED = (exception.DatabaseUnavailable, db_exception.DBError,
               sa.exc.SQLAlchemyError, OSError)


class DatabaseHealthcheck(pluginbase.HealthcheckBaseExtension):

    def healthcheck(self, server_port):
        try:
            with api.get_engine().connect() as connection:
                connection.execute(sa.text('SELECT 1'))
        except _UNANSWERED as exc:
            # The reason is shown to anyone; the details (driver, host) only
            # when the deployer sets `detailed`.
            return pluginbase.HealthcheckResult(
                available=False, reason='The database does not answer',
                details=str(exc))
        return pluginbase.HealthcheckResult(
            available=True, reason='OK')
