"""The administrative passwords Nova generates when a request gives none
(server create, rebuild, rescue)."""

import secrets
import string

# Nova's generated passwords are [DEFAULT] password_length (12) long.
_PASSWORD_LENGTH = 12
_PASSWORD_ALPHABET = string.ascii_letters + string.digits


def generate_password():
    """A new random password."""
    return ''.join(secrets.choice(_PASSWORD_ALPHABET)
                   for _ in range(_PASSWORD_LENGTH))
