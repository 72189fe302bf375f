"""The console scripts and the WSGI module, run as a deployer runs them."""

import os
import sys

import testtools

from nova_api.tests.fixtures import deployment as deployment_fixture

_ADMIN = {'X-Auth-Token': 'admin:admin'}
_get = deployment_fixture.get_json
DeploymentDir = deployment_fixture.DeploymentDir


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
                      '2.0-latest\t-\t410', lines)


class ServerProcessTest(testtools.TestCase):
    """nova-api started on its config, answering real HTTP."""

    def setUp(self):
        super().setUp()
        self.deployment = self.useFixture(DeploymentDir())

    def _start(self, argv, env=None):
        return self.useFixture(deployment_fixture.APIProcess(
            self.deployment, argv, env=env)).base_url

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
        base = self._start(self.deployment.nova_api_argv())
        self._check_serves_the_api(base)
        # uWSGI's HTTP socket keeps no connection alive, and says so.
        _status, headers, _body = _get(base + '/')
        self.assertEqual('close', headers['Connection'])
        self.assertTrue(os.path.exists(
            os.path.join(self.deployment.path, 'nova_api.sqlite')))

    def _start_workers(self, argv_of):
        """nova-api on a config asking for two workers and a quota of 7
        instances, started by argv_of(deployment); returns its log once
        it serves the API on that config."""
        self.deployment = self.useFixture(DeploymentDir(
            '[DEFAULT]\nosapi_compute_workers = 2\n'
            '[quota]\ninstances = 7\n'))
        server = self.useFixture(deployment_fixture.APIProcess(
            self.deployment, argv_of(self.deployment)))
        self._check_serves_the_api(server.base_url)
        # What the workers read, not only nova-api before it started them.
        _status, _headers, body = _get(server.base_url + '/v2.1/limits',
                                       _ADMIN)
        self.assertEqual(7, body['limits']['absolute']['maxTotalInstances'])
        return server.log()

    def test_nova_api_starts_its_workers_on_its_config(self):
        log = self._start_workers(lambda d: d.nova_api_argv())
        self.assertIn('with 2 uWSGI worker(s)', log)
        self.assertEqual(2, log.count('spawned uWSGI worker'))

    def test_nova_api_without_uwsgi_serves_with_gunicorn(self):
        no_uwsgi = ('import sys; from nova_api.cmd import api; '
                    'api.find_uwsgi = lambda: None; sys.exit(api.main())')
        log = self._start_workers(lambda d: [
            sys.executable, '-c', no_uwsgi, '--config-file', d.config_file])
        self.assertIn('with 2 gunicorn worker(s)', log)
        self.assertEqual(2, log.count('Booting worker'))

    def test_wsgi_module_under_gunicorn(self):
        env = dict(os.environ, NOVA_API_CONFIG=self.deployment.config_file)
        base = self._start(
            [sys.executable, '-m', 'gunicorn', '--workers', '2',
             '--bind', '127.0.0.1:%d' % self.deployment.port,
             'nova_api.wsgi:application'],
            env=env)
        self._check_serves_the_api(base)
