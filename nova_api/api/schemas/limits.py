"""JSON-Schema of /limits: the query and the response.

Before 2.36 the absolute limits include the network ones (floating IPs,
security groups and their rules); before 2.39 maxImageMeta; before 2.57
maxPersonality and maxPersonalitySize. From 2.75 unknown query parameters
are refused.
"""

from nova_api.api.validation import parameter_types

# Unknown query parameters are ignored, as in Nova before 2.75; given
# twice, the last tenant_id counts (as in Nova).
index_query = {
    'type': 'object',
    'properties': {
        'tenant_id': parameter_types.multi_params({'type': 'string'}),
    },
    'additionalProperties': True,
}
index_query_v275 = dict(index_query, additionalProperties=False)

ABSOLUTE = (
    'maxImageMeta', 'maxPersonality', 'maxPersonalitySize',
    'maxSecurityGroupRules', 'maxSecurityGroups', 'maxServerGroupMembers',
    'maxServerGroups', 'maxServerMeta', 'maxTotalCores',
    'maxTotalFloatingIps', 'maxTotalInstances', 'maxTotalKeypairs',
    'maxTotalRAMSize', 'totalCoresUsed', 'totalFloatingIpsUsed',
    'totalInstancesUsed', 'totalRAMUsed', 'totalSecurityGroupsUsed',
    'totalServerGroupsUsed',
)
NETWORK = ('maxSecurityGroupRules', 'maxSecurityGroups',
           'maxTotalFloatingIps', 'totalFloatingIpsUsed',
           'totalSecurityGroupsUsed')


def _without(names, removed):
    return tuple(name for name in names if name not in removed)


ABSOLUTE_V236 = _without(ABSOLUTE, NETWORK)
ABSOLUTE_V239 = _without(ABSOLUTE_V236, ('maxImageMeta',))
ABSOLUTE_V257 = _without(ABSOLUTE_V239,
                         ('maxPersonality', 'maxPersonalitySize'))

# The absolute limits shown, per version range.
SHOWN = [(ABSOLUTE, '2.0', '2.35'), (ABSOLUTE_V236, '2.36', '2.38'),
         (ABSOLUTE_V239, '2.39', '2.56'), (ABSOLUTE_V257, '2.57', None)]


def shown_at(req):
    for names, low, high in SHOWN:
        if req.is_supported(low, high):
            return names
    raise ValueError('no limits at %s' % req.api_version_request)


def _response(names):
    return {
        'type': 'object',
        'properties': {
            'limits': {
                'type': 'object',
                'properties': {
                    'absolute': {
                        'type': 'object',
                        'properties': {
                            name: {'type': 'integer', 'minimum': -1}
                            for name in names},
                        'required': list(names),
                        'additionalProperties': False,
                    },
                    # Rate limits left Nova long ago; the list stays, empty.
                    'rate': {'type': 'array', 'maxItems': 0},
                },
                'required': ['absolute', 'rate'],
                'additionalProperties': False,
            },
        },
        'required': ['limits'],
        'additionalProperties': False,
    }


index_responses = [(_response(names), low, high)
                   for names, low, high in SHOWN]
