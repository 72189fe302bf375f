"""os-keypairs: list, show, import or generate, and delete key pairs.

A key pair belongs to the user who makes it. From microversion 2.10 an
administrator names another user with ``user_id`` (in the create body, or
the query string of list, show and delete); the policy decides who may.
From 2.35 the list is paged by name (``limit``, ``marker``); from 2.92 a
key pair can only be imported.
"""

from nova_api.api import pagination
from nova_api.api import plugin
from nova_api.api.schemas import keypairs as schema
from nova_api.api import validation
from nova_api.api.views import keypairs as keypairs_view
from nova_api.api import wsgi
from nova_api.compute import keypairs
from nova_api.policies import keypairs as kp_policies


def _owner(req, requested_user_id):
    """The user whose key pairs the request is about: the caller's own
    unless a (non-empty) user_id says otherwise."""
    return requested_user_id or req.context.user_id


def _queried_owner(req):
    # Before 2.10 the query schema does not define user_id, so validation
    # has already removed it.
    values = req.GET.getall('user_id')
    return _owner(req, values[0] if values else None)


class KeypairController(wsgi.Controller):

    # 400: a bad limit or an unknown marker (2.35).
    @wsgi.expected_errors((400, 403))
    @wsgi.policy(kp_policies.INDEX)
    @validation.query_schema(schema.index_query, '2.0', '2.9')
    @validation.query_schema(schema.index_query_v210, '2.10', '2.34')
    @validation.query_schema(schema.index_query_v235, '2.35', '2.74')
    @validation.query_schema(schema.index_query_v275, '2.75')
    @validation.response_body_schema(schema.index_response, '2.0', '2.1')
    @validation.response_body_schema(schema.index_response_v22, '2.2',
                                     '2.34')
    @validation.response_body_schema(schema.index_response_v235, '2.35')
    def index(self, req):
        user_id = _queried_owner(req)
        req.context.can(kp_policies.INDEX, {'user_id': user_id})
        if not req.is_supported('2.35'):
            return keypairs_view.index(
                req, keypairs.list_keypairs(req.context, user_id))
        limit, marker = pagination.get_limit_and_marker(req)
        page = keypairs.list_keypairs(req.context, user_id, limit, marker)
        return keypairs_view.index(req, page, limit)

    @wsgi.expected_errors((403, 404))
    @wsgi.policy(kp_policies.SHOW)
    @validation.query_schema(schema.show_query, '2.0', '2.9')
    @validation.query_schema(schema.show_query_v210, '2.10', '2.74')
    @validation.query_schema(schema.show_query_v275, '2.75')
    @validation.response_body_schema(schema.show_response, '2.0', '2.1')
    @validation.response_body_schema(schema.show_response_v22, '2.2')
    def show(self, req, keypair_name):
        user_id = _queried_owner(req)
        req.context.can(kp_policies.SHOW, {'user_id': user_id})
        keypair = keypairs.get_keypair(req.context, user_id, keypair_name)
        return keypairs_view.show(req, keypair)

    @wsgi.response(200, '2.0', '2.1')
    @wsgi.response(201, '2.2')
    @wsgi.expected_errors((400, 403, 409))
    @wsgi.policy(kp_policies.CREATE)
    @validation.schema(schema.create_v20, '2.0', '2.0')
    @validation.schema(schema.create, '2.1', '2.1')
    @validation.schema(schema.create_v22, '2.2', '2.9')
    @validation.schema(schema.create_v210, '2.10', '2.91')
    @validation.schema(schema.create_v292, '2.92')
    @validation.response_body_schema(schema.create_response, '2.0', '2.1')
    @validation.response_body_schema(schema.create_response_v22, '2.2',
                                     '2.91')
    @validation.response_body_schema(schema.create_response_v292, '2.92')
    def create(self, req, body):
        """Import the key in ``public_key``, or (before 2.92, whose schema
        requires the key) generate one without it."""
        params = body['keypair']
        user_id = _owner(req, params.get('user_id'))
        req.context.can(kp_policies.CREATE, {'user_id': user_id})
        # /v2 accepts surrounding spaces in a name; Nova stores it stripped.
        name = params['name'].strip()
        key_type = params.get('type', keypairs.SSH)
        if 'public_key' in params:
            keypair = keypairs.import_keypair(
                req.context, user_id, name, params['public_key'], key_type)
            return keypairs_view.create(req, keypair)
        keypair, private_key = keypairs.generate_keypair(
            req.context, user_id, name, key_type)
        return keypairs_view.create(req, keypair, private_key)

    @wsgi.response(202, '2.0', '2.1')
    @wsgi.response(204, '2.2')
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(kp_policies.DELETE)
    @validation.query_schema(schema.delete_query, '2.0', '2.9')
    @validation.query_schema(schema.delete_query_v210, '2.10', '2.74')
    @validation.query_schema(schema.delete_query_v275, '2.75')
    @validation.response_body_schema(schema.delete_response)
    def delete(self, req, keypair_name):
        user_id = _queried_owner(req)
        req.context.can(kp_policies.DELETE, {'user_id': user_id})
        keypairs.delete_keypair(req.context, user_id, keypair_name)


class Keypairs(plugin.APIPlugin):
    name = 'keypairs'

    def resources(self):
        return [plugin.APIResource('os-keypairs', KeypairController(), [
            ('GET', '/os-keypairs', 'index'),
            ('POST', '/os-keypairs', 'create'),
            ('GET', '/os-keypairs/{keypair_name}', 'show'),
            ('DELETE', '/os-keypairs/{keypair_name}', 'delete'),
        ])]
