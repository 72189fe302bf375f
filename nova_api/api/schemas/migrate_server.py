"""Request and response schemas of the migrate and os-migrateLive server
actions.

As in Nova: migrate takes any body before 2.56, then null or an object
with a "host" (a host name, or null). os-migrateLive takes "host" (or
null), "block_migration" and "disk_over_commit" (booleans, as strings
too), all required; from 2.25 no "disk_over_commit" and
"block_migration" may be "auto"; from 2.30 to 2.67 an optional "force".
"""

import copy

from nova_api.api.validation import parameter_types

# Nova validates nothing before 2.56.
migrate_v20 = {
    'type': 'object',
    'properties': {'migrate': {}},
    'required': ['migrate'],
}

migrate_v256 = {
    'type': 'object',
    'properties': {
        'migrate': {
            'type': ['object', 'null'],
            'properties': {
                'host': {
                    'type': ['string', 'null'],
                    'pattern': '^[a-zA-Z0-9-._]*$',
                    'minLength': 1,
                    'maxLength': 255,
                },
            },
            'additionalProperties': False,
        },
    },
    'required': ['migrate'],
    'additionalProperties': False,
}

migrate_response = {'type': 'null'}

_host = dict(parameter_types.fqdn, type=['string', 'null'])

migrate_live = {
    'type': 'object',
    'properties': {
        'os-migrateLive': {
            'type': 'object',
            'properties': {
                'block_migration': parameter_types.boolean,
                'disk_over_commit': parameter_types.boolean,
                'host': _host,
            },
            'required': ['block_migration', 'disk_over_commit', 'host'],
            'additionalProperties': False,
        },
    },
    'required': ['os-migrateLive'],
    'additionalProperties': False,
}

migrate_live_v225 = copy.deepcopy(migrate_live)
_v225 = migrate_live_v225['properties']['os-migrateLive']
del _v225['properties']['disk_over_commit']
_v225['properties']['block_migration'] = dict(
    parameter_types.boolean,
    enum=parameter_types.boolean['enum'] + ['auto'])
_v225['required'] = ['block_migration', 'host']

migrate_live_v230 = copy.deepcopy(migrate_live_v225)
migrate_live_v230['properties']['os-migrateLive']['properties'][
    'force'] = parameter_types.boolean

# 2.68 takes "force" away again.
migrate_live_v268 = copy.deepcopy(migrate_live_v225)

migrate_live_response = {'type': 'null'}
