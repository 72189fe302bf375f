"""Extra specs Nova knows, checked from microversion 2.86.

A known name gets its value checked; an unknown name is refused only in
a namespace Nova knows (``hw:foo``), and accepted anywhere else
(``foo:bar``, ``foo``). Names and values are those of Nova 34; each
module holds one family of them as data (``keys.Spec``), and
``validate`` is the one entry point:

    extra_specs.validate('hw:cpu_policy', 'dedicated')  # or ValidationError
"""

import re

from nova_api.api.validation.extra_specs import hw
from nova_api.api.validation.extra_specs import hypervisors
from nova_api.api.validation.extra_specs import scheduling
from nova_api import exception

_ALL = hw.SPECS + hypervisors.SPECS + scheduling.SPECS
# Names without parameters are found directly; the others by their
# patterns, in order.
_BY_NAME = {spec.name: spec for spec in _ALL if not spec.params}
_PATTERNED = [spec for spec in _ALL if spec.params]
# Namespaces are patterns too: "resources1" is "resources{group}".
_NAMESPACES = [re.compile(namespace) for namespace in sorted(
    {spec.namespace for spec in _ALL if spec.namespace})]


def validate(name, value):
    """Raise ValidationError (400) with Nova's message if `value` (a
    string) is not valid for the extra spec `name`."""
    spec = _find(name)
    if spec is not None:
        spec.check(value)
    elif ':' in name and _in_known_namespace(name.split(':', 1)[0]):
        raise exception.ValidationError(
            detail="Validation failed; extra spec '%s' does not appear to "
                   "be a valid extra spec." % name)


def _find(name):
    spec = _BY_NAME.get(name)
    if spec is not None:
        return spec
    return next((spec for spec in _PATTERNED if spec.matches(name)), None)


def _in_known_namespace(prefix):
    return any(namespace.fullmatch(prefix) for namespace in _NAMESPACES)
