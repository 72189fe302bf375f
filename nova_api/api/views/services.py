"""Services on the wire: Nova's service objects, and what the updates
before 2.53 answer."""

from nova_api.api.views import timestamps


def service(req, record):
    body = {
        'id': record.uuid if req.is_supported('2.53') else record.id,
        'binary': record.binary,
        'host': record.host,
        'zone': record.zone,
        'status': 'disabled' if record.disabled else 'enabled',
        'state': 'up' if record.is_up else 'down',
        'updated_at': timestamps.with_microseconds(record.updated_at),
        'disabled_reason': record.disabled_reason,
    }
    if req.is_supported('2.11'):
        body['forced_down'] = record.forced_down
    return body


def index(req, records):
    return {'services': [service(req, record) for record in records]}


def show(req, record):
    return {'service': service(req, record)}


def status_change(host, binary, disabled, reason=None):
    body = {'host': host, 'binary': binary,
            'status': 'disabled' if disabled else 'enabled'}
    if reason:
        body['disabled_reason'] = reason
    return {'service': body}


def forced_down_change(host, binary, forced_down):
    return {'service': {'host': host, 'binary': binary,
                        'forced_down': forced_down}}
