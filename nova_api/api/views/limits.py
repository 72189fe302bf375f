"""Limits on the wire: a project's absolute limits and usage in Nova's
names, and the (long empty) rate limits.

Before 2.36 the network limits are shown, before 2.39 maxImageMeta,
before 2.57 maxPersonality and maxPersonalitySize
(nova_api.api.schemas.limits.SHOWN).
"""

from nova_api.api.schemas import limits as schema

# Resource → the names its limit is shown under.
_LIMIT_NAMES = {
    'ram': ('maxTotalRAMSize',),
    'instances': ('maxTotalInstances',),
    'cores': ('maxTotalCores',),
    'key_pairs': ('maxTotalKeypairs',),
    'floating_ips': ('maxTotalFloatingIps',),
    # Servers and images share the metadata limit.
    'metadata_items': ('maxServerMeta', 'maxImageMeta'),
    'injected_files': ('maxPersonality',),
    'injected_file_content_bytes': ('maxPersonalitySize',),
    'security_groups': ('maxSecurityGroups',),
    'security_group_rules': ('maxSecurityGroupRules',),
    'server_groups': ('maxServerGroups',),
    'server_group_members': ('maxServerGroupMembers',),
}

# The name a resource's usage is shown under.
_USED_NAMES = {
    'ram': 'totalRAMUsed',
    'cores': 'totalCoresUsed',
    'instances': 'totalInstancesUsed',
    'floating_ips': 'totalFloatingIpsUsed',
    'security_groups': 'totalSecurityGroupsUsed',
    'server_groups': 'totalServerGroupsUsed',
}


def index(req, limits, usages):
    shown = schema.shown_at(req)
    absolute = {name: limits[resource]
                for resource, names in _LIMIT_NAMES.items()
                for name in names if name in shown}
    absolute.update({name: usages[resource]
                     for resource, name in _USED_NAMES.items()
                     if name in shown})
    return {'limits': {'rate': [], 'absolute': absolute}}
