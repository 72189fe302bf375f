"""JSON-Schema of /servers: request bodies, query strings, responses.

Version ranges ("2.0" is /v2):

- 2.0: create and update take names (server, availability zone, key pair,
  security group) with leading or trailing spaces, and a null user_data.
- 2.1: those names are strict printable names.
- 2.3: show and detail add the admin-only OS-EXT-SRV-ATTR attributes
  reservation_id, launch_index, hostname, kernel_id, ramdisk_id,
  root_device_name and user_data, and each attached volume shows
  delete_on_termination.
- 2.9: show, detail and update add ``locked``.
- 2.16: show and detail add ``host_status`` (by policy).
- 2.19: create and update take a ``description``; show, detail and
  update show it.
- 2.26: show, detail and update add ``tags``; lists take the tags,
  tags-any, not-tags and not-tags-any filters.
- 2.32: networks and block_device_mapping_v2 items take a ``tag``; 2.33
  takes it from block devices, 2.37 from networks (Nova's mistakes), 2.42
  gives both back.
- 2.52: create takes ``tags``.
- 2.37: create requires ``networks``: a list (uuids must be UUIDs), or
  "auto" or "none".
- 2.47: the server's flavor is its details (original_name, sizes,
  extra_specs by policy) instead of an id and link.
- 2.57: create takes no ``personality``.
- 2.63: create takes ``trusted_image_certificates``; show, detail and
  update show them.
- 2.66: lists filter by ``changes-before``.
- 2.67: a block_device_mapping_v2 item may name its ``volume_type``.
- 2.71: show and update add ``server_groups`` (list detail does not).
- 2.73: show, detail and update add ``locked_reason``; lists filter and
  sort by ``locked``.
- 2.74: create takes ``host`` and ``hypervisor_hostname``.
- 2.75: lists refuse unknown query parameters and the sort keys they
  used to ignore; update answers with the show view.
- 2.90: create and update take ``hostname``; everyone sees
  OS-EXT-SRV-ATTR:hostname. 2.94: the hostname may be an FQDN.
- 2.96: show, detail and update add ``pinned_availability_zone``.
- 2.98: the image of a server shows its ``properties``.
- 2.100: show, detail and update add ``scheduler_hints``.
- 2.102: show refuses any query parameter.
- 2.104: update takes ``pinned_availability_zone``.

Nova reports the first error in schema order, so properties and keywords
are declared in Nova's order: the order decides which message a client
sees for a body with several errors.
"""

import copy

from nova_api.api import microversion
from nova_api.api.schemas import server_tags
from nova_api.api.validation import history
from nova_api.api.validation import parameter_types


def _format_first(name_schema):
    """A name schema whose format is checked before its length, as Nova's."""
    return {'type': 'string', 'format': name_schema['format'],
            **name_schema}


_name = _format_first(parameter_types.name)
_name_v20 = _format_first(parameter_types.name_with_leading_trailing_spaces)

_uuid = {'type': 'string', 'format': 'uuid'}

_ip_address = {
    'type': 'string',
    'oneOf': [{'format': 'ipv4'}, {'format': 'ipv6'}],
}

_access_ipv4 = {'type': 'string', 'format': 'ipv4'}
_access_ipv6 = {'type': 'string', 'format': 'ipv6'}

_disk_config = {'type': 'string', 'enum': ['AUTO', 'MANUAL']}

_base64 = {'type': 'string', 'format': 'base64'}

_user_data = dict(_base64, maxLength=65535)

# The largest volume a database integer column holds, in GiB.
_volume_size = {
    'type': ['integer', 'string'],
    'pattern': '^[0-9]+$',
    'minimum': 1,
    'maximum': parameter_types.DB_MAX_INT,
}

# Requests.

_legacy_block_device_mapping = {
    'type': 'object',
    'properties': {
        'virtual_name': {'type': 'string', 'maxLength': 255},
        'volume_id': _uuid,
        'snapshot_id': _uuid,
        'volume_size': _volume_size,
        # No empty names and no spaces: Nova builds device paths from them.
        'device_name': {
            'type': 'string', 'minLength': 1, 'maxLength': 255,
            'pattern': '^[a-zA-Z0-9._/-]*$',
        },
        'delete_on_termination': parameter_types.boolean,
        'no_device': {},
        # A MEDIUMTEXT column.
        'connection_info': {'type': 'string', 'maxLength': 16777215},
    },
    'additionalProperties': False,
}

_block_device_mapping_v2 = copy.deepcopy(_legacy_block_device_mapping)
_block_device_mapping_v2['properties'].update({
    'source_type': {
        'type': 'string', 'enum': ['volume', 'image', 'snapshot', 'blank'],
    },
    'uuid': {
        'type': 'string', 'minLength': 1, 'maxLength': 255,
        'pattern': '^[a-zA-Z0-9._-]*$',
    },
    'image_id': _uuid,
    'destination_type': {'type': 'string', 'enum': ['local', 'volume']},
    'guest_format': {'type': 'string', 'maxLength': 255},
    'device_type': {'type': 'string', 'maxLength': 255},
    'disk_bus': {'type': 'string', 'maxLength': 255},
    # null is kept for the clients of the legacy v2 API.
    'boot_index': {
        'type': ['integer', 'string', 'null'], 'pattern': '^-?[0-9]+$',
    },
})

# Any hint is passed to the scheduler; the known ones are checked.
_scheduler_hints = {
    'type': 'object',
    'properties': {
        'group': {'oneOf': [{'type': 'array', 'items': _uuid}, _uuid]},
        'different_host': {
            'oneOf': [_uuid, {'type': 'array', 'items': _uuid}],
        },
        'same_host': {'type': ['string', 'array'], 'items': _uuid},
        # A JSON string, or its object, of the JsonFilter.
        'query': {'type': ['string', 'object']},
        'target_cell': _name,
        'different_cell': {
            'type': ['string', 'array'], 'items': {'type': 'string'},
        },
        'build_near_host_ip': _ip_address,
        'cidr': {'type': 'string', 'pattern': '^/[0-9a-f.:]+$'},
    },
    'additionalProperties': True,
}

# Up to 2.36 a network's uuid is any string: a bad one is reported by the
# controller ("Bad networks format: ..."), not by the schema.
_network = {
    'type': 'object',
    'properties': {
        'fixed_ip': _ip_address,
        'port': {'type': ['string', 'null'], 'format': 'uuid'},
        'uuid': {'type': 'string'},
    },
    'additionalProperties': False,
}

_personality = {
    'type': 'array',
    'items': {
        'type': 'object',
        'properties': {
            'path': {'type': 'string'},
            'contents': _base64,
        },
        'additionalProperties': False,
    },
}


def _create_body(name, user_data):
    return {
        'type': 'object',
        'properties': {
            'server': {
                'type': 'object',
                'properties': {
                    'name': name,
                    # "" is for booting from a volume; the controller
                    # rejects it otherwise.
                    'imageRef': {'oneOf': [_uuid,
                                           {'type': 'string',
                                            'maxLength': 0}]},
                    'flavorRef': {'type': ['string', 'integer'],
                                  'minLength': 1},
                    'adminPass': {'type': 'string'},
                    'metadata': parameter_types.metadata,
                    'networks': {'type': 'array', 'items': _network},
                    'OS-DCF:diskConfig': _disk_config,
                    'accessIPv4': _access_ipv4,
                    'accessIPv6': _access_ipv6,
                    'personality': _personality,
                    'availability_zone': name,
                    'block_device_mapping': {
                        'type': 'array',
                        'items': _legacy_block_device_mapping,
                    },
                    'block_device_mapping_v2': {
                        'type': 'array', 'items': _block_device_mapping_v2,
                    },
                    'config_drive': parameter_types.boolean,
                    'key_name': name,
                    'min_count': parameter_types.positive_integer,
                    'max_count': parameter_types.positive_integer,
                    'return_reservation_id': parameter_types.boolean,
                    'security_groups': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            # A group's name or its UUID.
                            'properties': {'name': name},
                            'additionalProperties': False,
                        },
                    },
                    'user_data': user_data,
                },
                'required': ['name', 'flavorRef'],
                'additionalProperties': False,
            },
            'os:scheduler_hints': _scheduler_hints,
            'OS-SCH-HNT:scheduler_hints': _scheduler_hints,
        },
        'required': ['server'],
        'additionalProperties': False,
    }


create = _create_body(_name, _user_data)
create_v20 = _create_body(
    _name_v20, dict(_user_data, type=['string', 'null']))

# A guest hostname (2.90): letters, digits and inner dashes.
_hostname = {
    'type': 'string',
    'pattern': '^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$',
    'minLength': 2,
    'maxLength': 63,
}
# A host name or FQDN: compute host names (2.74), guest hostnames (2.94).
_fqdn = parameter_types.fqdn


def _server_body(schema):
    return schema['properties']['server']['properties']


def _add_bdm_volume_type(schema):
    _server_body(schema)['block_device_mapping_v2']['items'][
        'properties']['volume_type'] = {
            'type': ['string', 'null'], 'minLength': 0, 'maxLength': 255,
    }


def _add_requested_destination(schema):
    _server_body(schema).update(host=_fqdn, hypervisor_hostname=_fqdn)


def _add_hostname(schema):
    _server_body(schema)['hostname'] = _hostname


def _allow_fqdn_hostname(schema):
    _server_body(schema)['hostname'] = _fqdn


# What a user says a server is for (2.19); null clears it.
description = {
    'type': ['string', 'null'],
    'pattern': parameter_types.PRINTABLE,
    'minLength': 0,
    'maxLength': 255,
}

# A device tag (2.32, 2.42): what the guest sees in its metadata.
device_tag = {
    'type': 'string',
    'pattern': '^[^,/]*$',
    'minLength': 1,
    'maxLength': 60,
}

# Certificate ids the image signature is validated with (2.63).
trusted_image_certificates = {
    'type': ['array', 'null'],
    'minItems': 1,
    'maxItems': 50,
    'uniqueItems': True,
    'items': {'type': 'string', 'minLength': 1},
}


def _create_server(body):
    return body['properties']['server']


def _add_create_description(body):
    _create_server(body)['properties']['description'] = description


def _tag_networks_and_block_devices(body):
    properties = _create_server(body)['properties']
    properties['networks']['items']['properties']['tag'] = device_tag
    properties['block_device_mapping_v2']['items']['properties'][
        'tag'] = device_tag


def _untag_block_devices(body):
    # Nova took block device tags at 2.32 only, by mistake, until 2.42.
    del _create_server(body)['properties']['block_device_mapping_v2'][
        'items']['properties']['tag']


def _networks_list_or_auto_or_none(body):
    """2.37: networks is required: a list, whose uuids must be UUIDs and
    which takes no tag (Nova's mistake, until 2.42), or "auto" or
    "none"."""
    server = _create_server(body)
    server['required'].append('networks')
    server['properties']['networks'] = {
        'oneOf': [
            {
                'type': 'array',
                'items': {
                    'type': 'object',
                    'properties': {
                        'fixed_ip': _ip_address,
                        'port': {'type': ['string', 'null'],
                                 'format': 'uuid'},
                        'uuid': _uuid,
                    },
                    'additionalProperties': False,
                },
            },
            {'type': 'string', 'enum': ['none', 'auto']},
        ],
    }


def _retag_networks_and_block_devices(body):
    properties = _create_server(body)['properties']
    properties['networks']['oneOf'][0]['items']['properties'][
        'tag'] = device_tag
    properties['block_device_mapping_v2']['items']['properties'][
        'tag'] = device_tag


def _remove_personality(body):
    del _create_server(body)['properties']['personality']


def _take_trusted_image_certificates(body):
    _create_server(body)['properties'][
        'trusted_image_certificates'] = trusted_image_certificates


def _add_create_tags(body):
    body['properties']['server']['properties']['tags'] = server_tags.tags


# What each version changed in a create's body from 2.1; 2.0 (/v2) is
# create_v20.
CREATE_CHANGES = [
    ('2.19', _add_create_description),
    ('2.32', _tag_networks_and_block_devices),
    ('2.33', _untag_block_devices),
    ('2.37', _networks_list_or_auto_or_none),
    ('2.42', _retag_networks_and_block_devices),
    ('2.52', _add_create_tags),
    ('2.57', _remove_personality),
    ('2.63', _take_trusted_image_certificates),
    ('2.67', _add_bdm_volume_type),
    ('2.74', _add_requested_destination),
    ('2.90', _add_hostname),
    ('2.94', _allow_fqdn_hostname),
]
create_history = history.of(create, CREATE_CHANGES, '2.1')


def _update_body(name):
    return {
        'type': 'object',
        'properties': {
            'server': {
                'type': 'object',
                'properties': {
                    'name': name,
                    'OS-DCF:diskConfig': _disk_config,
                    'accessIPv4': _access_ipv4,
                    'accessIPv6': _access_ipv6,
                },
                'additionalProperties': False,
            },
        },
        'required': ['server'],
        'additionalProperties': False,
    }


update = _update_body(_name)
update_v20 = _update_body(_name_v20)


def _add_update_description(body):
    body['properties']['server']['properties']['description'] = description


def _take_pinned_availability_zone(schema):
    _server_body(schema)['pinned_availability_zone'] = {
        'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 255},
                  {'type': 'null'}],
    }


# What each version changed in the update body from 2.1.
UPDATE_REQUEST_CHANGES = [
    ('2.19', _add_update_description),
    ('2.90', _add_hostname),
    ('2.94', _allow_fqdn_hostname),
    ('2.104', _take_pinned_availability_zone),
]
update_history = history.of(update, UPDATE_REQUEST_CHANGES,
                            '2.1')


def _rebuild_body(name):
    return {
        'type': 'object',
        'properties': {
            'rebuild': {
                'type': 'object',
                'properties': {
                    'name': name,
                    'imageRef': _uuid,
                    'adminPass': {'type': 'string'},
                    'metadata': parameter_types.metadata,
                    # os-preserve-ephemeral-rebuild: accepted, and the
                    # simulated disks keep nothing either way.
                    'preserve_ephemeral': parameter_types.boolean,
                    'OS-DCF:diskConfig': _disk_config,
                    'accessIPv4': _access_ipv4,
                    'accessIPv6': _access_ipv6,
                    'personality': _personality,
                },
                'required': ['imageRef'],
                'additionalProperties': False,
            },
        },
        'required': ['rebuild'],
        'additionalProperties': False,
    }


rebuild = _rebuild_body(_name)
rebuild_v20 = _rebuild_body(_name_v20)


def _rebuild_properties(body):
    return body['properties']['rebuild']['properties']


def _add_rebuild_description(body):
    _rebuild_properties(body)['description'] = description


def _add_rebuild_key_name(body):
    # null takes the key pair away.
    _rebuild_properties(body)['key_name'] = {
        'oneOf': [parameter_types.name, {'type': 'null'}]}


def _take_rebuild_user_data(body):
    properties = _rebuild_properties(body)
    del properties['personality']
    # null takes the user data away.
    properties['user_data'] = dict(_user_data, type=['string', 'null'])


def _take_rebuild_certificates(body):
    # null takes them away.
    _rebuild_properties(body)['trusted_image_certificates'] = dict(
        trusted_image_certificates,
        type=['array', 'null'])


def _add_rebuild_hostname(body):
    _rebuild_properties(body)['hostname'] = _hostname


def _allow_rebuild_fqdn(body):
    _rebuild_properties(body)['hostname'] = _fqdn


# What each version changed in the rebuild body from 2.1.
REBUILD_REQUEST_CHANGES = [
    ('2.19', _add_rebuild_description),
    ('2.54', _add_rebuild_key_name),
    ('2.57', _take_rebuild_user_data),
    ('2.63', _take_rebuild_certificates),
    ('2.90', _add_rebuild_hostname),
    ('2.94', _allow_rebuild_fqdn),
]
rebuild_history = history.of(rebuild, REBUILD_REQUEST_CHANGES, '2.1')

reboot = {
    'type': 'object',
    'properties': {
        'reboot': {
            'type': 'object',
            'properties': {
                'type': {
                    'type': 'string',
                    'enum': ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft'],
                },
            },
            'required': ['type'],
            'additionalProperties': False,
        },
    },
    'required': ['reboot'],
    'additionalProperties': False,
}


def _action_without_arguments(action):
    # Nova documents null but has always taken any value.
    return {
        'type': 'object',
        'properties': {action: {}},
        'required': [action],
        'additionalProperties': False,
    }


stop = _action_without_arguments('os-stop')
start = _action_without_arguments('os-start')

# Query strings.

_any = parameter_types.multi_params({'type': 'string'})
_regex = parameter_types.multi_params({'type': 'string', 'format': 'regex'})

# Sort keys Nova took before it validated them: still accepted, then
# ignored by the controller.
SORT_KEYS_IGNORED = [
    'architecture', 'cell_name', 'cleaned', 'default_ephemeral_device',
    'default_swap_device', 'deleted', 'deleted_at', 'disable_terminate',
    'ephemeral_gb', 'ephemeral_key_uuid', 'id', 'key_data', 'launched_on',
    'locked', 'memory_mb', 'os_type', 'reservation_id', 'root_gb',
    'shutdown_terminate', 'user_data', 'vcpus', 'vm_mode',
]
SORT_KEYS = [
    'access_ip_v4', 'access_ip_v6', 'auto_disk_config', 'availability_zone',
    'config_drive', 'created_at', 'display_description', 'display_name',
    'host', 'hostname', 'image_ref', 'instance_type_id', 'kernel_id',
    'key_name', 'launch_index', 'launched_at', 'locked_by', 'node',
    'power_state', 'progress', 'project_id', 'ramdisk_id', 'root_device_name',
    'task_state', 'terminated_at', 'updated_at', 'user_id', 'uuid',
    'vm_state',
] + SORT_KEYS_IGNORED

# Filters on other tables: declared so that they are not stripped as
# unknown, and the controller rejects them ("Invalid filter field").
JOINED_TABLE_FILTERS = [
    'block_device_mapping', 'services', 'metadata', 'system_metadata',
    'info_cache', 'security_groups', 'pci_devices',
]

# Values are checked by the controller (sort_dir, all_tenants, deleted,
# status ...), with Nova's messages. Unknown parameters are ignored (and
# removed), as in Nova before 2.75; names starting with "_" are kept so
# that the controller rejects them.
index_query = {
    'type': 'object',
    'properties': {
        'user_id': _any,
        'project_id': _any,
        'tenant_id': _any,
        'launch_index': _any,
        'image_ref': _any,
        'image': _any,
        'kernel_id': _regex,
        'ramdisk_id': _regex,
        'hostname': _regex,
        'key_name': _regex,
        'power_state': _regex,
        'vm_state': _any,
        'task_state': _any,
        'host': _any,
        'node': _regex,
        'flavor': _regex,
        'reservation_id': _regex,
        'launched_at': _regex,
        'terminated_at': _regex,
        'availability_zone': _regex,
        'name': _regex,
        'display_name': _regex,
        'description': _regex,
        'display_description': _regex,
        'locked_by': _regex,
        'uuid': _any,
        'root_device_name': _regex,
        'config_drive': _regex,
        'access_ip_v4': _regex,
        'access_ip_v6': _regex,
        'auto_disk_config': _regex,
        'progress': _regex,
        'sort_key': parameter_types.multi_params(
            {'type': 'string', 'enum': SORT_KEYS}),
        'sort_dir': _any,
        'all_tenants': _any,
        'soft_deleted': _any,
        'deleted': _any,
        'status': _any,
        'changes-since': parameter_types.multi_params(
            {'type': 'string', 'format': 'date-time'}),
        'ip': _regex,
        'ip6': _regex,
        'created_at': _regex,
        **{name: _any for name in JOINED_TABLE_FILTERS},
        'limit': parameter_types.multi_params(
            parameter_types.non_negative_integer),
        'marker': _any,
    },
    'additionalProperties': True,
    'patternProperties': {'^_': _any},
}


def _add_tag_filters(query):
    query['properties'].update({
        'tags': _regex, 'tags-any': _regex,
        'not-tags': _regex, 'not-tags-any': _regex,
    })


def _add_changes_before(query):
    query['properties']['changes-before'] = parameter_types.multi_params(
        {'type': 'string', 'format': 'date-time'})


# From 2.73 servers sort by ``locked`` (no longer ignored) and filter by
# it; from 2.75 the ignored sort keys are refused. Nova lists the keys in
# the order of a Python set: these are the orders the reference Nova
# answered in its messages.
SORT_KEYS_IGNORED_V273 = [key for key in SORT_KEYS_IGNORED
                          if key != 'locked']
SORT_KEYS_V275 = [
    'created_at', 'power_state', 'instance_type_id', 'display_name',
    'terminated_at', 'task_state', 'availability_zone', 'progress',
    'ramdisk_id', 'image_ref', 'access_ip_v4', 'config_drive', 'kernel_id',
    'launched_at', 'display_description', 'node', 'auto_disk_config', 'host',
    'locked', 'project_id', 'updated_at', 'launch_index', 'root_device_name',
    'locked_by', 'hostname', 'user_id', 'access_ip_v6', 'key_name',
    'vm_state', 'uuid',
]
SORT_KEYS_V273 = ['locked'] + [
    key for key in SORT_KEYS_V275 if key != 'locked'
] + SORT_KEYS_IGNORED_V273


def _add_locked_filter(query):
    query['properties'].update(
        locked=_any,
        sort_key=parameter_types.multi_params(
            {'type': 'string', 'enum': SORT_KEYS_V273}))


def _refuse_unknown_parameters(query):
    query['properties']['sort_key'] = parameter_types.multi_params(
        {'type': 'string', 'enum': SORT_KEYS_V275})
    query['additionalProperties'] = False


# What each version changed in the query of GET /servers and
# /servers/detail.
INDEX_QUERY_CHANGES = [
    ('2.26', _add_tag_filters),
    ('2.66', _add_changes_before),
    ('2.73', _add_locked_filter),
    ('2.75', _refuse_unknown_parameters),
]
index_query_history = history.of(
    index_query, INDEX_QUERY_CHANGES, '2.0')

detail_query = index_query

show_query = parameter_types.no_query_parameters


def _refuse_any_parameter(query):
    query['additionalProperties'] = False


# From 2.102 a show refuses any query parameter.
SHOW_QUERY_CHANGES = [
    ('2.102', _refuse_any_parameter),
]
show_query_history = history.of(show_query, SHOW_QUERY_CHANGES, '2.0')

# Nova ignores the query string of a delete, at every version.
delete_query = parameter_types.no_query_parameters

# Responses.


def _link(rel):
    return {
        'type': 'object',
        'properties': {
            'href': {'type': 'string', 'format': 'uri'},
            'rel': {'enum': [rel]},
        },
        'required': ['href', 'rel'],
        'additionalProperties': False,
    }


_server_links = {
    'type': 'array',
    'items': [_link('self'), _link('bookmark')],
    'minItems': 2,
    'maxItems': 2,
}

_bookmark_links = {
    'type': 'array', 'items': _link('bookmark'), 'minItems': 1, 'maxItems': 1,
}

_next_links = {
    'type': 'array', 'items': _link('next'), 'minItems': 1, 'maxItems': 1,
}

# created, updated and a fault's created: UTC to the second, with "Z".
_iso_time = {
    'type': 'string',
    'pattern': r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$',
}
# launched_at, terminated_at: naive UTC with microseconds, or null.
_usage_time = {
    'type': ['string', 'null'],
    'pattern': r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$',
}

_mac_address = {
    'type': 'string', 'pattern': '^([0-9a-fA-F]{2})(:[0-9a-fA-F]{2}){5}$',
}

_statuses = [
    'ACTIVE', 'BUILD', 'DELETED', 'ERROR', 'HARD_REBOOT', 'MIGRATING',
    'PASSWORD', 'PAUSED', 'REBOOT', 'REBUILD', 'RESCUE', 'RESIZE',
    'REVERT_RESIZE', 'SHELVED', 'SHELVED_OFFLOADED', 'SHUTOFF',
    'SOFT_DELETED', 'SUSPENDED', 'UNKNOWN', 'VERIFY_RESIZE',
]


def _addresses(**extra_properties):
    """Addresses by network name; show and detail add type and MAC."""
    return {
        'type': 'object',
        'additionalProperties': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    'addr': _ip_address,
                    'version': {'enum': [4, 6]},
                    **extra_properties,
                },
                'required': ['addr', 'version', *extra_properties],
                'additionalProperties': False,
            },
        },
    }


def _empty_or(schema):
    return {'anyOf': [schema, {'enum': ['']}]}


def _volumes_attached(**extra_properties):
    return {
        'type': 'array',
        'items': {
            'type': 'object',
            'properties': {'id': {'type': 'string'}, **extra_properties},
            'required': ['id', *extra_properties],
            'additionalProperties': False,
        },
    }


# What both the show view and the (shorter, before 2.75) update view carry.
_view_properties = {
    'accessIPv4': _empty_or(_access_ipv4),
    'accessIPv6': _empty_or(_access_ipv6),
    'addresses': _addresses(),
    'created': _iso_time,
    # Only in ERROR or DELETED, when there is a fault; details are hidden
    # from non-admins for 500s.
    'fault': {
        'type': 'object',
        'properties': {
            'code': {'type': 'integer'},
            'created': _iso_time,
            'message': {'type': 'string'},
            'details': {'type': 'string'},
        },
        'required': ['code', 'created', 'message'],
        'additionalProperties': False,
    },
    'flavor': {
        'type': 'object',
        'properties': {'id': {'type': 'string'}, 'links': _bookmark_links},
        'required': ['id', 'links'],
        'additionalProperties': False,
    },
    # A hash of host and project, or "" before the server has a host.
    'hostId': {'type': 'string', 'pattern': '^([0-9a-f]{56})?$'},
    'id': _uuid,
    # "" for a server booted from a volume.
    'image': {
        'anyOf': [
            {'enum': ['']},
            {
                'type': 'object',
                'properties': {'id': _uuid, 'links': _bookmark_links},
                'required': ['id', 'links'],
                'additionalProperties': False,
            },
        ],
    },
    'links': _server_links,
    'metadata': {
        'type': 'object',
        'additionalProperties': {'type': 'string'},
    },
    'name': {'type': 'string'},
    # Only in ACTIVE, BUILD, REBUILD, RESIZE, VERIFY_RESIZE and MIGRATING.
    'progress': {'type': ['integer', 'null'], 'minimum': 0, 'maximum': 100},
    'status': {'enum': _statuses},
    'tenant_id': parameter_types.project_id,
    'updated': _iso_time,
    'user_id': parameter_types.user_id,
    'OS-DCF:diskConfig': _disk_config,
}

_show_properties = dict(
    _view_properties,
    addresses=_addresses(**{
        'OS-EXT-IPS:type': {'enum': ['fixed', 'floating']},
        'OS-EXT-IPS-MAC:mac_addr': _mac_address,
    }),
    config_drive={'enum': ['', 'True', 'False', None]},
    key_name={'type': ['string', 'null']},
    # Absent when the server is in no security group.
    security_groups={
        'type': 'array',
        'items': {
            'type': 'object',
            'properties': {'name': {'type': 'string'}},
            'required': ['name'],
            'additionalProperties': False,
        },
    },
    **{
        'os-extended-volumes:volumes_attached': _volumes_attached(),
        'OS-EXT-AZ:availability_zone': {'type': 'string'},
        # Admin-only (policy os_compute_api:os-extended-server-attributes).
        'OS-EXT-SRV-ATTR:host': {'type': ['string', 'null']},
        'OS-EXT-SRV-ATTR:hypervisor_hostname': {'type': ['string', 'null']},
        'OS-EXT-SRV-ATTR:instance_name': {'type': 'string'},
        'OS-EXT-STS:power_state': {'enum': [0, 1, 3, 4, 6, 7, None]},
        'OS-EXT-STS:task_state': {'type': ['string', 'null']},
        'OS-EXT-STS:vm_state': {'type': ['string', 'null']},
        'OS-SRV-USG:launched_at': _usage_time,
        'OS-SRV-USG:terminated_at': _usage_time,
    },
)


def _add_launch_details(properties):
    properties.update({
        'os-extended-volumes:volumes_attached': _volumes_attached(
            delete_on_termination={'type': 'boolean'}),
        'OS-EXT-SRV-ATTR:reservation_id': {'type': ['string', 'null']},
        'OS-EXT-SRV-ATTR:launch_index': {'type': ['integer', 'null']},
        'OS-EXT-SRV-ATTR:hostname': {'type': ['string', 'null']},
        'OS-EXT-SRV-ATTR:kernel_id': {'type': ['string', 'null']},
        'OS-EXT-SRV-ATTR:ramdisk_id': {'type': ['string', 'null']},
        'OS-EXT-SRV-ATTR:root_device_name': {'type': ['string', 'null']},
        'OS-EXT-SRV-ATTR:user_data': dict(_user_data,
                                          type=['string', 'null']),
    })


def _add_locked(properties):
    properties['locked'] = {'type': 'boolean'}


def _add_host_status(properties):
    # "" when the server has no host or its host has no compute service.
    properties['host_status'] = {
        'enum': ['UP', 'DOWN', 'MAINTENANCE', 'UNKNOWN', ''],
    }


def _add_description(properties):
    properties['description'] = {'type': ['string', 'null']}


_embedded_flavor = {
    'type': 'object',
    'properties': {
        'original_name': {'type': 'string'},
        'vcpus': {'type': 'integer'},
        'ram': {'type': 'integer'},
        'disk': {'type': 'integer'},
        'ephemeral': {'type': 'integer'},
        'swap': {'type': 'integer'},
        # Behind the show:flavor-extra-specs policy.
        'extra_specs': {
            'type': 'object',
            'additionalProperties': {'type': 'string'},
        },
    },
    'required': ['original_name', 'vcpus', 'ram', 'disk', 'ephemeral',
                 'swap'],
    'additionalProperties': False,
}


def _embed_flavor(properties):
    properties['flavor'] = _embedded_flavor


def _add_trusted_image_certificates(properties):
    properties['trusted_image_certificates'] = {
        'type': ['array', 'null'], 'items': {'type': 'string'},
    }


# State-dependent (fault, progress), absent when empty (security groups)
# or behind a policy (host_status, OS-EXT-SRV-ATTR).
_OPTIONAL = frozenset(('fault', 'progress', 'security_groups',
                       'host_status', 'adminPass'))


def _add_tags(properties):
    properties['tags'] = {'type': 'array', 'items': {'type': 'string'},
                          'maxItems': server_tags.MAX_TAGS}


def _add_server_groups(properties):
    # The group the server is in, if any.
    properties['server_groups'] = {
        'type': 'array', 'items': _uuid, 'maxItems': 1,
    }


def _add_locked_reason(properties):
    properties['locked_reason'] = {'type': ['string', 'null']}


def _add_pinned_availability_zone(properties):
    properties['pinned_availability_zone'] = {'type': ['string', 'null']}


def _add_image_properties(properties):
    image = properties['image']['anyOf'][1]
    image['properties']['properties'] = {
        'type': 'object',
        'patternProperties': {
            '^[a-zA-Z0-9_:. ]{1,255}$': {
                'type': ['string', 'null'], 'maxLength': 255,
            },
        },
        'additionalProperties': False,
    }
    image['required'].append('properties')


def _add_scheduler_hints(properties):
    # As the scheduler keeps them: every value a list of strings.
    properties['scheduler_hints'] = {
        'type': 'object',
        'additionalProperties': {'type': 'array', 'items': {'type': 'string'}},
    }


def _is_optional(name):
    return name in _OPTIONAL or name.startswith('OS-EXT-SRV-ATTR:')


def _server(properties):
    return {
        'type': 'object',
        'properties': properties,
        'required': [name for name in properties if not _is_optional(name)],
        'additionalProperties': False,
    }


def _one(server):
    return {
        'type': 'object',
        'properties': {'server': server},
        'required': ['server'],
        'additionalProperties': False,
    }


def _many(server):
    return {
        'type': 'object',
        'properties': {
            'servers': {'type': 'array', 'items': server},
            'servers_links': _next_links,
        },
        'required': ['servers'],
        'additionalProperties': False,
    }


# What each version changed in the server of show, list detail and, from
# 2.75, update: (version, function changing a copy of the properties).
SERVER_CHANGES = [
    ('2.3', _add_launch_details),
    ('2.9', _add_locked),
    ('2.16', _add_host_status),
    ('2.19', _add_description),
    ('2.26', _add_tags),
    ('2.47', _embed_flavor),
    ('2.63', _add_trusted_image_certificates),
    ('2.73', _add_locked_reason),
    ('2.96', _add_pinned_availability_zone),
    ('2.98', _add_image_properties),
    ('2.100', _add_scheduler_hints),
]
# What show (and update) have and list detail has not.
SHOW_ONLY_CHANGES = [
    ('2.71', _add_server_groups),
]
_SHOW_CHANGES = SERVER_CHANGES + SHOW_ONLY_CHANGES
# From 2.90 every user sees the hostname, not only those the extended
# attributes policy lets see the others.
_SHOWN_TO_EVERYONE = [('2.90', 'OS-EXT-SRV-ATTR:hostname')]


def _with_shown_to_everyone(entries):
    """Server schemas of a history, requiring from each version of
    _SHOWN_TO_EVERYONE its attribute (a range it falls in is split)."""
    for version, name in _SHOWN_TO_EVERYONE:
        split = []
        for schema, low, high in entries:
            if _before(low, version) and (high is None or
                                          not _before(high, version)):
                split.append((schema, low, history.version_before(version)))
                low = version
            if not _before(low, version):
                schema = dict(schema, required=schema['required'] + [name])
            split.append((schema, low, high))
        entries = split
    return entries


def _before(version, other):
    return (microversion.APIVersionRequest(version) <
            microversion.APIVersionRequest(other))


def _server_history(first, changes, first_version):
    return _with_shown_to_everyone(history.mapped(
        history.of(first, changes, first_version), _server))


_servers = _server_history(_show_properties,
                           SERVER_CHANGES, '2.0')
_shown_servers = _server_history(_show_properties, _SHOW_CHANGES, '2.0')

show_responses = history.mapped(_shown_servers, _one)
detail_responses = history.mapped(_servers, _many)

index_response = _many({
    'type': 'object',
    'properties': {
        'id': _uuid,
        'links': _server_links,
        'name': {'type': 'string'},
    },
    'required': ['id', 'links', 'name'],
    'additionalProperties': False,
})

# Until 2.75 an update answers with a shorter view than show: no
# extended attributes, and addresses without type and MAC.
UPDATE_CHANGES = [
    ('2.9', _add_locked),
    ('2.19', _add_description),
    ('2.26', _add_tags),
    ('2.47', _embed_flavor),
    ('2.63', _add_trusted_image_certificates),
    ('2.71', _add_server_groups),
    ('2.73', _add_locked_reason),
]
# From 2.75 an update answers with the server as show does.
_UPDATE_SHOWS_ALL_FROM = '2.75'


def _as_shown(properties):
    """The update view becomes show's view of the same version."""
    properties.clear()
    properties.update(history.of(
        _show_properties,
        [(version, change) for version, change in _SHOW_CHANGES
         if not _before(_UPDATE_SHOWS_ALL_FROM, version)], '2.0')[-1][0])


_UPDATE_RESPONSE_CHANGES = UPDATE_CHANGES + [
    (_UPDATE_SHOWS_ALL_FROM, _as_shown)] + [
    (version, change) for version, change in _SHOW_CHANGES
    if _before(_UPDATE_SHOWS_ALL_FROM, version)]
update_responses = history.mapped(
    _server_history(_view_properties, _UPDATE_RESPONSE_CHANGES, '2.0'), _one)


def _add_admin_pass(properties):
    # Absent when [api] enable_instance_password is off.
    properties['adminPass'] = {'type': 'string'}


def _add_key_name(properties):
    properties['key_name'] = {'type': ['string', 'null']}


def _add_user_data(properties):
    properties['user_data'] = dict(_user_data, type=['string', 'null'])


def _rebuild_as_shown(properties):
    _as_shown(properties)
    # The user data, given or not, in place of the extended attribute.
    properties.pop('OS-EXT-SRV-ATTR:user_data', None)
    _add_admin_pass(properties)
    _add_user_data(properties)


# A rebuild answers as an update does, with the admin password, and the
# key name (2.54) and user data (2.57) the rebuild may have changed; from
# 2.75 the full view (which has the key name) and the user data.
_REBUILD_RESPONSE_CHANGES = [('2.54', _add_key_name),
                             ('2.57', _add_user_data)] + [
    (version, _rebuild_as_shown if change is _as_shown else change)
    for version, change in _UPDATE_RESPONSE_CHANGES]
rebuild_responses = history.mapped(_server_history(
    dict(_view_properties, adminPass={'type': 'string'}),
    _REBUILD_RESPONSE_CHANGES, '2.0'), _one)

create_response = {
    'type': 'object',
    'oneOf': [
        # With return_reservation_id.
        {
            'properties': {
                'reservation_id': {
                    'type': 'string', 'pattern': '^r-[0-9a-z]{8}$',
                },
            },
            'required': ['reservation_id'],
            'additionalProperties': False,
        },
        _one({
            'type': 'object',
            'properties': {
                'id': _uuid,
                'links': _server_links,
                'OS-DCF:diskConfig': _disk_config,
                'security_groups': _show_properties['security_groups'],
                # Absent when [api] enable_instance_password is off.
                'adminPass': {'type': 'string'},
            },
            'required': ['id', 'links', 'OS-DCF:diskConfig',
                         'security_groups'],
            'additionalProperties': False,
        }),
    ],
}

reboot_response = {'type': 'null'}
stop_response = {'type': 'null'}
start_response = {'type': 'null'}
delete_response = {'type': 'null'}
