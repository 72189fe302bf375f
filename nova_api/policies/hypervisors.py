"""Policy defaults of /os-hypervisors (Nova's "os-hypervisors" rules):
only an administrator sees the hypervisors."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-hypervisors:%s'
LIST = POLICY_ROOT % 'list'
LIST_DETAIL = POLICY_ROOT % 'list-detail'
STATISTICS = POLICY_ROOT % 'statistics'
SHOW = POLICY_ROOT % 'show'
UPTIME = POLICY_ROOT % 'uptime'
SEARCH = POLICY_ROOT % 'search'
SERVERS = POLICY_ROOT % 'servers'


def _rule(name, description, path):
    return policy.DocumentedRuleDefault(
        name=name, check_str=base.ADMIN, description=description,
        operations=[{'path': path, 'method': 'GET'}],
        scope_types=['project'])


rules = [
    _rule(LIST, 'List the hypervisors.', '/os-hypervisors'),
    _rule(LIST_DETAIL, 'List the hypervisors with their details.',
          '/os-hypervisors/detail'),
    _rule(STATISTICS, 'Show the totals of every hypervisor (up to 2.87).',
          '/os-hypervisors/statistics'),
    _rule(SHOW, 'Show a hypervisor.', '/os-hypervisors/{hypervisor_id}'),
    _rule(UPTIME, 'Show the uptime of a hypervisor (up to 2.87).',
          '/os-hypervisors/{hypervisor_id}/uptime'),
    _rule(SEARCH, 'Find the hypervisors whose name contains a pattern '
                  '(up to 2.52).',
          '/os-hypervisors/{hypervisor_hostname_pattern}/search'),
    _rule(SERVERS, 'List the servers of the hypervisors whose name '
                   'contains a pattern (up to 2.52).',
          '/os-hypervisors/{hypervisor_hostname_pattern}/servers'),
]


def list_rules():
    return rules
