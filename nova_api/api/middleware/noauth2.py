"""noauth2: the token "user:project" is taken at its word. Testing only.

User "admin" has the admin role; any other user is a member (and reader)
of its project. A token without ":project" uses the user name as project.
"""

from oslo_middleware import request_id

from nova_api.api.middleware import base
from nova_api.api import faults
from nova_api.api import wsgi
from nova_api import context as nova_context

_ADMIN_ROLES = ('admin', 'member', 'reader')
_MEMBER_ROLES = ('member', 'reader')


class NoAuthMiddleware(base.Middleware):

    def __call__(self, environ, start_response):
        token = environ.get('HTTP_X_AUTH_TOKEN')
        if not token:
            return faults.fault_response(
                401, 'The request you have made requires authentication.'
            )(environ, start_response)
        user_id, _sep, project_id = token.partition(':')
        is_admin = user_id == 'admin'
        environ[wsgi.CONTEXT_KEY] = nova_context.RequestContext(
            user_id=user_id, project_id=project_id or user_id,
            roles=list(_ADMIN_ROLES if is_admin else _MEMBER_ROLES),
            is_admin=is_admin,
            request_id=environ.get(request_id.ENV_REQUEST_ID))
        return self.application(environ, start_response)
