"""The request context: who is asking, and the database session they use."""

from oslo_context import context as oslo_context
from oslo_db.sqlalchemy import enginefacade

from nova_api import policy


@enginefacade.transaction_context_provider
class RequestContext(oslo_context.RequestContext):
    """oslo.context's context plus policy checks and a database session."""

    def __init__(self, *args, **kwargs):
        # keystonemiddleware's catalog and the legacy `service_catalog` name
        # arrive as kwargs from `from_environ`; keep only what we use.
        self.service_catalog = kwargs.pop('service_catalog', None) or []
        super().__init__(*args, **kwargs)
        if not self.is_admin and 'admin' in (self.roles or []):
            self.is_admin = True

    def can(self, rule, target=None, fatal=True):
        """Check `rule` for this context; raise PolicyNotAuthorized if denied.

        The default target is the caller's own project and user, which is
        what a resource owned by the caller looks like to oslo.policy.
        """
        if target is None:
            target = {'project_id': self.project_id, 'user_id': self.user_id}
        return policy.authorize(self, rule, target, fatal=fatal)

    def elevated(self):
        """A copy of this context with the admin role, for internal lookups."""
        ctx = self.from_dict(self.to_dict())
        ctx.is_admin = True
        if 'admin' not in ctx.roles:
            ctx.roles = list(ctx.roles) + ['admin']
        return ctx


def get_admin_context():
    """A context for management commands that run outside any request."""
    return RequestContext(user_id=None, project_id=None, is_admin=True,
                          roles=['admin'], overwrite=False)
