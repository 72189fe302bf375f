"""What a plugin is: the resources it serves and the controllers it extends.

A plugin is a class registered as an entry point in the
``nova_api.api.v21.plugins`` namespace (see setup.cfg). Its routes are
listed explicitly; nothing is generated behind the author's back.

    class Keypairs(plugin.APIPlugin):
        name = 'os-keypairs'

        def resources(self):
            controller = KeypairController()
            return [plugin.APIResource('os-keypairs', controller, [
                ('GET', '/os-keypairs', 'index'),
                ('POST', '/os-keypairs', 'create'),
                ('GET', '/os-keypairs/{id}', 'show'),
                ('DELETE', '/os-keypairs/{id}', 'delete'),
            ])]
"""

import collections

Route = collections.namedtuple('Route', 'method path action')


class APIResource:
    """A controller and the routes (method, path, method name) it serves."""

    def __init__(self, name, controller, routes):
        self.name = name
        self.controller = controller
        self.routes = [Route(*route) for route in routes]


class ControllerExtension:
    """Adds a controller's actions to another plugin's resource."""

    def __init__(self, resource_name, controller):
        self.resource_name = resource_name
        self.controller = controller


class APIPlugin:
    """Base class of every plugin."""

    name = None

    def resources(self):
        return []

    def controller_extensions(self):
        return []
