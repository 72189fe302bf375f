"""Microversions: the one list of versions and everything derived from it.

The minimum, the maximum, the version documents, negotiation and the
response headers all come from ``VERSIONS``. A version is added here only
when its change is implemented for every route the service serves; a
change to routes not served yet is recorded as waiting for them.
"""

import collections
import functools
import re

import microversion_parse

from nova_api import exception

SERVICE_TYPE = 'compute'
HEADER = 'OpenStack-API-Version'
LEGACY_HEADER = 'X-OpenStack-Nova-API-Version'


class Version(collections.namedtuple('Version', 'number change where')):
    """A microversion: its number, what it changed, and where: the modules
    (under nova_api/) that implement the change, or, for a change to
    routes not served yet, a string saying which and the issue bringing
    them (those routes answer as Nova answers an unknown URL or action)."""

    __slots__ = ()

    @property
    def waiting(self):
        return isinstance(self.where, str)


def _waiting(routes):
    return 'waiting for ' + routes


VERSIONS = tuple(Version(*entry) for entry in (
    ('2.1', 'The initial version of the v2.1 API, with microversions.',
     ('api',)),
    ('2.2', 'Keypairs have a "type" (ssh or x509); create answers 201 and '
            'delete 204.',
     ('api/plugins/keypairs', 'api/schemas/keypairs', 'api/views/keypairs')),
    ('2.3', 'Servers show the launch details among their extended '
            'attributes, and "delete_on_termination" of attached volumes.',
     ('api/views/servers', 'api/schemas/servers')),
    ('2.4', 'The "reserved" status of fixed IPs (os-fixed-ips is removed: '
            '410).', ('api/plugins/removed',)),
    ('2.5', 'The "ip6" server list filter.', ('api/plugins/servers',)),
    ('2.6', 'The remote consoles API.',
     ('api/plugins/remote_consoles', 'api/schemas/remote_consoles',
      'compute/remote_consoles')),
    ('2.7', 'Adding tenant access to a public flavor answers 409.',
     ('api/plugins/flavor_access',)),
    ('2.8', 'The "mks" remote console protocol.',
     ('api/schemas/remote_consoles', 'compute/remote_consoles')),
    ('2.9', 'Servers show "locked".',
     ('api/views/servers', 'api/schemas/servers')),
    ('2.10', 'Keypairs: administrators list, show, create and delete the '
             'keypairs of another user with "user_id".',
     ('api/plugins/keypairs', 'api/schemas/keypairs')),
    ('2.11', 'os-services shows and updates "forced_down".',
     ('api/plugins/services', 'api/schemas/services', 'api/views/services')),
    ('2.12', 'os-virtual-interfaces shows "net_id" (it is removed: 410).',
     ('api/plugins/removed',)),
    ('2.13', 'Server groups show "project_id" and "user_id".',
     ('api/schemas/server_groups', 'api/views/server_groups')),
    ('2.14', 'evacuate loses "onSharedStorage" and "adminPass".',
     ('api/plugins/evacuate', 'api/schemas/evacuate')),
    ('2.15', 'The "soft-affinity" and "soft-anti-affinity" server group '
             'policies, weighed by the scheduler, never a NoValidHost.',
     ('api/schemas/server_groups', 'compute/server_groups',
      'compute/scheduling')),
    ('2.16', 'Servers show "host_status" (administrators, by policy).',
     ('api/plugins/servers', 'api/schemas/servers', 'api/views/servers',
      'compute/servers', 'policies/servers')),
    ('2.17', 'The trigger_crash_dump server action.',
     ('api/plugins/crash_dump', 'api/schemas/crash_dump',
      'compute/crash_dump')),
    ('2.18', 'The project id in /v2.1 URLs is optional.',
     ('api/router',)),
    ('2.19', 'Servers have a "description": create, update, rebuild, '
             'views.',
     ('api/plugins/servers', 'api/schemas/servers', 'api/views/servers',
      'compute/server_create', 'compute/servers')),
    ('2.20', 'Volumes attach to and detach from shelved servers.',
     _waiting('volume attachments, issue 17')),
    ('2.21', 'os-instance-actions shows deleted servers.',
     ('api/plugins/instance_actions', 'compute/servers', 'db/servers')),
    ('2.22', 'Force a live migration in progress to complete '
             '(force_complete).',
     ('api/plugins/server_migrations', 'api/schemas/server_migrations',
      'compute/live_migration')),
    ('2.23', 'Server migrations list and show (live migrations in '
             'progress); os-migrations "migration_type".',
     ('api/plugins/server_migrations', 'api/schemas/server_migrations',
      'api/views/server_migrations', 'api/plugins/migrations',
      'api/schemas/migrations', 'api/views/migrations')),
    ('2.24', 'Abort a running live migration (DELETE '
             '/servers/{id}/migrations/{migration_id}).',
     ('api/plugins/server_migrations', 'compute/live_migration')),
    ('2.25', 'os-migrateLive "block_migration" may be "auto"; no '
             '"disk_over_commit".',
     ('api/schemas/migrate_server',)),
    ('2.26', 'Server tags: /servers/{id}/tags, the "tags" of a server and '
             'the tags list filters.',
     ('api/plugins/server_tags', 'api/schemas/server_tags',
      'api/views/server_tags', 'compute/server_tags', 'db/server_tags',
      'policies/server_tags', 'api/plugins/servers', 'api/schemas/servers',
      'api/views/servers', 'db/servers')),
    ('2.27', 'The "OpenStack-API-Version: compute X.Y" header form.',
     ('api/microversion',)),
    ('2.28', 'Hypervisors show "cpu_info" as an object.',
     ('api/schemas/hypervisors', 'api/views/hypervisors')),
    ('2.29', 'evacuate "force".',
     ('api/plugins/evacuate', 'api/schemas/evacuate', 'compute/evacuate')),
    ('2.30', 'os-migrateLive "force": a named host goes through the '
             'scheduler unless forced.',
     ('api/plugins/migrate_server', 'api/schemas/migrate_server',
      'compute/live_migration')),
    ('2.31', 'os-console-auth-tokens for every console type.',
     ('api/plugins/console_auth_tokens',)),
    ('2.32', 'A "tag" on requested networks and block devices at create.',
     ('api/schemas/servers', 'compute/server_create', 'db/servers')),
    ('2.33', 'Block devices lose "tag" (a bug, fixed in 2.42); paging of '
             'os-hypervisors.',
     ('api/schemas/servers', 'api/plugins/hypervisors',
      'api/schemas/hypervisors', 'compute/hypervisors')),
    ('2.34', 'Live migration checks run in the background: a refusal is '
             'a failed migration, not a 400.',
     ('api/plugins/migrate_server', 'compute/live_migration')),
    ('2.35', 'Keypairs paging with "limit" and "marker".',
     ('api/plugins/keypairs', 'api/schemas/keypairs', 'api/views/keypairs',
      'compute/keypairs')),
    ('2.36', 'The proxy APIs answer 404 (of those served, /images; the '
             'network and volume proxies: issues 16 and 17); quota sets '
             'and limits lose the network quotas.',
     ('api/plugins/images', 'api/schemas/quota_sets', 'api/views/quota_sets',
      'api/schemas/limits', 'api/views/limits')),
    ('2.37', '"networks" is required and may be "auto" or "none"; '
             'networks lose "tag" (a bug, fixed in 2.42).',
     ('api/plugins/servers', 'api/schemas/servers', 'compute/server_create')),
    ('2.38', 'An invalid status filter is a 400.',
     ('api/plugins/servers', 'compute/servers')),
    ('2.39', 'Image metadata answers 404; limits lose "maxImageMeta".',
     ('api/plugins/image_metadata', 'api/views/limits')),
    ('2.40', 'os-simple-tenant-usage paging.',
     ('api/plugins/simple_tenant_usage', 'api/schemas/simple_tenant_usage',
      'api/views/simple_tenant_usage')),
    ('2.41', 'Aggregates show "uuid".',
     ('api/schemas/aggregates', 'api/views/aggregates')),
    ('2.42', 'Networks and block devices take a "tag" again.',
     ('api/schemas/servers', 'compute/server_create')),
    ('2.43', 'os-hosts answers 404.', ('api/plugins/hosts',)),
    ('2.44', 'The addFixedIp, removeFixedIp, addFloatingIp and '
             'removeFloatingIp actions answer 404 (os-virtual-interfaces '
             'is removed: 410).',
     _waiting('the network actions, issue 16')),
    ('2.45', 'createImage and createBackup answer "image_id", no Location.',
     ('api/plugins/create_image', 'api/schemas/create_image',
      'api/plugins/create_backup', 'api/schemas/create_backup')),
    ('2.46', 'Responses carry "X-OpenStack-Request-ID".',
     ('api/middleware/request_id',)),
    ('2.47', 'Servers show the flavor they were created with instead of a '
             'link (its extra specs by policy).',
     ('api/plugins/servers', 'api/schemas/servers', 'api/views/servers',
      'compute/servers', 'db/servers', 'policies/servers')),
    ('2.48', 'Standard server diagnostics.',
     ('api/plugins/server_diagnostics', 'api/schemas/server_diagnostics',
      'api/views/server_diagnostics')),
    ('2.49', 'Tagged interface and volume attach.',
     _waiting('attachments, issues 16 and 17')),
    ('2.50', 'Quota class sets show "server_groups" and '
             '"server_group_members", not the network quotas.',
     ('api/schemas/quota_classes', 'api/views/quota_classes')),
    ('2.51', 'The volume-extended event; instance action events for '
             'every reader (os-instance-actions).',
     ('api/schemas/server_external_events', 'api/plugins/instance_actions',
      'api/schemas/instance_actions')),
    ('2.52', 'Tags at server create.',
     ('api/schemas/servers', 'compute/server_create', 'db/server_tags')),
    ('2.53', 'Services and hypervisors by uuid.',
     ('api/plugins/services', 'api/schemas/services', 'api/views/services',
      'api/plugins/hypervisors', 'api/schemas/hypervisors',
      'api/views/hypervisors')),
    ('2.54', 'rebuild "key_name".',
     ('api/plugins/server_rebuild', 'api/schemas/servers',
      'api/views/servers', 'compute/server_rebuild')),
    ('2.55', 'Flavors have a "description" and PUT /flavors/{id}.',
     ('api/plugins/flavors', 'api/schemas/flavors', 'api/views/flavors',
      'compute/flavors', 'db/flavors', 'policies/flavors')),
    ('2.56', 'migrate "host".',
     ('api/plugins/migrate_server', 'api/schemas/migrate_server',
      'compute/server_resize')),
    ('2.57', 'No "personality" at create and rebuild; rebuild takes and '
             'answers "user_data"; no injected file quotas and limits.',
     ('api/schemas/servers', 'api/views/limits', 'api/views/quota_sets',
      'api/views/quota_classes', 'api/plugins/server_rebuild',
      'api/views/servers')),
    ('2.58', 'os-instance-actions paging, changes-since and '
             '"updated_at".',
     ('api/plugins/instance_actions', 'api/schemas/instance_actions',
      'api/views/instance_actions', 'compute/instance_actions')),
    ('2.59', 'os-migrations paging, changes-since and "uuid".',
     ('api/plugins/migrations', 'api/schemas/migrations',
      'api/views/migrations', 'compute/migration_records')),
    ('2.60', 'Multiattach volumes.', _waiting('volume attachments, issue 17')),
    ('2.61', 'Flavors show their "extra_specs" (by policy).',
     ('api/plugins/flavors', 'api/schemas/flavors', 'api/views/flavors')),
    ('2.62', 'Instance action events show "host" and "hostId".',
     ('api/plugins/instance_actions', 'api/schemas/instance_actions',
      'api/views/instance_actions')),
    ('2.63', '"trusted_image_certificates" at create, rebuild and in '
             'the views.',
     ('api/plugins/servers', 'api/schemas/servers', 'api/views/servers',
      'compute/server_create', 'policies/servers', 'conf/image')),
    ('2.64', 'Server groups take and show "policy" and "rules" '
             '("max_server_per_host"), not "policies" and "metadata".',
     ('api/plugins/server_groups', 'api/schemas/server_groups',
      'api/views/server_groups', 'compute/server_groups',
      'db/server_groups')),
    ('2.65', 'Abort queued and preparing live migrations.',
     ('api/plugins/server_migrations', 'compute/live_migration')),
    ('2.66', 'The "changes-before" filter of the server list, '
             'os-instance-actions and os-migrations.',
     ('api/plugins/servers', 'api/schemas/servers', 'db/servers',
      'api/plugins/instance_actions', 'api/schemas/instance_actions',
      'api/plugins/migrations', 'api/schemas/migrations')),
    ('2.67', '"volume_type" in block_device_mapping_v2 (checked; boot '
             'from volume: issue 17).',
     ('api/plugins/servers', 'api/schemas/servers')),
    ('2.68', 'No forced live migration or evacuate ("force" is refused).',
     ('api/schemas/migrate_server', 'api/schemas/evacuate')),
    ('2.69', 'Minimal servers from unreachable cells (there are none: '
             'servers show whole).', ('api/views/servers',)),
    ('2.70', 'Device tags of attached volumes and interfaces.',
     _waiting('attachments, issues 16 and 17')),
    ('2.71', 'Show, update and rebuild show the server\'s '
             '"server_groups".',
     ('api/plugins/servers', 'api/schemas/servers', 'api/views/servers',
      'compute/servers', 'db/servers')),
    ('2.72', 'Ports with resource requests at create (the simulated '
             'network has none).', ('api/schemas/servers',)),
    ('2.73', 'lock takes a "locked_reason", which servers show; the '
             '"locked" list filter and sort key.',
     ('api/plugins/lock_server', 'api/schemas/lock_server',
      'api/plugins/servers', 'api/schemas/servers', 'api/views/servers')),
    ('2.74', '"host" and "hypervisor_hostname" at create '
             '(administrators).',
     ('api/plugins/servers', 'api/schemas/servers', 'compute/server_create',
      'policies/servers')),
    ('2.75', 'Unknown query parameters and body properties are 400s; '
             'update answers the full server; flavors show "swap" as 0; '
             'os-services refuses unknown query parameters; hypervisors '
             'listed with_servers show an empty "servers".',
     ('api/plugins/servers', 'api/schemas/servers', 'api/views/servers',
      'api/schemas/flavors', 'api/views/flavors', 'api/schemas/keypairs',
      'api/schemas/server_groups', 'api/schemas/quota_sets',
      'api/schemas/limits', 'api/schemas/services',
      'api/views/hypervisors')),
    ('2.76', 'The power-update event.',
     ('api/schemas/server_external_events',
      'compute/server_external_events')),
    ('2.77', 'unshelve "availability_zone" (a shelved offloaded server).',
     ('api/plugins/shelve', 'api/schemas/shelve', 'compute/shelve')),
    ('2.78', 'Server NUMA topology.',
     ('api/plugins/server_topology', 'compute/server_topology')),
    ('2.79', 'Volume attach "delete_on_termination".',
     _waiting('volume attachments, issue 17')),
    ('2.80', 'Migrations show and filter "user_id" and "project_id".',
     ('api/plugins/migrations', 'api/schemas/migrations',
      'api/views/migrations', 'api/schemas/server_migrations',
      'api/views/server_migrations')),
    ('2.81', 'Aggregate image pre-caching.',
     ('api/plugins/aggregates', 'compute/aggregates')),
    ('2.82', 'The accelerator-request-bound event.',
     ('api/schemas/server_external_events',)),
    ('2.83', 'More server list filters for members.',
     ('api/plugins/servers', 'compute/servers', 'db/servers')),
    ('2.84', 'Failed instance action events show "details".',
     ('api/plugins/instance_actions', 'api/schemas/instance_actions',
      'api/views/instance_actions', 'policies/instance_actions')),
    ('2.85', 'Volume attachment update "delete_on_termination".',
     _waiting('volume attachments, issue 17')),
    ('2.86', 'Known flavor extra specs are validated.',
     ('api/validation/extra_specs', 'api/plugins/flavor_extra_specs',
      'compute/flavor_extra_specs')),
    ('2.87', 'Rescue of volume-backed servers.',
     _waiting('volume-backed servers, issue 17')),
    ('2.88', 'Hypervisors lose their resource fields and statistics.',
     ('api/plugins/hypervisors', 'api/schemas/hypervisors',
      'api/views/hypervisors')),
    ('2.89', 'Volume attachments show "attachment_id" and "bdm_uuid".',
     _waiting('volume attachments, issue 17')),
    ('2.90', '"hostname" at create, update and rebuild; '
             'everyone sees "OS-EXT-SRV-ATTR:hostname".',
     ('api/plugins/servers', 'api/schemas/servers', 'api/views/servers',
      'compute/server_create', 'compute/servers')),
    ('2.91', 'unshelve "host"; pin and unpin zones at unshelve.',
     ('api/plugins/shelve', 'api/schemas/shelve', 'compute/shelve')),
    ('2.92', 'Keypairs are imported only; "@" and "." in names.',
     ('api/plugins/keypairs', 'api/schemas/keypairs')),
    ('2.93', 'Rebuild of volume-backed servers (its volume-reimaged event '
             'is accepted).',
     _waiting('volume-backed servers, issue 17')),
    ('2.94', 'Hostnames may be FQDNs.', ('api/schemas/servers',)),
    ('2.95', 'Evacuated servers stop at the destination.',
     ('api/plugins/evacuate', 'compute/evacuate', 'compute/server_states')),
    ('2.96', 'Servers show "pinned_availability_zone".',
     ('api/schemas/servers', 'api/views/servers', 'compute/server_create')),
    ('2.97', 'Manila shares.', _waiting('shares, no issue yet')),
    ('2.98', 'Servers show their image\'s "properties" (a rebuild\'s '
             'new image\'s).',
     ('api/views/servers', 'compute/servers', 'compute/images',
      'db/images')),
    ('2.99', 'The spice-direct console.',
     ('api/schemas/remote_consoles', 'compute/remote_consoles',
      'api/views/console_auth_tokens', 'api/schemas/console_auth_tokens')),
    ('2.100', 'Servers show their "scheduler_hints".',
     ('api/schemas/servers', 'api/views/servers', 'compute/server_create')),
    ('2.101', 'Volume attach answers 202.',
     _waiting('volume attachments, issue 17')),
    ('2.102', 'Flavors: the "name" filter, no "rxtx_factor" or '
              '"OS-FLV-DISABLED:disabled"; every API refuses unknown query '
              'parameters.',
     ('api/plugins/flavors', 'api/schemas/flavors', 'api/views/flavors',
      'api/schemas')),
    ('2.103', '/os-volumes_boot, an undocumented alias of /servers, '
              'answers 404 (nova_api never served the alias: 404 at every '
              'version).', ('api/router',)),
    ('2.104', 'PUT /servers/{id} sets "pinned_availability_zone".',
     ('api/plugins/servers', 'api/schemas/servers', 'compute/servers')),
))

_VERSION_RE = re.compile(r'^([1-9]\d*)\.([1-9]\d*|0)$')
# Version strings compared with, parsed: {"X.Y": APIVersionRequest}.
_PARSED = {}
_PARSED_MAX = 1024


@functools.total_ordering
class APIVersionRequest:
    """A requested version, comparable with other versions or "X.Y" strings.

    "2.0" is the pseudo-version of the legacy /v2 endpoint.
    """

    __slots__ = ('major', 'minor')

    def __init__(self, version_string):
        match = _VERSION_RE.match(version_string or '')
        if not match:
            raise exception.InvalidAPIVersionString(version=version_string)
        self.major = int(match.group(1))
        self.minor = int(match.group(2))

    @staticmethod
    def _coerce(other):
        if isinstance(other, APIVersionRequest):
            return other
        # Views compare with literal versions per item of a list: parse
        # each literal once.
        parsed = _PARSED.get(other)
        if parsed is None:
            parsed = APIVersionRequest(other)
            if len(_PARSED) < _PARSED_MAX:
                _PARSED[other] = parsed
        return parsed

    def _key(self):
        return (self.major, self.minor)

    def __eq__(self, other):
        return self._key() == self._coerce(other)._key()

    def __lt__(self, other):
        return self._key() < self._coerce(other)._key()

    def __hash__(self):
        return hash(self._key())

    def __str__(self):
        return '%d.%d' % (self.major, self.minor)

    __repr__ = __str__

    def matches(self, min_version=None, max_version=None):
        """True if this version is within [min_version, max_version]."""
        # Compared as (major, minor) keys: every request checks ranges
        # many times over.
        key = (self.major, self.minor)
        if min_version is not None and key < self._coerce(
                min_version)._key():
            return False
        if max_version is not None and key > self._coerce(
                max_version)._key():
            return False
        return True

    def is_legacy_v2(self):
        return self == LEGACY_V2


MIN_VERSION = APIVersionRequest(VERSIONS[0].number)
MAX_VERSION = APIVersionRequest(VERSIONS[-1].number)
LEGACY_V2 = APIVersionRequest('2.0')


def from_headers(headers):
    """The version a /v2.1 request asks for, or raise 400 / 406."""
    requested = microversion_parse.get_version(
        headers, service_type=SERVICE_TYPE,
        legacy_headers=[LEGACY_HEADER])
    if requested is None:
        return MIN_VERSION
    requested = requested.strip()
    if requested.lower() == 'latest':
        return MAX_VERSION
    version = APIVersionRequest(requested)
    if not version.matches(MIN_VERSION, MAX_VERSION):
        raise exception.MicroversionNotSupported(
            version, req_ver=str(version), min_ver=str(MIN_VERSION),
            max_ver=str(MAX_VERSION))
    return version


def set_response_headers(response, version):
    """Add the version and Vary headers of a /v2.1 response (`version` is
    None on /v2, which sends none)."""
    if version is None:
        return
    response.headers[HEADER] = '%s %s' % (SERVICE_TYPE, version)
    response.headers[LEGACY_HEADER] = str(version)
    response.headers.add('Vary', HEADER)
    response.headers.add('Vary', LEGACY_HEADER)
