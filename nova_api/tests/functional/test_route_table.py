"""The loaded route table, pinned and walked (DESIGN.md, "Mechanisms").

- The table of nova_api's own plugins is pinned in default_routes.txt, so
  any change to the API surface shows up in review as a diff of that file.
- Every route implementation declares, for each version it serves, exactly
  one query schema (GET, DELETE), request body schema (POST, PUT, actions
  included) and response body schema (every method, an empty body too),
  each a valid Draft 4 schema. Known gaps are listed by name below and the
  test fails as soon as one is fixed, so the list cannot rot.
- Every route is accounted for by policy: a route without a rule is listed
  as intentionally open, every route has a valid request in REQUESTS, and
  the walk sends each one as a plain member through the whole pipeline: a
  route whose rule's default is admin-only answers Nova's 403, any other
  answers what its method declares, a removed route 410.
"""

import collections
import difflib
import os
import re

import fixtures
import jsonschema
from oslo_config import fixture as config_fixture
from oslo_policy import policy as oslo_policy
import testtools

from nova_api.api import contract
from nova_api.api import microversion
from nova_api.api import plugins as plugins_package
from nova_api.api import route_table
from nova_api.api import router
from nova_api.compute import hypervisors
from nova_api.compute import services
from nova_api import conf as nova_conf
from nova_api import context as nova_context
from nova_api import policies
from nova_api.tests.functional import base
from nova_api.tests.functional import client as client_module
from nova_api.tests.unit.compute import keypair_vectors

CONF = nova_conf.CONF

PINNED_TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            'default_routes.txt')
# /dev/null as config file and dir: no deployer config disables a plugin.
# Writes default_routes.txt, with the other generated files.
REGENERATE = 'tox -e regenerate'

REMOVED_PLUGIN = 'removed'
GONE = ('This resource is no longer available. No forwarding address is '
        'given.')

# Schemas not declared yet, as (plugin, handler, kind): the schema test
# fails on any other gap, and on any of these once it is fixed. Removed
# routes are not exempt although they never succeed: Nova declares (empty)
# schemas for its removed APIs too, and its test_schemas.py requires them.
KNOWN_SCHEMA_GAPS = frozenset()

# Routes that check no policy rule on purpose (the removed plugin's routes
# answer 410 to everyone and are not listed): the version document, and
# flavors, which Nova lets anyone list and show (what a caller may see is
# decided by the query, not by a rule).
OPEN_ROUTES = frozenset([
    ('GET', '/'),
    ('GET', '/versions/{id}'),
    ('GET', '/flavors'),
    ('GET', '/flavors/detail'),
    ('GET', '/flavors/{flavor_id}'),
    # Nova checks no rule on its image API: the image service decides.
    ('GET', '/images'),
    ('GET', '/images/detail'),
    ('GET', '/images/{id}'),
    ('DELETE', '/images/{id}'),
    ('GET', '/images/{image_id}/metadata'),
    ('POST', '/images/{image_id}/metadata'),
    ('PUT', '/images/{image_id}/metadata'),
    ('GET', '/images/{image_id}/metadata/{id}'),
    ('PUT', '/images/{image_id}/metadata/{id}'),
    ('DELETE', '/images/{image_id}/metadata/{id}'),
    # The OpenAPI document: what is served, not what the caller may do.
    ('GET', '/openapi.json'),
    # Nova's removed RDP console action refuses everyone (ALWAYS_REFUSED).
    ('POST', '/servers/{id}/action {os-getRDPConsole}'),
])

# A request per route (the row's method and path; an action's path names
# it) that passes validation, so the policy decides, and that succeeds
# when the policy allows it. `versions` limits it to a (min, max) range
# (either may be None); None sends it at every version the route serves.
# A route whose request changed with a version has a tuple of them.
Call = collections.namedtuple('Call', 'path body versions',
                              defaults=(None, None))
_SPEC = 'hw:cpu_policy'
_CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
_DEBIAN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
_IMAGE_METADATA = '/images/%s/metadata' % _CIRROS
_SERVICE = {'host': 'compute1', 'binary': 'nova-compute'}
_SERVICE_UUID = services.record_uuid('compute1', 'nova-compute')
_HYPERVISOR_UUID = hypervisors.hypervisor_uuid('compute1')
# A control service: it can be deleted with servers around.
_CONDUCTOR_UUID = services.record_uuid('conductor', 'nova-conductor')
_MEMBER_PROJECT = client_module.persona('member')[2]
_MEMBER_QUOTAS = '/os-quota-sets/' + _MEMBER_PROJECT
# Servers get their ids when created: a path names a server the walk
# creates by its key in PolicyWalkTestV2.servers, in braces.
MEMBER_SERVER = 'member_server'
_MEMBER_SERVER = '/servers/{%s}' % MEMBER_SERVER
# A stopped server of the member's, for os-start, and the one each
# version's POST /servers creates, for DELETE /servers/{id}.
STOPPED_SERVER = 'stopped_server'
WALK_SERVER = 'walk_server'
# The member's server each version locks and then unlocks: the member's
# other server stays unlocked for the power actions.
LOCK_SERVER = 'lock_server'
# The request id of the member's server's create: its instance action.
MEMBER_SERVER_CREATE = 'member_server_create'
# The member's server each version pauses and then unpauses, and the one
# it resumes and then suspends again (the walk sends resume first, so
# setUp suspends it).
PAUSE_SERVER = 'pause_server'
SUSPEND_SERVER = 'suspend_server'
# The member's server each version shelves and unshelves, and the one
# shelved at the start for shelveOffload (which sorts before shelve).
SHELVE_SERVER = 'shelve_server'
SHELVED_SERVER = 'shelved_server'
# The member's server each version rescues and then unrescues.
RESCUE_SERVER = 'rescue_server'
# The member's server soft-deleted at the start, which restore restores,
# and the one forceDelete deletes (each once: later versions find the
# first active, the second gone).
SOFT_DELETED_SERVER = 'soft_deleted_server'
FORCE_DELETE_SERVER = 'force_delete_server'
# The member's server each version resizes and then reverts, and the one
# resized at the start, which confirmResize confirms (once: later
# versions find it active).
RESIZE_SERVER = 'resize_server'
RESIZED_SERVER = 'resized_server'
# The servers every walk makes, and each task the walk waits for none of.
WALK_SERVERS = (MEMBER_SERVER, STOPPED_SERVER, WALK_SERVER, LOCK_SERVER,
                PAUSE_SERVER, SUSPEND_SERVER, SHELVE_SERVER, SHELVED_SERVER,
                RESCUE_SERVER, SOFT_DELETED_SERVER, FORCE_DELETE_SERVER,
                RESIZE_SERVER, RESIZED_SERVER)
WALK_TASKS = ('build', 'reboot', 'stop', 'start', 'pause', 'unpause',
              'suspend', 'resume', 'shelve', 'shelve_offload', 'unshelve',
              'rescue', 'unrescue', 'change_password', 'rebuild',
              'snapshot', 'soft_delete', 'restore', 'resize', 'revert_resize',
              'evacuate', 'live_migration')
# What the walk does to its servers before it starts.
SETUP_ACTIONS = ((STOPPED_SERVER, 'os-stop'), (SUSPEND_SERVER, 'suspend'),
                 (SHELVED_SERVER, 'shelve'))
_NEW_SERVER = {'server': {'name': 'route-walk', 'imageRef': _CIRROS,
                          'flavorRef': '1'}}
_SERVER_METADATA = _MEMBER_SERVER + '/metadata'
_SERVER_TAGS = _MEMBER_SERVER + '/tags'
# The server group each version's POST /os-server-groups creates, for that
# version's GET and DELETE.
WALK_SERVER_GROUP = 'walk_server_group'
_WALK_SERVER_GROUP = '/os-server-groups/{%s}' % WALK_SERVER_GROUP
# Requests whose new thing later ones name: (method, path) -> (placeholder,
# success status, key of the response body holding the thing).
CREATES = {
    ('POST', '/servers'): (WALK_SERVER, 202, 'server'),
    ('POST', '/os-server-groups'): (WALK_SERVER_GROUP, 200, 'server_group'),
}
REQUESTS = {
    ('GET', '/'): Call('/'),
    ('GET', '/versions/{id}'): Call('/versions/v2.1'),
    ('GET', '/openapi.json'): Call('/openapi.json'),
    ('GET', '/flavors'): Call('/flavors'),
    ('GET', '/flavors/detail'): Call('/flavors/detail'),
    ('GET', '/flavors/{flavor_id}'): Call('/flavors/1'),
    ('POST', '/flavors'): Call('/flavors', {'flavor': {
        'name': 'route-walk', 'ram': 512, 'vcpus': 1, 'disk': 1}}),
    ('PUT', '/flavors/{flavor_id}'): Call(
        '/flavors/1', {'flavor': {'description': 'route walk'}}),
    ('DELETE', '/flavors/{flavor_id}'): Call('/flavors/1'),
    ('POST', '/flavors/{flavor_id}/action {addTenantAccess}'): Call(
        '/flavors/1/action', {'addTenantAccess': {'tenant': 'route-walk'}}),
    ('POST', '/flavors/{flavor_id}/action {removeTenantAccess}'): Call(
        '/flavors/1/action',
        {'removeTenantAccess': {'tenant': 'route-walk'}}),
    ('GET', '/flavors/{flavor_id}/os-flavor-access'): Call(
        '/flavors/1/os-flavor-access'),
    ('GET', '/flavors/{flavor_id}/os-extra_specs'): Call(
        '/flavors/1/os-extra_specs'),
    ('POST', '/flavors/{flavor_id}/os-extra_specs'): Call(
        '/flavors/1/os-extra_specs', {'extra_specs': {_SPEC: 'dedicated'}}),
    ('GET', '/flavors/{flavor_id}/os-extra_specs/{id}'): Call(
        '/flavors/1/os-extra_specs/' + _SPEC),
    ('PUT', '/flavors/{flavor_id}/os-extra_specs/{id}'): Call(
        '/flavors/1/os-extra_specs/' + _SPEC, {_SPEC: 'dedicated'}),
    ('DELETE', '/flavors/{flavor_id}/os-extra_specs/{id}'): Call(
        '/flavors/1/os-extra_specs/' + _SPEC),
    ('GET', '/os-keypairs'): Call('/os-keypairs'),
    # Imported: from 2.92 a key pair cannot be generated.
    ('POST', '/os-keypairs'): Call('/os-keypairs', {'keypair': {
        'name': 'route-walk',
        'public_key': keypair_vectors.ED25519.public_key}}),
    ('GET', '/os-keypairs/{keypair_name}'): Call('/os-keypairs/route-walk'),
    ('DELETE', '/os-keypairs/{keypair_name}'): Call(
        '/os-keypairs/route-walk'),
    # The seeded catalog: metadata on cirros, the delete takes debian.
    ('GET', '/images'): Call('/images'),
    ('GET', '/images/detail'): Call('/images/detail'),
    ('GET', '/images/{id}'): Call('/images/' + _CIRROS),
    ('DELETE', '/images/{id}'): Call('/images/' + _DEBIAN),
    ('GET', '/images/{image_id}/metadata'): Call(_IMAGE_METADATA),
    ('POST', '/images/{image_id}/metadata'): Call(
        _IMAGE_METADATA, {'metadata': {'route_walk': 'x'}}),
    ('PUT', '/images/{image_id}/metadata'): Call(
        _IMAGE_METADATA, {'metadata': {'route_walk': 'x'}}),
    ('GET', '/images/{image_id}/metadata/{id}'): Call(
        _IMAGE_METADATA + '/route_walk'),
    ('PUT', '/images/{image_id}/metadata/{id}'): Call(
        _IMAGE_METADATA + '/route_walk', {'meta': {'route_walk': 'y'}}),
    ('DELETE', '/images/{image_id}/metadata/{id}'): Call(
        _IMAGE_METADATA + '/route_walk'),
    ('GET', '/os-quota-sets/{tenant_id}'): Call(_MEMBER_QUOTAS),
    ('GET', '/os-quota-sets/{tenant_id}/detail'): Call(
        _MEMBER_QUOTAS + '/detail'),
    ('GET', '/os-quota-sets/{tenant_id}/defaults'): Call(
        _MEMBER_QUOTAS + '/defaults'),
    ('PUT', '/os-quota-sets/{tenant_id}'): Call(
        _MEMBER_QUOTAS, {'quota_set': {'cores': 20}}),
    ('DELETE', '/os-quota-sets/{tenant_id}'): Call(_MEMBER_QUOTAS),
    ('GET', '/os-quota-class-sets/{id}'): Call('/os-quota-class-sets/default'),
    ('PUT', '/os-quota-class-sets/{id}'): Call(
        '/os-quota-class-sets/route-walk', {'quota_class_set': {'cores': 20}}),
    # With tenant_id, so that the admin-only rule decides.
    ('GET', '/limits'): Call('/limits?tenant_id=' + _MEMBER_PROJECT),
    # Administrators' alone: the member gets 403 before the id is read.
    ('GET', '/os-aggregates'): Call('/os-aggregates'),
    ('POST', '/os-aggregates'): Call(
        '/os-aggregates', {'aggregate': {'name': 'walk'}}),
    ('GET', '/os-aggregates/{aggregate_id}'): Call('/os-aggregates/1'),
    ('PUT', '/os-aggregates/{aggregate_id}'): Call(
        '/os-aggregates/1', {'aggregate': {'name': 'walk'}}),
    ('DELETE', '/os-aggregates/{aggregate_id}'): Call('/os-aggregates/1'),
    ('POST', '/os-aggregates/{aggregate_id}/action {add_host}'): Call(
        '/os-aggregates/1/action', {'add_host': {'host': 'compute1'}}),
    ('POST', '/os-aggregates/{aggregate_id}/action {remove_host}'): Call(
        '/os-aggregates/1/action', {'remove_host': {'host': 'compute1'}}),
    ('POST', '/os-aggregates/{aggregate_id}/action {set_metadata}'): Call(
        '/os-aggregates/1/action',
        {'set_metadata': {'metadata': {'key': 'value'}}}),
    ('POST', '/os-aggregates/{aggregate_id}/images'): Call(
        '/os-aggregates/1/images', {'cache': [{'id': _CIRROS}]}),
    ('GET', '/os-availability-zone'): Call('/os-availability-zone'),
    ('GET', '/os-simple-tenant-usage'): Call(
        '/os-simple-tenant-usage?start=2020-01-01T00:00:00&detailed=1'),
    ('GET', '/os-simple-tenant-usage/{tenant_id}'): Call(
        '/os-simple-tenant-usage/%s?start=2020-01-01T00:00:00'
        % _MEMBER_PROJECT),
    ('GET', '/os-hosts'): Call('/os-hosts'),
    ('GET', '/os-hosts/{host_name}'): Call('/os-hosts/compute1'),
    ('PUT', '/os-hosts/{host_name}'): Call(
        '/os-hosts/compute1', {'status': 'enable'}),
    ('GET', '/os-hosts/{host_name}/reboot'): Call('/os-hosts/compute1/reboot'),
    ('GET', '/os-hosts/{host_name}/shutdown'): Call(
        '/os-hosts/compute1/shutdown'),
    ('GET', '/os-hosts/{host_name}/startup'): Call(
        '/os-hosts/compute1/startup'),
    ('GET', '/os-instance_usage_audit_log'): Call(
        '/os-instance_usage_audit_log'),
    ('GET', '/os-instance_usage_audit_log/{before_timestamp}'): Call(
        '/os-instance_usage_audit_log/2012-07-01%2000:00:00'),
    ('GET', '/os-availability-zone/detail'): Call(
        '/os-availability-zone/detail'),
    ('GET', '/os-hypervisors'): Call('/os-hypervisors'),
    ('GET', '/os-hypervisors/detail'): Call('/os-hypervisors/detail'),
    ('GET', '/os-hypervisors/statistics'): Call('/os-hypervisors/statistics'),
    ('GET', '/os-hypervisors/{hypervisor_id}'): (
        Call('/os-hypervisors/1', None, ('2.0', '2.52')),
        Call('/os-hypervisors/' + _HYPERVISOR_UUID, None, ('2.53', None))),
    ('GET', '/os-hypervisors/{hypervisor_id}/uptime'): (
        Call('/os-hypervisors/1/uptime', None, ('2.0', '2.52')),
        Call('/os-hypervisors/%s/uptime' % _HYPERVISOR_UUID, None,
             ('2.53', None))),
    ('GET', '/os-hypervisors/{hypervisor_hostname_pattern}/search'): Call(
        '/os-hypervisors/compute/search'),
    ('GET', '/os-hypervisors/{hypervisor_hostname_pattern}/servers'): Call(
        '/os-hypervisors/compute/servers'),
    ('GET', '/os-services'): Call('/os-services'),
    ('PUT', '/os-services/enable'): Call('/os-services/enable', _SERVICE),
    ('PUT', '/os-services/disable'): Call('/os-services/disable', _SERVICE),
    ('PUT', '/os-services/disable-log-reason'): Call(
        '/os-services/disable-log-reason',
        dict(_SERVICE, disabled_reason='route walk')),
    ('PUT', '/os-services/force-down'): Call(
        '/os-services/force-down', dict(_SERVICE, forced_down=True)),
    ('PUT', '/os-services/{service_id}'): Call(
        '/os-services/' + _SERVICE_UUID, {'status': 'disabled'}),
    ('DELETE', '/os-services/{service_id}'): (
        Call('/os-services/3', None, ('2.0', '2.52')),
        Call('/os-services/' + _CONDUCTOR_UUID, None, ('2.53', None))),
    # On the member's ACTIVE server made before the walk (MEMBER_SERVER).
    ('GET', '/servers/{server_id}/metadata'): Call(_SERVER_METADATA),
    ('POST', '/servers/{server_id}/metadata'): Call(
        _SERVER_METADATA, {'metadata': {'route_walk': 'x'}}),
    ('PUT', '/servers/{server_id}/metadata'): Call(
        _SERVER_METADATA, {'metadata': {'route_walk': 'x'}}),
    ('GET', '/servers/{server_id}/metadata/{key}'): Call(
        _SERVER_METADATA + '/route_walk'),
    ('PUT', '/servers/{server_id}/metadata/{key}'): Call(
        _SERVER_METADATA + '/route_walk', {'meta': {'route_walk': 'y'}}),
    ('DELETE', '/servers/{server_id}/metadata/{key}'): Call(
        _SERVER_METADATA + '/route_walk'),
    # At each version the PUT of all tags sets a and b (and drops c),
    # the PUT of c adds it (201), the DELETE of b removes it; every tag
    # goes only at the first version, so the check of a finds it from
    # the third.
    ('GET', '/servers/{server_id}/tags'): Call(_SERVER_TAGS),
    ('PUT', '/servers/{server_id}/tags'): Call(
        _SERVER_TAGS, {'tags': ['route-walk-a', 'route-walk-b']}),
    ('DELETE', '/servers/{server_id}/tags'): Call(
        _SERVER_TAGS, versions=('2.26', '2.26')),
    ('GET', '/servers/{server_id}/tags/{tag}'): Call(
        _SERVER_TAGS + '/route-walk-a'),
    ('PUT', '/servers/{server_id}/tags/{tag}'): Call(
        _SERVER_TAGS + '/route-walk-c'),
    ('DELETE', '/servers/{server_id}/tags/{tag}'): Call(
        _SERVER_TAGS + '/route-walk-b'),
    ('GET', '/servers/{server_id}/os-instance-actions'): Call(
        _MEMBER_SERVER + '/os-instance-actions'),
    ('GET', '/servers/{server_id}/os-instance-actions/{id}'): Call(
        _MEMBER_SERVER + '/os-instance-actions/{%s}' % MEMBER_SERVER_CREATE),
    ('GET', '/servers/{server_id}/diagnostics'): Call(
        _MEMBER_SERVER + '/diagnostics'),
    ('GET', '/servers/{server_id}/topology'): Call(
        _MEMBER_SERVER + '/topology'),
    ('POST', '/os-server-external-events'): Call(
        '/os-server-external-events', {'events': [{
            'name': 'network-changed',
            'server_uuid': '{%s}' % MEMBER_SERVER}]}),
    ('GET', '/servers/{server_id}/os-server-password'): Call(
        _MEMBER_SERVER + '/os-server-password'),
    ('DELETE', '/servers/{server_id}/os-server-password'): Call(
        _MEMBER_SERVER + '/os-server-password'),
    ('GET', '/servers'): Call('/servers'),
    ('GET', '/servers/detail'): Call('/servers/detail'),
    ('POST', '/servers'): Call('/servers', _NEW_SERVER),
    ('GET', '/servers/{id}'): Call(_MEMBER_SERVER),
    ('PUT', '/servers/{id}'): Call(_MEMBER_SERVER,
                                   {'server': {'name': 'route-walk-2'}}),
    ('DELETE', '/servers/{id}'): Call('/servers/{%s}' % WALK_SERVER),
    # Every task takes no time in the walk: a stopped server starts at
    # the first version (later ones answer 409), the member's server
    # stops and then reboots hard, which a stopped server may.
    ('POST', '/servers/{id}/action {os-start}'): Call(
        '/servers/{%s}/action' % STOPPED_SERVER, {'os-start': None}),
    ('POST', '/servers/{id}/action {os-stop}'): Call(
        _MEMBER_SERVER + '/action', {'os-stop': None}),
    ('POST', '/servers/{id}/action {reboot}'): Call(
        _MEMBER_SERVER + '/action', {'reboot': {'type': 'HARD'}}),
    # After the hard reboot (path order): an ACTIVE server, rebuilt from
    # the image it has.
    ('POST', '/servers/{id}/action {rebuild}'): Call(
        _MEMBER_SERVER + '/action', {'rebuild': {'imageRef': _CIRROS}}),
    ('POST', '/servers/{id}/action {os-resetState}'): Call(
        _MEMBER_SERVER + '/action', {'os-resetState': {'state': 'active'}}),
    ('POST', '/servers/{id}/action {injectNetworkInfo}'): Call(
        _MEMBER_SERVER + '/action', {'injectNetworkInfo': None}),
    ('POST', '/servers/{id}/action {lock}'): Call(
        '/servers/{%s}/action' % LOCK_SERVER, {'lock': None}),
    ('POST', '/servers/{id}/action {unlock}'): Call(
        '/servers/{%s}/action' % LOCK_SERVER, {'unlock': None}),
    ('POST', '/servers/{id}/action {pause}'): Call(
        '/servers/{%s}/action' % PAUSE_SERVER, {'pause': None}),
    ('POST', '/servers/{id}/action {unpause}'): Call(
        '/servers/{%s}/action' % PAUSE_SERVER, {'unpause': None}),
    ('POST', '/servers/{id}/action {resume}'): Call(
        '/servers/{%s}/action' % SUSPEND_SERVER, {'resume': None}),
    ('POST', '/servers/{id}/action {suspend}'): Call(
        '/servers/{%s}/action' % SUSPEND_SERVER, {'suspend': None}),
    # A snapshot taking no time leaves the server as it was.
    ('POST', '/servers/{id}/action {createImage}'): Call(
        _MEMBER_SERVER + '/action', {'createImage': {'name': 'walk'}}),
    ('POST', '/servers/{id}/action {createBackup}'): Call(
        _MEMBER_SERVER + '/action', {'createBackup': {
            'name': 'walk', 'backup_type': 'daily', 'rotation': 1}}),
    ('POST', '/servers/{id}/action {resize}'): Call(
        '/servers/{%s}/action' % RESIZE_SERVER,
        {'resize': {'flavorRef': '2'}}),
    ('POST', '/servers/{id}/action {revertResize}'): Call(
        '/servers/{%s}/action' % RESIZE_SERVER, {'revertResize': None}),
    ('POST', '/servers/{id}/action {confirmResize}'): Call(
        '/servers/{%s}/action' % RESIZED_SERVER, {'confirmResize': None}),
    ('POST', '/servers/{id}/action {migrate}'): Call(
        _MEMBER_SERVER + '/action', {'migrate': None}),
    # Refused to a member before its host's service is looked at; an
    # administrator's (test_written_samples) finds the host forced down.
    ('POST', '/servers/{id}/action {evacuate}'): (
        Call(_MEMBER_SERVER + '/action',
             {'evacuate': {'onSharedStorage': False}}, ('2.0', '2.13')),
        Call(_MEMBER_SERVER + '/action', {'evacuate': {}}, ('2.14', None))),
    # The version's new server (the member's is resized by then), from
    # 2.34: the walk's servers leave the other host no vcpu free, which
    # the API answers with a 400 before 2.34 and a failed migration from
    # it (test_live_migration has the earlier versions).
    ('POST', '/servers/{id}/action {os-migrateLive}'): Call(
        '/servers/{%s}/action' % WALK_SERVER, {'os-migrateLive': {
            'host': None, 'block_migration': 'auto'}}, ('2.34', None)),
    ('POST', '/servers/{server_id}/migrations/{migration_id}/action '
             '{force_complete}'): Call(
        _MEMBER_SERVER + '/migrations/1/action', {'force_complete': None}),
    ('DELETE', '/servers/{server_id}/migrations/{migration_id}'): Call(
        _MEMBER_SERVER + '/migrations/1'),
    ('GET', '/os-migrations'): Call('/os-migrations'),
    ('GET', '/servers/{server_id}/migrations'): Call(
        _MEMBER_SERVER + '/migrations'),
    ('GET', '/servers/{server_id}/migrations/{migration_id}'): Call(
        _MEMBER_SERVER + '/migrations/1'),
    ('POST', '/servers/{id}/action {shelve}'): Call(
        '/servers/{%s}/action' % SHELVE_SERVER, {'shelve': None}),
    ('POST', '/servers/{id}/action {shelveOffload}'): Call(
        '/servers/{%s}/action' % SHELVED_SERVER, {'shelveOffload': None}),
    ('POST', '/servers/{id}/action {unshelve}'): Call(
        '/servers/{%s}/action' % SHELVE_SERVER, {'unshelve': None}),
    # The lock walk's server, before it is locked (a version's routes
    # run in path order) and after the previous version's task ended.
    ('POST', '/servers/{id}/action {changePassword}'): Call(
        '/servers/{%s}/action' % LOCK_SERVER,
        {'changePassword': {'adminPass': 'route-walk'}}),
    ('POST', '/servers/{id}/action {os-getConsoleOutput}'): Call(
        _MEMBER_SERVER + '/action', {'os-getConsoleOutput': {'length': 2}}),
    ('POST', '/servers/{id}/action {os-getVNCConsole}'): Call(
        _MEMBER_SERVER + '/action', {'os-getVNCConsole': {'type': 'novnc'}}),
    ('POST', '/servers/{id}/action {os-getSPICEConsole}'): Call(
        _MEMBER_SERVER + '/action',
        {'os-getSPICEConsole': {'type': 'spice-html5'}}),
    ('POST', '/servers/{id}/action {os-getSerialConsole}'): Call(
        _MEMBER_SERVER + '/action',
        {'os-getSerialConsole': {'type': 'serial'}}),
    ('POST', '/servers/{id}/action {os-getRDPConsole}'): Call(
        _MEMBER_SERVER + '/action',
        {'os-getRDPConsole': {'type': 'rdp-html5'}}),
    ('POST', '/servers/{server_id}/remote-consoles'): Call(
        _MEMBER_SERVER + '/remote-consoles',
        {'remote_console': {'protocol': 'vnc', 'type': 'novnc'}}),
    # Before 2.31 the lookup answers 400 to everyone, before its rule.
    ('GET', '/os-console-auth-tokens/{console_token}'): Call(
        '/os-console-auth-tokens/route-walk', versions=('2.31', None)),
    ('POST', '/servers/{id}/action {rescue}'): Call(
        '/servers/{%s}/action' % RESCUE_SERVER, {'rescue': None}),
    # The rescued server (the routes of a version run in path order),
    # which Nova lets have a crash dump.
    ('POST', '/servers/{id}/action {trigger_crash_dump}'): Call(
        '/servers/{%s}/action' % RESCUE_SERVER, {'trigger_crash_dump': None}),
    ('POST', '/servers/{id}/action {unrescue}'): Call(
        '/servers/{%s}/action' % RESCUE_SERVER, {'unrescue': None}),
    ('POST', '/servers/{id}/action {restore}'): Call(
        '/servers/{%s}/action' % SOFT_DELETED_SERVER, {'restore': None}),
    ('POST', '/servers/{id}/action {forceDelete}'): Call(
        '/servers/{%s}/action' % FORCE_DELETE_SERVER, {'forceDelete': None}),
    ('GET', '/servers/{server_id}/ips'): Call(_MEMBER_SERVER + '/ips'),
    ('GET', '/servers/{server_id}/ips/{network_label}'): Call(
        _MEMBER_SERVER + '/ips/private'),
    # all_projects: a member gets their own project's groups, not a 403.
    ('GET', '/os-server-groups'): Call('/os-server-groups?all_projects=1'),
    # 2.64 takes "policy" instead of "policies".
    ('POST', '/os-server-groups'): (
        Call('/os-server-groups', {'server_group': {
            'name': 'route-walk', 'policies': ['affinity']}},
            (None, '2.63')),
        Call('/os-server-groups', {'server_group': {
            'name': 'route-walk', 'policy': 'affinity'}}, ('2.64', None))),
    ('GET', '/os-server-groups/{id}'): Call(_WALK_SERVER_GROUP),
    ('DELETE', '/os-server-groups/{id}'): Call(_WALK_SERVER_GROUP),
}

# (method, call) pairs sent as admin before the member walk, so that its
# reads find something, and after it to take that away again.
SETUP = [('POST', Call('/flavors/1/os-extra_specs',
                       {'extra_specs': {_SPEC: 'dedicated'}})),
         ('POST', Call(_IMAGE_METADATA, {'metadata': {'route_walk': 'x'}}))]
TEARDOWN = [('DELETE', Call('/flavors/1/os-extra_specs/' + _SPEC)),
            ('DELETE', Call(_IMAGE_METADATA + '/route_walk'))]

# Routes no policy rule guards where the resource's owner decides instead:
# a member may not change the cloud's catalog images, which the image
# service refuses with 403 in Nova. (route) -> the fault message.
_NOT_YOURS = 'Not authorized for image %s.' % _CIRROS
OWNER_ONLY = {
    ('DELETE', '/images/{id}'): 'You are not allowed to delete the image.',
    ('POST', '/images/{image_id}/metadata'): _NOT_YOURS,
    ('PUT', '/images/{image_id}/metadata'): _NOT_YOURS,
    ('PUT', '/images/{image_id}/metadata/{id}'): _NOT_YOURS,
    ('DELETE', '/images/{image_id}/metadata/{id}'): _NOT_YOURS,
}
# Routes that refuse everyone on purpose: (route) -> (status, message).
# Nova's os-getRDPConsole went with its Hyper-V driver and answers 400.
ALWAYS_REFUSED = {
    ('POST', '/servers/{id}/action {os-getRDPConsole}'): (
        400, 'The server could not comply with the request since it is '
             'either malformed or otherwise incorrect.'),
    # The compute driver, like Nova's libvirt one, has no host actions.
    **{route: (501, 'The requested functionality is not supported.')
       for route in (('PUT', '/os-hosts/{host_name}'),
                     ('GET', '/os-hosts/{host_name}/reboot'),
                     ('GET', '/os-hosts/{host_name}/shutdown'),
                     ('GET', '/os-hosts/{host_name}/startup'))},
}
WALK_ORDER = {'POST': 0, 'GET': 1, 'PUT': 2, 'PATCH': 2, 'DELETE': 3}

BODY_METHODS = ('POST', 'PUT', 'PATCH')
ALL_VERSIONS = [microversion.LEGACY_V2] + [
    microversion.APIVersionRequest(version)
    for version, _change, _where in microversion.VERSIONS]
# The roles noauth2 gives its users (see the middleware).
ADMIN_ROLES = ['admin', 'member', 'reader']
MEMBER_ROLES = ['member', 'reader']

_load_plugins = router.load_plugins
_IN_TREE = plugins_package.__name__ + '.'


def _in_tree_plugins():
    # A third-party plugin installed beside nova_api adds its routes to
    # the loaded table; they are not nova_api's default surface.
    return [plugin for plugin in _load_plugins()
            if type(plugin).__module__.startswith(_IN_TREE)]


class DefaultTable(fixtures.Fixture):
    """route_table.default_table() with every nova_api plugin and no
    other, whatever the host's config files and installed packages."""

    def __init__(self, conf_fixture):
        super().__init__()
        self.conf_fixture = conf_fixture

    def _setUp(self):
        self.conf_fixture.config(disabled_plugins=[], group='api')
        self.useFixture(fixtures.MonkeyPatch(
            'nova_api.api.router.load_plugins', _in_tree_plugins))
        self.table = route_table.default_table()


Implementation = collections.namedtuple(
    'Implementation', 'method path plugin handler contract')


def _implementations(table):
    """One per row of route_table.rows(table), with the declared contract
    of the function behind it."""
    for entry in table:
        if entry.action == 'action':
            for name, (controller, attr) in sorted(
                    entry.resource.actions.items()):
                yield _implementation(
                    entry, '%s {%s}' % (entry.path, name),
                    entry.action_plugins[name], controller, attr)
        else:
            yield _implementation(entry, entry.path, entry.plugin,
                                  entry.controller, entry.action)


def _implementation(entry, path, plugin, controller, attr):
    return Implementation(
        entry.method, path, plugin,
        '%s.%s' % (type(controller).__name__, attr),
        contract.declared(getattr(type(controller), attr)))


def _served(declared):
    return [version for version in ALL_VERSIONS if declared.supports(version)]


def _required_schemas(method):
    if method in BODY_METHODS:
        return ('request', 'response')
    return ('query', 'response')


def _declared(declared, kind):
    return getattr(declared, '%s_schemas' % kind)


class RouteTableTest(testtools.TestCase):
    """What the table says, read without sending a request."""

    def setUp(self):
        super().setUp()
        conf = self.useFixture(config_fixture.Config(CONF))
        self.table = self.useFixture(DefaultTable(conf)).table
        self.implementations = list(_implementations(self.table))

    def test_default_table_is_pinned(self):
        loaded = route_table.format_table(self.table) + '\n'
        with open(PINNED_TABLE) as f:
            pinned = f.read()
        if loaded != pinned:
            diff = ''.join(difflib.unified_diff(
                pinned.splitlines(True), loaded.splitlines(True),
                'default_routes.txt (pinned)', 'loaded route table'))
            self.fail('The loaded route table is not the pinned one:\n%s\n'
                      'If the change is intended, regenerate the file from '
                      'the root of the source tree with\n    %s\nand commit '
                      'it with the change.' % (diff, REGENERATE))

    def test_walk_covers_every_row(self):
        walked = sorted((i.method, i.path, i.plugin, i.handler)
                        for i in self.implementations)
        rows = sorted((row.method, row.path, row.plugin, row.handler)
                      for row in route_table.rows(self.table))
        self.assertEqual(rows, walked)

    def test_every_version_served_has_its_schemas(self):
        gaps = collections.defaultdict(set)
        for impl in self.implementations:
            for kind in _required_schemas(impl.method):
                schemas = _declared(impl.contract, kind)
                for version in _served(impl.contract):
                    if schemas.for_version(version) is None:
                        gaps[(impl.plugin, impl.handler, kind)].add(
                            '%s %s at %s' % (impl.method, impl.path, version))
        new = sorted(set(gaps) - KNOWN_SCHEMA_GAPS)
        fixed = sorted(KNOWN_SCHEMA_GAPS - set(gaps))
        problems = ['%s of %s (plugin %s) is missing: %s'
                    % (kind, handler, plugin,
                       ', '.join(sorted(gaps[plugin, handler, kind])))
                    for plugin, handler, kind in new]
        problems.extend('%s of %s (plugin %s) is declared now: remove it '
                        'from KNOWN_SCHEMA_GAPS' % (kind, handler, plugin)
                        for plugin, handler, kind in fixed)
        self.assertEqual([], problems)

    def test_one_schema_per_version(self):
        overlaps = []
        for impl in self.implementations:
            for kind in ('query', 'request', 'response'):
                schemas = _declared(impl.contract, kind)
                for version in _served(impl.contract):
                    matching = [entry for entry in schemas
                                if version.matches(entry[1], entry[2])]
                    if len(matching) > 1:
                        overlaps.append('%s %s (%s): %d %s schemas at %s'
                                        % (impl.method, impl.path,
                                           impl.handler, len(matching), kind,
                                           version))
        self.assertEqual([], overlaps)

    def test_schemas_are_valid_draft4(self):
        invalid = []
        for impl in self.implementations:
            for kind in ('query', 'request', 'response'):
                for schema, low, high in _declared(impl.contract, kind):
                    try:
                        jsonschema.Draft4Validator.check_schema(schema)
                    except jsonschema.SchemaError as exc:
                        invalid.append('%s schema %s-%s of %s: %s'
                                       % (kind, low, high, impl.handler,
                                          exc.message))
        self.assertEqual([], invalid)

    def test_routes_without_a_rule_are_listed_open(self):
        unlisted = []
        ruled_removed = []
        for impl in self.implementations:
            route = (impl.method, impl.path)
            if _is_removed(impl):
                if impl.contract.policy_rules:
                    ruled_removed.append(route)
            elif not impl.contract.policy_rules and route not in OPEN_ROUTES:
                unlisted.append(route)
        self.assertEqual([], unlisted, 'routes without @wsgi.policy')
        self.assertEqual([], ruled_removed, 'removed routes with a rule')

    def test_open_routes_are_routes_without_a_rule(self):
        rule_free = {(i.method, i.path) for i in self.implementations
                     if not i.contract.policy_rules}
        self.assertEqual([], sorted(OPEN_ROUTES - rule_free))

    def test_every_route_has_a_request(self):
        routes = {(i.method, i.path) for i in self.implementations
                  if not _is_removed(i)}
        self.assertEqual([], sorted(routes - set(REQUESTS)),
                         'routes without an entry in REQUESTS')
        self.assertEqual([], sorted(set(REQUESTS) - routes),
                         'REQUESTS entries naming no route')

    def test_declared_rules_have_defaults(self):
        registered = {rule.name for rule in policies.list_rules()}
        unknown = sorted({(rule, impl.handler)
                          for impl in self.implementations
                          for rule in impl.contract.policy_rules
                          if rule not in registered})
        self.assertEqual([], unknown)


def _context(persona, roles):
    _token, user_id, project_id = client_module.persona(persona)
    return nova_context.RequestContext(
        user_id=user_id, project_id=project_id, roles=roles,
        is_admin='admin' in roles)


class DefaultRules:
    """Nova_api's default rules, whatever a policy file says."""

    def __init__(self):
        defaults = oslo_policy.Rules(
            {rule.name: rule.check for rule in policies.list_rules()})
        self.enforcer = oslo_policy.Enforcer(CONF, rules=defaults,
                                             use_conf=False)
        self.member = _context('member', MEMBER_ROLES)
        self.admin = _context('admin', ADMIN_ROLES)
        # What a member acts on: their own project and user.
        self.target = {'project_id': self.member.project_id,
                       'user_id': self.member.user_id}

    def allows(self, context, rule):
        return self.enforcer.enforce(rule, self.target, context)

    def admin_only(self, rule):
        return (self.allows(self.admin, rule) and
                not self.allows(self.member, rule))


def body_with_servers(body, servers):
    """`body` with each string that is a server's key in braces
    ('{member_server}') replaced by that server's id."""
    if isinstance(body, dict):
        return {key: body_with_servers(value, servers)
                for key, value in body.items()}
    if isinstance(body, list):
        return [body_with_servers(item, servers) for item in body]
    if (isinstance(body, str) and body.startswith('{')
            and body.endswith('}') and body[1:-1] in servers):
        return servers[body[1:-1]]
    return body


def create_walk_servers(test):
    """The member's servers the walk's paths name (tasks take no time):
    {placeholder: server id, MEMBER_SERVER_CREATE: its create's request
    id}, after SETUP_ACTIONS."""
    # More servers than the default instances quota (10).
    resp = test.api('PUT', _MEMBER_QUOTAS,
                    {'quota_set': {'instances': 2 * len(WALK_SERVERS)}})
    test.assertEqual(200, resp.status, resp)
    servers = {}
    for name in WALK_SERVERS:
        resp = test.api('POST', '/servers', _NEW_SERVER, persona='member')
        test.assertEqual(202, resp.status, resp)
        servers[name] = resp.json()['server']['id']
        if name == MEMBER_SERVER:
            servers[MEMBER_SERVER_CREATE] = resp.header(
                'x-openstack-request-id')
    for name, action in SETUP_ACTIONS:
        resp = test.api('POST', '/servers/%s/action' % servers[name],
                        {action: None}, persona='member')
        test.assertEqual(202, resp.status, resp)
    resp = test.api('POST', '/servers/%s/action' % servers[RESIZED_SERVER],
                    {'resize': {'flavorRef': '2'}}, persona='member')
    test.assertEqual(202, resp.status, resp)
    # Soft-deleted, and never reclaimed once the interval is 0 again.
    test.conf.config(reclaim_instance_interval=3600)
    resp = test.api('DELETE', '/servers/' + servers[SOFT_DELETED_SERVER],
                    persona='member')
    test.assertEqual(204, resp.status, resp)
    test.conf.config(reclaim_instance_interval=0)
    return servers


class PolicyWalkTestV2(base.APITestCase):
    """Each route's request, sent as a plain member."""

    def setUp(self):
        super().setUp()
        self.skip_if_remote("walks nova_api's own route table")
        conf = getattr(self, 'conf', None) or self.useFixture(
            config_fixture.Config(CONF))
        table = self.useFixture(DefaultTable(conf)).table
        self.routes = collections.defaultdict(list)
        for impl in _implementations(table):
            self.routes[impl.method, impl.path].append(impl)
        self.rules = DefaultRules()
        for task in WALK_TASKS:
            self.conf.config(**{task + '_seconds': 0, 'group': 'simulated'})
        enable_walk_consoles(self)
        self.servers = create_walk_servers(self)

    def _walk(self, removed=False):
        """(method, path, call, implementation, version) of every route of
        (or not of) the removed plugin, at every version this endpoint
        serves, versions outermost and within one POST, GET, PUT, DELETE,
        so what a request creates exists for the next ones."""
        routes = sorted(
            (route for route, impls in self.routes.items()
             if _is_removed(impls[0]) == removed),
            key=lambda route: (WALK_ORDER.get(route[0], 0), route[1]))
        for version in self._versions():
            for method, path in routes:
                call = _removed_call(path) if removed else self._call(
                    method, path, version)
                if call is None:
                    continue
                for impl in self.routes[method, path]:
                    if impl.contract.supports(version):
                        yield method, path, call, impl, version

    def _versions(self):
        return ALL_VERSIONS[1:] if self.is_v21 else [microversion.LEGACY_V2]

    def _call(self, method, path, version):
        if (method, path) not in REQUESTS:
            self.fail('%s %s has no entry in REQUESTS' % (method, path))
        return request_at((method, path), version)

    def _send(self, method, call, version, persona='member'):
        path = call.path.format(**self.servers)
        resp = self.api(method, path,
                        body=body_with_servers(call.body, self.servers),
                        persona=persona,
                        version=None if version.is_legacy_v2()
                        else str(version))
        created = CREATES.get((method, path))
        if created and resp.status == created[1]:
            placeholder, _status, key = created
            self.servers[placeholder] = resp.json()[key]['id']
        return resp

    def _admin_only_rules(self, impl):
        return [rule for rule in impl.contract.policy_rules
                if self.rules.admin_only(rule)]

    def test_admin_only_routes_refuse_a_member(self):
        walked = 0
        for method, path, call, impl, version in self._walk():
            rules = self._admin_only_rules(impl)
            if not rules:
                continue
            # A method checking two admin-only rules needs its entry to say
            # which refuses first; none does yet.
            self.assertEqual(1, len(rules), (method, path, rules))
            resp = self._send(method, call, version)
            self.assertEqual(403, resp.status, '%s %s at %s: %r'
                             % (method, path, version, resp))
            self.assertFault(resp, 403, "Policy doesn't allow %s to be "
                                        "performed." % rules[0])
            self.assertVersionHeaders(resp, str(version))
            walked += 1
        self.assertGreater(walked, 0, 'no admin-only route was walked')

    def test_other_routes_let_a_member_through(self):
        """A route open to a member answers its success code or an error
        its method declares (not 403), and succeeds at least once."""
        version = self._versions()[0]
        for method, call in SETUP:
            resp = self._send(method, call, version, 'admin')
            self.assertEqual(200, resp.status, resp)
        for method, call in TEARDOWN:
            self.addCleanup(self._send, method, call, version, 'admin')
        answered = set()
        succeeded = set()
        for method, path, call, impl, version in self._walk():
            if self._admin_only_rules(impl):
                continue
            if (method, path) in OWNER_ONLY:
                resp = self._send(method, call, version)
                self.assertFault(resp, 403, OWNER_ONLY[method, path])
                continue
            if (method, path) in ALWAYS_REFUSED:
                resp = self._send(method, call, version)
                self.assertFault(resp, *ALWAYS_REFUSED[method, path])
                continue
            declared = impl.contract
            success = declared.codes.for_version(version, 200)
            expected = {success} | (set(declared.expected_errors) - {403})
            resp = self._send(method, call, version)
            self.assertIn(resp.status, expected, '%s %s at %s: %r'
                          % (method, path, version, resp))
            self.assertVersionHeaders(resp, str(version))
            answered.add((method, path))
            if resp.status == success:
                succeeded.add((method, path))
        self.assertNotEqual(set(), answered, 'no member route was walked')
        self.assertEqual([], sorted(answered - succeeded),
                         'routes that never succeeded for a member')

    def test_removed_routes_are_gone_for_a_member(self):
        walked = 0
        for method, path, call, _impl, version in self._walk(removed=True):
            resp = self._send(method, call, version)
            self.assertEqual(410, resp.status, '%s %s at %s: %r'
                             % (method, path, version, resp))
            self.assertFault(resp, 410, GONE)
            self.assertVersionHeaders(resp, str(version))
            walked += 1
        self.assertGreater(walked, 0, 'no removed route was walked')


def enable_walk_consoles(test):
    """Every console service, so that each console route succeeds."""
    for group in ('spice', 'serial_console', 'mks'):
        test.conf.config(enabled=True, group=group)


def calls_of(route):
    """The requests REQUESTS has for `route`, one per version range."""
    calls = REQUESTS[route]
    return (calls,) if isinstance(calls, Call) else calls


def request_at(route, version):
    """The REQUESTS entry of `route` at `version`, or None if it has
    none there."""
    for call in calls_of(route):
        if not call.versions or version.matches(
                *(bound and microversion.APIVersionRequest(bound)
                  for bound in call.versions)):
            return call
    return None


def _is_removed(impl):
    # The table credits an extension action (resetNetwork) to the plugin
    # that adds it.
    return impl.plugin == REMOVED_PLUGIN


def _removed_call(path):
    """Any value does for a removed route's path variables; an action's
    body names it."""
    url, _sep, action = path.partition(' ')
    body = {action.strip('{}'): None} if action else None
    return Call(re.sub(r'\{[^}]+\}', 'x', url), body)


class PolicyWalkTestV21(base.V21, PolicyWalkTestV2):
    pass
