"""os-quota-class-sets: named sets of limits.

The class 'default' overrides the configured defaults of every project;
any other name is accepted and starts from the configured defaults.
Which resources are shown and settable depends on the version (2.50,
2.57: nova_api.api.schemas.quota_classes).
"""

from nova_api.api import plugin
from nova_api.api.schemas import quota_classes as schema
from nova_api.api import validation
from nova_api.api.views import quota_classes as quota_classes_view
from nova_api.api import wsgi
from nova_api.compute import quotas
from nova_api import exception
from nova_api.policies import quota_classes as qc_policies

# The class_name column.
MAX_CLASS_NAME_LENGTH = 255


class QuotaClassSetsController(wsgi.Controller):

    @wsgi.expected_errors(403)
    @wsgi.policy(qc_policies.SHOW)
    @validation.query_schema(schema.show_query, '2.0', '2.101')
    @validation.query_schema(schema.show_query_v2102, '2.102')
    @validation.response_body_schemas(schema.show_responses)
    def show(self, req, id):
        req.context.can(qc_policies.SHOW, {})
        return quota_classes_view.show(
            req, id, quotas.get_class_limits(req.context, id))

    @wsgi.expected_errors((400, 403))
    @wsgi.policy(qc_policies.UPDATE)
    @validation.schemas(schema.updates)
    @validation.response_body_schemas(schema.update_responses)
    def update(self, req, id, body):
        req.context.can(qc_policies.UPDATE, {})
        if len(id) > MAX_CLASS_NAME_LENGTH:
            raise exception.StringTooLong(
                name='quota_class_name', length=len(id),
                max_length=MAX_CLASS_NAME_LENGTH)
        quotas.update_class_limits(
            req.context, id,
            {resource: int(limit)
             for resource, limit in body['quota_class_set'].items()})
        return quota_classes_view.update(
            req, quotas.get_class_limits(req.context, id))


class QuotaClassSets(plugin.APIPlugin):
    name = 'os-quota-class-sets'

    def resources(self):
        return [plugin.APIResource(
            'os-quota-class-sets', QuotaClassSetsController(), [
                ('GET', '/os-quota-class-sets/{id}', 'show'),
                ('PUT', '/os-quota-class-sets/{id}', 'update'),
            ])]
