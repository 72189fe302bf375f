"""Remote console URLs as the wire shows them."""


def console(console_type, url):
    """The body of a deprecated action (os-getVNCConsole ...)."""
    return {'console': {'type': console_type, 'url': url}}


def remote_console(protocol, console_type, url):
    """The body of POST /servers/{id}/remote-consoles."""
    return {'remote_console': {'protocol': protocol, 'type': console_type,
                               'url': url}}
