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
    second instead of on every check, and remembering its decisions until
    then.

    oslo.policy searches the config directories and stats the policy file
    and policy.d on every enforce(), which costs more than the check itself;
    a second is soon enough to notice an operator's edit. A decision
    depends only on the rules, the target and the credentials, and a list
    request makes the same two or three again and again; evaluating one
    (oslo.policy inspects every check's signature) costs more than a small
    request's database read.
    """

    _next_recheck = 0.0
    # Enough for the rules a few hundred (user, project) pairs use at once.
    MAX_DECISIONS = 4096

    def __init__(self, *args, **kwargs):
        self._decisions = {}
        super().__init__(*args, **kwargs)

    def load_rules(self, force_reload=False):
        now = time.monotonic()
        if force_reload or not self.rules or now >= self._next_recheck:
            self._next_recheck = now + POLICY_RECHECK_SECONDS
            self._decisions = {}
            super().load_rules(force_reload)

    def set_rules(self, rules, overwrite=True, use_conf=False):
        self._decisions = {}
        super().set_rules(rules, overwrite, use_conf)

    def decide(self, rule, target, context):
        """Whether the context may `rule` on `target` (a flat dict)."""
        self.load_rules()
        key = _decision_key(rule, target, context)
        allowed = self._decisions.get(key) if key is not None else None
        if allowed is None:
            try:
                allowed = bool(self.authorize(rule, target, context))
            except oslo_policy.InvalidScope:
                allowed = False
            if key is not None:
                if len(self._decisions) >= self.MAX_DECISIONS:
                    self._decisions = {}
                self._decisions[key] = allowed
        return allowed


def _decision_key(rule, target, context):
    """What a decision depends on, hashable; None if something in the
    target or credentials cannot be a key (then nothing is remembered):
    building the frozensets hashes every item."""
    try:
        key = (rule, frozenset(target.items()), frozenset(
            (name, tuple(value) if isinstance(value, list) else value)
            for name, value in context.to_policy_values().items()))
    except TypeError:
        return None
    return key


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
    if get_enforcer().decide(rule, target, context):
        return True
    if fatal:
        raise exception.PolicyNotAuthorized(action=rule)
    return False
