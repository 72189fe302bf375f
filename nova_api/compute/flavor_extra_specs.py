"""Extra specs: key/value properties of a flavor.

Values are stored as strings; the API accepts numbers too and stores
their string form. Writers take an optional `validate(key, value)`, the
API's rules for known extra specs at its version, applied to each item
in order, after its length check, before the flavor is looked up (as in
Nova).
"""

from nova_api.db import flavors as db_flavors
from nova_api import exception

MAX_VALUE_LENGTH = 255


def get_all(context, flavorid):
    return db_flavors.get_extra_specs(context, flavorid)


def get(context, flavorid, key):
    """The value of `key`, or FlavorExtraSpecsNotFound."""
    specs = db_flavors.get_extra_specs(context, flavorid)
    if key not in specs:
        raise exception.FlavorExtraSpecsNotFound(flavor_id=flavorid,
                                                 extra_specs_key=key)
    return specs[key]


def update(context, flavorid, specs, validate=None):
    """Create or update each key of `specs`."""
    db_flavors.update_extra_specs(context, flavorid,
                                  _as_strings(specs, validate))


def update_one(context, flavorid, key, specs, validate=None):
    """Set `key`, which must be the one key of `specs` (the request body)."""
    strings = _as_strings(specs, validate)
    if key not in specs:
        raise exception.BodyURIMismatch()
    db_flavors.update_extra_specs(context, flavorid, strings)


def delete(context, flavorid, key):
    db_flavors.delete_extra_spec(context, flavorid, key)


def _as_strings(specs, validate):
    strings = {}
    for key, value in specs.items():
        value = value if isinstance(value, str) else str(value)
        # A schema cannot limit the length of a number, so it is checked
        # here, on its string form, before the flavor is looked up.
        if len(value) > MAX_VALUE_LENGTH:
            raise exception.StringTooLong(name='extra_specs value',
                                          length=len(value),
                                          max_length=MAX_VALUE_LENGTH)
        if validate is not None:
            validate(key, value)
        strings[key] = value
    return strings
