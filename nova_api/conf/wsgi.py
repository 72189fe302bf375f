"""How the `nova-api` console script serves the API."""

from oslo_config import cfg

wsgi_opts = [
    cfg.HostAddressOpt('osapi_compute_listen', default='127.0.0.1',
                       help='IP address on which the compute API listens.'),
    cfg.PortOpt('osapi_compute_listen_port', default=8774,
                help='Port on which the compute API listens.'),
    cfg.IntOpt('osapi_compute_workers', default=1, min=1,
               help='Number of worker processes serving the compute API. '
                    'Use more than one only with a database that several '
                    'processes can share (PostgreSQL or MySQL).'),
    cfg.StrOpt('api_paste_config', default='api-paste.ini',
               help='File name of the paste.deploy configuration; a relative '
                    'name is looked up beside the config files, then in the '
                    'installed package.'),
]


def register_opts(conf):
    conf.register_opts(wsgi_opts)


def list_opts():
    return {'DEFAULT': wsgi_opts}
