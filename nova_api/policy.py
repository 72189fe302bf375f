"""The oslo.policy enforcer, built once from nova_api.policies' defaults."""

import time

from oslo_config import cfg
from oslo_policy import policy as oslo_policy
import stevedore

from nova_api import exception
from nova_api import policies

# Out-of-tree plugins register their default rules here: each entry point
# is a callable returning a list of oslo.policy RuleDefaults.
PLUGIN_RULES_NAMESPACE = 'nova_api.api.v21.policies'
# How often the policy file is looked for and checked for changes.
POLICY_RECHECK_SECONDS = 1.0
_ENFORCER = None


class _Enforcer(oslo_policy.Enforcer):
    """oslo.policy's enforcer, checking the policy files at most once a
    second instead of on every check.

    oslo.policy searches the config directories and stats the policy file
    and policy.d on every enforce(), which costs more than the check itself;
    a second is soon enough to notice an operator's edit.
    """

    _next_recheck = 0.0

    def load_rules(self, force_reload=False):
        now = time.monotonic()
        if force_reload or not self.rules or now >= self._next_recheck:
            self._next_recheck = now + POLICY_RECHECK_SECONDS
            super().load_rules(force_reload)


def get_enforcer():
    """The enforcer, made on first use (also the oslo.policy entry point)."""
    global _ENFORCER
    if _ENFORCER is None:
        _ENFORCER = _Enforcer(cfg.CONF)
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
