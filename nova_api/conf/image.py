"""Options of the image service that /images stands in for."""

from oslo_config import cfg

glance_group = cfg.OptGroup(
    'glance', title='Image service options',
    help='Where the image service is, for the "alternate" links of '
         '/images.')

glance_opts = [
    cfg.ListOpt('api_servers', default=['http://127.0.0.1:9292'],
                item_type=cfg.types.URI(schemes=['http', 'https']),
                help='Base URLs of the image service API, without a '
                     'version; the first one is used in the "alternate" '
                     'link of each image (<url>/images/<id>), as Nova '
                     'links to Glance.'),
]


def register_opts(conf):
    conf.register_group(glance_group)
    conf.register_opts(glance_opts, group=glance_group)


def list_opts():
    return {glance_group: glance_opts}
