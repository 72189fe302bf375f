"""The /os-hello resource: greetings for the caller's project.

    GET /os-hello                 every greeting (all versions, and /v2)
    GET /os-hello/{id}            one greeting, from microversion 2.2
"""

from nova_api.api import plugin
from nova_api.api import validation
from nova_api.api import wsgi

from nova_api_hello import greetings
from nova_api_hello import policies as hello_policies
from nova_api_hello import schemas
from nova_api_hello import views


class HelloController(wsgi.Controller):

    @wsgi.response(200)
    @wsgi.expected_errors((400, 403))
    @wsgi.policy(hello_policies.LIST)
    @validation.query_schema(schemas.index_query)
    @validation.response_body_schema(schemas.index_response)
    def index(self, req):
        context = req.context
        context.can(hello_policies.LIST, {'project_id': context.project_id})
        language = req.GET.get('language')
        found = greetings.get_all(context.project_id, language=language)
        return views.index(found)

    @wsgi.api_version('2.2')
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(hello_policies.SHOW)
    @validation.query_schema(schemas.show_query)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, id):
        context = req.context
        project_id = req.GET.get('project_id', context.project_id)
        context.can(hello_policies.SHOW, {'project_id': project_id})
        greeting = greetings.get(project_id, id)
        return views.show(greeting)


class Hello(plugin.APIPlugin):
    name = 'hello'

    def resources(self):
        return [plugin.APIResource('os-hello', HelloController(), [
            ('GET', '/os-hello', 'index'),
            ('GET', '/os-hello/{id}', 'show'),
        ])]
