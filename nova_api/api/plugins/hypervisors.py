"""/os-hypervisors: the hypervisors of the compute services (Nova's
os-hypervisors), for administrators.

    GET /os-hypervisors                                        index
    GET /os-hypervisors/detail                                 detail
    GET /os-hypervisors/statistics                  statistics (to 2.87)
    GET /os-hypervisors/{hypervisor_id}                        show
    GET /os-hypervisors/{hypervisor_id}/uptime          uptime (to 2.87)
    GET /os-hypervisors/{hypervisor_hostname_pattern}/search
                                                        search (to 2.52)
    GET /os-hypervisors/{hypervisor_hostname_pattern}/servers
                                                       servers (to 2.52)

2.33 pages the lists; from 2.53 ids are uuids, and the lists take
hypervisor_hostname_pattern and with_servers (the show with_servers).
"""

from oslo_utils import strutils

from nova_api.api import pagination
from nova_api.api import plugin
from nova_api.api.schemas import hypervisors as schemas
from nova_api.api import validation
from nova_api.api.views import hypervisors as views
from nova_api.api import wsgi
from nova_api.compute import hypervisors
from nova_api import exception
from nova_api.policies import hypervisors as policies


def _with_servers(req):
    return strutils.bool_from_string(req.GET.get('with_servers', False),
                                     strict=True)


def _list(req, view, collection):
    """The body of GET /os-hypervisors or /detail, as Nova pages and
    filters it at the request's version."""
    by_uuid = req.is_supported('2.53')
    limit = marker = None
    if req.is_supported('2.33'):
        limit, marker = pagination.get_limit_and_marker(req)
    pattern = req.GET.get('hypervisor_hostname_pattern') if by_uuid else None
    servers_asked = by_uuid and _with_servers(req)
    if pattern is not None:
        if 'limit' in req.GET or marker:
            raise exception.Invalid(
                'Paging over hypervisors with the '
                'hypervisor_hostname_pattern query parameter is not '
                'supported.')
        found = hypervisors.search(req.context, pattern)
        limit = None
    else:
        found = hypervisors.page(req.context, limit, marker, by_uuid)
    return views.index(req, found, view, collection, limit, servers_asked)


def _find(req, hypervisor_id):
    return hypervisors.get_hypervisor(req.context, hypervisor_id,
                                      req.is_supported('2.53'))


class HypervisorsController(wsgi.Controller):

    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.LIST)
    @validation.query_schema(schemas.index_query, '2.0', '2.32')
    @validation.query_schema(schemas.index_query_v233, '2.33', '2.52')
    @validation.query_schema(schemas.index_query_v253, '2.53')
    @validation.response_body_schema(schemas.index_response, '2.0', '2.32')
    @validation.response_body_schema(schemas.index_response_v233,
                                     '2.33', '2.52')
    @validation.response_body_schema(schemas.index_response_v253, '2.53')
    def index(self, req):
        req.context.can(policies.LIST, {})
        return _list(req, views.summary, 'os-hypervisors')

    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.LIST_DETAIL)
    @validation.query_schema(schemas.index_query, '2.0', '2.32')
    @validation.query_schema(schemas.index_query_v233, '2.33', '2.52')
    @validation.query_schema(schemas.index_query_v253, '2.53')
    @validation.response_body_schema(schemas.detail_response, '2.0', '2.27')
    @validation.response_body_schema(schemas.detail_response_v228,
                                     '2.28', '2.32')
    @validation.response_body_schema(schemas.detail_response_v233,
                                     '2.33', '2.52')
    @validation.response_body_schema(schemas.detail_response_v253,
                                     '2.53', '2.87')
    @validation.response_body_schema(schemas.detail_response_v288, '2.88')
    def detail(self, req):
        req.context.can(policies.LIST_DETAIL, {})
        return _list(req, views.detail, 'os-hypervisors/detail')

    @wsgi.api_version('2.0', '2.87')
    @wsgi.expected_errors(403)
    @wsgi.policy(policies.STATISTICS)
    @validation.query_schema(schemas.statistics_query)
    @validation.response_body_schema(schemas.statistics_response)
    def statistics(self, req):
        req.context.can(policies.STATISTICS, {})
        return views.statistics(hypervisors.statistics(
            hypervisors.list_hypervisors(req.context)))

    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.52')
    @validation.query_schema(schemas.show_query_v253, '2.53')
    @validation.response_body_schema(schemas.show_response, '2.0', '2.27')
    @validation.response_body_schema(schemas.show_response_v228,
                                     '2.28', '2.52')
    @validation.response_body_schema(schemas.show_response_v253,
                                     '2.53', '2.87')
    @validation.response_body_schema(schemas.show_response_v288, '2.88')
    def show(self, req, hypervisor_id):
        servers_asked = req.is_supported('2.53') and _with_servers(req)
        req.context.can(policies.SHOW, {})
        return views.show(req, _find(req, hypervisor_id), servers_asked)

    @wsgi.api_version('2.0', '2.87')
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.UPTIME)
    @validation.query_schema(schemas.uptime_query)
    @validation.response_body_schema(schemas.uptime_response, '2.0', '2.52')
    @validation.response_body_schema(schemas.uptime_response_v253,
                                     '2.53', '2.87')
    def uptime(self, req, hypervisor_id):
        req.context.can(policies.UPTIME, {})
        hypervisor = _find(req, hypervisor_id)
        hypervisors.check_answers(hypervisor)
        return views.uptime(req, hypervisor)

    @wsgi.api_version('2.0', '2.52')
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(policies.SEARCH)
    @validation.query_schema(schemas.search_query)
    @validation.response_body_schema(schemas.search_response)
    def search(self, req, hypervisor_hostname_pattern):
        req.context.can(policies.SEARCH, {})
        return views.index(req, hypervisors.search(
            req.context, hypervisor_hostname_pattern), views.summary,
            'os-hypervisors')

    @wsgi.api_version('2.0', '2.52')
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(policies.SERVERS)
    @validation.query_schema(schemas.servers_query)
    @validation.response_body_schema(schemas.servers_response)
    def servers(self, req, hypervisor_hostname_pattern):
        req.context.can(policies.SERVERS, {})
        return views.servers(req, hypervisors.search(
            req.context, hypervisor_hostname_pattern))


class Hypervisors(plugin.APIPlugin):
    name = 'os-hypervisors'

    def resources(self):
        path = '/os-hypervisors'
        pattern = path + '/{hypervisor_hostname_pattern}'
        return [plugin.APIResource(
            'os-hypervisors', HypervisorsController(), [
                ('GET', path, 'index'),
                ('GET', path + '/detail', 'detail'),
                ('GET', path + '/statistics', 'statistics'),
                ('GET', path + '/{hypervisor_id}', 'show'),
                ('GET', path + '/{hypervisor_id}/uptime', 'uptime'),
                ('GET', pattern + '/search', 'search'),
                ('GET', pattern + '/servers', 'servers'),
            ])]
