"""os-aggregates: host aggregates, their hosts and metadata (admin only).

    GET    /os-aggregates              index
    POST   /os-aggregates              create  (200, as in Nova)
    GET    /os-aggregates/{id}         show
    PUT    /os-aggregates/{id}         update  (name, availability_zone)
    DELETE /os-aggregates/{id}         delete  (200, no body)
    POST   /os-aggregates/{id}/action  add_host, remove_host, set_metadata
    POST   /os-aggregates/{id}/images  image pre-caching (2.81, 202)

Every rule is checked before the id, which must be an integer (400), as
in Nova. An aggregate's ``availability_zone`` is the zone of its hosts
(nova_api.compute.availability_zones).
"""

from nova_api.api import plugin
from nova_api.api.schemas import aggregates as schemas
from nova_api.api import validation
from nova_api.api.views import aggregates as views
from nova_api.api import wsgi
from nova_api.compute import aggregates
from nova_api.policies import aggregates as policies


def _show_responses(method):
    method = validation.response_body_schema(
        schemas.show_response_v241, '2.41')(method)
    return validation.response_body_schema(
        schemas.show_response, '2.0', '2.40')(method)


class AggregatesController(wsgi.Controller):

    @wsgi.expected_errors(403)
    @wsgi.policy(policies.INDEX)
    @validation.query_schema(schemas.index_query, '2.0', '2.101')
    @validation.query_schema(schemas.index_query_v2102, '2.102')
    @validation.response_body_schema(schemas.index_response, '2.0', '2.40')
    @validation.response_body_schema(schemas.index_response_v241, '2.41')
    def index(self, req):
        req.context.can(policies.INDEX, target={})
        return views.index(req, aggregates.list_aggregates(req.context))

    @wsgi.expected_errors((400, 403, 409))
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.create_v20, '2.0', '2.0')
    @validation.schema(schemas.create, '2.1')
    @validation.response_body_schema(schemas.create_response, '2.0', '2.40')
    @validation.response_body_schema(schemas.create_response_v241, '2.41')
    def create(self, req, body):
        req.context.can(policies.CREATE, target={})
        requested = body['aggregate']
        zone = requested.get('availability_zone')
        aggregate = aggregates.create_aggregate(
            req.context, requested['name'].strip(),
            zone.strip() if zone else zone)
        return views.create(req, aggregate)

    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.101')
    @validation.query_schema(schemas.show_query_v2102, '2.102')
    @_show_responses
    def show(self, req, aggregate_id):
        req.context.can(policies.SHOW, target={})
        return views.show(
            req, aggregates.get_aggregate(req.context, aggregate_id))

    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.policy(policies.UPDATE)
    @validation.schema(schemas.update_v20, '2.0', '2.0')
    @validation.schema(schemas.update, '2.1')
    @_show_responses
    def update(self, req, aggregate_id, body):
        req.context.can(policies.UPDATE, target={})
        requested = body['aggregate']
        name = requested.get('name')
        return views.show(req, aggregates.update_aggregate(
            req.context, aggregate_id, name.strip() if name else None,
            requested.get('availability_zone', aggregates.ZONE_UNCHANGED)))

    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.DELETE)
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, aggregate_id):
        req.context.can(policies.DELETE, target={})
        aggregates.delete_aggregate(req.context, aggregate_id)

    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('add_host')
    @wsgi.policy(policies.ADD_HOST)
    @validation.schema(schemas.add_host)
    @_show_responses
    def add_host(self, req, aggregate_id, body):
        req.context.can(policies.ADD_HOST, target={})
        return views.show(req, aggregates.add_host(
            req.context, aggregate_id, body['add_host']['host']))

    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('remove_host')
    @wsgi.policy(policies.REMOVE_HOST)
    @validation.schema(schemas.remove_host)
    @_show_responses
    def remove_host(self, req, aggregate_id, body):
        req.context.can(policies.REMOVE_HOST, target={})
        return views.show(req, aggregates.remove_host(
            req.context, aggregate_id, body['remove_host']['host']))

    @wsgi.expected_errors((400, 403, 404))
    @wsgi.action('set_metadata')
    @wsgi.policy(policies.SET_METADATA)
    @validation.schema(schemas.set_metadata)
    @_show_responses
    def set_metadata(self, req, aggregate_id, body):
        req.context.can(policies.SET_METADATA, target={})
        return views.show(req, aggregates.set_metadata(
            req.context, aggregate_id, body['set_metadata']['metadata']))

    @wsgi.api_version('2.81')
    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.IMAGES)
    @validation.schema(schemas.images)
    @validation.response_body_schema(schemas.images_response)
    def images(self, req, aggregate_id, body):
        req.context.can(policies.IMAGES, target={})
        aggregates.cache_images(req.context, aggregate_id,
                                [image['id'] for image in body['cache']])


class Aggregates(plugin.APIPlugin):
    name = 'os-aggregates'

    def resources(self):
        one = '/os-aggregates/{aggregate_id}'
        return [plugin.APIResource('os-aggregates', AggregatesController(), [
            ('GET', '/os-aggregates', 'index'),
            ('POST', '/os-aggregates', 'create'),
            ('GET', one, 'show'),
            ('PUT', one, 'update'),
            ('DELETE', one, 'delete'),
            ('POST', one + '/action', 'action'),
            ('POST', one + '/images', 'images'),
        ])]
