"""Console tokens, as Nova's ConsoleAuthToken object: a random UUID
given to the caller once, in the console's URL; only its SHA-256 hash is
stored, with the console's host and ports, until [consoleauth] token_ttl
seconds have passed. A console proxy (or an administrator) exchanges a
token for where its console is (os-console-auth-tokens).
"""

import hashlib
from urllib import parse

from oslo_config import cfg
from oslo_utils import timeutils
from oslo_utils import uuidutils

from nova_api.db import console_auth_tokens as tokens_db
from nova_api import exception

CONF = cfg.CONF


def _hash(token):
    return hashlib.sha256(token.encode('utf-8')).hexdigest()


def access_url(base_url, console_type, token):
    """`base_url` with `token` appended as Nova appends it: noVNC (from
    1.1.0) reads the token inside its "path" query parameter; every other
    proxy reads a "token" parameter added to the URL as it is."""
    if console_type == 'novnc':
        parsed = parse.urlparse(base_url)
        query = parse.parse_qs(parsed.query)
        query['path'] = '%s?token=%s' % (query.get('path', [''])[0], token)
        return parsed._replace(
            query=parse.urlencode(query, doseq=True)).geturl()
    return '%s?token=%s' % (base_url, token)


def authorize(context, server, console, base_url):
    """A new token for `console` (a driver.Console) of `server`, valid
    for [consoleauth] token_ttl seconds; the URL the caller opens."""
    token = uuidutils.generate_uuid()
    now = timeutils.utcnow_ts()
    tokens_db.create(context, {
        'token_hash': _hash(token),
        'server_id': server.id,
        'console_type': console.console_type,
        'host': console.host,
        'port': console.port,
        'tls_port': console.tls_port,
        'internal_access_path': console.internal_access_path,
        'expires': now + CONF.consoleauth.token_ttl,
    }, now)
    return access_url(base_url, console.console_type, token)


def validate(context, token):
    """The stored console of `token` (a TokenRow with its server's
    uuid); ConsoleTokenNotFound (404) for a token never given, expired,
    or whose server is gone."""
    row = tokens_db.get_valid(context, _hash(token), timeutils.utcnow_ts())
    if row is None:
        raise exception.ConsoleTokenNotFound()
    return row
