"""Availability zones on the wire: Nova's availabilityZoneInfo list."""

from nova_api.api.views import timestamps


def _service(state):
    return {'available': state.available, 'active': state.active,
            'updated_at': timestamps.with_microseconds(state.updated_at)}


def _zone(zone):
    hosts = None
    if zone.hosts is not None:
        hosts = {host: {binary: _service(state)
                        for binary, state in services.items()}
                 for host, services in zone.hosts.items()}
    return {'zoneName': zone.name,
            'zoneState': {'available': zone.available},
            'hosts': hosts}


def index(zones):
    return {'availabilityZoneInfo': [_zone(zone) for zone in zones]}


detail = index
