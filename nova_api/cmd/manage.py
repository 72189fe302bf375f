"""nova-api-manage: database and route table commands.

    nova-api-manage [--config-file FILE] db sync
    nova-api-manage [--config-file FILE] db version
    nova-api-manage [--config-file FILE] routes
    nova-api-manage [--config-file FILE] coverage [--reference DIR]
    nova-api-manage [--config-file FILE] api-ref --output api-ref/source
    nova-api-manage [--config-file FILE] openapi [--microversion X.Y]

`coverage` writes the coverage page (doc/source/coverage.rst) from the
route table and Nova's reference (../shared/reference by default);
`api-ref` the API reference pages and parameters.yaml from the route table
and the samples in doc/api_samples; `openapi` prints the OpenAPI 3.1
document of a microversion (the maximum by default).
"""

import json
import sys

from oslo_config import cfg

from nova_api.api import api_reference
from nova_api.api import app
from nova_api.api import microversion
from nova_api.api import openapi
from nova_api.api import route_table
from nova_api.cmd import coverage
from nova_api import conf as nova_conf
from nova_api.db import migration
from nova_api import exception

CONF = nova_conf.CONF


def _db_sync():
    migration.db_sync()
    print('Database is at revision %s' % migration.db_version())


def _db_version():
    print(migration.db_version())


def _routes():
    print(route_table.format_table(route_table.default_table()))


def _coverage():
    rows = route_table.rows(route_table.default_table())
    sys.stdout.write(coverage.page(rows, CONF.command.reference))


def _api_ref():
    try:
        api_reference.write(route_table.default_table(),
                            CONF.command.output,
                            samples_dir=CONF.command.samples)
    except api_reference.MissingDescription as exc:
        sys.exit('nova-api-manage api-ref: %s' % exc)


def _openapi():
    version = CONF.command.microversion
    try:
        requested = microversion.APIVersionRequest(version)
    except exception.InvalidAPIVersionString:
        requested = None
    if requested is None or not requested.matches(microversion.MIN_VERSION,
                                                  microversion.MAX_VERSION):
        sys.exit('Microversion %s is not served: the versions are %s to %s'
                 % (version, microversion.MIN_VERSION,
                    microversion.MAX_VERSION))
    document = openapi.build(route_table.default_table(), version)
    print(json.dumps(document, indent=2, sort_keys=True))


def _add_parsers(subparsers):
    db = subparsers.add_parser('db', help='database schema')
    db_commands = db.add_subparsers(dest='db_command')
    db_commands.required = True
    db_commands.add_parser('sync', help='create or upgrade the schema and '
                                        'the default flavors').set_defaults(
        func=_db_sync)
    db_commands.add_parser('version', help='print the schema revision'
                           ).set_defaults(func=_db_version)
    subparsers.add_parser('routes', help='print the loaded route table'
                          ).set_defaults(func=_routes)
    page = subparsers.add_parser('coverage', help='print the coverage page')
    page.add_argument('--reference', default=coverage.DEFAULT_REFERENCE,
                      help="Nova's reference (compute-api-endpoints.json, "
                           "parameters.yaml)")
    page.set_defaults(func=_coverage)
    api_ref = subparsers.add_parser(
        'api-ref', help='write the API reference pages and parameters.yaml')
    api_ref.add_argument('--output', default='api-ref/source',
                         help='the api-ref source directory')
    api_ref.add_argument('--samples', default='doc/api_samples',
                         help='the API samples the pages include')
    api_ref.set_defaults(func=_api_ref)
    document = subparsers.add_parser(
        'openapi', help='print the OpenAPI 3.1 document of a microversion')
    document.add_argument('--microversion',
                          default=str(microversion.MAX_VERSION),
                          help='X.Y (default: the maximum)')
    document.set_defaults(func=_openapi)


def main(argv=None):
    CONF.register_cli_opt(cfg.SubCommandOpt(
        'command', title='Commands', handler=_add_parsers))
    app.parse_config(sys.argv[1:] if argv is None else argv)
    CONF.command.func()
    return 0


if __name__ == '__main__':
    sys.exit(main())
