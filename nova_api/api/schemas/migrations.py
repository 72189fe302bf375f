"""Query and response schemas of /os-migrations.

- 2.0: filters host, instance_uuid, source_compute, status,
  migration_type (and hidden, which matches every record here); other
  query parameters are ignored.
- 2.23: each record shows its migration_type (and links, for an
  in-progress live migration).
- 2.59: the list is paged (limit, marker: a record's uuid) and filtered
  by changes-since; unknown query parameters are refused; each record
  shows its uuid, a full page links to the next.
- 2.66: changes-before.
- 2.80: filters user_id and project_id, and each record shows them.
"""

from nova_api.api.validation import history
from nova_api.api.validation import parameter_types

_filter = parameter_types.multi_params({'type': 'string'})
_time = parameter_types.single_param({'type': 'string', 'format': 'date-time'})

index_query_v20 = {
    'type': 'object',
    'properties': {
        'hidden': _filter,
        'host': _filter,
        'instance_uuid': _filter,
        'source_compute': _filter,
        'status': _filter,
        'migration_type': _filter,
    },
    'additionalProperties': True,
}


def _add_paging(query):
    query['properties'].update({
        'limit': parameter_types.single_param(
            parameter_types.non_negative_integer),
        'marker': parameter_types.single_param({'type': 'string'}),
        'changes-since': _time,
    })
    query['additionalProperties'] = False


def _add_changes_before(query):
    query['properties']['changes-before'] = _time


def _add_owner_filters(query):
    query['properties'].update({
        'user_id': parameter_types.single_param({'type': 'string'}),
        'project_id': parameter_types.single_param({'type': 'string'}),
    })


index_queries = history.of(index_query_v20, [
    ('2.59', _add_paging), ('2.66', _add_changes_before),
    ('2.80', _add_owner_filters)], '2.0')

_nullable_string = {'type': ['string', 'null']}
_nullable_id = {'type': ['integer', 'null']}

_link = {
    'type': 'object',
    'properties': {'href': {'type': 'string', 'format': 'uri'},
                   'rel': {'type': 'string',
                           'enum': ['self', 'bookmark']}},
    'required': ['href', 'rel'],
    'additionalProperties': False,
}

_migration = {
    'type': 'object',
    'properties': {
        'created_at': parameter_types.naive_timestamp,
        'dest_compute': _nullable_string,
        'dest_host': _nullable_string,
        'dest_node': _nullable_string,
        'id': {'type': 'integer'},
        'instance_uuid': {'type': 'string', 'format': 'uuid'},
        'new_instance_type_id': _nullable_id,
        'old_instance_type_id': _nullable_id,
        'source_compute': _nullable_string,
        'source_node': _nullable_string,
        'status': {'type': 'string'},
        'updated_at': {'oneOf': [parameter_types.naive_timestamp,
                                 {'type': 'null'}]},
    },
    'required': ['created_at', 'dest_compute', 'dest_host', 'dest_node',
                 'id', 'instance_uuid', 'new_instance_type_id',
                 'old_instance_type_id', 'source_compute', 'source_node',
                 'status', 'updated_at'],
    'additionalProperties': False,
}


def _items(response):
    return response['properties']['migrations']['items']


def _add_migration_type(response):
    _items(response)['properties'].update({
        'migration_type': {'type': 'string',
                           'enum': ['migration', 'resize', 'live-migration',
                                    'evacuation']},
        'links': {'type': 'array', 'items': _link},
    })
    _items(response)['required'].append('migration_type')


def _add_uuid(response):
    response['properties']['migrations_links'] = parameter_types.next_links
    _items(response)['properties']['uuid'] = {'type': 'string',
                                              'format': 'uuid'}
    _items(response)['required'].append('uuid')


def _add_owner(response):
    _items(response)['properties'].update({
        'project_id': parameter_types.project_id,
        'user_id': parameter_types.user_id,
    })
    _items(response)['required'].extend(['project_id', 'user_id'])


index_responses = history.of({
    'type': 'object',
    'properties': {'migrations': {'type': 'array', 'items': _migration}},
    'required': ['migrations'],
    'additionalProperties': False,
}, [('2.23', _add_migration_type), ('2.59', _add_uuid),
    ('2.80', _add_owner)], '2.0')
