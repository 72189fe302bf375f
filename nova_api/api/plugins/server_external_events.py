"""/os-server-external-events: the events Neutron, Cinder, Ironic and
Cyborg send about servers, administrators' by default.

    POST /os-server-external-events   create  (200; 207 unless every event
                                               was accepted)

Each event is answered with its own code: 200 accepted, 400 without the
tag its name needs, 404 for an unknown server, 422 for a server on no
host.
"""

from nova_api.api import plugin
from nova_api.api.schemas import server_external_events as schemas
from nova_api.api import validation
from nova_api.api.views import server_external_events as views
from nova_api.api import wsgi
from nova_api.compute import server_external_events
from nova_api.policies import server_external_events as policies

SOME_REFUSED = 207


class ServerExternalEventsController(wsgi.Controller):

    @wsgi.response(200)
    @wsgi.expected_errors((400, 403))
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.create, '2.0', '2.50')
    @validation.schema(schemas.create_v251, '2.51', '2.75')
    @validation.schema(schemas.create_v276, '2.76', '2.81')
    @validation.schema(schemas.create_v282, '2.82', '2.92')
    @validation.schema(schemas.create_v293, '2.93')
    @validation.response_body_schema(schemas.create_response, '2.0', '2.50')
    @validation.response_body_schema(schemas.create_response_v251, '2.51',
                                     '2.75')
    @validation.response_body_schema(schemas.create_response_v276, '2.76',
                                     '2.81')
    @validation.response_body_schema(schemas.create_response_v282, '2.82',
                                     '2.92')
    @validation.response_body_schema(schemas.create_response_v293, '2.93')
    def create(self, req, body):
        req.context.can(policies.CREATE, {})
        events = body['events']
        outcomes = server_external_events.deliver(req.context, events)
        answer = views.create(events, outcomes)
        if all(outcome.code == 200 for outcome in outcomes):
            return answer
        return wsgi.ResponseObject(answer, code=SOME_REFUSED)


class ServerExternalEvents(plugin.APIPlugin):
    name = 'os-server-external-events'

    def resources(self):
        return [plugin.APIResource(
            'os-server-external-events', ServerExternalEventsController(), [
                ('POST', '/os-server-external-events', 'create'),
            ])]
