"""/flavors/{flavor_id}/os-extra_specs: a flavor's key/value properties.

    GET    /flavors/{flavor_id}/os-extra_specs        index  (reader)
    POST   /flavors/{flavor_id}/os-extra_specs        create (admin)
    GET    /flavors/{flavor_id}/os-extra_specs/{id}   show   (reader)
    PUT    /flavors/{flavor_id}/os-extra_specs/{id}   update (admin)
    DELETE /flavors/{flavor_id}/os-extra_specs/{id}   delete (admin)

Success is 200 everywhere, delete included (with an empty body), as in
Nova. From 2.86 create and update check the extra specs Nova knows
(api/validation/extra_specs); from 2.102 index and show refuse unknown
query parameters.
"""

from nova_api.api import plugin
from nova_api.api.schemas import flavor_extra_specs as schemas
from nova_api.api import validation
from nova_api.api.validation import extra_specs
from nova_api.api.views import flavor_extra_specs as views
from nova_api.api import wsgi
from nova_api.compute import flavor_extra_specs
from nova_api.policies import flavor_extra_specs as policies


class FlavorExtraSpecsController(wsgi.Controller):

    @wsgi.response(200)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(policies.INDEX)
    @validation.query_schemas(schemas.read_queries)
    @validation.response_body_schema(schemas.index_response)
    def index(self, req, flavor_id):
        context = req.context
        context.can(policies.INDEX)
        specs = flavor_extra_specs.get_all(context, flavor_id)
        return views.index(specs)

    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.create)
    @validation.response_body_schema(schemas.create_response)
    def create(self, req, flavor_id, body):
        context = req.context
        context.can(policies.CREATE, target={})
        specs = body['extra_specs']
        flavor_extra_specs.update(context, flavor_id, specs,
                                  validate=_validator(req))
        return views.created(specs)

    @wsgi.response(200)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(policies.SHOW)
    @validation.query_schemas(schemas.read_queries)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, flavor_id, id):
        context = req.context
        context.can(policies.SHOW)
        value = flavor_extra_specs.get(context, flavor_id, id)
        return views.show(id, value)

    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @validation.schema(schemas.update)
    @validation.response_body_schema(schemas.update_response)
    def update(self, req, flavor_id, id, body):
        context = req.context
        context.can(policies.UPDATE, target={})
        flavor_extra_specs.update_one(context, flavor_id, id, body,
                                      validate=_validator(req))
        return views.updated(body)

    @wsgi.response(200)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(policies.DELETE)
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, flavor_id, id):
        context = req.context
        context.can(policies.DELETE, target={})
        flavor_extra_specs.delete(context, flavor_id, id)


def _validator(req):
    """The check of known extra specs, from 2.86; none before."""
    return extra_specs.validate if req.is_supported('2.86') else None


class FlavorExtraSpecs(plugin.APIPlugin):
    name = 'flavor-extra-specs'

    def resources(self):
        collection = '/flavors/{flavor_id}/os-extra_specs'
        member = collection + '/{id}'
        return [plugin.APIResource(
            'flavor-extra-specs', FlavorExtraSpecsController(), [
                ('GET', collection, 'index'),
                ('POST', collection, 'create'),
                ('GET', member, 'show'),
                ('PUT', member, 'update'),
                ('DELETE', member, 'delete'),
            ])]
