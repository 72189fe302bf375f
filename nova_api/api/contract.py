"""What a controller method declares about itself, read by the Resource.

Decorators (``wsgi.response``, ``wsgi.expected_errors``, ``wsgi.action``,
``validation.schema`` ...) record the contract on the function instead of
wrapping it, so the route table, the tests and the Resource all read the same
declaration and a request pays for no extra call layers.
"""

from nova_api.api import microversion

_ATTR = '_nova_api_contract'


class VersionRanged(list):
    """(value, min, max) entries; pick the one matching a version."""

    def add(self, value, min_version=None, max_version=None):
        self.append((value,
                     _as_version(min_version),
                     _as_version(max_version)))

    def for_version(self, version, default=None):
        for value, min_version, max_version in self:
            if version.matches(min_version, max_version):
                return value
        return default


class MethodContract:
    __slots__ = ('codes', 'expected_errors', 'action', 'policy_rules',
                 'request_schemas',
                 'query_schemas', 'response_schemas', 'min_version',
                 'max_version')

    def __init__(self):
        self.codes = VersionRanged()
        self.expected_errors = ()
        self.action = None
        self.policy_rules = ()
        self.request_schemas = VersionRanged()
        self.query_schemas = VersionRanged()
        self.response_schemas = VersionRanged()
        self.min_version = None
        self.max_version = None

    def supports(self, version):
        return version.matches(self.min_version, self.max_version)


def _as_version(value):
    if value is None or isinstance(value, microversion.APIVersionRequest):
        return value
    return microversion.APIVersionRequest(value)


def of(func):
    """The contract of `func`, created empty on first use."""
    contract = getattr(func, _ATTR, None)
    if contract is None:
        contract = MethodContract()
        setattr(func, _ATTR, contract)
    return contract


def find(func):
    """The contract of `func`, or None if it declares nothing."""
    return getattr(func, _ATTR, None)


def declared(func):
    """The contract of `func`, empty if it declares nothing."""
    return find(func) or MethodContract()
