"""What a compute backend provides to the API: the driver interface.

A driver is a class registered as an entry point in the
``nova_api.virt.drivers`` namespace and chosen by ``[compute] driver``.
It is instantiated once per API controller that needs it, when the
service starts, with no arguments: it reads its own options, and its
constructor is where a bad configuration stops the start.

State that changes over time (a server going from BUILD to ACTIVE) is
not pushed by the driver: the compute layer stores when a task began and
asks the driver how long it takes, so every API process computes the same
state from the same row without background threads.

The compute layer asks a driver for its hosts (with their capacity; the
scheduler in nova_api.compute.scheduling places servers on them from the
usage stored in the database), the network servers get their addresses
from (the compute layer allocates them, race-free, in the database), and
how long each task takes. It also reports what a hypervisor knows of a
running guest (its diagnostics, as Nova's get_diagnostics and
get_instance_diagnostics).
"""

import abc
import dataclasses
import datetime
import ipaddress

# The tasks whose duration a driver tells.
TASKS = ('build', 'reboot', 'stop', 'start', 'pause', 'unpause', 'suspend',
         'resume', 'shelve', 'shelve_offload', 'unshelve', 'rescue',
         'unrescue', 'change_password', 'rebuild', 'snapshot', 'soft_delete',
         'restore', 'resize', 'revert_resize', 'evacuate',
         'live_migration')


@dataclasses.dataclass(frozen=True)
class ComputeHost:
    """A host servers run on, with its total capacity."""

    name: str
    availability_zone: str
    vcpus: int
    memory_mb: int
    disk_gb: int
    # Whether the host's nova-compute service answers.
    up: bool = True
    # When the service last reported; None if it never reports.
    updated_at: datetime.datetime | None = None


@dataclasses.dataclass(frozen=True)
class ControlService:
    """A control service (nova-conductor, nova-scheduler) of the
    deployment; shown in the internal availability zone."""

    binary: str
    host: str
    up: bool = True
    updated_at: datetime.datetime | None = None


@dataclasses.dataclass(frozen=True)
class Network:
    """The network servers get their fixed addresses on."""

    id: str
    name: str
    ipv4: ipaddress.IPv4Network
    ipv6: ipaddress.IPv6Network | None = None


@dataclasses.dataclass(frozen=True)
class ConsoleGuest:
    """What a driver is told of a server's guest to show its console."""

    uuid: str
    name: str
    hostname: str
    # When the guest booted (the server's launch, or its creation while
    # it builds), naive UTC.
    booted_at: datetime.datetime
    # The host it runs on.
    host: str


@dataclasses.dataclass(frozen=True)
class Guest:
    """What a driver is told of a running server to report on it."""

    uuid: str
    vcpus: int
    memory_mb: int
    # Gigabytes of the flavor's root and ephemeral disks, megabytes of
    # its swap: each non-zero one is a disk of the guest.
    root_gb: int
    ephemeral_gb: int
    swap_mb: int
    # One network interface per MAC address, in attach order.
    mac_addresses: tuple
    config_drive: bool
    # Seconds since the guest was launched.
    uptime: int


@dataclasses.dataclass(frozen=True)
class CpuDiagnostics:
    id: int | None
    time: int | None
    utilisation: int | None


@dataclasses.dataclass(frozen=True)
class NicDiagnostics:
    mac_address: str | None
    rx_octets: int | None
    rx_errors: int | None
    rx_drop: int | None
    rx_packets: int | None
    rx_rate: int | None
    tx_octets: int | None
    tx_errors: int | None
    tx_drop: int | None
    tx_packets: int | None
    tx_rate: int | None


@dataclasses.dataclass(frozen=True)
class DiskDiagnostics:
    read_bytes: int | None
    read_requests: int | None
    write_bytes: int | None
    write_requests: int | None
    errors_count: int | None


@dataclasses.dataclass(frozen=True)
class Diagnostics:
    """A guest's diagnostics in Nova's standard form (2.48): `driver` is
    one of DIAGNOSTICS_DRIVERS and `state` one of DIAGNOSTICS_STATES."""

    state: str
    driver: str
    hypervisor: str | None
    hypervisor_os: str | None
    uptime: int | None
    config_drive: bool
    cpu_details: tuple = ()
    nic_details: tuple = ()
    disk_details: tuple = ()
    # Kilobytes: the most the guest may use and what it uses.
    memory_maximum: int | None = None
    memory_used: int | None = None


@dataclasses.dataclass(frozen=True)
class Hypervisor:
    """What the hypervisor of a compute host says of itself, as Nova's
    compute nodes keep it: its type and version (an integer, as libvirt
    encodes major * 1000000 + minor * 1000 + micro), the host's address
    and the host CPU (a dict, the driver's own keys)."""

    hypervisor_type: str
    hypervisor_version: int
    host_ip: str
    cpu_info: dict


# The drivers and guest states Nova's standard diagnostics may name.
DIAGNOSTICS_DRIVERS = ('ironic', 'libvirt', 'vmwareapi', 'xenapi')
DIAGNOSTICS_STATES = ('pending', 'running', 'paused', 'shutdown', 'crashed',
                      'suspended')


class ComputeDriver(abc.ABC):
    """The interface every compute driver implements."""

    @abc.abstractmethod
    def get_hosts(self):
        """Every compute host (ComputeHost), whether up or not."""

    def get_control_services(self):
        """The control services (ControlService); none unless the
        backend has some to show."""
        return []

    def get_hypervisor(self, host, index):
        """The Hypervisor of `host` (a ComputeHost), the `index`th (from
        0) of get_hosts(). The base class answers a QEMU/KVM host of
        libvirt's: version 8.2.2, an address 192.168.1.(100 + index),
        an x86_64 CPU with `host.vcpus` cores."""
        return Hypervisor(
            hypervisor_type='QEMU', hypervisor_version=8002002,
            host_ip=str(ipaddress.IPv4Address('192.168.1.100') + index),
            cpu_info={
                'arch': 'x86_64', 'model': 'Cascadelake-Server-noTSX',
                'vendor': 'Intel',
                'topology': {'cores': host.vcpus, 'threads': 1,
                             'sockets': 1},
                'features': ['pge', 'clflush', 'sse4.2', 'avx2', 'vmx'],
            })

    def guest_password(self, public_key):
        """The administrative password a server's guest posts once
        booted, encrypted with `public_key` (the server's OpenSSH public
        key or x509 certificate) and base64-encoded, as Nova's metadata
        service stores it; None for a guest that posts none (the base
        class's answer)."""
        return None

    def console_output(self, guest):
        """The console log of a server's guest (a Guest), lines joined
        by newlines; empty for a guest that prints nothing (the base
        class's answer)."""
        return ''

    def get_diagnostics(self, guest):
        """The driver's own diagnostics of a running `guest` (Guest), a
        flat dict of counters as Nova's drivers answer before 2.48;
        NotImplementedError (the base class's answer) for a driver that
        has none."""
        raise NotImplementedError()

    def get_instance_diagnostics(self, guest):
        """The Diagnostics of a running `guest` (Guest), Nova's standard
        form; NotImplementedError (the base class's answer) for a driver
        that has none."""
        raise NotImplementedError()

    @abc.abstractmethod
    def task_seconds(self, task):
        """How many seconds `task` (one of TASKS) takes, as a float."""

    @abc.abstractmethod
    def get_network(self):
        """The Network every server is attached to."""
