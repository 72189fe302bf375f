"""Picks the paste pipeline of an endpoint by [api] auth_strategy."""

from oslo_config import cfg

CONF = cfg.CONF


def pipeline_factory(loader, global_conf, **local_conf):
    """A composite whose keys are auth strategies, values pipelines."""
    strategy = CONF.api.auth_strategy
    names = local_conf[strategy].split()
    app = loader.get_app(names[-1])
    for name in reversed(names[:-1]):
        app = loader.get_filter(name)(app)
    return app
