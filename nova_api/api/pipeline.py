"""Picks the paste pipeline of an endpoint by [api] auth_strategy."""

import weakref

from oslo_config import cfg

CONF = cfg.CONF

# {paste loader: {app name: app}}: the endpoints whose pipelines end in
# the same app (/v2 and /v2.1 end in one router) share one instance per
# loaded paste file.
_apps_by_loader = weakref.WeakKeyDictionary()


def pipeline_factory(loader, global_conf, **local_conf):
    """A composite whose keys are auth strategies, values pipelines."""
    strategy = CONF.api.auth_strategy
    names = local_conf[strategy].split()
    app = _shared_app(loader, names[-1])
    for name in reversed(names[:-1]):
        app = loader.get_filter(name)(app)
    return app


def _shared_app(loader, name):
    apps = _apps_by_loader.setdefault(loader, {})
    if name not in apps:
        apps[name] = loader.get_app(name)
    return apps[name]
