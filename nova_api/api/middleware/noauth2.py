"""noauth2: the token "user:project" is taken at its word. Testing only.

User "admin" has the admin role; any other user is a member (and reader)
of its project. A token without ":project" uses the user name as project.
"""

import webob.dec

from nova_api.api.middleware import base
from nova_api.api import faults
from nova_api.api import wsgi
from nova_api import context as nova_context


class NoAuthMiddleware(base.Middleware):

    @webob.dec.wsgify(RequestClass=wsgi.Request)
    def __call__(self, req):
        token = req.headers.get('X-Auth-Token')
        if not token:
            return faults.fault_response(
                401, 'The request you have made requires authentication.')
        user_id, _sep, project_id = token.partition(':')
        project_id = project_id or user_id
        if user_id == 'admin':
            roles = ['admin', 'member', 'reader']
        else:
            roles = ['member', 'reader']
        req.environ[wsgi.CONTEXT_KEY] = nova_context.RequestContext(
            user_id=user_id, project_id=project_id, roles=roles,
            is_admin=user_id == 'admin',
            request_id=req.environ.get('openstack.request_id'))
        return self.application
