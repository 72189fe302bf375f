"""Options of the API layer: auth, validation, plugins, paging."""

from oslo_config import cfg

api_group = cfg.OptGroup('api', title='API options',
                         help='Options of the compute API layer.')

api_opts = [
    cfg.StrOpt('auth_strategy', default='noauth2',
               choices=[('keystone', 'Validate tokens with Keystone '
                                     '(keystonemiddleware auth_token).'),
                        ('noauth2', 'Trust the token "user:project"; user '
                                    '"admin" gets the admin role. For '
                                    'testing only.')],
               help='How API requests are authenticated; picks the paste '
                    'pipeline of each endpoint.'),
    cfg.BoolOpt('enable_instance_password', default=True,
                help='Return the server\'s admin password ("adminPass") '
                     'in the response to a server create and to a rescue.'),
    cfg.IntOpt('max_limit', default=1000, min=0,
               help='The most items a collection returns in one response.'),
    cfg.BoolOpt('drop_undefined_properties', default=False,
                help='On /v2.1, drop and log request body properties the '
                     'schema does not define instead of rejecting the '
                     'request with 400. Other validation errors still '
                     'reject. /v2 always drops them. Meant for deployers '
                     'moving /v2 clients onto the v2.1 code.'),
    cfg.ListOpt('disabled_plugins', default=[],
                help='Names of API plugins (entry points in the '
                     'nova_api.api.v21.plugins namespace) not to load. The '
                     'default API is complete; every plugin switched off '
                     'is logged at start-up.'),
    cfg.StrOpt('response_validation', default='ignore',
               choices=[('error', 'Answer 500 when a response breaks its '
                                  'schema (for tests).'),
                        ('warn', 'Log a warning and send the response.'),
                        ('ignore', 'Do not check responses.')],
               help='Whether responses are checked against the response '
                    'schemas their methods declare.'),
    cfg.StrOpt('project_id_regex', default=r'[0-9a-f\-]+',
               help='Regular expression a project id in the URL '
                    '(/v2.1/{project_id}/...) must match; as Nova, hex '
                    'ids and UUIDs by default.'),
    cfg.StrOpt('compute_link_prefix',
               help='Base URL in links to resources, instead of the '
                    "request's host URL; e.g. for a proxy in front of the "
                    'API.'),
]


def register_opts(conf):
    conf.register_group(api_group)
    conf.register_opts(api_opts, group=api_group)


def list_opts():
    return {api_group: api_opts}
