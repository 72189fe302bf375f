"""/os-hosts: the hosts of the deployment's services (Nova's os-hosts),
administrators only.

    GET /os-hosts                         index
    GET /os-hosts/{host_name}             show
    PUT /os-hosts/{host_name}             update
    GET /os-hosts/{host_name}/reboot      reboot
    GET /os-hosts/{host_name}/shutdown    shutdown
    GET /os-hosts/{host_name}/startup     startup

Until 2.42: from 2.43 the routes answer 404, as Nova's. The update and
the power actions are the compute driver's, which has none: 501 for a
compute host, 404 for another name.
"""

from nova_api.api import plugin
from nova_api.api.schemas import hosts as schemas
from nova_api.api import validation
from nova_api.api.views import hosts as views
from nova_api.api import wsgi
from nova_api.compute import hosts
from nova_api.policies import hosts as hosts_policies

# 2.43 deprecated os-hosts (for os-hypervisors and os-services).
MAX_VERSION = '2.42'


class HostController(wsgi.Controller):

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.expected_errors(())
    @wsgi.policy(hosts_policies.LIST)
    @validation.query_schema(schemas.index_query)
    @validation.response_body_schema(schemas.index_response)
    def index(self, req):
        req.context.can(hosts_policies.LIST)
        return views.index(hosts.list_services(req.GET.get('zone') or None))

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.expected_errors(404)
    @wsgi.policy(hosts_policies.SHOW)
    @validation.query_schema(schemas.show_query)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, host_name):
        req.context.can(hosts_policies.SHOW)
        return views.show(hosts.host_resources(req.context, host_name))

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.expected_errors((400, 404, 501))
    @wsgi.policy(hosts_policies.UPDATE)
    @validation.schema(schemas.update)
    @validation.response_body_schema(schemas.update_response)
    def update(self, req, host_name, body):
        req.context.can(hosts_policies.UPDATE)
        hosts.check_host_action(host_name)

    def _power_action(self, req, host_name, rule):
        req.context.can(rule)
        hosts.check_host_action(host_name)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.expected_errors((400, 404, 501))
    @wsgi.policy(hosts_policies.REBOOT)
    @validation.query_schema(schemas.reboot_query)
    @validation.response_body_schema(schemas.reboot_response)
    def reboot(self, req, host_name):
        self._power_action(req, host_name, hosts_policies.REBOOT)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.expected_errors((400, 404, 501))
    @wsgi.policy(hosts_policies.SHUTDOWN)
    @validation.query_schema(schemas.shutdown_query)
    @validation.response_body_schema(schemas.shutdown_response)
    def shutdown(self, req, host_name):
        self._power_action(req, host_name, hosts_policies.SHUTDOWN)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.expected_errors((400, 404, 501))
    @wsgi.policy(hosts_policies.START)
    @validation.query_schema(schemas.startup_query)
    @validation.response_body_schema(schemas.startup_response)
    def startup(self, req, host_name):
        self._power_action(req, host_name, hosts_policies.START)


class Hosts(plugin.APIPlugin):
    name = 'os-hosts'

    def resources(self):
        path = '/os-hosts'
        host = path + '/{host_name}'
        return [plugin.APIResource('os-hosts', HostController(), [
            ('GET', path, 'index'),
            ('GET', host, 'show'),
            ('PUT', host, 'update'),
            ('GET', host + '/reboot', 'reboot'),
            ('GET', host + '/shutdown', 'shutdown'),
            ('GET', host + '/startup', 'startup'),
        ])]
