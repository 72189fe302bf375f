"""Run Tempest's compute API tests against nova_api behind Keystone.

    python -m nova_api.tests.tempest.run [--concurrency N] [--regex R]

Tempest comes from PyPI into a virtualenv of its own, built once and kept
(``.tempest-venv`` at the repository root, or ``$NOVA_API_TEST_TEMPEST_VENV``).
Keystone and nova-api are the ``KeystoneDeployment`` fixture's; Tempest gets
its administrator and creates a project and users per test class (dynamic
credentials). Tests run one at a time by default
(Keystone's SQLite fails concurrent writes). The workspace (tempest.conf,
tempest.log, nova-api's and Keystone's logs, the stestr results) is kept
in ``.tempest-workspace`` (``--workspace``), replaced by each run. The run
ends with the failed tests, the skip reasons and the counts; the exit
status is Tempest's.

See doc/source/admin/tempest.rst for the tempest.conf choices.
"""

import argparse
import io
import os
import shutil
import subprocess
import sys
import time

from keystoneclient.v3 import client as keystone_client
import subunit
import testtools

from nova_api.api import microversion
from nova_api.tests.fixtures import keystone as keystone_fixture
from nova_api.tests.fixtures import virtualenv

TEMPEST_REQUIREMENTS = ('tempest==47.0.0',)

# The seeded catalog (db migrations 0002 and 0003). Tempest boots
# image_ref_alt with flavor_ref: debian needs 3 GB of disk, more than
# m1.tiny's 1 GB, so flavor_ref is m1.small.
IMAGE_REF = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
IMAGE_REF_ALT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
FLAVOR_REF = '2'
FLAVOR_REF_ALT = '3'
MIN_MICROVERSION = '2.1'
MAX_MICROVERSION = str(microversion.MAX_VERSION)
# Under nova-api's address, a path of /v2.1 that no route matches: 404.
NO_NETWORK_PATH = '/v2.1/no-network-service'

# The modules of tempest.api.compute for what nova_api serves (the tests
# of actions it has not yet are in EXCLUDED_TESTS).
SELECTED_TESTS = (
    r'^tempest\.api\.compute\.('
    r'flavors\.'
    r'|admin\.test_flavors'
    r'|keypairs\.'
    r'|admin\.test_keypairs_v210\.'
    r'|limits\.'
    r'|(admin|servers)\.test_availability_zone'
    r'|(admin\.)?test_quotas'
    r'|test_versions\.'
    r'|images\.'
    r'|servers\.test_(servers|servers_negative|servers_microversions'
    r'|create_server|delete_server|list_server_filters'
    r'|list_servers_negative|server_metadata|server_metadata_negative'
    r'|server_addresses|server_addresses_negative|server_group'
    r'|instance_actions|instance_actions_negative|server_actions'
    r'|server_rescue|server_rescue_negative|server_password|server_tags'
    r'|multiple_create|multiple_create_negative|device_tagging)\.'
    r'|admin\.test_(servers|servers_negative|create_server'
    r'|delete_server|server_diagnostics|server_diagnostics_negative'
    r'|server_external_events|services|services_negative|hypervisor'
    r'|hypervisor_negative|aggregates_negative|migrations'
    r'|simple_tenant_usage|simple_tenant_usage_negative|hosts'
    r'|hosts_negative|instance_usage_audit_log'
    r'|instance_usage_audit_log_negative|live_migration'
    r'|live_migration_negative|servers_on_multinodes)\.'
    r')'
)

# Selected tests not run, each with the reason (a regular expression
# matching test ids, searched).
EXCLUDED_TESTS = (
    (r'images\.test_image_metadata\.ImagesMetadataTestJSON'
     r'|images\.test_list_image_filters\.ListImageFiltersTestJSON'
     r'|flavors\.test_flavors_negative\.FlavorsV2NegativeTest'
     r'\.test_boot_with_low_ram',
     'uploads an image through Glance v2; nova_api\'s /image is read-only'),
    (r'test_remove_server_all_security_groups'
     r'|test_rescued_vm_add_remove_security_group',
     'addSecurityGroup and removeSecurityGroup need the network service '
     '(issue 16)'),
    (r'test_live_migration_with_trunk',
     'makes a trunk port through the network service (issue 16)'),
)

TEMPEST_CONF = '''[DEFAULT]
log_file = tempest.log
debug = true

[auth]
use_dynamic_credentials = true
create_isolated_networks = false
admin_username = {admin.username}
admin_password = {admin.password}
admin_project_name = {admin.project_name}
admin_domain_name = {domain}

[identity]
uri_v3 = {auth_url}
auth_version = v3
region = {region}

[identity-feature-enabled]
api_v2 = false

[compute]
region = {region}
image_ref = {image_ref}
image_ref_alt = {image_ref_alt}
flavor_ref = {flavor_ref}
flavor_ref_alt = {flavor_ref_alt}
min_microversion = {min_microversion}
max_microversion = {max_microversion}
build_timeout = 60
# The simulated deployment's two compute hosts: the move tests run.
min_compute_nodes = 2
build_interval = 1

[compute-feature-enabled]
disk_config = false
change_password = true
console_output = true
resize = true
pause = true
shelve = true
suspend = true
cold_migration = true
live_migration = true
# The simulated hosts copy no disks: a block migration is one like any other.
block_migration_for_live_migration = true
metadata_service = false
vnc_console = false
spice_console = false
serial_console = false
rescue = true
interface_attach = false
snapshot = false
personality = false
attach_encrypted_volume = false
config_drive = false
ide_bus = false

[enforce_scope]
nova = true

[validation]
run_validation = false

[service_available]
nova = true
# Tempest runs most server tests only with "neutron" available. There is
# no network service: Tempest creates no network (create_isolated_networks
# off, [compute] fixed_network_name unset), boots servers without
# "networks", and nova_api puts them on its own network. The catalog's
# "network" endpoint answers 404 (register_absent_network_service).
neutron = true
glance = true
cinder = false
swift = false
horizon = false
'''


def tempest_venv_dir():
    return os.environ.get('NOVA_API_TEST_TEMPEST_VENV') or os.path.join(
        keystone_fixture.REPO_ROOT, '.tempest-venv')


def ensure_tempest_venv(path=None):
    """The path of a virtualenv with TEMPEST_REQUIREMENTS, built once."""
    return virtualenv.ensure_virtualenv(path or tempest_venv_dir(),
                                        TEMPEST_REQUIREMENTS, 'Tempest')


def tempest_conf(deployment):
    return TEMPEST_CONF.format(
        admin=deployment.accounts['admin'], domain=keystone_fixture.DOMAIN,
        auth_url=deployment.auth_url, region=keystone_fixture.REGION,
        image_ref=IMAGE_REF, image_ref_alt=IMAGE_REF_ALT,
        flavor_ref=FLAVOR_REF, flavor_ref_alt=FLAVOR_REF_ALT,
        min_microversion=MIN_MICROVERSION, max_microversion=MAX_MICROVERSION)


def fresh_workspace(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def run_tempest(venv, workspace, regex, exclude_regex, concurrency):
    argv = [os.path.join(venv, 'bin', 'tempest'), 'run',
            '--config-file', os.path.join(workspace, 'tempest.conf'),
            '--regex', regex, '--concurrency', str(concurrency)]
    if exclude_regex:
        argv += ['--exclude-regex', exclude_regex]
    env = dict(os.environ, PATH=os.path.join(venv, 'bin') + os.pathsep
               + os.environ.get('PATH', ''))
    return subprocess.run(argv, cwd=workspace, env=env).returncode


class _Outcomes(testtools.StreamResult):
    """Each test's final status and, for skips, the reason."""

    def __init__(self):
        super().__init__()
        self.statuses = {}
        self.reasons = {}

    def status(self, test_id=None, test_status=None, file_name=None,
               file_bytes=None, **kwargs):
        if test_id is None:
            return
        if test_status in ('success', 'fail', 'skip', 'xfail', 'uxsuccess'):
            self.statuses[test_id] = test_status
        if file_name == 'reason' and file_bytes:
            text = bytes(file_bytes).decode(errors='replace')
            self.reasons[test_id] = self.reasons.get(test_id, '') + text


def last_outcomes(venv, workspace):
    """(status by test id, skip reason by test id) of the last run."""
    stream = subprocess.run(
        [os.path.join(venv, 'bin', 'stestr'), 'last', '--subunit'],
        cwd=workspace, capture_output=True).stdout
    outcomes = _Outcomes()
    subunit.ByteStreamToStreamResult(
        io.BytesIO(stream), non_subunit_name='stdout').run(outcomes)
    return outcomes.statuses, outcomes.reasons


def report(statuses, reasons, seconds):
    counts = {}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    print('\nTempest against nova_api, %.0f s' % seconds)
    for test_id in sorted(t for t, s in statuses.items() if s == 'fail'):
        print('FAILED %s' % test_id)
    by_reason = {}
    for test_id, status in statuses.items():
        if status == 'skip':
            reason = reasons.get(test_id, '?').strip()
            by_reason[reason] = by_reason.get(reason, 0) + 1
    for reason, count in sorted(by_reason.items(), key=lambda i: -i[1]):
        print('skipped %3d: %s' % (count, reason[:150]))
    print('%d passed, %d failed, %d skipped' % (
        counts.get('success', 0), counts.get('fail', 0),
        counts.get('skip', 0)))


def register_absent_network_service(deployment):
    """A "network" endpoint that answers 404 to everything.

    With [service_available] neutron on, Tempest's dynamic credentials
    delete each test project's default security group through the network
    service on clean-up, and treat a 404 as nothing to delete; without an
    endpoint they fail the test class instead.
    """
    identity = keystone_client.Client(session=deployment.session('admin'))
    deployment._register(identity, 'neutron', 'network',
                         deployment.deployment.base_url + NO_NETWORK_PATH)


def exclusion_regex(extra):
    return '|'.join([regex for regex, _ in EXCLUDED_TESTS]
                    + ([extra] if extra else []))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--workspace', default=os.path.join(
        keystone_fixture.REPO_ROOT, '.tempest-workspace'))
    parser.add_argument('--regex', default=SELECTED_TESTS,
                        help='the Tempest tests to run')
    parser.add_argument('--exclude-regex', default='',
                        help='tests not to run, besides EXCLUDED_TESTS')
    # Keystone keeps its data in SQLite: parallel test workers make it
    # fail writes with "database is locked".
    parser.add_argument('--concurrency', type=int, default=1)
    args = parser.parse_args(argv)

    venv = ensure_tempest_venv()
    workspace = fresh_workspace(os.path.abspath(args.workspace))
    started = time.monotonic()
    deployment = keystone_fixture.KeystoneDeployment()
    deployment.setUp()
    try:
        register_absent_network_service(deployment)
        with open(os.path.join(workspace, 'tempest.conf'), 'w') as f:
            f.write(tempest_conf(deployment))
        returncode = run_tempest(venv, workspace, args.regex,
                                 exclusion_regex(args.exclude_regex),
                                 args.concurrency)
    finally:
        # Their logs live in temporary directories gone at cleanup.
        shutil.copy(deployment.nova_api.log_file,
                    os.path.join(workspace, 'nova-api.log'))
        shutil.copy(deployment.keystone.process.log_file,
                    os.path.join(workspace, 'keystone.log'))
        deployment.cleanUp()
    statuses, reasons = last_outcomes(venv, workspace)
    report(statuses, reasons, time.monotonic() - started)
    return returncode


if __name__ == '__main__':
    sys.exit(main())
