"""The remote console options: which console services the deployment runs
([vnc], [spice], [serial_console], [mks], each with Nova's name and
default) and the public URL of each one's proxy, and how long a console
token lives ([consoleauth] token_ttl).

A console URL is its proxy's base URL with the token appended, as Nova's
compute manager builds it.
"""

from oslo_config import cfg

vnc_group = cfg.OptGroup('vnc', title='VNC options',
                         help='The noVNC console (protocol "vnc").')
vnc_opts = [
    cfg.BoolOpt('enabled', default=True,
                help='Serve VNC consoles. When false, a "vnc" console '
                     'answers 400 "Unavailable console type novnc.".'),
    cfg.URIOpt('novncproxy_base_url',
               default='http://127.0.0.1:6080/vnc_auto.html',
               help='Public address of the noVNC proxy: the page a client '
                    'opens, to which the token is appended inside the '
                    '"path" query parameter.'),
]

spice_group = cfg.OptGroup('spice', title='SPICE console options',
                           help='The SPICE consoles (protocol "spice").')
spice_opts = [
    cfg.BoolOpt('enabled', default=False,
                help='Serve SPICE consoles (spice-html5 and, from 2.99, '
                     'spice-direct).'),
    cfg.URIOpt('html5proxy_base_url',
               default='http://127.0.0.1:6082/spice_auto.html',
               help='Public address of the SPICE HTML5 proxy '
                    '(spice-html5 consoles).'),
    cfg.URIOpt('spice_direct_proxy_base_url',
               default='http://127.0.0.1:13002/nova',
               help='Public address of a native SPICE protocol proxy '
                    '(spice-direct consoles, 2.99).'),
]

serial_group = cfg.OptGroup('serial_console',
                            title='Serial console options',
                            help='The serial console (protocol "serial").')
serial_opts = [
    cfg.BoolOpt('enabled', default=False, help='Serve serial consoles.'),
    cfg.URIOpt('base_url', default='ws://127.0.0.1:6083/',
               help='The URL an end user opens to reach the serial console '
                    'proxy.'),
]

mks_group = cfg.OptGroup('mks', title='MKS options',
                         help='The WebMKS console (protocol "mks", 2.8).')
mks_opts = [
    cfg.BoolOpt('enabled', default=False, help='Serve WebMKS consoles.'),
    cfg.URIOpt('mksproxy_base_url', schemes=['http', 'https'],
               default='http://127.0.0.1:6090/',
               help='Public address of the MKS web console proxy.'),
]

consoleauth_group = cfg.OptGroup('consoleauth', title='Console auth options',
                                 help='Console tokens.')
consoleauth_opts = [
    cfg.IntOpt('token_ttl', default=600, min=0,
               help='Seconds a console token is valid after it is given. '
                    'An expired token is not found.'),
]

_GROUPS = ((vnc_group, vnc_opts), (spice_group, spice_opts),
           (serial_group, serial_opts), (mks_group, mks_opts),
           (consoleauth_group, consoleauth_opts))


def register_opts(conf):
    for group, opts in _GROUPS:
        conf.register_group(group)
        conf.register_opts(opts, group=group)


def list_opts():
    return dict(_GROUPS)
