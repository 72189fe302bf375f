"""Server passwords, as Nova's metadata service keeps them: the guest of a
server with a public key posts its administrative password encrypted
with that key, and the API shows it until someone clears it.

Here the compute driver plays the guest (``guest_password()``): the first
time the password of a launched server with a public key is read, the
driver's answer is stored, and every later read (in any API process)
sees that same password.

Every function takes the server as nova_api.compute.servers.get_server
returns it, so the caller has found it (404) and checked its policy
(403) first, in Nova's order.
"""

from nova_api.compute import backend
from nova_api.db import server_password as password_db


def get_password(context, server):
    """The encrypted password (base64), '' once cleared, or None while
    the guest has posted none."""
    stored = password_db.get(context, server.id)
    if stored is not None:
        return stored
    if server.launched_at is None or not server.key_data:
        return None
    posted = backend.get_driver().guest_password(server.key_data)
    if posted is None:
        return None
    return password_db.add_unless_present(context, server.id, posted)


def clear_password(context, server):
    """Forget the password; the guest does not post it again."""
    password_db.replace(context, server.id, '')
