"""The oslo.policy enforcer, built once from nova_api.policies' defaults."""

from oslo_config import cfg
from oslo_policy import policy as oslo_policy
import stevedore

from nova_api import exception
from nova_api import policies

# Out-of-tree plugins register their default rules here: each entry point
# is a callable returning a list of oslo.policy RuleDefaults.
PLUGIN_RULES_NAMESPACE = 'nova_api.api.v21.policies'
_ENFORCER = None


def get_enforcer():
    """The enforcer, made on first use (also the oslo.policy entry point)."""
    global _ENFORCER
    if _ENFORCER is None:
        _ENFORCER = oslo_policy.Enforcer(cfg.CONF)
        _ENFORCER.register_defaults(policies.list_rules())
        for extension in stevedore.ExtensionManager(
                PLUGIN_RULES_NAMESPACE, on_load_failure_callback=_raise):
            _ENFORCER.register_defaults(extension.plugin())
        _ENFORCER.load_rules()
    return _ENFORCER


def _raise(manager, entrypoint, exc):
    raise exc


def reset():
    global _ENFORCER
    if _ENFORCER is not None:
        _ENFORCER.clear()
    _ENFORCER = None


def authorize(context, rule, target, fatal=True):
    enforcer = get_enforcer()
    try:
        return enforcer.authorize(rule, target, context, do_raise=fatal,
                                  exc=exception.PolicyNotAuthorized,
                                  action=rule)
    except oslo_policy.InvalidScope:
        if fatal:
            raise exception.PolicyNotAuthorized(action=rule)
        return False
