"""The console scripts and the WSGI module, run as a deployer runs them."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import fixtures
import testtools

_ADMIN = {'X-Auth-Token': 'admin:admin'}


def _free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def _get(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.status, dict(resp.headers), json.loads(resp.read())


class DeploymentDir(fixtures.Fixture):
    """A state path and a config file naming it, and a free port."""

    def _setUp(self):
        self.path = self.useFixture(fixtures.TempDir()).path
        self.port = _free_port()
        self.config_file = os.path.join(self.path, 'nova_api.conf')
        with open(self.config_file, 'w') as f:
            f.write('[DEFAULT]\nstate_path = %s\n'
                    'osapi_compute_listen = 127.0.0.1\n'
                    'osapi_compute_listen_port = %d\n' % (self.path,
                                                          self.port))

    def run(self, module, *args):
        return subprocess.run(
            [sys.executable, '-m', module, '--config-file', self.config_file]
            + list(args), capture_output=True, text=True, timeout=120)


class ManageTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.deployment = self.useFixture(DeploymentDir())

    def test_db_sync_creates_the_schema_and_is_idempotent(self):
        for _attempt in range(2):
            result = self.deployment.run('nova_api.cmd.manage', 'db', 'sync')
            self.assertEqual(0, result.returncode, result.stderr)
        self.assertTrue(os.path.exists(
            os.path.join(self.deployment.path, 'nova_api.sqlite')))
        result = self.deployment.run('nova_api.cmd.manage', 'db', 'version')
        self.assertEqual(0, result.returncode, result.stderr)
        self.assertTrue(result.stdout.strip())

    def test_routes_prints_the_table(self):
        result = self.deployment.run('nova_api.cmd.manage', 'routes')
        self.assertEqual(0, result.returncode, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual('method\tpath\tplugin\thandler\tversions\tpolicy\t'
                         'codes', lines[0])
        self.assertIn('GET\t/os-fping\tremoved\tRemovedController.gone\t'
                      '2.0-latest\t-\t200', lines)


class ServerProcessTest(testtools.TestCase):
    """nova-api started on its config, answering real HTTP."""

    def setUp(self):
        super().setUp()
        self.deployment = self.useFixture(DeploymentDir())

    def _start(self, argv, env=None):
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=env)
        self.addCleanup(self._stop, proc)
        base = 'http://127.0.0.1:%d' % self.deployment.port
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                self.fail('server exited: %s' % proc.stderr.read().decode())
            try:
                _get(base + '/')
                return base
            except OSError:
                time.sleep(0.2)
        self.fail('server did not answer within 60 s')

    @staticmethod
    def _stop(proc):
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()

    def _check_serves_the_api(self, base):
        status, headers, body = _get(base + '/v2.1/flavors', _ADMIN)
        self.assertEqual(200, status)
        self.assertIn('m1.tiny', [f['name'] for f in body['flavors']])
        self.assertTrue(headers['x-openstack-request-id'].startswith('req-'))
        status, _headers, body = _get(base + '/v2/abc123/flavors',
                                      {'X-Auth-Token': 'admin:abc123'})
        self.assertEqual(200, status)
        self.assertIn('m1.tiny', [f['name'] for f in body['flavors']])

    def test_nova_api_serves_on_its_config(self):
        base = self._start([sys.executable, '-m', 'nova_api.cmd.api',
                            '--config-file', self.deployment.config_file])
        self._check_serves_the_api(base)
        self.assertTrue(os.path.exists(
            os.path.join(self.deployment.path, 'nova_api.sqlite')))

    def test_wsgi_module_under_gunicorn(self):
        env = dict(os.environ, NOVA_API_CONFIG=self.deployment.config_file)
        base = self._start(
            [sys.executable, '-m', 'gunicorn', '--workers', '2',
             '--bind', '127.0.0.1:%d' % self.deployment.port,
             'nova_api.wsgi:application'],
            env=env)
        self._check_serves_the_api(base)
