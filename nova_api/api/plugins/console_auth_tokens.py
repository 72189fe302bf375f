"""Console tokens (Nova's os-console-auth-tokens), for administrators and
console proxies:

    GET /os-console-auth-tokens/{console_token}
        -> 200 {"console": {"instance_uuid", "host", "port",
                            "internal_access_path"}}  (2.31)

Before 2.31 (and on /v2) the lookup served only RDP tokens, which went
with Nova's Hyper-V driver: it answers 400 at once, as Nova's. An
unknown or expired token is not found (404 "Token not found"). From 2.99
a spice-direct console shows its "tls_port", and unknown query
parameters are refused.
"""

from nova_api.api import plugin
from nova_api.api.schemas import console_auth_tokens as schemas
from nova_api.api import validation
from nova_api.api.views import console_auth_tokens as views
from nova_api.api import wsgi
from nova_api.compute import console_auth_tokens
from nova_api import exception
from nova_api.policies import console_auth_tokens as policies


class ConsoleAuthTokensController(wsgi.Controller):

    @wsgi.expected_errors((400, 403, 404))
    @wsgi.policy(policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.98')
    @validation.query_schema(schemas.show_query_v299, '2.99')
    @validation.response_body_schema(schemas.show_response, '2.0', '2.98')
    @validation.response_body_schema(schemas.show_response_v299, '2.99')
    def show(self, req, console_token):
        if not req.is_supported('2.31'):
            raise exception.ConsoleRequestRefused()
        context = req.context
        context.can(policies.SHOW)
        token = console_auth_tokens.validate(context, console_token)
        return views.show(req, token)


class ConsoleAuthTokens(plugin.APIPlugin):
    name = 'os-console-auth-tokens'

    def resources(self):
        return [plugin.APIResource(
            'os-console-auth-tokens', ConsoleAuthTokensController(), [
                ('GET', '/os-console-auth-tokens/{console_token}', 'show'),
            ])]
