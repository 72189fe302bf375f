"""Policy defaults of the createImage server action (Nova's
"os_compute_api:servers:create_image" rules): a project's members
snapshot its servers, those booted from a volume too."""

from oslo_policy import policy

from nova_api.policies import base

CREATE_IMAGE = 'os_compute_api:servers:create_image'
ALLOW_VOLUME_BACKED = 'os_compute_api:servers:create_image:allow_volume_backed'

_ACTION = [{'path': '/servers/{server_id}/action (createImage)',
            'method': 'POST'}]

rules = [
    policy.DocumentedRuleDefault(
        name=CREATE_IMAGE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Create an image from a server.', operations=_ACTION,
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=ALLOW_VOLUME_BACKED, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Create an image from a volume backed server.',
        operations=_ACTION, scope_types=['project']),
]


def list_rules():
    return rules
