"""Policy default of the trigger_crash_dump server action, under the name
Nova gives it among its servers rules. The target is the server's
project and user: a project's members trigger crash dumps in its
servers."""

from oslo_policy import policy

from nova_api.policies import base

TRIGGER_CRASH_DUMP = 'os_compute_api:servers:trigger_crash_dump'

rules = [
    policy.DocumentedRuleDefault(
        name=TRIGGER_CRASH_DUMP, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Trigger a crash dump in a server (trigger_crash_dump '
                    'action).',
        operations=[{'path': '/servers/{server_id}/action '
                             '(trigger_crash_dump)',
                     'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
