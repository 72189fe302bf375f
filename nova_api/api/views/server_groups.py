"""Server groups on the wire, as Nova shows them up to microversion 2.12:
the uuid as ``id``, the policy as a one-item list ``policies`` and an
empty ``metadata``."""


def _server_group(group):
    return {
        'id': group.uuid,
        'name': group.name,
        'policies': [group.policy],
        'metadata': {},
        'members': list(group.members),
    }


def index(req, groups):
    return {'server_groups': [_server_group(group) for group in groups]}


def show(req, group):
    return {'server_group': _server_group(group)}
