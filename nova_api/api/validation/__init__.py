"""Declaring schemas on controller methods.

Each decorator records a schema for a version range on the method's
contract; ``nova_api.api.validation.validators`` applies them when the
Resource dispatches. "2.0" is the legacy /v2 endpoint.
"""

from nova_api.api import contract


def schema(request_body_schema, min_version=None, max_version=None):
    """The JSON-Schema of the request body for a version range."""
    def decorator(func):
        contract.of(func).request_schemas.add(
            request_body_schema, min_version, max_version)
        return func
    return decorator


def query_schema(query_params_schema, min_version=None, max_version=None):
    """The JSON-Schema of the query string (a dict of lists)."""
    def decorator(func):
        contract.of(func).query_schemas.add(
            query_params_schema, min_version, max_version)
        return func
    return decorator


def response_body_schema(response_schema, min_version=None,
                         max_version=None):
    """The JSON-Schema of the response body, checked per [api]
    response_validation."""
    def decorator(func):
        contract.of(func).response_schemas.add(
            response_schema, min_version, max_version)
        return func
    return decorator


def schemas(history):
    """`schema` for each (schema, min, max) of a validation.history."""
    return _each(schema, history)


def query_schemas(history):
    """`query_schema` for each (schema, min, max) of a history."""
    return _each(query_schema, history)


def response_body_schemas(history):
    """`response_body_schema` for each (schema, min, max) of a history."""
    return _each(response_body_schema, history)


def _each(declare, history):
    def decorator(func):
        for entry in history:
            declare(*entry)(func)
        return func
    return decorator
