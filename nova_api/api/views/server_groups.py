"""Server groups on the wire: the uuid as ``id``; up to 2.63 the policy as
a one-item list ``policies`` and an empty ``metadata``, from 2.64
``policy`` and ``rules``; from 2.13 the owner's ``project_id`` and
``user_id``."""


def _server_group(req, group):
    body = {'id': group.uuid, 'name': group.name}
    if req.is_supported('2.64'):
        body['policy'] = group.policy
        body['rules'] = dict(group.rules)
    else:
        body['policies'] = [group.policy]
        body['metadata'] = {}
    body['members'] = list(group.members)
    if req.is_supported('2.13'):
        body['project_id'] = group.project_id
        body['user_id'] = group.user_id
    return body


def index(req, groups):
    return {'server_groups': [_server_group(req, group) for group in groups]}


def show(req, group):
    return {'server_group': _server_group(req, group)}
