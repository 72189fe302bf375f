"""/flavors: list, show, create, update and delete flavors.

    GET    /flavors                  index   (anyone; what they may see)
    GET    /flavors/detail           detail
    GET    /flavors/{flavor_id}      show
    POST   /flavors                  create  (admin; Nova's flavor-manage)
    PUT    /flavors/{flavor_id}      update  (admin; from 2.55: the
                                              description only)
    DELETE /flavors/{flavor_id}      delete  (admin)
    POST   /flavors/{flavor_id}/action       actions added by other plugins
                                             (flavor access)
"""

from oslo_utils import strutils

from nova_api.api import pagination
from nova_api.api import plugin
from nova_api.api import query_filters
from nova_api.api.schemas import flavors as schemas
from nova_api.api import validation
from nova_api.api.views import flavors as views
from nova_api.api import wsgi
from nova_api.compute import flavors
from nova_api import exception
from nova_api.policies import flavor_extra_specs as extra_specs_policies
from nova_api.policies import flavors as policies


class FlavorsController(wsgi.Controller):

    @wsgi.response(200)
    @wsgi.expected_errors(400)
    @validation.query_schemas(schemas.index_queries)
    @validation.response_body_schemas(schemas.index_responses)
    def index(self, req):
        page, limit = _list(req)
        return views.index(req, page, limit)

    @wsgi.response(200)
    @wsgi.expected_errors(400)
    @validation.query_schemas(schemas.index_queries)
    @validation.response_body_schemas(schemas.detail_responses)
    def detail(self, req):
        page, limit = _list(req)
        extra_specs = None
        if _may_see_extra_specs(req):
            extra_specs = flavors.get_extra_specs_of(req.context, page)
        return views.detail(req, page, limit, extra_specs)

    @wsgi.response(200)
    @wsgi.expected_errors(404)
    @validation.query_schemas(schemas.show_queries)
    @validation.response_body_schemas(schemas.show_responses)
    def show(self, req, flavor_id):
        flavor = flavors.get(req.context, flavor_id)
        return views.show(req, flavor, _extra_specs(req, flavor))

    # 200, not 201: Nova kept the code of its first version.
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 409))
    @wsgi.policy(policies.CREATE)
    @validation.schemas(schemas.create_requests)
    @validation.response_body_schemas(schemas.create_responses)
    def create(self, req, body):
        context = req.context
        context.can(policies.CREATE, target={})
        values = body['flavor']
        flavor = flavors.create(
            context,
            name=values['name'],
            memory_mb=values['ram'],
            vcpus=values['vcpus'],
            root_gb=values['disk'],
            ephemeral_gb=values.get('OS-FLV-EXT-DATA:ephemeral', 0),
            flavorid=values.get('id'),
            swap=values.get('swap', 0),
            rxtx_factor=values.get('rxtx_factor', 1.0),
            is_public=values.get('os-flavor-access:is_public', True),
            # The schemas accept one from 2.55 only.
            description=values.get('description'))
        # A new flavor has no extra specs yet.
        extra_specs = {} if _may_see_extra_specs(req) else None
        return views.show(req, flavor, extra_specs)

    @wsgi.api_version('2.55')
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @validation.schema(schemas.update_request, '2.55')
    @validation.response_body_schemas(schemas.update_responses)
    def update(self, req, flavor_id, body):
        context = req.context
        context.can(policies.UPDATE, target={})
        flavor = flavors.update_description(
            context, flavor_id, body['flavor']['description'])
        return views.show(req, flavor, _extra_specs(req, flavor))

    # 202, not 204: Nova kept the code of its first version.
    @wsgi.response(202)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(policies.DELETE)
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, flavor_id):
        context = req.context
        context.can(policies.DELETE, target={})
        flavors.destroy(context, flavor_id)


def _may_see_extra_specs(req):
    """From 2.61 a flavor shows its extra specs to whoever may list them
    (without that right the field is left out, not refused)."""
    return req.is_supported('2.61') and req.context.can(
        extra_specs_policies.INDEX, fatal=False)


def _extra_specs(req, flavor):
    if not _may_see_extra_specs(req):
        return None
    return flavors.get_extra_specs_of(req.context, [flavor])[flavor.flavorid]


def _list(req):
    """(flavors, limit) of the page the query string asks for."""
    context = req.context
    limit, marker = pagination.get_limit_and_marker(req)
    params = req.GET
    if context.is_admin:
        # Only administrators may list private flavors (or all of them).
        filters = {'is_public': _is_public_filter(params.get('is_public'))}
    else:
        filters = {'is_public': True, 'disabled': False}
    for param, column in (('minRam', 'min_memory_mb'),
                          ('minDisk', 'min_root_gb')):
        if param in params:
            filters[column] = query_filters.integer(param, params[param])
    if req.is_supported('2.102') and 'name' in params:
        filters['name'] = params['name']
    page = flavors.get_all(
        context, filters=filters,
        sort_key=params.get('sort_key') or 'flavorid',
        sort_dir=params.get('sort_dir') or 'asc',
        limit=limit, marker=marker)
    return page, limit


def _is_public_filter(value):
    """Absent: public flavors only; "none": all; else a strict boolean."""
    if value is None:
        return True
    if value.lower() == 'none':
        return None
    try:
        return strutils.bool_from_string(value, strict=True)
    except ValueError:
        raise exception.InvalidFilter(name='is_public', value=value)


class Flavors(plugin.APIPlugin):
    name = 'flavors'

    def resources(self):
        return [plugin.APIResource('flavors', FlavorsController(), [
            ('GET', '/flavors', 'index'),
            ('GET', '/flavors/detail', 'detail'),
            ('GET', '/flavors/{flavor_id}', 'show'),
            ('POST', '/flavors', 'create'),
            ('PUT', '/flavors/{flavor_id}', 'update'),
            ('DELETE', '/flavors/{flavor_id}', 'delete'),
            ('POST', '/flavors/{flavor_id}/action', 'action'),
        ])]
