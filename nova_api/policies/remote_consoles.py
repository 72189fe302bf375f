"""Policy default of the remote consoles (Nova's "os-remote-consoles"
rule): POST /servers/{id}/remote-consoles (2.6), and the server actions
it replaced. The target of the create is the server's project; the
actions (before 2.6) check the caller's own project first, as Nova
does, and then find the server."""

from oslo_policy import policy

from nova_api.policies import base

CREATE = 'os_compute_api:os-remote-consoles'

rules = [
    policy.DocumentedRuleDefault(
        name=CREATE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Generate a URL to access a remote server console '
                    '(POST /servers/{server_id}/remote-consoles, and the '
                    'deprecated os-getVNCConsole, os-getSPICEConsole and '
                    'os-getSerialConsole actions).',
        operations=[
            {'path': '/servers/{server_id}/action (os-getSerialConsole)',
             'method': 'POST'},
            {'path': '/servers/{server_id}/action (os-getSPICEConsole)',
             'method': 'POST'},
            {'path': '/servers/{server_id}/action (os-getVNCConsole)',
             'method': 'POST'},
            {'path': '/servers/{server_id}/remote-consoles',
             'method': 'POST'},
        ],
        scope_types=['project']),
]


def list_rules():
    return rules
