"""Key pairs on the wire: list entries, a created key pair, the details.

``type`` is shown from microversion 2.2; a full page of the list links to
the next one in ``keypairs_links`` from 2.35.
"""

from nova_api.api.views import links
from nova_api.api.views import timestamps


def _summary(req, keypair):
    body = {
        'name': keypair.name,
        'public_key': keypair.public_key,
        'fingerprint': keypair.fingerprint,
    }
    if req.is_supported('2.2'):
        body['type'] = keypair.type
    return body


def index(req, keypairs, limit=None):
    """The list; with the page's `limit` (2.35), the link to the next
    page when this one is full (only then, as in Nova)."""
    body = {'keypairs': [{'keypair': _summary(req, keypair)}
                         for keypair in keypairs]}
    if limit is not None:
        next_links = links.collection_links(
            req, 'os-keypairs', [keypair.name for keypair in keypairs],
            limit)
        if next_links:
            body['keypairs_links'] = next_links
    return body


def create(req, keypair, private_key=None):
    """The new key pair; a generated one comes with its private key."""
    body = _summary(req, keypair)
    body['user_id'] = keypair.user_id
    if private_key is not None:
        body['private_key'] = private_key
    return {'keypair': body}


def show(req, keypair):
    body = _summary(req, keypair)
    body.update({
        'user_id': keypair.user_id,
        'id': keypair.id,
        'created_at': timestamps.with_microseconds(keypair.created_at),
        'updated_at': timestamps.with_microseconds(keypair.updated_at),
        # Nova's soft-delete fields: a deleted key pair is never shown, so
        # they always say "not deleted".
        'deleted': False,
        'deleted_at': None,
    })
    return {'keypair': body}
