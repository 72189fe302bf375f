"""Applying JSON-Schema (Draft 4, with a format checker) to requests.

Strict mode rejects a property the schema does not define. Relaxed mode
(/v2 always, /v2.1 when [api] drop_undefined_properties is set) removes it
from the body before the controller sees it and logs it; every other error
still rejects.
"""

import contextvars
import logging
import re

from jsonschema import exceptions as jsonschema_exceptions
from jsonschema import validators as jsonschema_validators

from nova_api.api.validation import formats
from nova_api import exception

LOG = logging.getLogger(__name__)


_dropped = contextvars.ContextVar('dropped_properties')


def _drop_additional_properties(validator, allowed, instance, schema):
    """additionalProperties of relaxed mode, as Nova's legacy v2 mode.

    Undefined properties are deleted in place; where the schema has
    patternProperties, a name matching none of them is still an error.
    """
    if not validator.is_type(instance, 'object') or allowed is not False:
        yield from _STRICT.VALIDATORS['additionalProperties'](
            validator, allowed, instance, schema)
        return
    # Deleting is safe only outside oneOf/anyOf branches: keep relaxed
    # schemas free of additionalProperties: false under those keywords.
    extra = list(_undefined_properties(instance, schema))
    if not extra:
        return
    if schema.get('patternProperties'):
        yield jsonschema_exceptions.ValidationError(
            'Additional properties are not allowed (%s %s unexpected)'
            % (', '.join(repr(name) for name in extra),
               'was' if len(extra) == 1 else 'were'))
        return
    for name in extra:
        del instance[name]
        _dropped.get().append(name)


def _number(instance):
    """A number from a numeric string, as Nova compares them with bounds."""
    if isinstance(instance, str):
        for convert in (int, float):
            try:
                return convert(instance)
            except ValueError:
                pass
    return instance


def _minimum(validator, minimum, instance, schema):
    yield from _DRAFT4.VALIDATORS['minimum'](
        validator, minimum, _number(instance), schema)


def _maximum(validator, maximum, instance, schema):
    yield from _DRAFT4.VALIDATORS['maximum'](
        validator, maximum, _number(instance), schema)


def _undefined_properties(instance, schema):
    defined = schema.get('properties', {})
    patterns = [re.compile(p) for p in schema.get('patternProperties', {})]
    for name in instance:
        if name not in defined and not any(p.search(name) for p in patterns):
            yield name


_DRAFT4 = jsonschema_validators.Draft4Validator
_STRICT = jsonschema_validators.extend(
    _DRAFT4, {'minimum': _minimum, 'maximum': _maximum})
_RELAXED = jsonschema_validators.extend(
    _STRICT, {'additionalProperties': _drop_additional_properties})
_VALIDATORS = {}


def _validator_for(schema, relaxed):
    key = (id(schema), relaxed)
    validator = _VALIDATORS.get(key)
    if validator is None:
        cls = _RELAXED if relaxed else _STRICT
        validator = cls(schema, format_checker=formats.FORMAT_CHECKER)
        # Keep the schema alive so its id() is never reused by another.
        _VALIDATORS[key] = validator
    return validator


def validate_body(req, schema, body, relaxed):
    """Validate `body`; in relaxed mode drop and log undefined properties."""
    validator = _validator_for(schema, relaxed)
    dropped = []
    token = _dropped.set(dropped)
    try:
        _raise_first_error(validator, body, is_body=True)
    finally:
        _dropped.reset(token)
    if dropped:
        LOG.warning('Dropped undefined properties %(names)s from the body of '
                    '%(method)s %(path)s (User-Agent: %(agent)s)',
                    {'names': sorted(dropped), 'method': req.method,
                     'path': req.path, 'agent': req.user_agent})


def validate_query(req, schema):
    """Validate the query string and strip parameters the schema ignores."""
    query = req.GET.dict_of_lists()
    validator = _validator_for(schema, False)
    _raise_first_error(validator, query, is_body=False)
    if schema.get('additionalProperties', True) is not False:
        for name in set(_undefined_properties(query, schema)):
            del req.GET[name]


def _raise_first_error(validator, instance, is_body):
    # The first error in schema order, as Nova reports (not best_match).
    error = next(iter(validator.iter_errors(instance)), None)
    if error is None:
        return
    raise exception.ValidationError(detail=_detail(error, is_body))


def _detail(error, is_body):
    if isinstance(error.cause, exception.Invalid):
        return error.cause.format_message()
    if not error.path:
        return error.message
    if is_body:
        return ('Invalid input for field/attribute %s. Value: %s. %s'
                % (error.path[-1], error.instance, error.message))
    return ('Invalid input for query parameters %s. Value: %s. %s'
            % (error.path[0], error.instance, error.message))


def validate_response(schema, body):
    """Raise jsonschema.ValidationError if a response breaks its schema."""
    _validator_for(schema, False).validate(body)
