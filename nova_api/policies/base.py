"""The personas every resource's rules are written with."""

from oslo_policy import policy

ADMIN = 'rule:context_is_admin'
PROJECT_MANAGER = 'role:manager and project_id:%(project_id)s'
PROJECT_MEMBER = 'role:member and project_id:%(project_id)s'
PROJECT_READER = 'role:reader and project_id:%(project_id)s'
PROJECT_MANAGER_OR_ADMIN = 'rule:project_manager_or_admin'
PROJECT_MEMBER_OR_ADMIN = 'rule:project_member_or_admin'
PROJECT_READER_OR_ADMIN = 'rule:project_reader_or_admin'
ADMIN_OR_OWNER = 'rule:admin_or_owner'
ANY = '@'

rules = [
    policy.RuleDefault('context_is_admin', 'role:admin',
                       'Decides what counts as an administrator.'),
    policy.RuleDefault('admin_or_owner',
                       'is_admin:True or project_id:%(project_id)s',
                       'The owner of a resource or an administrator.'),
    policy.RuleDefault('admin_api', 'is_admin:True',
                       'Administrators only (legacy name kept for policy '
                       'files written for Nova).'),
    policy.RuleDefault('project_manager_api', PROJECT_MANAGER,
                       'A manager of the project that owns the resource.'),
    policy.RuleDefault('project_member_api', PROJECT_MEMBER,
                       'A member of the project that owns the resource.'),
    policy.RuleDefault('project_reader_api', PROJECT_READER,
                       'A reader of the project that owns the resource.'),
    policy.RuleDefault('project_manager_or_admin',
                       'rule:project_manager_api or rule:context_is_admin',
                       'A project manager or an administrator.'),
    policy.RuleDefault('project_member_or_admin',
                       'rule:project_member_api or rule:context_is_admin',
                       'A project member or an administrator.'),
    policy.RuleDefault('project_reader_or_admin',
                       'rule:project_reader_api or rule:context_is_admin',
                       'A project reader or an administrator.'),
]


def list_rules():
    return rules
