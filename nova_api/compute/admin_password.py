"""Changing a server's admin password (changePassword), as Nova's
set_admin_password: an ACTIVE server with no task gets the task state
``updating_password`` (status PASSWORD) for the driver's
``change_password`` duration.

Nova passes the password to the guest and stores it nowhere; neither
does nova_api (a server create's adminPass is not stored either). The
simulated guest accepts any password.
"""

from nova_api.compute import server_states
from nova_api.compute import servers


def change_password(context, server, password):
    """Start setting `password` in `server`'s guest; the 409s Nova
    answers for a locked server or another state."""
    del password  # Handed to the guest, which the simulation has not.
    servers.begin_action(context, server, server_states.CHANGE_PASSWORD)
