"""The loaded API surface as one table, for `nova-api-manage routes` and
the tests that pin and walk it."""

import collections

from nova_api.api import contract
from nova_api.api import router

Row = collections.namedtuple(
    'Row', 'method path plugin handler versions policy codes')


def _version_range(declared):
    low = declared.min_version or '2.0'
    high = declared.max_version or 'latest'
    return '%s-%s' % (low, high)


def _row_for(entry, name, controller):
    declared = contract.declared(getattr(type(controller), name))
    codes = ','.join(str(code) for code, _low, _high in declared.codes)
    return Row(entry.method, entry.path, entry.plugin,
               '%s.%s' % (type(controller).__name__, name),
               _version_range(declared),
               ' '.join(declared.policy_rules) or '-', codes or '200')


def rows(table):
    """One row per route; actions expanded by name."""
    result = []
    for entry in table:
        if entry.action == 'action':
            for action_name, (controller, attr) in sorted(
                    entry.resource.actions.items()):
                row = _row_for(entry, attr, controller)
                result.append(row._replace(
                    path='%s {%s}' % (entry.path, action_name)))
        else:
            result.append(_row_for(entry, entry.action, entry.controller))
    return sorted(result, key=lambda row: (row.path, row.method, row.versions))


def default_table():
    return router.APIRouterV21().table


def format_table(table):
    lines = ['\t'.join(Row._fields)]
    lines.extend('\t'.join(row) for row in rows(table))
    return '\n'.join(lines)
