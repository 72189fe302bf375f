"""/os-migrations: the moves of servers between hosts (Nova's
os-migrations).

    GET /os-migrations

Administrators list every project's; a project's managers their own,
asking for it (project_id, 2.80). Hosts are shown to the index:host
rule only. 2.59 pages the list newest first and filters it by
changes-since, 2.66 by changes-before, 2.80 by user and project.
"""

from nova_api.api import pagination
from nova_api.api import plugin
from nova_api.api import query_filters
from nova_api.api.schemas import migrations as schemas
from nova_api.api import validation
from nova_api.api.views import migrations as views
from nova_api.api import wsgi
from nova_api.compute import migration_records
from nova_api import exception
from nova_api.policies import migrations as policies

# Query parameters matched against the records' columns.
_FILTERS = ('host', 'instance_uuid', 'source_compute', 'migration_type',
            'user_id', 'project_id')


def _filters(req):
    """{name: the last value given} of the filters, as Nova reads them;
    before 2.59 it takes any parameter, so a user_id or project_id too."""
    names = (_FILTERS if req.is_supported('2.80') or
             not req.is_supported('2.59') else _FILTERS[:4])
    return {name: req.GET.getall(name)[-1] for name in names
            if name in req.GET}


def _changes(req):
    names = ()
    if req.is_supported('2.59'):
        names = ('changes-since', 'changes-before') if req.is_supported(
            '2.66') else ('changes-since',)
    since, before = (
        query_filters.timestamp(name, req.GET[name])
        if name in names and name in req.GET else None
        for name in ('changes-since', 'changes-before'))
    if since is not None and before is not None and before < since:
        raise exception.Invalid('The value of changes-since must be less '
                                'than or equal to changes-before.')
    return since, before


def _page(migrations, limit, marker):
    if marker is not None:
        uuids = [migration.uuid for migration in migrations]
        if marker not in uuids:
            raise exception.MarkerNotFound(marker=marker)
        migrations = migrations[uuids.index(marker) + 1:]
    return migrations[:limit]


class MigrationsController(wsgi.Controller):

    @wsgi.expected_errors((400, 403))
    # Then the all_projects rule, unless the caller asks for its own
    # project's, and the host rule, which only hides the hosts.
    @wsgi.policy(policies.INDEX)
    @validation.query_schemas(schemas.index_queries)
    @validation.response_body_schemas(schemas.index_responses)
    def index(self, req):
        context = req.context
        context.can(policies.INDEX)
        filters = _filters(req)
        project_id = filters.get('project_id')
        if not project_id or project_id != context.project_id:
            context.can(policies.INDEX_ALL_PROJECTS)
        with_hosts = context.can(policies.INDEX_HOST, fatal=False)
        statuses = ([req.GET.getall('status')[-1]]
                    if 'status' in req.GET else None)
        since, before = _changes(req)
        migrations = migration_records.list_migrations(
            context, filters, statuses, since, before)
        limit = None
        if req.is_supported('2.59'):
            limit, marker = pagination.get_limit_and_marker(req)
            migrations = _page(migrations, limit, marker)
        else:
            migrations.sort(key=lambda migration: migration.id)
        return views.index(req, migrations, limit, with_hosts)


class Migrations(plugin.APIPlugin):
    name = 'os-migrations'

    def resources(self):
        return [plugin.APIResource('os-migrations', MigrationsController(), [
            ('GET', '/os-migrations', 'index'),
        ])]
