"""APIRouterV21: plugins loaded by stevedore, connected on a routes.Mapper.

Every path a plugin declares is served both as is and under
``/{project_id}``. The loaded table can be printed with
``nova-api-manage routes``.
"""

import collections
import logging

from oslo_config import cfg
import routes
import stevedore
import webob.exc

from nova_api.api import resource as resource_module
from nova_api import conf  # noqa: F401 (registers the [api] options)

LOG = logging.getLogger(__name__)
CONF = cfg.CONF

PLUGIN_NAMESPACE = 'nova_api.api.v21.plugins'

RouteEntry = collections.namedtuple(
    'RouteEntry',
    'method path plugin resource controller action action_plugins')


class PluginConflict(Exception):
    """Two plugins claim the same route or action."""


def load_plugins():
    """Instantiate every installed plugin not disabled by config."""
    disabled = set(CONF.api.disabled_plugins)
    manager = stevedore.ExtensionManager(
        PLUGIN_NAMESPACE, invoke_on_load=False,
        on_load_failure_callback=_load_failed)
    plugins = []
    for extension in sorted(manager, key=lambda e: e.name):
        if extension.name in disabled:
            LOG.warning('API plugin %s is disabled by [api] '
                        'disabled_plugins', extension.name)
            continue
        plugins.append(extension.plugin())
    unknown = disabled - {e.name for e in manager}
    if unknown:
        LOG.warning('[api] disabled_plugins names unknown plugins: %s',
                    ', '.join(sorted(unknown)))
    return plugins


def _load_failed(manager, entrypoint, exc):
    raise PluginConflict('API plugin %s failed to load: %s'
                         % (entrypoint.name, exc)) from exc


def _route_order(entry):
    # Literal segments before {variables}, so /flavors/detail is matched
    # before /flavors/{id}, whichever plugin declared them.
    segments = entry.path.strip('/').split('/')
    return [(segment.startswith('{'), segment) for segment in segments]


class APIRouterV21:
    """The WSGI app behind /v2 and /v2.1."""

    def __init__(self, plugins=None):
        if plugins is None:
            plugins = load_plugins()
        self.table = self._build_table(plugins)
        self.mapper = routes.Mapper()
        project_prefix = '/{project_id:%s}' % CONF.api.project_id_regex
        for entry in sorted(self.table, key=_route_order):
            for path in (project_prefix + entry.path, entry.path):
                self.mapper.connect(
                    path, controller=entry.resource, action=entry.action,
                    conditions={'method': [entry.method]})

    @classmethod
    def factory(cls, global_config, **local_config):
        return cls()

    @staticmethod
    def _build_table(plugins):
        resources = {}
        # resource name -> {action name: the plugin that adds it}, shared
        # by the resource's entries so the table credits the plugin to
        # disable for an action.
        action_plugins = {}
        table = []
        seen = {}
        for plugin in plugins:
            for spec in plugin.resources():
                wsgi_resource = resource_module.Resource(spec.controller)
                resources[spec.name] = wsgi_resource
                action_plugins[spec.name] = dict.fromkeys(
                    wsgi_resource.actions, plugin.name)
                for route in spec.routes:
                    key = (route.method, route.path)
                    if key in seen:
                        raise PluginConflict(
                            '%s %s is claimed by plugins %s and %s'
                            % (route.method, route.path, seen[key],
                               plugin.name))
                    seen[key] = plugin.name
                    table.append(RouteEntry(
                        route.method, route.path, plugin.name,
                        wsgi_resource, spec.controller, route.action,
                        action_plugins[spec.name]))
        for plugin in plugins:
            for extension in plugin.controller_extensions():
                target = resources.get(extension.resource_name)
                if target is None:
                    raise PluginConflict(
                        'Plugin %s extends unknown resource %s'
                        % (plugin.name, extension.resource_name))
                try:
                    target.register_actions(extension.controller)
                except ValueError as exc:
                    raise PluginConflict(str(exc)) from exc
                action_plugins[extension.resource_name].update(
                    dict.fromkeys(extension.controller.wsgi_actions,
                                  plugin.name))
        return table

    def __call__(self, environ, start_response):
        path = environ.get('PATH_INFO') or '/'
        match = self.mapper.match(path, environ)
        if match is None:
            return webob.exc.HTTPNotFound()(environ, start_response)
        environ['wsgiorg.routing_args'] = ((), match)
        return match['controller'](environ, start_response)
