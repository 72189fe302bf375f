"""JSON-Schema of os-quota-class-sets.

Up to 2.49 a class may set every resource, but server_groups and
server_group_members are not shown. 2.50 shows those two and drops the
network ones (fixed_ips, floating_ips, security_groups,
security_group_rules) from responses and updates; 2.57 drops the injected
file ones. From 2.102 show refuses unknown query parameters.
"""

from nova_api.api.schemas import quota_sets
from nova_api.api.validation import parameter_types

SERVER_GROUP_RESOURCES = ('server_groups', 'server_group_members')

# The resources a class shows, per version range.
SHOWN = [
    (quota_sets.without(quota_sets.RESOURCES, SERVER_GROUP_RESOURCES),
     '2.0', '2.49'),
    (quota_sets.RESOURCES_V236, '2.50', '2.56'),
    (quota_sets.RESOURCES_V257, '2.57', None),
]

# And the ones an update takes.
SETTABLE = [(quota_sets.RESOURCES, '2.0', '2.49')] + SHOWN[1:]


def _update(resources):
    return {
        'type': 'object',
        'properties': {
            'quota_class_set': quota_sets.limits_object(resources),
        },
        'required': ['quota_class_set'],
        'additionalProperties': False,
    }


updates = [(_update(resources), low, high)
           for resources, low, high in SETTABLE]

# Unknown query parameters are ignored (as in Nova) until 2.102.
show_query = parameter_types.no_query_parameters
show_query_v2102 = parameter_types.strict_no_query_parameters

_limit = {'type': 'integer', 'minimum': -1}
show_responses = quota_sets.responses(_limit, True, 'quota_class_set',
                                      SHOWN)
# Nova's update answer has no id.
update_responses = quota_sets.responses(_limit, False, 'quota_class_set',
                                        SHOWN)
