"""JSON-Schema of os-server-groups: request bodies, query strings, responses.

Version ranges ("2.0" is /v2):

- 2.13: groups show ``project_id`` and ``user_id``.
- 2.15: the policies ``soft-anti-affinity`` and ``soft-affinity``.
- 2.64: the create takes ``policy`` (a string) and ``rules``
  (``max_server_per_host``) instead of ``policies``; groups show
  ``policy`` and ``rules`` instead of ``policies`` and ``metadata``.
- 2.75: the list refuses unknown query parameters; 2.102: show does too.
  The delete ignores its query string at every version, as in Nova.
"""

import copy

from nova_api.api.validation import history
from nova_api.api.validation import parameter_types

# The policies a client may ask for; Nova's 'legacy' policy is never one.
POLICIES = ['anti-affinity', 'affinity']
POLICIES_V215 = POLICIES + ['soft-anti-affinity', 'soft-affinity']

# Exactly one policy, as a list (a plain string from 2.64). Draft 4 spells
# Nova's prefixItems as a list of items; the key order is Nova's, so the
# first error reported is the same.
_policies = {
    'type': 'array',
    'items': [{'type': 'string', 'enum': POLICIES}],
    'uniqueItems': True,
    'minItems': 1,
    'maxItems': 1,
    'additionalItems': False,
}

create = {
    'type': 'object',
    'properties': {
        'server_group': {
            'type': 'object',
            'properties': {
                'name': parameter_types.name,
                'policies': _policies,
            },
            'required': ['name', 'policies'],
            'additionalProperties': False,
        },
    },
    'required': ['server_group'],
    'additionalProperties': False,
}


def _group_properties(schema):
    return schema['properties']['server_group']['properties']


create_v215 = copy.deepcopy(create)
_group_properties(create_v215)['policies']['items'][0]['enum'] = (
    list(POLICIES_V215))

create_v264 = copy.deepcopy(create_v215)
del _group_properties(create_v264)['policies']
_group_properties(create_v264).update({
    'policy': {'type': 'string', 'enum': list(POLICIES_V215)},
    'rules': {
        'type': 'object',
        'properties': {
            'max_server_per_host': parameter_types.positive_integer,
        },
        'additionalProperties': False,
    },
})
create_v264['properties']['server_group']['required'] = ['name', 'policy']

# Unknown query parameters are ignored (and removed before the controller
# sees them) until 2.75 (list) and 2.102 (show).
index_query = {
    'type': 'object',
    'properties': {
        # Its presence counts, whatever its value.
        'all_projects': parameter_types.multi_params({'type': 'string'}),
        # Given twice, the last one counts.
        'limit': parameter_types.multi_params(
            parameter_types.non_negative_integer),
        'offset': parameter_types.multi_params(
            parameter_types.non_negative_integer),
    },
    'additionalProperties': True,
}
index_query_v275 = dict(index_query, additionalProperties=False)

show_query = delete_query = parameter_types.no_query_parameters
show_query_v2102 = parameter_types.strict_no_query_parameters

_uuid = {'type': 'string', 'format': 'uuid'}

# A group keeps the policy it was made with, so every version may show a
# soft one (Nova shows it before 2.15 too).
_server_group = {
    'type': 'object',
    'properties': {
        'id': _uuid,
        'name': {'type': 'string', 'minLength': 1, 'maxLength': 255},
        'policies': {
            'type': 'array',
            'items': [{'type': 'string', 'enum': POLICIES_V215}],
            'minItems': 1,
            'maxItems': 1,
            'additionalItems': False,
        },
        'members': {'type': 'array', 'items': _uuid},
        # Always empty: groups had metadata once, and until 2.64 Nova
        # still shows where it was.
        'metadata': {
            'type': 'object',
            'properties': {},
            'additionalProperties': False,
        },
    },
    'required': ['id', 'name', 'policies', 'members', 'metadata'],
    'additionalProperties': False,
}


def _add_owner(group):
    group['properties'].update(project_id=parameter_types.project_id,
                               user_id=parameter_types.user_id)
    group['required'] += ['project_id', 'user_id']


def _policy_and_rules(group):
    for name in ('policies', 'metadata'):
        del group['properties'][name]
        group['required'].remove(name)
    group['properties'].update({
        'policy': {'type': 'string', 'enum': POLICIES_V215},
        'rules': {
            'type': 'object',
            'properties': {
                'max_server_per_host': {'type': 'integer', 'minimum': 1},
            },
            'additionalProperties': False,
        },
    })
    group['required'] += ['policy', 'rules']


GROUP_HISTORY = history.of(_server_group, [
    ('2.13', _add_owner),
    ('2.64', _policy_and_rules),
], '2.0')


def _one(group):
    return {
        'type': 'object',
        'properties': {'server_group': group},
        'required': ['server_group'],
        'additionalProperties': False,
    }


def _many(group):
    return {
        'type': 'object',
        'properties': {
            'server_groups': {'type': 'array', 'items': group},
        },
        'required': ['server_groups'],
        'additionalProperties': False,
    }


show_responses = create_responses = history.mapped(GROUP_HISTORY, _one)
index_responses = history.mapped(GROUP_HISTORY, _many)

delete_response = {'type': 'null'}
