"""Finding the server a server's sub-resource belongs to, in Nova's order:
the server first (404 for one the caller may not see), then the rule,
checked against the server's project (403)."""

from nova_api.compute import servers


def find_server(req, server_id, rule, include_deleted=False):
    """The server `server_id` (deleted too, if `include_deleted`), once
    `rule` allows the caller on it."""
    server = servers.get_server(req.context, server_id,
                                include_deleted=include_deleted)
    req.context.can(rule, {'project_id': server.project_id})
    return server
