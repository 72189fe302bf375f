"""A server's console log (os-getConsoleOutput), as Nova's
get_console_output: a server with a host answers its guest's log (the
compute driver's), the last `length` lines of it when asked; a server
never placed on a host is not ready (409).
"""

import re

from nova_api.compute import backend
from nova_api import exception
from nova_api.virt import driver

# Nova's API removes the control characters but tab and newline.
_CONTROL_CHARACTERS = re.compile('[\x00-\x08\x0B-\x1F]')


def tail(log, length):
    """The end of `log` as Nova's compute manager cuts it: every line for
    None, nothing for 0, else the lines from the `length`th from the end.
    Nova slices with `length` as it is, so -1 (which its schema calls
    unlimited) drops the first line, and -N the first N."""
    if length is None:
        return log
    length = int(length)
    if length == 0:
        return ''
    return '\n'.join(log.split('\n')[-length:])


def get_output(context, server, length=None):
    """`server`'s console log, cut by tail(); InstanceNotReady (409) for
    a server without a host."""
    if not server.host:
        raise exception.InstanceNotReady(instance_id=server.uuid)
    guest = driver.ConsoleGuest(
        uuid=server.uuid, name=server.name,
        hostname=server.hostname or server.name,
        booted_at=server.launched_at or server.created_at,
        host=server.host)
    log = backend.get_driver().console_output(guest)
    return _CONTROL_CHARACTERS.sub('', tail(log, length))
