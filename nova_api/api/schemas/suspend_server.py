"""Request and response schemas of the suspend and resume server actions.

As in Nova, both take any value (clients send null) at every version.
"""

suspend = {
    'type': 'object',
    'properties': {'suspend': {}},
    'required': ['suspend'],
    'additionalProperties': False,
}

resume = {
    'type': 'object',
    'properties': {'resume': {}},
    'required': ['resume'],
    'additionalProperties': False,
}

suspend_response = {'type': 'null'}
resume_response = {'type': 'null'}
