"""JSON-Schema of os-quota-class-sets.

Up to 2.49 (all this service serves) a class may set every resource, but
server_groups and server_group_members are not shown.
"""

from nova_api.api.schemas import quota_sets
from nova_api.api.validation import parameter_types


# Shown before 2.50.
SHOWN = tuple(resource for resource in quota_sets.RESOURCES
              if resource not in ('server_groups', 'server_group_members'))

update = {
    'type': 'object',
    'properties': {
        'quota_class_set': quota_sets.limits_object(quota_sets.RESOURCES),
    },
    'required': ['quota_class_set'],
    'additionalProperties': False,
}

# Unknown query parameters are ignored, as in Nova before 2.102.
show_query = parameter_types.no_query_parameters

_limit = {'type': 'integer', 'minimum': -1}
show_response = quota_sets.response(SHOWN, _limit, with_id=True,
                                    key='quota_class_set')
# Nova's update answer has no id.
update_response = quota_sets.response(SHOWN, _limit, with_id=False,
                                      key='quota_class_set')
