"""Request and response schemas of the trigger_crash_dump server action
(2.17): the action's value is null."""

trigger_crash_dump = {
    'type': 'object',
    'properties': {'trigger_crash_dump': {'type': 'null'}},
    'required': ['trigger_crash_dump'],
    'additionalProperties': False,
}

trigger_crash_dump_response = {'type': 'null'}
