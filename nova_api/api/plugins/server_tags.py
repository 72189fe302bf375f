"""/servers/{server_id}/tags: a server's tags (2.26).

    GET    /servers/{server_id}/tags        index
    PUT    /servers/{server_id}/tags        update_all  (replace)
    DELETE /servers/{server_id}/tags        delete_all  (204)
    GET    /servers/{server_id}/tags/{tag}  show        (204, or 404)
    PUT    /servers/{server_id}/tags/{tag}  update      (201 added, 204 had)
    DELETE /servers/{server_id}/tags/{tag}  delete      (204)

As in Nova, the server is looked up by its id in any project first (404
only when no server ever had that id), then the rule is checked against
its project (403), then it is read as the caller may see it (404 once
deleted). Changes need a server at rest (409).
"""

from nova_api.api import plugin
from nova_api.api.schemas import server_tags as schemas
from nova_api.api import validation
from nova_api.api.views import server_tags as views
from nova_api.api import wsgi
from nova_api.compute import server_tags
from nova_api.policies import server_tags as st_policies

_FIRST_VERSION = '2.26'
# Nova answers PUT .../tags/{tag} with a bare webob response, not JSON.
_BARE_CONTENT_TYPE = 'text/html; charset=UTF-8'


def _find_server(req, server_id, rule):
    context = req.context
    owner = server_tags.get_owner(context, server_id)
    context.can(rule, {'project_id': owner})
    return server_tags.get_server(context, server_id)


class ServerTagsController(wsgi.Controller):

    @wsgi.api_version(_FIRST_VERSION)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(st_policies.INDEX)
    @validation.query_schema(schemas.index_query)
    @validation.response_body_schema(schemas.index_response)
    def index(self, req, server_id):
        server = _find_server(req, server_id, st_policies.INDEX)
        return views.tags(server_tags.get_tags(req.context, server))

    @wsgi.api_version(_FIRST_VERSION)
    @wsgi.response(204)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(st_policies.SHOW)
    @validation.query_schema(schemas.show_query)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, server_id, tag):
        server = _find_server(req, server_id, st_policies.SHOW)
        server_tags.check_tag(req.context, server, tag)

    @wsgi.api_version(_FIRST_VERSION)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.policy(st_policies.UPDATE_ALL)
    @validation.schema(schemas.update_all)
    @validation.response_body_schema(schemas.update_all_response)
    def update_all(self, req, server_id, body):
        server = _find_server(req, server_id, st_policies.UPDATE_ALL)
        return views.tags(server_tags.replace_tags(req.context, server,
                                                   body['tags']))

    @wsgi.api_version(_FIRST_VERSION)
    @wsgi.response(201)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.policy(st_policies.UPDATE)
    @validation.schema(schemas.update)
    @validation.response_body_schema(schemas.update_response)
    def update(self, req, server_id, tag, body=None):
        server = _find_server(req, server_id, st_policies.UPDATE)
        headers = {'Content-Type': _BARE_CONTENT_TYPE}
        if not server_tags.add_tag(req.context, server, tag):
            return wsgi.ResponseObject(headers=headers, code=204)
        headers['Location'] = views.location(req, server_id, tag)
        return wsgi.ResponseObject(headers=headers)

    @wsgi.api_version(_FIRST_VERSION)
    @wsgi.response(204)
    @wsgi.expected_errors((403, 404, 409))
    @wsgi.policy(st_policies.DELETE_ALL)
    @validation.query_schema(schemas.delete_all_query)
    @validation.response_body_schema(schemas.delete_all_response)
    def delete_all(self, req, server_id):
        server = _find_server(req, server_id, st_policies.DELETE_ALL)
        server_tags.delete_tags(req.context, server)

    @wsgi.api_version(_FIRST_VERSION)
    @wsgi.response(204)
    @wsgi.expected_errors((403, 404, 409))
    @wsgi.policy(st_policies.DELETE)
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, server_id, tag):
        server = _find_server(req, server_id, st_policies.DELETE)
        server_tags.delete_tag(req.context, server, tag)


class ServerTags(plugin.APIPlugin):
    name = 'os-server-tags'

    def resources(self):
        collection = '/servers/{server_id}/tags'
        item = collection + '/{tag}'
        return [plugin.APIResource(
            'os-server-tags', ServerTagsController(), [
                ('GET', collection, 'index'),
                ('PUT', collection, 'update_all'),
                ('DELETE', collection, 'delete_all'),
                ('GET', item, 'show'),
                ('PUT', item, 'update'),
                ('DELETE', item, 'delete'),
            ])]
