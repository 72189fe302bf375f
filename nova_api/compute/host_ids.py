"""Nova's hostId: a host's name hashed with a project, so a project can
tell whether two of its servers share a host without learning hosts'
names, and projects cannot compare hosts."""

import hashlib


def host_id(project_id, host):
    """The hostId of `host` for `project_id`; '' without a host."""
    if not host:
        return ''
    return hashlib.sha224((project_id + host).encode()).hexdigest()
