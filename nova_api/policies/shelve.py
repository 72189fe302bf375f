"""Policy defaults of the shelve, shelveOffload and unshelve server
actions (Nova's "os-shelve" rules).

A project's members shelve and unshelve its servers; offloading a
shelved server at once, and unshelving an offloaded one onto a host of
the caller's choosing (2.91), are an administrator's.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-shelve:%s'
SHELVE = POLICY_ROOT % 'shelve'
SHELVE_OFFLOAD = POLICY_ROOT % 'shelve_offload'
UNSHELVE = POLICY_ROOT % 'unshelve'
UNSHELVE_TO_HOST = POLICY_ROOT % 'unshelve_to_host'

_ACTION = [{'path': '/servers/{server_id}/action', 'method': 'POST'}]

rules = [
    policy.DocumentedRuleDefault(
        name=SHELVE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Shelve a server (shelve action).', operations=_ACTION,
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UNSHELVE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Unshelve (restore) a shelved server (unshelve '
                    'action).', operations=_ACTION,
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UNSHELVE_TO_HOST, check_str=base.ADMIN,
        description='Unshelve a shelved offloaded server onto a given host '
                    '(unshelve action, 2.91).', operations=_ACTION,
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=SHELVE_OFFLOAD, check_str=base.ADMIN,
        description='Offload a shelved server from its host '
                    '(shelveOffload action).', operations=_ACTION,
        scope_types=['project']),
]


def list_rules():
    return rules
