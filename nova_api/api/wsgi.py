"""The pieces a plugin's controller is written with.

- ``Request``: webob's request with the context and the negotiated version.
- ``Controller``: base class; collects the actions its methods declare.
- Decorators that declare a method's contract: ``response``,
  ``expected_errors``, ``action``, ``api_version``.
- ``ResponseObject``: a body plus headers, for the few methods that set some.

Dispatch itself lives in ``nova_api.api.resource``.
"""

import webob

from nova_api.api import contract
from nova_api.api import microversion
from nova_api import exception

CONTEXT_KEY = 'nova.context'
LEGACY_V2_KEY = 'nova.legacy_v2'


class Request(webob.Request):
    """A request with the negotiated version and the request context."""

    api_version_request = microversion.MIN_VERSION

    @property
    def context(self):
        return self.environ[CONTEXT_KEY]

    def is_legacy_v2(self):
        return self.environ.get(LEGACY_V2_KEY, False)

    def is_supported(self, min_version=None, max_version=None):
        """True if the negotiated version is within the range."""
        return self.api_version_request.matches(min_version, max_version)


class ResponseObject:
    """A controller result that needs headers or a code of its own."""

    __slots__ = ('body', 'headers', 'code')

    def __init__(self, body=None, headers=None, code=None):
        self.body = body
        self.headers = headers or {}
        self.code = code


def response(code, min_version=None, max_version=None):
    """Declare the success status code, optionally for a version range."""
    def decorator(func):
        contract.of(func).codes.add(code, min_version, max_version)
        return func
    return decorator


def expected_errors(errors):
    """Declare the error codes a method answers with (documentation and
    the route table; an undeclared one is logged, not hidden)."""
    if isinstance(errors, int):
        errors = (errors,)

    def decorator(func):
        contract.of(func).expected_errors = tuple(errors)
        return func
    return decorator


def action(name):
    """Mark a method as the handler of `POST .../action {name: ...}`."""
    def decorator(func):
        contract.of(func).action = name
        return func
    return decorator


def policy(*rules):
    """Declare the policy rules a method checks (for the route table and
    the tests that walk it); the method still calls ``context.can``."""
    def decorator(func):
        contract.of(func).policy_rules = rules
        return func
    return decorator


def api_version(min_version=None, max_version=None):
    """Declare the version range a method exists in; outside it the
    Resource answers Nova's 404 for the version."""
    def decorator(func):
        func_contract = contract.of(func)
        func_contract.min_version = contract._as_version(min_version)
        func_contract.max_version = contract._as_version(max_version)
        return func
    return decorator


class ControllerMetaclass(type):
    """Collects each controller's actions into ``wsgi_actions``."""

    def __new__(mcs, name, bases, namespace):
        actions = {}
        for base in bases:
            actions.update(getattr(base, 'wsgi_actions', {}))
        for attr_name, value in namespace.items():
            declared = contract.find(value) if callable(value) else None
            if declared is not None and declared.action:
                actions[declared.action] = attr_name
        namespace['wsgi_actions'] = actions
        return super().__new__(mcs, name, bases, namespace)


class Controller(metaclass=ControllerMetaclass):
    """Base of every plugin controller."""

    def method_for(self, name, version):
        """The bound method `name`, if `version` is within its range.

        Raises VersionNotFoundForAPIMethod outside the method's range.
        """
        method = getattr(self, name)
        declared = contract.find(method.__func__)
        if declared is not None and not declared.supports(version):
            raise exception.VersionNotFoundForAPIMethod(version=version)
        return method
