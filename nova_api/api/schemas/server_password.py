"""Query and response schemas of /servers/{server_id}/os-server-password."""

from nova_api.api.validation import parameter_types

# Nova ignores unknown query parameters here (until 2.102).
show_query = parameter_types.no_query_parameters

# Nova ignores the query string of a clear at every version.
clear_query = show_query
show_query_v2102 = parameter_types.strict_no_query_parameters

# The guest's password, encrypted with the server's public key and
# base64-encoded; empty until the guest posts one and after a clear.
show_response = {
    'type': 'object',
    'properties': {'password': {'type': 'string'}},
    'required': ['password'],
    'additionalProperties': False,
}

clear_response = {'type': 'null'}
