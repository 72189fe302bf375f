"""Diagnostics as the wire shows them from 2.48 (Nova's standard form);
before it the driver's dict is the body as it is."""

import dataclasses


def _fields(details):
    return [dataclasses.asdict(detail) for detail in details]


def show(diagnostics):
    return {
        'state': diagnostics.state,
        'driver': diagnostics.driver,
        'hypervisor': diagnostics.hypervisor,
        'hypervisor_os': diagnostics.hypervisor_os,
        'uptime': diagnostics.uptime,
        'config_drive': diagnostics.config_drive,
        'num_cpus': len(diagnostics.cpu_details),
        'num_nics': len(diagnostics.nic_details),
        'num_disks': len(diagnostics.disk_details),
        'cpu_details': _fields(diagnostics.cpu_details),
        'nic_details': _fields(diagnostics.nic_details),
        'disk_details': _fields(diagnostics.disk_details),
        'memory_details': {'maximum': diagnostics.memory_maximum,
                           'used': diagnostics.memory_used},
    }
