"""A console token's connection details as the wire shows them."""


def show(req, token):
    """`token` (a stored TokenRow) for os-console-auth-tokens; from 2.99
    a spice-direct console adds its TLS port, as Nova's."""
    body = {
        'instance_uuid': token.instance_uuid,
        'host': token.host,
        'port': token.port,
        'internal_access_path': token.internal_access_path,
    }
    if token.console_type == 'spice-direct' and req.is_supported('2.99'):
        body['tls_port'] = token.tls_port
    return {'console': body}
