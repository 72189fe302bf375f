"""Policy defaults of servers: the resource, its power actions and the
extended attributes an administrator sees. The target of the per-server
rules is ``{'project_id': <the server's project>}``; of list and create,
the caller's project.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:servers:%s'
INDEX = POLICY_ROOT % 'index'
INDEX_ALL_TENANTS = POLICY_ROOT % 'index:get_all_tenants'
DETAIL = POLICY_ROOT % 'detail'
DETAIL_ALL_TENANTS = POLICY_ROOT % 'detail:get_all_tenants'
ALLOW_ALL_FILTERS = POLICY_ROOT % 'allow_all_filters'
SHOW = POLICY_ROOT % 'show'
CREATE = POLICY_ROOT % 'create'
CREATE_FORCED_HOST = POLICY_ROOT % 'create:forced_host'
CREATE_ATTACH_VOLUME = POLICY_ROOT % 'create:attach_volume'
CREATE_ATTACH_NETWORK = POLICY_ROOT % 'create:attach_network'
CREATE_ZERO_DISK_FLAVOR = POLICY_ROOT % 'create:zero_disk_flavor'
CREATE_TRUSTED_CERTS = POLICY_ROOT % 'create:trusted_certs'
SHOW_HOST_STATUS = POLICY_ROOT % 'show:host_status'
SHOW_HOST_STATUS_UNKNOWN_ONLY = POLICY_ROOT % 'show:host_status:unknown-only'
SHOW_FLAVOR_EXTRA_SPECS = POLICY_ROOT % 'show:flavor-extra-specs'
UPDATE = POLICY_ROOT % 'update'
DELETE = POLICY_ROOT % 'delete'
REBOOT = POLICY_ROOT % 'reboot'
RESIZE = POLICY_ROOT % 'resize'
CONFIRM_RESIZE = POLICY_ROOT % 'confirm_resize'
REVERT_RESIZE = POLICY_ROOT % 'revert_resize'
REBUILD = POLICY_ROOT % 'rebuild'
REBUILD_TRUSTED_CERTS = POLICY_ROOT % 'rebuild:trusted_certs'
START = POLICY_ROOT % 'start'
STOP = POLICY_ROOT % 'stop'
EXTENDED_ATTRIBUTES = 'os_compute_api:os-extended-server-attributes'
# Nova's name for it has no os_compute_api prefix.
CREATE_REQUESTED_DESTINATION = 'compute:servers:create:requested_destination'

_SERVERS = '/servers'
_SERVER = '/servers/{server_id}'
_ACTION = '/servers/{server_id}/action (%s)'


# The server views that show the host status (2.16) and the embedded
# flavor's extra specs (2.47).
_SERVER_VIEWS = [('GET', _SERVER), ('GET', _SERVERS + '/detail'),
                 ('PUT', _SERVER)]

# Before its own rule, the extra specs of a server's flavor were behind
# the rule of listing a flavor's extra specs; it applies again when a
# deployer sets [oslo_policy] enforce_new_defaults off.
_DEPRECATED_FLAVOR_EXTRA_SPECS = policy.DeprecatedRule(
    'os_compute_api:os-flavor-extra-specs:index', base.ADMIN_OR_OWNER,
    deprecated_reason='Showing the extra specs of a server\'s flavor has '
                      'its own rule, apart from listing a flavor\'s extra '
                      'specs.',
    deprecated_since='25.0.0')


def _rule(name, check_str, description, operations, **deprecation):
    return policy.DocumentedRuleDefault(
        name=name, check_str=check_str, description=description,
        operations=[{'path': path, 'method': method}
                    for method, path in operations],
        scope_types=['project'], **deprecation)


rules = [
    _rule(INDEX, base.PROJECT_READER_OR_ADMIN, 'List servers.',
          [('GET', _SERVERS)]),
    _rule(DETAIL, base.PROJECT_READER_OR_ADMIN,
          'List servers with details.', [('GET', _SERVERS + '/detail')]),
    _rule(INDEX_ALL_TENANTS, base.ADMIN,
          'List the servers of every project (all_tenants).',
          [('GET', _SERVERS)]),
    _rule(DETAIL_ALL_TENANTS, base.ADMIN,
          'List the servers of every project with details (all_tenants).',
          [('GET', _SERVERS + '/detail')]),
    _rule(ALLOW_ALL_FILTERS, base.ADMIN,
          'Filter server lists by any of the filters, not only those '
          'every user may use.',
          [('GET', _SERVERS), ('GET', _SERVERS + '/detail')]),
    _rule(SHOW, base.PROJECT_READER_OR_ADMIN, 'Show a server.',
          [('GET', _SERVER)]),
    _rule(CREATE, base.PROJECT_MEMBER_OR_ADMIN, 'Create a server.',
          [('POST', _SERVERS)]),
    _rule(CREATE_FORCED_HOST, base.ADMIN,
          'Create a server on a named host (availability_zone '
          'zone:host).', [('POST', _SERVERS)]),
    _rule(CREATE_ATTACH_VOLUME, base.PROJECT_MEMBER_OR_ADMIN,
          'Create a server with a block device mapping.',
          [('POST', _SERVERS)]),
    _rule(CREATE_ATTACH_NETWORK, base.PROJECT_MEMBER_OR_ADMIN,
          'Create a server with the networks it asks for.',
          [('POST', _SERVERS)]),
    _rule(CREATE_ZERO_DISK_FLAVOR, base.ADMIN,
          'Create a server from an image with a flavor of no root disk.',
          [('POST', _SERVERS)]),
    _rule(CREATE_TRUSTED_CERTS, base.PROJECT_MEMBER_OR_ADMIN,
          'Create a server with trusted image certificate ids (2.63).',
          [('POST', _SERVERS)]),
    _rule(SHOW_HOST_STATUS, base.ADMIN,
          'Show the status of a server\'s host (host_status, 2.16), '
          'whatever it is.', _SERVER_VIEWS),
    _rule(SHOW_HOST_STATUS_UNKNOWN_ONLY, base.ADMIN,
          'Show the status of a server\'s host only when it is UNKNOWN; '
          'checked when the show:host_status rule does not pass.',
          _SERVER_VIEWS),
    _rule(SHOW_FLAVOR_EXTRA_SPECS, base.PROJECT_READER_OR_ADMIN,
          'Show the extra specs of the flavor embedded in a server (2.47).',
          _SERVER_VIEWS, deprecated_rule=_DEPRECATED_FLAVOR_EXTRA_SPECS),
    _rule(CREATE_REQUESTED_DESTINATION, base.ADMIN,
          'Create a server on the host or node it names (host and '
          'hypervisor_hostname, from 2.74).', [('POST', _SERVERS)]),
    _rule(UPDATE, base.PROJECT_MEMBER_OR_ADMIN, 'Update a server.',
          [('PUT', _SERVER)]),
    _rule(DELETE, base.PROJECT_MEMBER_OR_ADMIN, 'Delete a server.',
          [('DELETE', _SERVER)]),
    _rule(REBOOT, base.PROJECT_MEMBER_OR_ADMIN, 'Reboot a server.',
          [('POST', _ACTION % 'reboot')]),
    _rule(RESIZE, base.PROJECT_MEMBER_OR_ADMIN, 'Resize a server.',
          [('POST', _ACTION % 'resize')]),
    _rule(CONFIRM_RESIZE, base.PROJECT_MEMBER_OR_ADMIN,
          'Confirm a server resize.',
          [('POST', _ACTION % 'confirmResize')]),
    _rule(REVERT_RESIZE, base.PROJECT_MEMBER_OR_ADMIN,
          'Revert a server resize.',
          [('POST', _ACTION % 'revertResize')]),
    _rule(REBUILD, base.PROJECT_MEMBER_OR_ADMIN,
          'Rebuild a server from an image.',
          [('POST', _ACTION % 'rebuild')]),
    _rule(REBUILD_TRUSTED_CERTS, base.PROJECT_MEMBER_OR_ADMIN,
          'Rebuild a server with trusted image certificate ids (2.63).',
          [('POST', _ACTION % 'rebuild')]),
    _rule(START, base.PROJECT_MEMBER_OR_ADMIN, 'Start a stopped server.',
          [('POST', _ACTION % 'os-start')]),
    _rule(STOP, base.PROJECT_MEMBER_OR_ADMIN, 'Stop a server.',
          [('POST', _ACTION % 'os-stop')]),
    _rule(EXTENDED_ATTRIBUTES, base.ADMIN,
          'Show the OS-EXT-SRV-ATTR attributes of servers (host, '
          'instance name, and from 2.3 the launch details).',
          [('GET', _SERVER), ('GET', _SERVERS + '/detail'),
           ('PUT', _SERVER)]),
]


def list_rules():
    return rules
