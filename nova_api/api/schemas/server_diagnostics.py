"""Query and response schemas of GET /servers/{server_id}/diagnostics.

Before 2.48 the body is the compute driver's own dict, whatever its keys
(Nova declares it free-form); from 2.48 it is Nova's standard form.
"""

from nova_api.api.validation import parameter_types

# Nova ignores unknown query parameters here (until 2.102).
index_query = parameter_types.no_query_parameters
index_query_v2102 = parameter_types.strict_no_query_parameters

index_response = {
    'type': 'object',
    'properties': {},
    'additionalProperties': True,
}

_COUNT = {'type': ['integer', 'null']}


def _all_of(properties):
    return {
        'type': 'object',
        'properties': properties,
        'required': sorted(properties),
        'additionalProperties': False,
    }


index_response_v248 = _all_of({
    'config_drive': {'type': 'boolean'},
    'cpu_details': {'type': 'array', 'items': _all_of(
        {'id': _COUNT, 'time': _COUNT, 'utilisation': _COUNT})},
    'disk_details': {'type': 'array', 'items': _all_of({
        name: _COUNT for name in ('errors_count', 'read_bytes',
                                  'read_requests', 'write_bytes',
                                  'write_requests')})},
    'driver': {'type': 'string',
               'enum': ['ironic', 'libvirt', 'vmwareapi', 'xenapi']},
    'hypervisor': {'type': ['string', 'null']},
    'hypervisor_os': {'type': ['string', 'null']},
    'memory_details': _all_of({'maximum': _COUNT, 'used': _COUNT}),
    'nic_details': {'type': 'array', 'items': _all_of({
        'mac_address': {'type': ['string', 'null']},
        **{name: _COUNT for name in (
            'rx_drop', 'rx_errors', 'rx_octets', 'rx_packets', 'rx_rate',
            'tx_drop', 'tx_errors', 'tx_octets', 'tx_packets', 'tx_rate')},
    })},
    'num_cpus': _COUNT,
    'num_disks': _COUNT,
    'num_nics': _COUNT,
    'state': {'type': 'string',
              'enum': ['pending', 'running', 'paused', 'shutdown', 'crashed',
                       'suspended']},
    'uptime': _COUNT,
})
