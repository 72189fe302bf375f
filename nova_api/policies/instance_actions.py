"""Policy defaults of /servers/{server_id}/os-instance-actions (Nova's
"os-instance-actions" rules).

The target is ``{'project_id': <the server's project>}``: a project's
readers list its servers' actions and read each one. Who also sees the
events is by version: before 2.51 only those the ``events`` rule allows
(administrators), from 2.51 every reader, with the traceback (and from
2.62 the host's name) kept for the ``events`` rule; from 2.84 the
``events:details`` rule shows why an event failed.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-instance-actions:%s'
LIST = POLICY_ROOT % 'list'
SHOW = POLICY_ROOT % 'show'
EVENTS = POLICY_ROOT % 'events'
EVENTS_DETAILS = POLICY_ROOT % 'events:details'

_COLLECTION = '/servers/{server_id}/os-instance-actions'
_ACTION = _COLLECTION + '/{request_id}'

rules = [
    policy.DocumentedRuleDefault(
        name=EVENTS_DETAILS, check_str=base.ADMIN,
        description='Show the "details" of the events of a server\'s '
                    'action (2.84): why an event failed. Checked once '
                    'the show rule allows the caller.',
        operations=[{'path': _ACTION, 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=EVENTS, check_str=base.ADMIN,
        description='Show the events of a server\'s action with their '
                    'tracebacks (and, from 2.62, their hosts). Checked '
                    'once the show rule allows the caller; from 2.51 '
                    'the events are shown without these to every caller '
                    'the show rule allows.',
        operations=[{'path': _ACTION, 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=LIST, check_str=base.PROJECT_READER_OR_ADMIN,
        description='List the actions of a server.',
        operations=[{'path': _COLLECTION, 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=SHOW, check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show an action of a server.',
        operations=[{'path': _ACTION, 'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
