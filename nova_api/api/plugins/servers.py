"""/servers: create, list, show, update and delete servers, and their
power actions (reboot, os-stop, os-start).

    GET    /servers                     index   (filters, sort, paging)
    GET    /servers/detail              detail
    POST   /servers                     create  (202)
    GET    /servers/{id}                show
    PUT    /servers/{id}                update
    DELETE /servers/{id}                delete  (204)
    POST   /servers/{id}/action         reboot, os-stop, os-start (202)

A server of another project does not exist for a non-admin (404).

What later microversions change here: a create's description (2.19),
device tags (2.32, 2.42), networks "auto" and "none" (2.37), trusted
image certificates (2.63), volume_type checks (2.67), requested host and
node (2.74, rule compute:servers:create:requested_destination) and
hostname (2.90); an update's description (2.19), hostname (2.90) and
pinned zone (2.104); the filters members may use (2.5 ip6, 2.26 tags,
2.66 changes-before, 2.73 locked, 2.83 zone, key, user and state
filters, 2.90 hostname) and a list's refusal of unknown statuses (2.38);
and what show, detail and update read once per request for their views:
the host statuses (2.16), the embedded flavors of the page (2.47), tags
(2.26), server groups (2.71) and image properties (2.98). The schemas
hold the rest.
"""

import re

from oslo_utils import strutils
from oslo_utils import timeutils
from oslo_utils import uuidutils

from nova_api.api import pagination
from nova_api.api import plugin
from nova_api.api.schemas import servers as schemas
from nova_api.api import validation
from nova_api.api.views import servers as views
from nova_api.api import wsgi
from nova_api.compute import server_create
from nova_api.compute import servers
from nova_api import conf
from nova_api import exception
from nova_api.policies import servers as policies

CONF = conf.CONF

_UUID_AT_END = re.compile(
    r'([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})/?$',
    re.IGNORECASE)

# Filters anyone may use; the others need the allow_all_filters rule
# (administrators) and are dropped otherwise, as in Nova.
_USER_FILTERS = frozenset(('reservation_id', 'name', 'status', 'image',
                           'flavor', 'ip', 'changes-since', 'all_tenants'))
_PAGING_PARAMS = frozenset(('limit', 'marker', 'sort_key', 'sort_dir'))
# Query parameter → compute-layer filter, for exact-match filters.
_EXACT_FILTERS = {
    'image': 'image_ref', 'image_ref': 'image_ref', 'flavor': 'flavor_ref',
    'reservation_id': 'reservation_id', 'host': 'host', 'node': 'host',
    'availability_zone': 'availability_zone', 'key_name': 'key_name',
    'uuid': 'uuid', 'user_id': 'user_id', 'access_ip_v4': 'access_ip_v4',
    'access_ip_v6': 'access_ip_v6',
}
# Sort keys with a column, by their name in the API.
_SORT_COLUMNS = {
    'access_ip_v4': 'access_ip_v4', 'access_ip_v6': 'access_ip_v6',
    'auto_disk_config': 'disk_config',
    'availability_zone': 'availability_zone',
    'config_drive': 'config_drive', 'created_at': 'created_at',
    'display_name': 'name', 'host': 'host', 'hostname': 'hostname',
    'image_ref': 'image_ref', 'instance_type_id': 'flavor_ref',
    'key_name': 'key_name', 'launch_index': 'launch_index',
    'launched_at': 'launched_at', 'locked_by': 'locked_by',
    'project_id': 'project_id', 'task_state': 'task_state',
    'terminated_at': 'terminated_at', 'updated_at': 'updated_at',
    'user_id': 'user_id', 'uuid': 'uuid', 'vm_state': 'vm_state',
}
_ADMIN_SORT_KEYS = ('host', 'node')
# Tag filters (2.26), comma-separated lists → compute-layer filter.
_TAG_FILTERS = {'tags': 'tags', 'tags-any': 'tags_any',
                'not-tags': 'not_tags', 'not-tags-any': 'not_tags_any'}


def id_from_href(ref):
    """The id at the end of a URL (imageRef may be a link), or `ref`."""
    match = _UUID_AT_END.search(ref or '')
    if match is None:
        return ref
    return match.group(1)


def _flavor_id_from_href(ref):
    return ref.rstrip('/').rsplit('/', 1)[-1]


# Routes declare the rule every request checks; the rules some requests
# also check (all_tenants, a forced host, a zero-disk flavor, the
# extended attributes) are in nova_api/policies/servers.py.
class ServersController(wsgi.Controller):

    def _get_server(self, req, server_id):
        return servers.get_server(req.context, server_id)

    def can_see_extended_attributes(self, req, server_project_id=None):
        return req.context.can(
            policies.EXTENDED_ATTRIBUTES,
            {'project_id': server_project_id or req.context.project_id},
            fatal=False)

    def _host_status_options(self, req, server_project_id=None):
        """The view builder's host status options (2.16): every status
        for those the show:host_status rule lets see them, only UNKNOWN
        for those of the unknown-only rule, none for others. A list
        checks against the caller's own project."""
        if not req.is_supported('2.16'):
            return {}
        context = req.context
        target = (None if server_project_id is None
                  else {'project_id': server_project_id})
        if context.can(policies.SHOW_HOST_STATUS, target, fatal=False):
            return {'host_statuses': servers.host_statuses()}
        if context.can(policies.SHOW_HOST_STATUS_UNKNOWN_ONLY, target,
                       fatal=False):
            return {'host_statuses': servers.host_statuses(),
                    'host_status_unknown_only': True}
        return {}

    def _flavor_options(self, req, page, server_project_id=None):
        """The view builder's embedded flavors (2.47), read for the whole
        page at once, and whether their extra specs show."""
        if not req.is_supported('2.47'):
            return {}
        context = req.context
        target = (None if server_project_id is None
                  else {'project_id': server_project_id})
        return {'flavors': servers.embedded_flavors(context, page),
                'show_flavor_extra_specs': context.can(
                    policies.SHOW_FLAVOR_EXTRA_SPECS, target, fatal=False)}

    def update_view_options(self, req, server):
        """The view builder's options for an update's answer: the full
        view's from 2.75, the embedded flavor before."""
        options = self._flavor_options(req, [server], server.project_id)
        if req.is_supported('2.75'):
            options.update(self._host_status_options(req, server.project_id))
        return options

    @wsgi.expected_errors((400, 403))
    @wsgi.policy(policies.INDEX)
    @validation.query_schemas(schemas.index_query_history)
    @validation.response_body_schema(schemas.index_response)
    def index(self, req):
        page, limit = self._list(req, policies.INDEX,
                                 policies.INDEX_ALL_TENANTS)
        return views.index(req, page, limit)

    @wsgi.expected_errors((400, 403))
    @wsgi.policy(policies.DETAIL)
    @validation.query_schemas(schemas.index_query_history)
    @validation.response_body_schemas(schemas.detail_responses)
    def detail(self, req):
        page, limit = self._list(req, policies.DETAIL,
                                 policies.DETAIL_ALL_TENANTS,
                                 with_tags=req.is_supported('2.26'))
        if req.is_supported('2.98'):
            page = servers.with_image_properties(req.context, page)
        return views.detail(req, page, limit,
                            self.can_see_extended_attributes(req),
                            **self._host_status_options(req),
                            **self._flavor_options(req, page))

    def _list(self, req, rule, all_tenants_rule, with_tags=False):
        context = req.context
        context.can(rule, {'project_id': context.project_id})
        params = req.GET
        filters = _list_filters(req)
        if _all_tenants(params):
            context.can(all_tenants_rule, {'project_id': context.project_id})
            if 'tenant_id' in params or 'project_id' in params:
                filters['project_id'] = params.get(
                    'project_id', params.get('tenant_id'))
        else:
            filters['project_id'] = context.project_id
        sort_keys, sort_dirs = _sort_params(req)
        limit, marker = pagination.get_limit_and_marker(req)
        try:
            page = servers.list_servers(context, filters, sort_keys,
                                        sort_dirs, limit, marker,
                                        with_tags=with_tags)
        except exception.MarkerNotFound:
            raise exception.ServerMarkerNotFound(marker=marker)
        return page, limit

    def get_shown_server(self, req, server_id):
        """The server with what its show view has at this version."""
        server = servers.get_server(req.context, server_id,
                                    with_tags=req.is_supported('2.26'))
        if req.is_supported('2.71'):
            server, = servers.with_server_groups(req.context, [server])
        if req.is_supported('2.98'):
            server, = servers.with_image_properties(req.context, [server])
        return server

    @wsgi.expected_errors((400, 404))
    @wsgi.policy(policies.SHOW)
    @validation.query_schemas(schemas.show_query_history)
    @validation.response_body_schemas(schemas.show_responses)
    def show(self, req, id):
        server = self.get_shown_server(req, id)
        req.context.can(policies.SHOW, {'project_id': server.project_id})
        return views.show(
            req, server,
            self.can_see_extended_attributes(req, server.project_id),
            **self._host_status_options(req, server.project_id),
            **self._flavor_options(req, [server], server.project_id))

    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 409))
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.create_v20, '2.0', '2.0')
    @validation.schemas(schemas.create_history)
    @validation.response_body_schema(schemas.create_response)
    def create(self, req, body):
        context = req.context
        context.can(policies.CREATE, {'project_id': context.project_id,
                                      'user_id': context.user_id})
        params = body['server']
        request = _create_request(params, _scheduler_hints(body))
        # Before 2.19 Nova describes a server by its name.
        request.description = (params.get('description')
                               if req.is_supported('2.19')
                               else request.name)
        if params.get('trusted_image_certificates'):
            request.trusted_image_certificates = params[
                'trusted_image_certificates']
            context.can(policies.CREATE_TRUSTED_CERTS,
                        {'project_id': context.project_id,
                         'user_id': context.user_id})
        forced_host = _names_host_or_node(request.availability_zone)
        if forced_host:
            context.can(policies.CREATE_FORCED_HOST,
                        {'project_id': context.project_id})
        if request.requested_host or request.requested_node:
            _check_requested_destination(context, forced_host)
        if not request.image_ref and not request.boots_from_volume:
            raise exception.Invalid('Missing imageRef attribute')
        _check_bdm_volume_types(params.get('block_device_mapping_v2'))
        # "none" allocates no network, so it needs no right to attach one.
        if params.get('networks') and params['networks'] != 'none':
            context.can(policies.CREATE_ATTACH_NETWORK,
                        {'project_id': context.project_id})
        result = server_create.create_servers(
            context, request,
            can_use_zero_disk_flavor=context.can(
                policies.CREATE_ZERO_DISK_FLAVOR,
                {'project_id': context.project_id}, fatal=False))
        if params.get('return_reservation_id'):
            return views.reservation(result.reservation_id)
        admin_pass = (result.admin_pass if CONF.api.enable_instance_password
                      else None)
        body = views.create(req, result.servers[0], admin_pass)
        return wsgi.ResponseObject(
            body, headers={'Location': body['server']['links'][0]['href']})

    @wsgi.expected_errors((400, 404, 409))
    @wsgi.policy(policies.UPDATE)
    @validation.schema(schemas.update_v20, '2.0', '2.0')
    @validation.schemas(schemas.update_history)
    @validation.response_body_schemas(schemas.update_responses)
    def update(self, req, id, body):
        context = req.context
        server = self._get_server(req, id)
        context.can(policies.UPDATE, {'project_id': server.project_id,
                                      'user_id': server.user_id})
        params = body['server']
        values = {}
        if 'name' in params:
            values['name'] = params['name']
        if 'description' in params:
            # null removes the description.
            values['description'] = params['description']
        for wire, internal in (('accessIPv4', 'access_ip_v4'),
                               ('accessIPv6', 'access_ip_v6')):
            if wire in params:
                values[internal] = params[wire] or None
        if 'OS-DCF:diskConfig' in params:
            values['disk_config'] = params['OS-DCF:diskConfig']
        for name in ('hostname', 'pinned_availability_zone'):
            if name in params:
                values[name] = params[name]
        servers.update_server(context, server, values)
        server = self.get_shown_server(req, id)
        return views.update(
            req, server,
            self.can_see_extended_attributes(req, server.project_id),
            **self.update_view_options(req, server))

    @wsgi.response(204)
    @wsgi.expected_errors((404, 409))
    @wsgi.policy(policies.DELETE)
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, id):
        context = req.context
        server = self._get_server(req, id)
        context.can(policies.DELETE, {'project_id': server.project_id,
                                      'user_id': server.user_id})
        servers.delete_server(context, server)

    def _act(self, req, id, rule, act):
        server = self._get_server(req, id)
        req.context.can(rule, {'project_id': server.project_id,
                               'user_id': server.user_id})
        act(req.context, server)

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('reboot')
    @wsgi.policy(policies.REBOOT)
    @validation.schema(schemas.reboot)
    @validation.response_body_schema(schemas.reboot_response)
    def reboot(self, req, id, body):
        hard = body['reboot']['type'].upper() == 'HARD'
        self._act(req, id, policies.REBOOT,
                  lambda context, server: servers.reboot_server(
                      context, server, hard))

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('os-stop')
    @wsgi.policy(policies.STOP)
    @validation.schema(schemas.stop)
    @validation.response_body_schema(schemas.stop_response)
    def stop(self, req, id, body):
        self._act(req, id, policies.STOP, servers.stop_server)

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('os-start')
    @wsgi.policy(policies.START)
    @validation.schema(schemas.start)
    @validation.response_body_schema(schemas.start_response)
    def start(self, req, id, body):
        self._act(req, id, policies.START, servers.start_server)


def _all_tenants(params):
    if 'all_tenants' not in params:
        return False
    # The parameter without a value asks for every project, as in Nova.
    if not params['all_tenants']:
        return True
    try:
        return strutils.bool_from_string(params['all_tenants'], strict=True)
    except ValueError as error:
        # Nova passes the parser's message as the whole message.
        raise exception.Invalid(str(error))


# The filters every user may use from a version on.
_USER_FILTERS_FROM = [
    ('2.5', ('ip6',)),
    ('2.26', tuple(_TAG_FILTERS)),
    ('2.66', ('changes-before',)),
    ('2.73', ('locked',)),
    ('2.83', ('availability_zone', 'config_drive', 'key_name', 'created_at',
              'launched_at', 'terminated_at', 'power_state', 'task_state',
              'vm_state', 'progress', 'user_id')),
    ('2.90', ('hostname',)),
]


def _user_filters(req):
    allowed = set(_USER_FILTERS)
    for version, names in _USER_FILTERS_FROM:
        if req.is_supported(version):
            allowed.update(names)
    return allowed


def _list_filters(req):
    """The compute-layer filters of a list request's query string."""
    context = req.context
    params = req.GET
    allowed = _user_filters(req)
    asked = set(params) - _PAGING_PARAMS
    # The rule matters only for a filter not everyone may use.
    if not asked <= allowed and context.can(
            policies.ALLOW_ALL_FILTERS, {'project_id': context.project_id},
            fatal=False):
        allowed = asked
    names = [name for name in params if name in allowed]
    filters = {}
    for name in names:
        if name.startswith('_') or name in schemas.JOINED_TABLE_FILTERS:
            raise exception.Invalid('Invalid filter field: %s.' % name)
        value = params.getall(name)[-1]
        if name in _EXACT_FILTERS:
            filters[_EXACT_FILTERS[name]] = _exact_value(name, value)
        elif name in ('name', 'display_name'):
            filters['name'] = value
        elif name in ('hostname', 'config_drive', 'power_state',
                      'created_at', 'launched_at', 'terminated_at',
                      'progress'):
            filters[name] = value
        elif name == 'task_state':
            filters['task_state'] = params.getall(name)
        elif name in ('ip', 'ip6'):
            filters[name] = value
        elif name == 'status':
            filters['status'] = params.getall(name)
        elif name in ('changes-since', 'changes-before'):
            filters[name.replace('-', '_')] = timeutils.normalize_time(
                timeutils.parse_isotime(value))
        elif name == 'vm_state':
            filters['vm_state'] = params.getall(name)
        elif name == 'deleted':
            filters['deleted'] = strutils.bool_from_string(value)
        elif name == 'soft_deleted':
            # Nova takes the string as it comes: any but an empty one
            # (even "false") is true.
            filters['soft_deleted'] = bool(value)
        elif name == 'locked':
            filters['locked'] = _locked(req, value)
        elif name in _TAG_FILTERS:
            filters[_TAG_FILTERS[name]] = value.split(',')
    _check_changes_window(filters)
    if 'status' in filters and req.is_supported('2.38'):
        servers.check_status_filter(filters['status'])
    if 'deleted' in {status.lower() for status in filters.get(
            'status', ())} and not context.is_admin:
        raise exception.Forbidden(
            'Only administrators may list deleted instances')
    return filters


def _locked(req, value):
    if not req.is_supported('2.73'):
        return strutils.bool_from_string(value)
    try:
        return strutils.bool_from_string(value, strict=True)
    except ValueError as error:
        raise exception.Invalid(str(error))


def _check_changes_window(filters):
    since = filters.get('changes_since')
    before = filters.get('changes_before')
    if since is not None and before is not None and before < since:
        raise exception.Invalid('The value of changes-since must be less '
                                'than or equal to changes-before.')


def _exact_value(name, value):
    if name in ('image', 'image_ref'):
        return id_from_href(value)
    if name == 'flavor':
        return _flavor_id_from_href(value)
    return value


def _sort_params(req):
    """(sort columns, directions): the requested keys Nova sorts by, then
    created_at and id (newest first by default) to make the order
    stable."""
    keys = req.GET.getall('sort_key')
    dirs = req.GET.getall('sort_dir')
    for direction in dirs:
        if direction not in ('asc', 'desc'):
            raise exception.InvalidInput(
                reason="Unknown sort direction, must be 'desc' or 'asc'")
    if not req.context.is_admin:
        for key in _ADMIN_SORT_KEYS:
            if key in keys:
                raise exception.Forbidden(
                    'Only administrators can sort servers by %s' % key)
    columns = []
    directions = []
    for index, key in enumerate(keys):
        column = _SORT_COLUMNS.get(key)
        if key == 'locked':
            # Ignored before 2.73; locked servers have a locked_by.
            column = 'locked_by' if req.is_supported('2.73') else None
        if column is None or column in columns:
            continue
        columns.append(column)
        directions.append(dirs[index] if index < len(dirs) else 'desc')
    default_direction = directions[0] if directions else 'desc'
    for column in ('created_at', 'id'):
        if column not in columns:
            columns.append(column)
            directions.append(default_direction)
    return columns, directions


def _check_networks(networks):
    """Nova's checks of the form of requested networks, made before any
    other check of the request."""
    if isinstance(networks, str):
        # "auto" or "none" (2.37), checked by the schema.
        return
    for network in networks or []:
        if network.get('port'):
            if network.get('fixed_ip') is not None:
                raise exception.Invalid(
                    "Specified Fixed IP '%s' cannot be used with port '%s': "
                    "the two cannot be specified together." % (
                        network['fixed_ip'], network['port']))
            continue
        if 'uuid' not in network:
            raise exception.Invalid("Bad network format: missing 'uuid'")
        if not uuidutils.is_uuid_like(network['uuid']):
            raise exception.Invalid(
                'Bad networks format: network uuid is not in proper format '
                '(%s)' % network['uuid'])


def _names_host_or_node(availability_zone):
    """Whether 'zone:host', 'zone::node' or 'zone:host:node' name a host
    or node ('zone:' names neither)."""
    _zone, _, host_and_node = (availability_zone or '').partition(':')
    host, _, node = host_and_node.partition(':')
    return bool(host or node)


def _check_requested_destination(context, forced_host):
    """A create naming its host or node (2.74): the rule, then no forced
    host in its availability_zone."""
    context.can(policies.CREATE_REQUESTED_DESTINATION,
                {'project_id': context.project_id})
    if forced_host:
        raise exception.Invalid(
            'One mechanism with host and/or hypervisor_hostname and another '
            'mechanism with zone:host:node are mutually exclusive.')


def _check_bdm_volume_types(mappings):
    """Nova's checks of volume_type (2.67): only for a volume it creates
    (from an image, a snapshot or blank)."""
    for mapping in mappings or []:
        if not mapping.get('volume_type'):
            continue
        if mapping.get('destination_type') == 'local':
            raise exception.Invalid(
                'Block Device Mapping is Invalid: Specifying a volume_type '
                'with destination_type=local is not supported.')
        if mapping.get('source_type') == 'volume':
            raise exception.Invalid(
                'Block Device Mapping is Invalid: Specifying volume type to '
                'existing volume is not supported.')


def _scheduler_hints(body):
    """The scheduler hints of a create, under either of Nova's names."""
    return (body.get('os:scheduler_hints') or
            body.get('OS-SCH-HNT:scheduler_hints') or {})


def _group_hint(hints):
    # Nova takes the first of a list of groups.
    group = hints.get('group')
    if isinstance(group, list):
        group = group[0] if group else None
    return group


def _requested_networks(networks):
    """(networks asked for or None, whether to allocate any): "auto" is
    the default allocation, "none" none (2.37)."""
    if networks == 'none':
        return None, False
    if networks == 'auto':
        return None, True
    return networks, True


def _create_request(params, hints):
    _check_networks(params.get('networks'))
    networks, allocate_networks = _requested_networks(params.get('networks'))
    min_count = int(params.get('min_count', 1))
    max_count = int(params.get('max_count', min_count))
    if min_count > max_count:
        raise exception.Invalid('min_count must be <= max_count')
    return server_create.CreateRequest(
        name=params['name'],
        image_ref=id_from_href(params.get('imageRef')),
        flavor_ref=_flavor_id_from_href(str(params['flavorRef'])),
        min_count=min_count,
        max_count=max_count,
        key_name=params.get('key_name'),
        metadata=params.get('metadata', {}),
        availability_zone=params.get('availability_zone'),
        user_data=params.get('user_data'),
        access_ip_v4=params.get('accessIPv4') or None,
        access_ip_v6=params.get('accessIPv6') or None,
        admin_pass=params.get('adminPass'),
        security_groups=[group['name']
                         for group in params.get('security_groups', [])],
        networks=networks,
        allocate_networks=allocate_networks,
        config_drive=strutils.bool_from_string(
            params.get('config_drive', False)),
        disk_config=params.get('OS-DCF:diskConfig', 'MANUAL'),
        boots_from_volume=not params.get('imageRef') and bool(
            params.get('block_device_mapping') or
            params.get('block_device_mapping_v2')),
        group=_group_hint(hints),
        tags=params.get('tags', []),
        personality=[(item['path'], item['contents'])
                     for item in params.get('personality', [])],
        hostname=params.get('hostname'),
        requested_host=params.get('host'),
        requested_node=params.get('hypervisor_hostname'),
        scheduler_hints=hints)


class Servers(plugin.APIPlugin):
    name = 'servers'

    def resources(self):
        return [plugin.APIResource('servers', ServersController(), [
            ('GET', '/servers', 'index'),
            ('GET', '/servers/detail', 'detail'),
            ('POST', '/servers', 'create'),
            ('GET', '/servers/{id}', 'show'),
            ('PUT', '/servers/{id}', 'update'),
            ('DELETE', '/servers/{id}', 'delete'),
            ('POST', '/servers/{id}/action', 'action'),
        ])]
