"""/flavors: list, show, create and delete flavors.

    GET    /flavors                  index   (anyone; what they may see)
    GET    /flavors/detail           detail
    GET    /flavors/{flavor_id}      show
    POST   /flavors                  create  (admin; Nova's flavor-manage)
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
from nova_api.policies import flavors as policies


class FlavorsController(wsgi.Controller):

    @wsgi.response(200)
    @wsgi.expected_errors(400)
    @validation.query_schema(schemas.index_query)
    @validation.response_body_schema(schemas.index_response)
    def index(self, req):
        page, limit = _list(req)
        return views.index(req, page, limit)

    @wsgi.response(200)
    @wsgi.expected_errors(400)
    @validation.query_schema(schemas.index_query)
    @validation.response_body_schema(schemas.detail_response)
    def detail(self, req):
        page, limit = _list(req)
        return views.detail(req, page, limit)

    @wsgi.response(200)
    @wsgi.expected_errors(404)
    @validation.query_schema(schemas.show_query)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, flavor_id):
        flavor = flavors.get(req.context, flavor_id)
        return views.show(req, flavor)

    # 200, not 201: Nova kept the code of its first version.
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 409))
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.create_v20, '2.0', '2.0')
    @validation.schema(schemas.create, '2.1')
    @validation.response_body_schema(schemas.create_response)
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
            is_public=values.get('os-flavor-access:is_public', True))
        return views.show(req, flavor)

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
            ('DELETE', '/flavors/{flavor_id}', 'delete'),
            ('POST', '/flavors/{flavor_id}/action', 'action'),
        ])]
