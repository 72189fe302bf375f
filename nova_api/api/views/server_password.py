"""A server's encrypted password on the wire."""


def show(password):
    """Nova's body: the password, or an empty string without one."""
    return {'password': password or ''}
