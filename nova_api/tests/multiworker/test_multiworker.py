"""The multi-worker scenarios on PostgreSQL and on MySQL.

One nova-api per class (starting one costs more than most tests), shared
by the tests of both scenarios, each in a project of its own.
"""

from nova_api.tests.multiworker import base
from nova_api.tests.multiworker import concurrent_servers
from nova_api.tests.multiworker import database_restart


class PostgreSQLTest(base.PostgreSQL,
                     concurrent_servers.ConcurrentServersTests,
                     database_restart.DatabaseRestartTests,
                     base.MultiWorkerTestCase):
    pass


class MySQLTest(base.MySQL,
                concurrent_servers.ConcurrentServersTests,
                database_restart.DatabaseRestartTests,
                base.MultiWorkerTestCase):
    pass
