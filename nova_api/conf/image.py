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
    cfg.BoolOpt('verify_glance_signatures', default=False,
                help='Verify the signature of the images servers boot '
                     'from. With enable_certificate_validation, a server '
                     'created without trusted_image_certificates (2.63) '
                     'gets default_trusted_certificate_ids.'),
    cfg.BoolOpt('enable_certificate_validation', default=False,
                help='Validate the certificate of image signatures; only '
                     'with verify_glance_signatures.'),
    cfg.ListOpt('default_trusted_certificate_ids', default=[],
                help='Certificate ids a server trusts when its create '
                     'gives none, while verify_glance_signatures and '
                     'enable_certificate_validation are on. A server '
                     'booted from a volume cannot have any.'),
]


def register_opts(conf):
    conf.register_group(glance_group)
    conf.register_opts(glance_opts, group=glance_group)


def list_opts():
    return {glance_group: glance_opts}
