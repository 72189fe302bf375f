"""Limits on the wire: a project's absolute limits and usage in Nova's
names, and the (long empty) rate limits.

Before 2.36 the network limits are shown, before 2.39 maxImageMeta.
"""

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


def index(limits, usages):
    absolute = {name: limits[resource]
                for resource, names in _LIMIT_NAMES.items()
                for name in names}
    absolute.update({name: usages[resource]
                     for resource, name in _USED_NAMES.items()})
    return {'limits': {'rate': [], 'absolute': absolute}}
