"""Rescue mode: a server boots a rescue image (its own image, or one
named) with its disk attached, and leaves rescue mode booting its disk
again, as Nova's rescue and unrescue do.

Nova keeps neither the rescue password nor the rescue image where the API
shows them; neither is stored here. The guest of the rescue image gets
the password; the simulated one accepts it.
"""

from nova_api.compute import images
from nova_api.compute import lock_server
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api import exception


def rescue(context, server, rescue_image_ref=None):
    """Put `server` in rescue mode (an ACTIVE, SHUTOFF or ERROR server):
    InstanceIsLocked and the state's 409s first, then a rescue image the
    caller cannot see is UnsupportedRescueImage (400), in Nova's order."""
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(server_states.RESCUE, server.uuid,
                                server.state)
    if rescue_image_ref:
        try:
            images.get(context, rescue_image_ref)
        except exception.ImageNotFound:
            raise exception.UnsupportedRescueImage(image=rescue_image_ref)
    servers.begin_action(context, server, server_states.RESCUE)


def unrescue(context, server):
    """Leave rescue mode: the server ends ACTIVE."""
    servers.begin_action(context, server, server_states.UNRESCUE)
