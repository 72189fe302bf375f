"""Policy defaults of /os-services (Nova's "os-services" rules): only an
administrator lists, updates and deletes the services."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-services:%s'
LIST = POLICY_ROOT % 'list'
UPDATE = POLICY_ROOT % 'update'
DELETE = POLICY_ROOT % 'delete'

rules = [
    policy.DocumentedRuleDefault(
        name=LIST,
        check_str=base.ADMIN,
        description='List the services, with their state and whether '
                    'they are disabled or forced down.',
        operations=[{'path': '/os-services', 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UPDATE,
        check_str=base.ADMIN,
        description='Enable or disable a compute service, or force it '
                    'down (2.11) or up; from 2.53 by its id.',
        operations=[
            {'path': '/os-services/enable', 'method': 'PUT'},
            {'path': '/os-services/disable', 'method': 'PUT'},
            {'path': '/os-services/disable-log-reason', 'method': 'PUT'},
            {'path': '/os-services/force-down', 'method': 'PUT'},
            {'path': '/os-services/{service_id}', 'method': 'PUT'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DELETE,
        check_str=base.ADMIN,
        description='Delete a service.',
        operations=[{'path': '/os-services/{service_id}',
                     'method': 'DELETE'}],
        scope_types=['project']),
]


def list_rules():
    return rules
