"""A nova-api with several workers on a database of its own, and a client.

``MultiWorkerTestCase`` starts, once per class, ``nova-api`` with
``WORKERS`` uWSGI workers on an empty database on ``backend``
(``PostgreSQL`` and ``MySQL`` mixins; the class skips, saying why, when
the server does not answer). nova-api reaches the database through a TCP
proxy in the test process (``cls.proxy``), so that a test can take the
database away and bring it back without touching the real server.
"""

import collections
import concurrent.futures
import http.client
import json
import re
import threading
import time
import urllib.parse

import psutil
import testtools

from nova_api.tests.fixtures import deployment as deployment_fixture
from nova_api.tests.fixtures import server_database
from nova_api.tests.fixtures import tcp_proxy

WORKERS = 4
IMAGE = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
FLAVOR = '1'
ADMIN_TOKEN = 'admin:admin'
REQUEST_TIMEOUT_SECONDS = 60
# Room for hundreds of m1.tiny servers, so that only the instances quota
# ever refuses a create. max_retries = 0: a worker that creates its engine
# while the database is down answers 503 at once, rather than retrying
# for max_retries * retry_interval seconds (MySQL; PostgreSQL's refusal is
# not retried by oslo.db).
EXTRA_CONFIG = '''
[DEFAULT]
osapi_compute_workers = %(workers)d
[database]
connection = %(connection)s
max_retries = 0
[quota]
instances = 100
cores = 1000
ram = 1000000
[simulated]
hosts = compute1:nova:256:524288:4000,compute2:nova:256:524288:4000
build_seconds = 1
stop_seconds = 1
start_seconds = 1
reboot_seconds = 1
'''

Response = collections.namedtuple('Response', 'status body request_id')


class NoAnswer(Exception):
    """The connection closed (or failed) before a response came."""


class Client:
    """Requests to /v2.1 with a noauth2 token, one connection each."""

    def __init__(self, base_url, token):
        address = urllib.parse.urlsplit(base_url)
        self.host, self.port = address.hostname, address.port
        self.token = token

    def request(self, method, path, body=None):
        headers = {'X-Auth-Token': self.token, 'Accept': 'application/json',
                   'Connection': 'close'}
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers['Content-Type'] = 'application/json'
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=REQUEST_TIMEOUT_SECONDS)
        try:
            connection.request(method, '/v2.1' + path, payload, headers)
            response = connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException) as error:
            raise NoAnswer('%s %s: %r' % (method, path, error)) from error
        finally:
            connection.close()
        return Response(response.status, json.loads(raw) if raw else None,
                        response.getheader('x-openstack-request-id'))

    def get(self, path):
        return self.request('GET', path)

    def post(self, path, body):
        return self.request('POST', path, body)

    def put(self, path, body):
        return self.request('PUT', path, body)

    def delete(self, path):
        return self.request('DELETE', path)

    def create_server(self, name):
        return self.post('/servers', {'server': {
            'name': name, 'imageRef': IMAGE, 'flavorRef': FLAVOR}})


def run_concurrently(function, arguments, threads=50):
    """[function(argument) for argument in arguments], from `threads`
    threads released together; an exception is re-raised here."""
    arguments = list(arguments)
    barrier = threading.Barrier(min(threads, len(arguments)) or 1)

    def call(argument):
        try:
            barrier.wait(timeout=30)
        except threading.BrokenBarrierError:
            pass
        return function(argument)

    # The barrier only lines up the first `threads` calls; the rest start
    # as threads free up.
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        return list(pool.map(call, arguments))


def wait_until(predicate, timeout, interval=0.25, message='condition'):
    """predicate()'s first true value, polled until `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError('%s not met within %s s' % (message,
                                                             timeout))
        time.sleep(interval)


_REQUEST_LOG_LINE = re.compile(
    r'^\S+ \S+ (?P<pid>\d+) \w+ nova_api\.api\.middleware\.request_log '
    r'\[\S+ (?P<request_id>req-[0-9a-f-]+)', re.MULTILINE)


# uWSGI's line when a worker has loaded the app.
_APP_READY_LINE = re.compile(r'^WSGI app 0 .* ready in .* pid: (\d+)',
                             re.MULTILINE)


class MultiWorkerTestCase(testtools.TestCase):
    """A class's tests against one nova-api with WORKERS workers."""

    backend = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.database = server_database.ServerDatabase(cls.backend)
        cls.database.setUp()
        cls.addClassCleanup(cls.database.cleanUp)
        cls.proxy = tcp_proxy.TCPProxy(cls.database.host, cls.database.port)
        cls.proxy.setUp()
        cls.addClassCleanup(cls.proxy.cleanUp)
        connection = cls.database.url_via(cls.proxy.port)
        cls.deployment = deployment_fixture.DeploymentDir(
            extra_config=EXTRA_CONFIG % {'workers': WORKERS,
                                         'connection': connection})
        cls.deployment.setUp()
        cls.addClassCleanup(cls.deployment.cleanUp)
        cls.api = deployment_fixture.APIProcess(
            cls.deployment, cls.deployment.nova_api_argv(), timeout=90)
        cls.api.setUp()
        cls.addClassCleanup(cls.api.cleanUp)
        cls.admin = Client(cls.api.base_url, ADMIN_TOKEN)
        cls.wait_for_ready_workers()

    @classmethod
    def worker_pids(cls):
        """The uWSGI workers: children of the master, which nova-api
        became (it execs uWSGI)."""
        master = psutil.Process(cls.api.process.pid)
        return {child.pid for child in master.children()}

    @classmethod
    def ready_worker_pids(cls):
        """The workers that have loaded the app and take requests."""
        ready = {int(pid) for pid in _APP_READY_LINE.findall(cls.api.log())}
        return cls.worker_pids() & ready

    @classmethod
    def wait_for_ready_workers(cls, gone=None):
        """Until WORKERS workers (none of them pid `gone`) are ready."""
        def ready():
            pids = cls.ready_worker_pids()
            return len(pids) == WORKERS and gone not in pids

        wait_until(ready, 90, message='%d workers ready' % WORKERS)

    def client(self, project, user='user'):
        return Client(self.api.base_url, '%s:%s' % (user, project))

    def set_instances_quota(self, project, limit):
        resp = self.admin.put('/os-quota-sets/%s' % project,
                              {'quota_set': {'instances': limit}})
        self.assertEqual(200, resp.status, resp.body)

    def served_by(self, request_ids):
        """{pid of the worker that served it} of the given request ids,
        from the request log lines."""
        wanted = set(request_ids)
        pids = {}
        for match in _REQUEST_LOG_LINE.finditer(self.api.log()):
            if match['request_id'] in wanted:
                pids[match['request_id']] = int(match['pid'])
        return pids


class PostgreSQL:
    backend = 'postgresql'


class MySQL:
    backend = 'mysql'
