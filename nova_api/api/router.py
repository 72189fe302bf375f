"""APIRouterV21: plugins loaded by stevedore, their routes indexed for
dispatch.

Every path a plugin declares is served both as is and under
``/{project_id}``. The loaded table can be printed with
``nova-api-manage routes``.
"""

import bisect
import collections
import itertools
import logging
import re

from oslo_config import cfg
import routes.route
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
        self.routes = RouteIndex(CONF.api.project_id_regex)
        for entry in sorted(self.table, key=_route_order):
            self.routes.connect(entry.method, entry.path,
                                entry.resource, entry.action)

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
        match = self.routes.match(path, environ)
        if match is None:
            return webob.exc.HTTPNotFound()(environ, start_response)
        environ['wsgiorg.routing_args'] = ((), match)
        return match['controller'](environ, start_response)


class RouteIndex:
    """The connected routes, filed so that a request tries only its own.

    A routes.Mapper matches every URL against one regular expression made
    of all its routes, and then tries every /{project_id} route (they
    have no literal prefix to tell them apart), so each added route slows
    every request. Here a route is filed under its method and the literal
    first segment of its path after the project id, and a request tries
    the routes filed under its own method and first segment, and those
    whose first segment is not a literal. They are routes.Route objects
    tried in the order a Mapper tries them (longest literal prefix first,
    then in order of connection), so a URL resolves to the same route and
    arguments as with a Mapper.
    """

    def __init__(self, project_id_regex):
        self._project_id = re.compile(project_id_regex)
        self._project_prefix = '/{project_id:%s}' % project_id_regex
        self._connected = 0
        # (method, first segment) -> candidates in the order a Mapper
        # tries them: (-len(literal prefix), connection number, Route).
        self._plain = {}
        self._project = {}
        # method -> candidates whose first segment is not a literal; the
        # plain ones are in each _plain list of their method as well.
        self._plain_unfiled = {}
        self._project_unfiled = {}

    def connect(self, method, path, resource, action):
        """Serve `path` and /{project_id}`path`, as Mapper.connect would."""
        candidate = self._candidate(method, self._project_prefix + path,
                                    resource, action)
        segment = _first_segment(_after_project_id(candidate[2].routelist))
        if segment is None:
            candidates = self._project_unfiled.setdefault(method, [])
        else:
            candidates = self._project.setdefault((method, segment), [])
        bisect.insort(candidates, candidate)

        candidate = self._candidate(method, path, resource, action)
        segment = _first_segment(candidate[2].routelist)
        if segment is None:
            bisect.insort(self._plain_unfiled.setdefault(method, []),
                          candidate)
            for (each_method, _), candidates in self._plain.items():
                if each_method == method:
                    bisect.insort(candidates, candidate)
        else:
            candidates = self._plain.setdefault(
                (method, segment), list(self._plain_unfiled.get(method, ())))
            bisect.insort(candidates, candidate)

    def _candidate(self, method, path, resource, action):
        route = routes.route.Route(
            None, path, controller=resource, action=action,
            conditions={'method': [method]}, _explicit=True, _minimize=False)
        route.makeregexp([])
        self._connected += 1
        return (-len(_literal_prefix(route.routelist)), self._connected,
                route)

    def match(self, path, environ):
        """The routing arguments of the route `path` matches, or None."""
        method = environ['REQUEST_METHOD']
        plain = self._plain.get((method, _segment_of(path)))
        if plain is None:
            plain = self._plain_unfiled.get(method, ())
        # Routes with a literal prefix come first; no /{project_id} route
        # has one, so the project id is looked for only after them.
        for position, (order, _, route) in enumerate(plain):
            if not order:
                break
            match = route.match(path, environ)
            if match:
                return match
        else:
            position = len(plain)
        rest = plain[position:]
        project = self._project_candidates(method, path)
        if project:
            rest = sorted(itertools.chain(rest, project)) if rest else project
        for _, _, route in rest:
            match = route.match(path, environ)
            if match:
                return match
        return None

    def _project_candidates(self, method, path):
        """The /{project_id} routes `path` may match, in no set order."""
        found = list(self._project_unfiled.get(method, ()))
        slash = path.find('/', 1)
        while slash != -1:
            if self._project_id.fullmatch(path, 1, slash):
                found.extend(self._project.get(
                    (method, _segment_of(path[slash:])), ()))
            slash = path.find('/', slash + 1)
        return found


def _literal_prefix(routelist):
    # As a Mapper groups its routes.
    return ''.join(itertools.takewhile(
        lambda part: isinstance(part, str), routelist)).rstrip('/')


def _after_project_id(routelist):
    if (len(routelist) > 1 and routelist[0] == '/'
            and isinstance(routelist[1], dict)
            and routelist[1].get('name') == 'project_id'):
        return routelist[2:]
    return None


def _first_segment(routelist):
    """The first segment every URL of a route has, if it is a literal."""
    if not routelist or not isinstance(routelist[0], str):
        return None
    literal = routelist[0]
    if not literal.startswith('/'):
        return None
    end = literal.find('/', 1)
    if end != -1:
        return literal[1:end]
    return literal[1:] if len(routelist) == 1 else None


def _segment_of(path):
    end = path.find('/', 1)
    if end != -1:
        return path[1:end]
    # A route's expression ends in '$', which matches before a final
    # newline too.
    return path[1:-1] if path.endswith('\n') else path[1:]
