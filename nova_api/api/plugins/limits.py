"""limits: the absolute limits of the caller's project and its usage.

An administrator asks about another project with ``?tenant_id=``. Which
limits are shown depends on the version (2.36, 2.39, 2.57:
nova_api.api.schemas.limits).
"""

from nova_api.api import plugin
from nova_api.api.schemas import limits as schema
from nova_api.api import validation
from nova_api.api.views import limits as limits_view
from nova_api.api import wsgi
from nova_api.compute import quotas
from nova_api.policies import limits as limits_policies


class LimitsController(wsgi.Controller):

    @wsgi.expected_errors(403)
    @wsgi.policy(limits_policies.BASE_POLICY_NAME,
                 limits_policies.OTHER_PROJECT_LIMIT_POLICY_NAME)
    @validation.query_schema(schema.index_query, '2.0', '2.74')
    @validation.query_schema(schema.index_query_v275, '2.75')
    @validation.response_body_schemas(schema.index_responses)
    def index(self, req):
        context = req.context
        context.can(limits_policies.BASE_POLICY_NAME, {})
        project_id = context.project_id
        if 'tenant_id' in req.GET:
            # Given twice, the last counts (as in Nova).
            project_id = req.GET['tenant_id']
            context.can(limits_policies.OTHER_PROJECT_LIMIT_POLICY_NAME)
        return limits_view.index(req,
                                 quotas.get_limits(context, project_id),
                                 quotas.get_usages(context, project_id))


class Limits(plugin.APIPlugin):
    name = 'limits'

    def resources(self):
        return [plugin.APIResource('limits', LimitsController(), [
            ('GET', '/limits', 'index'),
        ])]
