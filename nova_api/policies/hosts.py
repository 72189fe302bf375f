"""Policy defaults of /os-hosts (Nova's "os-hosts" rules): administrators
only."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_NAME = 'os_compute_api:os-hosts:%s'
LIST = POLICY_NAME % 'list'
SHOW = POLICY_NAME % 'show'
UPDATE = POLICY_NAME % 'update'
REBOOT = POLICY_NAME % 'reboot'
SHUTDOWN = POLICY_NAME % 'shutdown'
START = POLICY_NAME % 'start'

_HOST = '/os-hosts/{host_name}'


def _rule(name, description, method, path):
    return policy.DocumentedRuleDefault(
        name=name, check_str=base.ADMIN, description=description,
        operations=[{'method': method, 'path': path}],
        scope_types=['project'])


rules = [
    _rule(LIST, 'List physical hosts (until 2.42).', 'GET', '/os-hosts'),
    _rule(SHOW, 'Show physical host (until 2.42).', 'GET', _HOST),
    _rule(UPDATE, 'Update physical host (until 2.42).', 'PUT', _HOST),
    _rule(REBOOT, 'Reboot physical host (until 2.42).', 'GET',
          _HOST + '/reboot'),
    _rule(SHUTDOWN, 'Shutdown physical host (until 2.42).', 'GET',
          _HOST + '/shutdown'),
    _rule(START, 'Start physical host (until 2.42).', 'GET',
          _HOST + '/startup'),
]


def list_rules():
    return rules
