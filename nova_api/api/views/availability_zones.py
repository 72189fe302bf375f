"""Availability zones on the wire: Nova's availabilityZoneInfo list."""

# Nova writes timestamps as naive UTC with microseconds, no zone suffix.
_TIME_FORMAT = '%Y-%m-%dT%H:%M:%S.%f'


def _timestamp(value):
    return value.strftime(_TIME_FORMAT) if value is not None else None


def _service(state):
    return {'available': state.available, 'active': state.active,
            'updated_at': _timestamp(state.updated_at)}


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
