"""The `openstack` command with OS_AUTH_URL and a password, no endpoint."""

import json
import os
import subprocess
import sys

import testtools

from nova_api.tests.keystone import base

CLI_TIMEOUT = 120


class OpenStackCLITest(base.KeystoneDeploymentTest, testtools.TestCase):

    def run_cli(self, account_name, *args, output_json=True):
        argv = [os.path.join(os.path.dirname(sys.executable), 'openstack')]
        argv += list(args)
        if output_json:
            argv += ['-f', 'json']
        return subprocess.run(
            argv, capture_output=True, text=True, timeout=CLI_TIMEOUT,
            env=self.deployment.client_env(account_name),
            cwd=self.deployment.deployment.path)

    def openstack(self, account_name, *args, output_json=True):
        result = self.run_cli(account_name, *args, output_json=output_json)
        self.assertEqual(0, result.returncode, result.stderr)
        return json.loads(result.stdout) if output_json else result.stdout

    def test_flavor_list(self):
        flavors = {f['Name']: f for f in self.openstack('reader_a', 'flavor',
                                                        'list')}
        self.assertEqual(('1', 512), (flavors['m1.tiny']['ID'],
                                      flavors['m1.tiny']['RAM']))

    def test_keypair_create_and_delete(self):
        name = base.unique('cli-ks')
        private_key = self.openstack('member_b', 'keypair', 'create', name,
                                     output_json=False)
        self.addCleanup(self.run_cli, 'member_b', 'keypair', 'delete', name,
                        output_json=False)
        self.assertIn('PRIVATE KEY-----', private_key)
        shown = self.openstack('member_b', '--os-compute-api-version',
                               '2.10', 'keypair', 'show', name)
        self.assertEqual(self.deployment.accounts['member_b'].user_id,
                         shown['user_id'])
        self.openstack('member_b', 'keypair', 'delete', name,
                       output_json=False)
        self.assertNotIn(name, [k['Name'] for k in self.openstack(
            'member_b', 'keypair', 'list')])

    def test_server_create_list_delete(self):
        name = base.unique('cli-ks')
        # The image is named, so OSC resolves it through the image service
        # it found in the catalog.
        created = self.openstack('member_a', 'server', 'create', '--image',
                                 base.CIRROS_NAME, '--flavor', 'm1.tiny',
                                 '--wait', name)
        self.addCleanup(self.run_cli, 'member_a', 'server', 'delete',
                        '--wait', created['id'], output_json=False)
        self.assertEqual('ACTIVE', created['status'])

        [listed] = [s for s in self.openstack('reader_a', 'server', 'list')
                    if s['ID'] == created['id']]
        self.assertEqual((name, 'ACTIVE', base.CIRROS_NAME, 'm1.tiny'),
                         (listed['Name'], listed['Status'], listed['Image'],
                          listed['Flavor']))
        self.assertNotIn(created['id'], [
            s['ID'] for s in self.openstack('member_b', 'server', 'list')])

        denied = self.run_cli('reader_a', 'server', 'delete', created['id'],
                              output_json=False)
        self.assertNotEqual(0, denied.returncode)
        self.assertIn("Policy doesn't allow os_compute_api:servers:delete",
                      denied.stderr)

        self.openstack('member_a', 'server', 'delete', '--wait',
                       created['id'], output_json=False)
        self.assertNotIn(created['id'], [
            s['ID'] for s in self.openstack('member_a', 'server', 'list')])
