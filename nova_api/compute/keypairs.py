"""Key pairs: a user's named SSH keys and X509 certificates.

A key pair is imported (the user gives the public key or certificate) or
generated (the service makes both halves and hands the private one back
once; it is never stored). Every function takes the owner's ``user_id``
because an administrator may act on another user's key pairs.
"""

from nova_api.compute import keypair_crypto
from nova_api.compute import quotas
from nova_api.db import keypairs as keypairs_db
from nova_api import exception

SSH = 'ssh'
X509 = 'x509'

_FINGERPRINT_OF = {
    SSH: keypair_crypto.ssh_fingerprint,
    X509: keypair_crypto.x509_fingerprint,
}
_GENERATE = {
    SSH: lambda user_id: keypair_crypto.generate_ssh_key_pair(),
    X509: keypair_crypto.generate_x509_key_pair,
}


def list_keypairs(context, user_id, limit=None, marker=None):
    """The user's key pairs by name: `limit` of them (all with None) after
    the one named `marker`; MarkerNotFound (400) if it is not the user's."""
    return keypairs_db.get_all(context, user_id, limit, marker)


def get_keypair(context, user_id, name):
    return keypairs_db.get(context, user_id, name)


def import_keypair(context, user_id, name, public_key, key_type=SSH):
    """Store an existing public key (SSH) or certificate (X509)."""
    _check_quota(context, user_id, new=1)
    fingerprint = _FINGERPRINT_OF[key_type](public_key)
    return _create(context, user_id, name, key_type, public_key, fingerprint)


def generate_keypair(context, user_id, name, key_type=SSH):
    """Make a new key pair; returns (key pair, its private key)."""
    _check_quota(context, user_id, new=1)
    generated = _GENERATE[key_type](user_id)
    keypair = _create(context, user_id, name, key_type, generated.public_key,
                      generated.fingerprint)
    return keypair, generated.private_key


def delete_keypair(context, user_id, name):
    keypairs_db.destroy(context, user_id, name)


def _check_quota(context, user_id, new):
    """The owner's key pairs, with `new` more, against the owner's limit in
    the caller's project (an admin may create them for another user)."""
    try:
        quotas.check(context, {'key_pairs': new}, context.project_id,
                     user_id)
    except exception.ResourcesOverQuota:
        raise exception.KeypairLimitExceeded()


def _create(context, user_id, name, key_type, public_key, fingerprint):
    keypair = keypairs_db.create(context, {
        'user_id': user_id, 'name': name, 'type': key_type,
        'public_key': public_key, 'fingerprint': fingerprint})
    # Concurrent requests can all pass the check made before the insert.
    # Counting again once ours is stored, and taking it back if that puts
    # the user over the limit, means no user ever stays over it (Nova's
    # quota recheck); a race costs a retry, never the limit.
    try:
        _check_quota(context, user_id, new=0)
    except exception.KeypairLimitExceeded:
        try:
            keypairs_db.destroy(context, user_id, name)
        except exception.KeypairNotFound:
            pass  # a concurrent delete already took it back
        raise
    return keypair
