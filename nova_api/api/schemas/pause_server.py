"""Request and response schemas of the pause and unpause server actions.

As in Nova, both take any value (clients send null) at every version.
"""

pause = {
    'type': 'object',
    'properties': {'pause': {}},
    'required': ['pause'],
    'additionalProperties': False,
}

unpause = {
    'type': 'object',
    'properties': {'unpause': {}},
    'required': ['unpause'],
    'additionalProperties': False,
}

pause_response = {'type': 'null'}
unpause_response = {'type': 'null'}
