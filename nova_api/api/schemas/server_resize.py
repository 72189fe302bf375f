"""Request and response schemas of the resize, confirmResize and
revertResize server actions.

As in Nova: resize takes a flavorRef and a disk config; confirmResize
and revertResize take any value (clients send null).
"""

resize = {
    'type': 'object',
    'properties': {
        'resize': {
            'type': 'object',
            'properties': {
                'flavorRef': {'type': ['string', 'integer'],
                              'minLength': 1},
                'OS-DCF:diskConfig': {'type': 'string',
                                      'enum': ['AUTO', 'MANUAL']},
            },
            'required': ['flavorRef'],
            'additionalProperties': False,
        },
    },
    'required': ['resize'],
    'additionalProperties': False,
}

confirm_resize = {
    'type': 'object',
    'properties': {'confirmResize': {}},
    'required': ['confirmResize'],
    'additionalProperties': False,
}

revert_resize = {
    'type': 'object',
    'properties': {'revertResize': {}},
    'required': ['revertResize'],
    'additionalProperties': False,
}

resize_response = {'type': 'null'}
confirm_resize_response = {'type': 'null'}
revert_resize_response = {'type': 'null'}
