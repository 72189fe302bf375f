"""Request and response schemas of the os-getConsoleOutput server action
(os-console-output): an object with an optional ``length``, an integer
from -1 or a string of digits (a leading minus allowed, as Nova's
pattern does), or null for the whole log."""

get_console_output = {
    'type': 'object',
    'properties': {
        'os-getConsoleOutput': {
            'type': 'object',
            'properties': {
                'length': {
                    'type': ['integer', 'string', 'null'],
                    # For strings only; the minimum for integers only.
                    'pattern': '^-?[0-9]+$',
                    'minimum': -1,
                },
            },
            'additionalProperties': False,
        },
    },
    'required': ['os-getConsoleOutput'],
    'additionalProperties': False,
}

get_console_output_response = {
    'type': 'object',
    'properties': {'output': {'type': 'string'}},
    'required': ['output'],
    'additionalProperties': False,
}
