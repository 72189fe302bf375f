"""Request and response schemas of the restore and forceDelete server
actions. Both take any value (clients send null), as Nova's do."""

restore = {
    'type': 'object',
    'properties': {'restore': {}},
    'required': ['restore'],
    'additionalProperties': False,
}

force_delete = {
    'type': 'object',
    'properties': {'forceDelete': {}},
    'required': ['forceDelete'],
    'additionalProperties': False,
}

restore_response = {'type': 'null'}
force_delete_response = {'type': 'null'}
