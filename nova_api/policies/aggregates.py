"""Policy defaults of os-aggregates: every operation is the
administrator's. Image pre-caching (2.81) has a rule of Nova's newer
``compute:aggregates`` root."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-aggregates:%s'
ADD_HOST = POLICY_ROOT % 'add_host'
CREATE = POLICY_ROOT % 'create'
DELETE = POLICY_ROOT % 'delete'
INDEX = POLICY_ROOT % 'index'
REMOVE_HOST = POLICY_ROOT % 'remove_host'
SET_METADATA = POLICY_ROOT % 'set_metadata'
SHOW = POLICY_ROOT % 'show'
UPDATE = POLICY_ROOT % 'update'
IMAGES = 'compute:aggregates:images'

_ACTION = '/os-aggregates/{aggregate_id}/action (%s)'
_ONE = '/os-aggregates/{aggregate_id}'


def _rule(name, description, path, method):
    return policy.DocumentedRuleDefault(
        name=name, check_str=base.ADMIN, description=description,
        operations=[{'path': path, 'method': method}],
        scope_types=['project'])


rules = [
    _rule(SET_METADATA, 'Create or replace metadata for an aggregate',
          _ACTION % 'set_metadata', 'POST'),
    _rule(ADD_HOST, 'Add a host to an aggregate', _ACTION % 'add_host',
          'POST'),
    _rule(CREATE, 'Create an aggregate', '/os-aggregates', 'POST'),
    _rule(REMOVE_HOST, 'Remove a host from an aggregate',
          _ACTION % 'remove_host', 'POST'),
    _rule(UPDATE, 'Update name and/or availability zone for an aggregate',
          _ONE, 'PUT'),
    _rule(INDEX, 'List all aggregates', '/os-aggregates', 'GET'),
    _rule(DELETE, 'Delete an aggregate', _ONE, 'DELETE'),
    _rule(SHOW, 'Show details for an aggregate', _ONE, 'GET'),
    _rule(IMAGES, 'Request image caching for an aggregate',
          _ONE + '/images', 'POST'),
]


def list_rules():
    return rules
