"""The loaded API surface as one table, for `nova-api-manage routes` and
the tests that pin and walk it.

One row per route implementation, tab-separated: method, path (an action
as `/servers/{server_id}/action {os-stop}`), the plugin that adds it (for
an action added to another plugin's resource, the plugin that adds the
action: the one `[api] disabled_plugins` would switch off), controller
method, version range, policy rules and success codes.

Versions are `2.0` (the /v2 pseudo-version) to `latest`. A success code
that changed with a microversion shows its range, `200(2.0-2.1),201(2.2-)`
(an open end is left empty); a code for every version the method serves
is bare, `202`. A method that declares no success code and only 410 among
its errors (Nova's removed APIs) shows `410`.
"""

import collections

from nova_api.api import contract
from nova_api.api import microversion
from nova_api.api import router

Row = collections.namedtuple(
    'Row', 'method path plugin handler versions policy codes')


def _version_range(declared):
    low = declared.min_version or '2.0'
    high = declared.max_version or 'latest'
    return '%s-%s' % (low, high)


def _ranged_code(code, low, high):
    if low is None and high is None:
        return str(code)
    return '%s(%s-%s)' % (code, low or '2.0', high or '')


def _codes(declared):
    if declared.codes:
        by_version = sorted(
            declared.codes,
            key=lambda entry: entry[1] or microversion.LEGACY_V2)
        return ','.join(_ranged_code(*entry) for entry in by_version)
    if tuple(declared.expected_errors) == (410,):
        return '410'
    return '200'


def _row_for(path, plugin, method, name, controller):
    declared = contract.declared(getattr(type(controller), name))
    return Row(method, path, plugin,
               '%s.%s' % (type(controller).__name__, name),
               _version_range(declared),
               ' '.join(declared.policy_rules) or '-', _codes(declared))


def rows(table):
    """One row per route; actions expanded by name."""
    result = []
    for entry in table:
        if entry.action == 'action':
            for action_name, (controller, attr) in sorted(
                    entry.resource.actions.items()):
                result.append(_row_for(
                    '%s {%s}' % (entry.path, action_name),
                    entry.action_plugins[action_name], entry.method, attr,
                    controller))
        else:
            result.append(_row_for(entry.path, entry.plugin, entry.method,
                                   entry.action, entry.controller))
    return sorted(result, key=lambda row: (row.path, row.method, row.versions))


def default_table():
    return router.APIRouterV21().table


def format_table(table):
    lines = ['\t'.join(Row._fields)]
    lines.extend('\t'.join(row) for row in rows(table))
    return '\n'.join(lines)
