"""JSON-Schema of /limits: the query and the response.

Before 2.36 (all this service serves) the absolute limits include the
network ones (floating IPs, security groups and their rules) and, before
2.39, maxImageMeta.
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

ABSOLUTE = (
    'maxImageMeta', 'maxPersonality', 'maxPersonalitySize',
    'maxSecurityGroupRules', 'maxSecurityGroups', 'maxServerGroupMembers',
    'maxServerGroups', 'maxServerMeta', 'maxTotalCores',
    'maxTotalFloatingIps', 'maxTotalInstances', 'maxTotalKeypairs',
    'maxTotalRAMSize', 'totalCoresUsed', 'totalFloatingIpsUsed',
    'totalInstancesUsed', 'totalRAMUsed', 'totalSecurityGroupsUsed',
    'totalServerGroupsUsed',
)

index_response = {
    'type': 'object',
    'properties': {
        'limits': {
            'type': 'object',
            'properties': {
                'absolute': {
                    'type': 'object',
                    'properties': {
                        name: {'type': 'integer', 'minimum': -1}
                        for name in ABSOLUTE},
                    'required': list(ABSOLUTE),
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
