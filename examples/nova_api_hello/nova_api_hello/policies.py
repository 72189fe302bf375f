"""Policy defaults of /os-hello, written with nova_api's personas."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-hello:%s'
LIST = POLICY_ROOT % 'list'
SHOW = POLICY_ROOT % 'show'

rules = [
    policy.DocumentedRuleDefault(
        name=LIST,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='List the greetings for your project.',
        operations=[{'method': 'GET', 'path': '/os-hello'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=SHOW,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show one greeting for a project. The target is the '
                    'project named by the project_id query parameter (the '
                    "caller's own by default), so by default only an "
                    "administrator reads another project's greeting.",
        operations=[{'method': 'GET', 'path': '/os-hello/{id}'}],
        scope_types=['project']),
]


def list_rules():
    """The defaults: nova_api's enforcer finds them by the entry point in
    nova_api.api.v21.policies, the sample generator by the one in
    oslo.policy.policies."""
    return rules
