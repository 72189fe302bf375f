"""Request and response schemas of the evacuate server action
(os-evacuate).

Before 2.14 the body needs ``onSharedStorage`` (a boolean-like value)
and may name a ``host`` and an ``adminPass``; 2.14 drops
``onSharedStorage``; 2.29 adds ``force`` (boolean-like), which 2.68
removes again; 2.95 changes no field (the server ends stopped). The
answer is ``{"adminPass": ...}`` before 2.14 (nothing when ``[api]
enable_instance_password`` is off), an empty body from 2.14.
"""

import copy

from nova_api.api.validation import parameter_types

evacuate = {
    'type': 'object',
    'properties': {
        'evacuate': {
            'type': 'object',
            'properties': {
                'host': parameter_types.fqdn,
                'onSharedStorage': parameter_types.boolean,
                # Any string, as Nova takes a server's password.
                'adminPass': {'type': 'string'},
            },
            'required': ['onSharedStorage'],
            'additionalProperties': False,
        },
    },
    'required': ['evacuate'],
    'additionalProperties': False,
}

evacuate_v214 = copy.deepcopy(evacuate)
del evacuate_v214['properties']['evacuate']['properties']['onSharedStorage']
del evacuate_v214['properties']['evacuate']['required']

evacuate_v229 = copy.deepcopy(evacuate_v214)
evacuate_v229['properties']['evacuate']['properties']['force'] = (
    parameter_types.boolean)

# 2.68 takes 2.14's body again; 2.95 changes only where the server ends.
evacuate_v268 = copy.deepcopy(evacuate_v214)

evacuate_response = {
    'type': ['object', 'null'],
    'properties': {
        # null on shared storage when no password is given.
        'adminPass': {'type': ['string', 'null']},
    },
    'additionalProperties': False,
}

evacuate_response_v214 = {'type': 'null'}
