"""Schemas that change from microversion to microversion, written as the
first one and the list of what each version changed.

    changes = [('2.3', add_launch_details), ('2.9', add_locked)]
    history = history.of(properties, changes, '2.0')
    # [(properties, '2.0', '2.2'), (+launch details, '2.3', '2.8'),
    #  (+locked, '2.9', None)]

Each change is a function given a copy of the schema before its version
to change in place. The ranges go to the validation decorators that take
a history (``validation.response_body_schemas`` ...).
"""

import copy

from nova_api.api import microversion


def of(first, changes, first_version=None):
    """[(schema, min_version, max_version)] from `first` and the
    (version, change) pairs, taken in version order (changes of one
    version in the order given); the last range is open."""
    entries = []
    schema = first
    low = first_version
    for version, change in sorted(
            changes, key=lambda pair: microversion.APIVersionRequest(pair[0])):
        entries.append((schema, low, version_before(version)))
        schema = copy.deepcopy(schema)
        change(schema)
        low = version
    entries.append((schema, low, None))
    return entries


def mapped(entries, build):
    """The same ranges, each schema passed through `build`."""
    return [(build(schema), low, high) for schema, low, high in entries]


def version_before(version):
    """"X.Y" of the version just before `version`."""
    parsed = microversion.APIVersionRequest(version)
    if parsed.minor == 0:
        raise ValueError('no version before %s' % version)
    return '%d.%d' % (parsed.major, parsed.minor - 1)
