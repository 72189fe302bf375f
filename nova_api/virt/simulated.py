"""The simulated compute driver, the default backend.

Its hosts and control services are the ``[simulated]`` options, read on
every call so a changed option is what every API process sees; nothing
runs in the background and every host is up.
"""

import base64
import ipaddress
import secrets

from cryptography import exceptions as crypto_exceptions
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives import serialization
from oslo_config import cfg

from nova_api.virt import driver

CONF = cfg.CONF

HOST_FORMAT = 'name:zone:vcpus:ram_mb:disk_gb'
CONTROL_BINARIES = ('nova-conductor', 'nova-scheduler')


class InvalidSimulatedConfig(ValueError):
    """An entry of the [simulated] options cannot be used."""


def parse_host(entry, default_zone):
    """The ComputeHost an entry of [simulated] hosts describes."""
    fields = entry.split(':')
    if len(fields) != 5:
        raise InvalidSimulatedConfig(
            '[simulated] hosts: %r is not %s' % (entry, HOST_FORMAT))
    name, zone, vcpus, memory_mb, disk_gb = (field.strip()
                                              for field in fields)
    if not name:
        raise InvalidSimulatedConfig(
            '[simulated] hosts: %r has no host name' % entry)
    return driver.ComputeHost(
        name=name, availability_zone=zone or default_zone,
        vcpus=_integer(entry, 'vcpus', vcpus, minimum=1),
        memory_mb=_integer(entry, 'ram_mb', memory_mb, minimum=1),
        disk_gb=_integer(entry, 'disk_gb', disk_gb, minimum=0))


def _integer(entry, field, value, minimum):
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise InvalidSimulatedConfig(
            '[simulated] hosts: %s of %r must be an integer of at least %d, '
            'not %r' % (field, entry, minimum, value))
    return number


def parse_control_service(entry):
    """The ControlService an entry of [simulated] control_services
    describes."""
    binary, sep, host = (part.strip() for part in entry.partition(':'))
    if not sep or not host or ':' in host:
        raise InvalidSimulatedConfig(
            '[simulated] control_services: %r is not binary:host' % entry)
    if binary not in CONTROL_BINARIES:
        raise InvalidSimulatedConfig(
            '[simulated] control_services: %r names binary %r, not one of '
            '%s' % (entry, binary, ', '.join(CONTROL_BINARIES)))
    return driver.ControlService(binary=binary, host=host)


class SimulatedDriver(driver.ComputeDriver):

    def __init__(self):
        # Read once now so that a bad entry stops the service at start.
        self.get_hosts()
        self.get_control_services()
        self.get_network()

    def get_hosts(self):
        internal_zone = CONF.internal_service_availability_zone
        hosts = [parse_host(entry, CONF.default_availability_zone)
                 for entry in CONF.simulated.hosts]
        seen = set()
        for host in hosts:
            if host.name in seen:
                raise InvalidSimulatedConfig(
                    '[simulated] hosts: host %s is listed twice' % host.name)
            seen.add(host.name)
            if host.availability_zone == internal_zone:
                # As Nova refuses an aggregate in the internal zone.
                raise InvalidSimulatedConfig(
                    '[simulated] hosts: host %s is in zone %s, the '
                    '[DEFAULT] internal_service_availability_zone of '
                    'control services' % (host.name, internal_zone))
        return hosts

    def get_control_services(self):
        services = [parse_control_service(entry)
                    for entry in CONF.simulated.control_services]
        if len(set(services)) != len(services):
            raise InvalidSimulatedConfig(
                '[simulated] control_services: a service is listed twice')
        return services

    def task_seconds(self, task):
        if task not in driver.TASKS:
            raise ValueError('unknown task %r' % task)
        return getattr(CONF.simulated, '%s_seconds' % task)

    def guest_password(self, public_key):
        """A new random password, encrypted as cloud-init and
        cloudbase-init post it: RSA PKCS#1 v1.5 with the server's RSA
        key (`nova get-password` decrypts it); none for other keys."""
        try:
            key = serialization.load_ssh_public_key(public_key.encode())
        except (ValueError, crypto_exceptions.UnsupportedAlgorithm):
            return None
        if not isinstance(key, rsa.RSAPublicKey):
            return None
        password = secrets.token_urlsafe(12).encode()
        return base64.b64encode(
            key.encrypt(password, padding.PKCS1v15())).decode()

    def console_output(self, guest):
        """A cloud image's boot, the same for the same guest every time:
        kernel and cloud-init lines stamped with the boot time, and the
        login prompt of the guest's hostname."""
        booted = guest.booted_at.strftime('%a, %d %b %Y %H:%M:%S +0000')
        return '\n'.join((
            '[    0.000000] Linux version 6.1.0-simulated (nova_api) #1 SMP',
            '[    0.000000] Command line: root=LABEL=cloudimg-rootfs ro '
            'console=tty1 console=ttyS0',
            '[    0.000000] DMI: OpenStack Foundation OpenStack Nova, '
            'BIOS 1.16.3',
            '[    1.204113] systemd[1]: Hostname set to <%s>.'
            % guest.hostname,
            'cloud-init[412]: Cloud-init v. 23.1 running \'init\' at %s. '
            'Up 4.20 seconds.' % booted,
            'cloud-init[412]: ci-info: instance-id: %s' % guest.uuid,
            'cloud-init[412]: ci-info: local-hostname: %s' % guest.hostname,
            'cloud-init[655]: Cloud-init v. 23.1 finished at %s. '
            'Datasource DataSourceOpenStackLocal [net,ver=2]. '
            'Up 9.87 seconds' % booted,
            '',
            '%s (%s) on %s' % (guest.name, guest.uuid, guest.host),
            '%s login: ' % guest.hostname,
        ))

    def get_diagnostics(self, guest):
        """libvirt's counters (cpuN_time, memory in KiB, vdX_* of each
        disk, vnetN_* of each interface), those of the standard form:
        every API process answers the same."""
        diagnostics = self.get_instance_diagnostics(guest)
        answer = {}
        for cpu in diagnostics.cpu_details:
            answer['cpu%d_time' % cpu.id] = cpu.time
        answer['memory'] = guest.memory_mb * 1024
        for index, disk in enumerate(diagnostics.disk_details):
            name = 'vd' + 'abcdefghijklmnopqrstuvwxyz'[index % 26]
            answer.update({
                name + '_errors': -1, name + '_read': disk.read_bytes,
                name + '_read_req': disk.read_requests,
                name + '_write': disk.write_bytes,
                name + '_write_req': disk.write_requests})
        for index, nic in enumerate(diagnostics.nic_details):
            name = 'vnet%d' % (index + 1)
            answer.update({
                name + '_rx': nic.rx_octets, name + '_rx_drop': nic.rx_drop,
                name + '_rx_errors': nic.rx_errors,
                name + '_rx_packets': nic.rx_packets,
                name + '_tx': nic.tx_octets, name + '_tx_drop': nic.tx_drop,
                name + '_tx_errors': nic.tx_errors,
                name + '_tx_packets': nic.tx_packets})
        return answer

    def get_instance_diagnostics(self, guest):
        """A KVM guest of libvirt's with the counters of Nova's fake
        driver for each of its vCPUs, interfaces and disks (root, then
        ephemeral and swap if the flavor has them): only the uptime
        changes, from the server's launch."""
        disks = [size for size in (max(guest.root_gb, 1), guest.ephemeral_gb,
                                   guest.swap_mb) if size]
        return driver.Diagnostics(
            state='running', driver='libvirt', hypervisor='kvm',
            hypervisor_os='linux', uptime=guest.uptime,
            config_drive=guest.config_drive,
            cpu_details=tuple(
                driver.CpuDiagnostics(id=cpu, time=17300000000,
                                      utilisation=15)
                for cpu in range(guest.vcpus)),
            nic_details=tuple(
                driver.NicDiagnostics(
                    mac_address=mac, rx_octets=2070139, rx_errors=0,
                    rx_drop=0, rx_packets=26701, rx_rate=300,
                    tx_octets=140208, tx_errors=0, tx_drop=0,
                    tx_packets=662, tx_rate=600)
                for mac in guest.mac_addresses),
            disk_details=tuple(
                driver.DiskDiagnostics(
                    read_bytes=262144, read_requests=112,
                    write_bytes=5778432, write_requests=488,
                    errors_count=0)
                for _ in disks),
            memory_maximum=guest.memory_mb, memory_used=guest.memory_mb)

    def get_network(self):
        options = CONF.simulated
        return driver.Network(
            id=options.network_id, name=options.network_name,
            ipv4=_subnet('network_cidr', options.network_cidr, 4),
            ipv6=_subnet('network_ipv6_cidr', options.network_ipv6_cidr, 6)
            if options.network_ipv6_cidr else None)


def _subnet(option, value, version):
    try:
        subnet = ipaddress.ip_network(value)
    except ValueError as error:
        raise InvalidSimulatedConfig(
            '[simulated] %s: %s' % (option, error)) from error
    # Room for the gateway and at least one server.
    if subnet.version != version or subnet.num_addresses < 4:
        raise InvalidSimulatedConfig(
            '[simulated] %s: %s is not an IPv%d subnet with room for '
            'servers' % (option, value, version))
    return subnet
