"""Request, query and response schemas of /servers/{server_id}/migrations:
a server's live migrations in progress (2.23), forced to complete (2.22)
or aborted (2.24).

Unknown query parameters are ignored until 2.102, then refused; 2.59 adds
each migration's uuid, 2.80 its user_id and project_id.
"""

from nova_api.api.validation import history
from nova_api.api.validation import parameter_types

index_query = parameter_types.no_query_parameters
index_query_v2102 = parameter_types.strict_no_query_parameters
show_query = index_query
show_query_v2102 = index_query_v2102
# Nova checks no query of an abort, even from 2.102.
delete_query = parameter_types.no_query_parameters

force_complete = {
    'type': 'object',
    'properties': {'force_complete': {'type': 'null'}},
    'required': ['force_complete'],
    'additionalProperties': False,
}
force_complete_response = {'type': 'null'}
delete_response = {'type': 'null'}

_nullable_string = {'type': ['string', 'null']}
_bytes = {'type': ['integer', 'null'], 'minimum': 1}

_migration = {
    'type': 'object',
    'properties': {
        'created_at': parameter_types.naive_timestamp,
        'dest_compute': _nullable_string,
        'dest_host': _nullable_string,
        'dest_node': _nullable_string,
        'disk_processed_bytes': _bytes,
        'disk_remaining_bytes': _bytes,
        'disk_total_bytes': _bytes,
        'id': {'type': 'integer'},
        'memory_processed_bytes': _bytes,
        'memory_remaining_bytes': _bytes,
        'memory_total_bytes': _bytes,
        'server_uuid': {'type': 'string', 'format': 'uuid'},
        'source_compute': _nullable_string,
        'source_node': _nullable_string,
        'status': {'type': 'string'},
        'updated_at': parameter_types.naive_timestamp,
    },
    'required': ['created_at', 'dest_compute', 'dest_host', 'dest_node',
                 'disk_processed_bytes', 'disk_remaining_bytes',
                 'disk_total_bytes', 'id', 'memory_processed_bytes',
                 'memory_remaining_bytes', 'memory_total_bytes',
                 'server_uuid', 'source_compute', 'source_node', 'status',
                 'updated_at'],
    'additionalProperties': False,
}


def _add_uuid(migration):
    migration['properties']['uuid'] = {'type': 'string', 'format': 'uuid'}
    migration['required'].append('uuid')


def _add_owner(migration):
    migration['properties'].update({'project_id': parameter_types.project_id,
                                    'user_id': parameter_types.user_id})
    migration['required'].extend(['project_id', 'user_id'])


_migrations = history.of(_migration, [('2.59', _add_uuid),
                                      ('2.80', _add_owner)], '2.23')

index_responses = history.mapped(_migrations, lambda migration: {
    'type': 'object',
    'properties': {'migrations': {'type': 'array', 'items': migration}},
    'required': ['migrations'],
    'additionalProperties': False,
})
show_responses = history.mapped(_migrations, lambda migration: {
    'type': 'object',
    'properties': {'migration': migration},
    'required': ['migration'],
    'additionalProperties': False,
})
