"""/os-instance_usage_audit_log: the compute hosts' usage audit of the
last completed period (Nova's os-instance_usage_audit_log).

    GET /os-instance_usage_audit_log                     index
    GET /os-instance_usage_audit_log/{before_timestamp}  show

The show's period is the last one completed before its timestamp
("2012-07-01 00:00:00", with or without a fraction of a second).
"""

from nova_api.api import plugin
from nova_api.api.schemas import instance_usage_audit_log as schemas
from nova_api.api import validation
from nova_api.api.views import instance_usage_audit_log as views
from nova_api.api import wsgi
from nova_api.compute import instance_usage_audit_log as audit
from nova_api.policies import instance_usage_audit_log as iual_policies


class InstanceUsageAuditLogController(wsgi.Controller):

    @wsgi.expected_errors(())
    @wsgi.policy(iual_policies.LIST)
    @validation.query_schema(schemas.index_query, '2.0', '2.101')
    @validation.query_schema(schemas.index_query_v2102, '2.102')
    @validation.response_body_schema(schemas.index_response)
    def index(self, req):
        req.context.can(iual_policies.LIST)
        return views.index(audit.audit_log())

    @wsgi.expected_errors(400)
    @wsgi.policy(iual_policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.101')
    @validation.query_schema(schemas.show_query_v2102, '2.102')
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, before_timestamp):
        req.context.can(iual_policies.SHOW)
        return views.show(audit.audit_log(
            audit.before_time(before_timestamp)))


class InstanceUsageAuditLog(plugin.APIPlugin):
    name = 'os-instance-usage-audit-log'

    def resources(self):
        path = '/os-instance_usage_audit_log'
        return [plugin.APIResource(
            'os-instance-usage-audit-log', InstanceUsageAuditLogController(),
            [('GET', path, 'index'),
             ('GET', path + '/{before_timestamp}', 'show')])]
