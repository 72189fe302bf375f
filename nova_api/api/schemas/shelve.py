"""Request and response schemas of the shelve, shelveOffload and
unshelve server actions.

shelve and shelveOffload take any value (clients send null). unshelve
does too before 2.77; from 2.77 null or an object with the zone to
unshelve an offloaded server in; from 2.91 the zone may be null (unpin
the server) and an administrator may name a host.
"""

from nova_api.api.validation import parameter_types

shelve = {
    'type': 'object',
    'properties': {'shelve': {}},
    'required': ['shelve'],
    'additionalProperties': False,
}

shelve_offload = {
    'type': 'object',
    'properties': {'shelveOffload': {}},
    'required': ['shelveOffload'],
    'additionalProperties': False,
}

unshelve = {
    'type': 'object',
    'properties': {'unshelve': {}},
    'required': ['unshelve'],
    'additionalProperties': False,
}

unshelve_v277 = {
    'type': 'object',
    'properties': {
        'unshelve': {
            'type': ['object', 'null'],
            'properties': {'availability_zone': parameter_types.name},
            # {"unshelve": {}} is refused: null, or a zone.
            'required': ['availability_zone'],
            'additionalProperties': False,
        },
    },
    'required': ['unshelve'],
    'additionalProperties': False,
}

unshelve_v291 = {
    'type': 'object',
    'properties': {
        'unshelve': {
            'type': ['object', 'null'],
            'properties': {
                'availability_zone': {'type': ['string', 'null']},
                'host': {'type': 'string'},
            },
            'additionalProperties': False,
        },
    },
    'required': ['unshelve'],
    'additionalProperties': False,
}

shelve_response = {'type': 'null'}
shelve_offload_response = {'type': 'null'}
unshelve_response = {'type': 'null'}
