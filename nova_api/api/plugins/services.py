"""/os-services: the compute and control services (Nova's os-services).

    GET    /os-services                     index
    PUT    /os-services/enable              enable              (to 2.52)
    PUT    /os-services/disable             disable             (to 2.52)
    PUT    /os-services/disable-log-reason  disable_log_reason  (to 2.52)
    PUT    /os-services/force-down          force_down          (to 2.52)
    PUT    /os-services/{service_id}        update
    DELETE /os-services/{service_id}        delete

Before 2.53 a service is named by host and binary in the body, and its
id is an integer; from 2.53 by its uuid on the path. Only nova-compute
services are updated. Before 2.53 the path names an action (force-down
from 2.11): any other name is Nova's 404 "Unknown action", once the body
is valid and the caller may update services.
"""

from oslo_utils import strutils

from nova_api.api import plugin
from nova_api.api.schemas import services as schemas
from nova_api.api import validation
from nova_api.api.views import services as views
from nova_api.api import wsgi
from nova_api.compute import services
from nova_api import exception
from nova_api.policies import services as policies


def _update_by_host(req, body, changes):
    """Apply `changes` to the compute service body['host'] names."""
    services.check_updatable(body['binary'])
    service = services.find_compute_service(req.context, body['host'])
    services.update_service(req.context, service, changes)


def _last(req, name):
    return req.GET.getall(name)[-1] if name in req.GET else None


_BEFORE_2_53 = [
    (schemas.update, '2.0', '2.10'),
    (schemas.update_v211, '2.11', '2.52'),
]


def _update_schemas(func):
    for schema, low, high in _BEFORE_2_53:
        func = validation.schema(schema, low, high)(func)
    return validation.response_body_schema(schemas.update_response)(func)


# Before 2.53 Nova takes the last segment of PUT /os-services/{id} as the
# name of an action; these routes' methods, asked for at a version where
# they are not, leave it to unknown_action.
_ACTIONS_FROM = {'force_down': '2.11', 'update': '2.53'}
# From 2.53 it takes it as a service's uuid, the former actions' names too:
# these routes' methods leave them to named_update.
_ACTIONS_UNTIL_2_52 = ('enable', 'disable', 'disable_log_reason',
                       'force_down')


class ServicesController(wsgi.Controller):

    @wsgi.expected_errors(403)
    @wsgi.policy(policies.LIST)
    @validation.query_schema(schemas.index_query, '2.0', '2.74')
    @validation.query_schema(schemas.index_query_v275, '2.75')
    @validation.response_body_schema(schemas.index_response, '2.0', '2.10')
    @validation.response_body_schema(schemas.index_response_v211,
                                     '2.11', '2.52')
    @validation.response_body_schema(schemas.index_response_v253, '2.53')
    def index(self, req):
        req.context.can(policies.LIST, {})
        return views.index(req, services.list_services(
            req.context, _last(req, 'host') or None,
            _last(req, 'binary') or None))

    @wsgi.api_version('2.0', '2.52')
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @_update_schemas
    def enable(self, req, body):
        req.context.can(policies.UPDATE, {})
        _update_by_host(req, body, {'disabled': False,
                                    'disabled_reason': None})
        return views.status_change(body['host'], body['binary'], False)

    @wsgi.api_version('2.0', '2.52')
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @_update_schemas
    def disable(self, req, body):
        req.context.can(policies.UPDATE, {})
        # Nova ignores a reason given here.
        _update_by_host(req, body, {'disabled': True,
                                    'disabled_reason': None})
        return views.status_change(body['host'], body['binary'], True)

    @wsgi.api_version('2.0', '2.52')
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @_update_schemas
    def disable_log_reason(self, req, body):
        req.context.can(policies.UPDATE, {})
        if 'disabled_reason' not in body:
            raise exception.Invalid('Missing disabled reason field')
        reason = body['disabled_reason']
        _update_by_host(req, body, {'disabled': True,
                                    'disabled_reason': reason})
        return views.status_change(body['host'], body['binary'], True,
                                   reason)

    @wsgi.api_version('2.11', '2.52')
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @_update_schemas
    def force_down(self, req, body):
        req.context.can(policies.UPDATE, {})
        if 'forced_down' not in body:
            raise exception.Invalid('Missing forced_down field')
        forced_down = strutils.bool_from_string(body['forced_down'])
        _update_by_host(req, body, {'forced_down': forced_down})
        return views.forced_down_change(body['host'], body['binary'],
                                        forced_down)

    @wsgi.api_version('2.0', '2.52')
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @_update_schemas
    def unknown_action(self, req, body, service_id=None):
        """Nova's 404 for a name that is no action at the version, once
        the body is valid and the caller may update services."""
        req.context.can(policies.UPDATE, {})
        raise exception.UnknownServiceAction()

    @wsgi.api_version('2.53')
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @validation.schema(schemas.update_v253)
    @validation.response_body_schema(schemas.update_response_v253)
    def named_update(self, req, body):
        """Nova's 400 for PUT /os-services/enable (or another former
        action's name) from 2.53, once the body is valid: the name is the
        service id, and no uuid (so check_id always refuses it)."""
        services.check_id(req.path_info.rsplit('/', 1)[-1], by_uuid=True)
        raise exception.UnknownServiceAction()

    def method_for(self, name, version):
        since = _ACTIONS_FROM.get(name)
        if since is not None and not version.matches(since):
            return self.unknown_action
        if name in _ACTIONS_UNTIL_2_52 and not version.matches(None, '2.52'):
            return self.named_update
        return super().method_for(name, version)

    @wsgi.api_version('2.53')
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPDATE)
    @validation.schema(schemas.update_v253)
    @validation.response_body_schema(schemas.update_response_v253)
    def update(self, req, service_id, body):
        services.check_id(service_id, by_uuid=True)
        req.context.can(policies.UPDATE, {})
        service = services.get_service(req.context, service_id, True)
        services.check_updatable(service.binary)
        changes = services.changes_of(
            body.get('status'), body.get('disabled_reason'),
            body.get('forced_down'))
        return views.show(req, services.update_service(
            req.context, service, changes))

    @wsgi.response(204)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.policy(policies.DELETE)
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, service_id):
        req.context.can(policies.DELETE, {})
        by_uuid = req.is_supported('2.53')
        services.check_id(service_id, by_uuid)
        services.delete_service(req.context, service_id, by_uuid)


class Services(plugin.APIPlugin):
    name = 'os-services'

    def resources(self):
        path = '/os-services'
        return [plugin.APIResource('os-services', ServicesController(), [
            ('GET', path, 'index'),
            ('PUT', path + '/enable', 'enable'),
            ('PUT', path + '/disable', 'disable'),
            ('PUT', path + '/disable-log-reason', 'disable_log_reason'),
            ('PUT', path + '/force-down', 'force_down'),
            ('PUT', path + '/{service_id}', 'update'),
            ('DELETE', path + '/{service_id}', 'delete'),
        ])]
