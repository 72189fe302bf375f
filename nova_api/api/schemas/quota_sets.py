"""JSON-Schema of os-quota-sets: request bodies, query strings, responses.

Up to 2.35 every resource is shown and settable, Nova's former nova-network
ones (fixed_ips, floating_ips, security_groups, security_group_rules)
included. 2.36 drops those from responses and updates, 2.57 the injected
file ones (injected_files, injected_file_content_bytes,
injected_file_path_bytes). From 2.75 unknown query parameters are refused
(the defaults still ignore them, as Nova's).
"""

import copy

from nova_api.api.validation import parameter_types

RESOURCES = (
    'cores', 'fixed_ips', 'floating_ips', 'injected_file_content_bytes',
    'injected_file_path_bytes', 'injected_files', 'instances', 'key_pairs',
    'metadata_items', 'ram', 'security_group_rules', 'security_groups',
    'server_group_members', 'server_groups',
)

NETWORK_RESOURCES = ('fixed_ips', 'floating_ips', 'security_group_rules',
                     'security_groups')
INJECTED_FILE_RESOURCES = ('injected_file_content_bytes',
                           'injected_file_path_bytes', 'injected_files')


def without(resources, removed):
    return tuple(resource for resource in resources
                 if resource not in removed)


RESOURCES_V236 = without(RESOURCES, NETWORK_RESOURCES)
RESOURCES_V257 = without(RESOURCES_V236, INJECTED_FILE_RESOURCES)

# The resources a quota set shows and takes, per version range.
SHOWN = [(RESOURCES, '2.0', '2.35'), (RESOURCES_V236, '2.36', '2.56'),
         (RESOURCES_V257, '2.57', None)]


def shown_at(req, ranges=None):
    """The resources of `ranges` (SHOWN by default) at the request's
    version."""
    for resources, low, high in ranges or SHOWN:
        if req.is_supported(low, high):
            return resources
    raise ValueError('no resources at %s' % req.api_version_request)


# A limit: an integer, or a string of one; -1 is unlimited; the column is
# a signed 32-bit integer.
limit = {
    'type': ['integer', 'string'],
    'pattern': '^-?[0-9]+$',
    'minimum': -1,
    'maximum': parameter_types.DB_MAX_INT,
}


def limits_object(resources, extra=None):
    """A request object setting any of `resources`."""
    properties = {resource: limit for resource in resources}
    properties.update(extra or {})
    return {
        'type': 'object',
        'properties': properties,
        'additionalProperties': False,
    }


def _update(resources):
    return {
        'type': 'object',
        'properties': {
            'quota_set': limits_object(
                resources, {'force': parameter_types.boolean}),
        },
        'required': ['quota_set'],
        'additionalProperties': False,
    }


updates = [(_update(resources), low, high)
           for resources, low, high in SHOWN]

# Unknown query parameters are ignored (and removed before the controller
# sees them), as in Nova before 2.75. Given twice, the first user_id counts.
query = {
    'type': 'object',
    'properties': {
        'user_id': parameter_types.multi_params({'type': 'string'}),
    },
    'additionalProperties': True,
}
query_v275 = dict(query, additionalProperties=False)
queries = [(query, '2.0', '2.74'), (query_v275, '2.75', None)]

# Nova ignores unknown parameters of the defaults at every version.
defaults_query = parameter_types.no_query_parameters

_response_limit = {'type': 'integer', 'minimum': -1}
_response_usage = {
    'type': 'object',
    'properties': {
        'in_use': {'type': 'integer', 'minimum': 0},
        'limit': _response_limit,
        'reserved': {'type': 'integer', 'enum': [0]},
    },
    'required': ['in_use', 'limit', 'reserved'],
    'additionalProperties': False,
}


def response(resources, value, with_id, key='quota_set'):
    """A response body: `key` holding `value` for each of `resources`, and
    the id of the project (or class) when `with_id`."""
    properties = {resource: copy.deepcopy(value) for resource in resources}
    required = list(resources)
    if with_id:
        properties['id'] = {'type': 'string'}
        required.append('id')
    return {
        'type': 'object',
        'properties': {
            key: {
                'type': 'object',
                'properties': properties,
                'required': required,
                'additionalProperties': False,
            },
        },
        'required': [key],
        'additionalProperties': False,
    }


def responses(value, with_id, key='quota_set', ranges=None):
    """`response` for each (resources, min, max) of `ranges` (SHOWN by
    default)."""
    return [(response(resources, value, with_id, key), low, high)
            for resources, low, high in ranges or SHOWN]


show_responses = defaults_responses = responses(_response_limit, True)
detail_responses = responses(_response_usage, True)
# Nova's update answer has no id.
update_responses = responses(_response_limit, False)
delete_response = {'type': 'null'}
