"""The coverage page: each operation of Nova's API reference and what
nova_api does with it, written by `nova-api-manage coverage`.

For every record of the reference's compute-api-endpoints.json (an action
is told apart by its first body parameter) the page says whether the
loaded route table serves it, answers 410 for it (an API Nova removed) or
lacks it, the route's version range, and the evidence that covers it:

- the route walk (nova_api.tests.functional.test_route_table), which
  sends a request to every route of the table;
- the functional test modules whose source mentions the route's path (a
  static scan: a mention is not proof that a test sends that method);
- the Tempest modules the project's Tempest run selects
  (nova_api/tests/tempest/run.py, read statically) that call the
  operation, from the hand-kept table in coverage_data.yaml;
- the real-client test methods (test_real_clients*.py) whose source makes
  a client call that sends the operation, by the call patterns in
  coverage_data.yaml.

Only the reference and the data file are inputs besides the code and the
tests' source; the page is reStructuredText for doc/source/coverage.rst.
"""

import ast
import collections
import json
import os
import re

import yaml

_HERE = os.path.dirname(os.path.abspath(__file__))
_PACKAGE = os.path.dirname(_HERE)
DATA_FILE = os.path.join(_HERE, 'coverage_data.yaml')
DEFAULT_REFERENCE = os.path.normpath(
    os.path.join(_PACKAGE, '..', '..', 'shared', 'reference'))
FUNCTIONAL_DIR = os.path.join(_PACKAGE, 'tests', 'functional')
TEMPEST_RUN = os.path.join(_PACKAGE, 'tests', 'tempest', 'run.py')
# test_real_clients.py and the test_real_clients_*.py beside it.
REAL_CLIENTS_PREFIX = 'test_real_clients'
ROUTE_WALK = 'test_route_table'
TEMPEST_PACKAGE = 'tempest.api.compute.'

SERVED = 'served'
REMOVED = 'removed in Nova, 410 here'
NOT_SERVED = 'not served'
STATES = (SERVED, REMOVED, NOT_SERVED)

Operation = collections.namedtuple(
    'Operation', 'group title method path action nova_min')
Coverage = collections.namedtuple(
    'Coverage', 'operation state versions walked mentioned tempest clients')


class CoverageDataError(Exception):
    """The data file names an operation the reference does not have."""


def operation_key(method, path, action=None):
    key = '%s %s' % (method, path)
    return '%s {%s}' % (key, action) if action else key


def _key(operation):
    return operation_key(operation.method, operation.path, operation.action)


# The reference

def _first_body_parameter(record, parameters):
    for name, ref in record['request']:
        if parameters.get(ref, {}).get('in') == 'body':
            return name, parameters[ref]
    return None, {}


def _operation(record, parameters, action_names):
    action, nova_min = None, None
    if record['method'] == 'POST' and record['path'].endswith('/action'):
        action, declared = _first_body_parameter(record, parameters)
        action = action or action_names.get(record['title'])
        nova_min = declared.get('min_version')
    return Operation(record['file'][:-len('.inc')], record['title'],
                     record['method'], record['path'], action,
                     str(nova_min) if nova_min else None)


def load_operations(reference_dir, data):
    with open(os.path.join(reference_dir,
                           'compute-api-endpoints.json')) as f:
        records = json.load(f)
    with open(os.path.join(reference_dir, 'parameters.yaml')) as f:
        parameters = yaml.safe_load(f)
    return [_operation(record, parameters, data['action_names'])
            for record in records]


def load_data(path=DATA_FILE):
    with open(path) as f:
        return yaml.safe_load(f)


# The route table

def _shape(path):
    return re.sub(r'\{[^}]*\}', '{}', path)


def _split_row_path(row_path):
    path, _, action = row_path.partition(' ')
    return path, action.strip('{}') or None


def route_index(rows):
    index = {}
    for row in rows:
        path, action = _split_row_path(row.path)
        index[(row.method, _shape(path), action)] = row
    return index


def _route_for(operation, index, data):
    key = data['aliases'].get(_key(operation))
    method, path = key.split(' ', 1) if key else (operation.method,
                                                 operation.path)
    return index.get((method, _shape(path), operation.action))


def _versions(row, operation):
    low, high = row.versions.split('-')
    low = '2.1' if low == '2.0' else low
    text = '%s-%s' % (low, high)
    if operation.nova_min:
        text += ' (Nova: %s)' % operation.nova_min
    return text


# The functional tests' source

_PARAMETER = (r"(?:%s|%\(\w+\)s|\{[^}/]*\}|[0-9a-fA-F-]+"
              r"|'\s*\+\s*[\w.\[\]'()]+?(?:\s*\+\s*')?)")


# The API root as a whole string literal, not the start of a concatenation.
_ROOT = re.compile(r"""(['"])(?:/v2(?:\.1)?/?|/)\1(?!\s*\+)""")


def path_pattern(path):
    """A regular expression for the path as a test writes it: at the
    start of a string literal (or after /v2 or /v2.1), a parameter as a
    format placeholder, a concatenation or a literal id."""
    if path == '/':
        return _ROOT
    parts = [_PARAMETER if re.fullmatch(r'\{[^}]*\}', segment)
             else re.escape(segment)
             for segment in path.split('/')]
    return re.compile(r"(?:(?<=['\"])|(?<=/v2)|(?<=/v2\.1))"
                      + '/'.join(parts) + r"(?![\w-]|/[\w%{'])")


# Named in columns of their own, or (this page's own test) writing paths
# only to test the scan.
_NOT_SCANNED = (ROUTE_WALK, 'test_coverage_page')


def _functional_sources():
    sources = {}
    for name in sorted(os.listdir(FUNCTIONAL_DIR)):
        if (name.startswith('test_') and name.endswith('.py')
                and name[:-len('.py')] not in _NOT_SCANNED
                and not name.startswith(REAL_CLIENTS_PREFIX)):
            with open(os.path.join(FUNCTIONAL_DIR, name)) as f:
                sources[name[:-len('.py')]] = f.read()
    return sources


def _mentions(row, sources):
    path, action = _split_row_path(row.path)
    pattern = path_pattern(path)
    quoted = re.compile(r"""['"]%s['"]""" % re.escape(action or ''))
    return [module for module, source in sources.items()
            if pattern.search(source)
            and (action is None or quoted.search(source))]


# Tempest

def _assigned_literals(path, names):
    with open(path) as f:
        tree = ast.parse(f.read())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in names:
                    found[target.id] = ast.literal_eval(node.value)
    return found


def tempest_modules(data, run_path=TEMPEST_RUN):
    """The data file's Tempest modules, each one the project's run selects
    and does not exclude whole: the data file may name no other."""
    run = _assigned_literals(run_path, ('SELECTED_TESTS', 'EXCLUDED_TESTS'))
    selected = re.compile(run['SELECTED_TESTS'])
    excluded = [re.compile(pattern) for pattern, _ in run['EXCLUDED_TESTS']]
    not_run = [name for name in data['tempest']
               if not selected.match(TEMPEST_PACKAGE + name + '.')
               or any(e.search(TEMPEST_PACKAGE + name) for e in excluded)]
    if not_run:
        raise CoverageDataError(
            '%s names Tempest modules that %s does not run: %s'
            % (DATA_FILE, run_path, ', '.join(sorted(not_run))))
    return dict(data['tempest'])


# The real clients

def _test_methods(path):
    with open(path) as f:
        source = f.read()
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if (isinstance(item, ast.FunctionDef)
                        and item.name.startswith('test_')):
                    yield (node.name, item.name,
                           ast.get_source_segment(source, item))


def _real_client_modules():
    return [os.path.join(FUNCTIONAL_DIR, name)
            for name in sorted(os.listdir(FUNCTIONAL_DIR))
            if name.startswith(REAL_CLIENTS_PREFIX) and name.endswith('.py')]


def real_client_calls(data, paths=None):
    """Operation key -> the test methods whose source sends it."""
    calls = collections.defaultdict(list)
    for class_name, method, source in (
            test for path in paths or _real_client_modules()
            for test in _test_methods(path)):
        for pattern, operations in data['real_clients'].get(
                class_name, {}).items():
            if re.search(pattern, source):
                for key in operations:
                    test = '%s.%s' % (class_name, method)
                    if test not in calls[key]:
                        calls[key].append(test)
    return calls


def _check_names(data, keys):
    named = [key for operations in data['tempest'].values()
             for key in operations]
    named += [key for patterns in data['real_clients'].values()
              for operations in patterns.values() for key in operations]
    named += list(data['aliases']) + list(data['outside_table'])
    unknown = sorted(set(named) - set(keys))
    if unknown:
        raise CoverageDataError('%s names operations that are not in the '
                                'reference: %s' % (DATA_FILE,
                                                   ', '.join(unknown)))


# The page

def collect(operations, rows, data):
    keys = [_key(op) for op in operations]
    _check_names(data, keys)
    index = route_index(rows)
    sources = _functional_sources()
    tempest = collections.defaultdict(list)
    for module, names in tempest_modules(data).items():
        for key in names:
            tempest[key].append(module)
    clients = real_client_calls(data)
    result = []
    for operation, key in zip(operations, keys):
        row = _route_for(operation, index, data)
        if key in data['outside_table'] or row is None:
            outside = data['outside_table'].get(key)
            result.append(Coverage(operation,
                                   SERVED if outside else NOT_SERVED,
                                   outside, False, [], tempest[key],
                                   clients[key]))
            continue
        state = REMOVED if row.codes == '410' else SERVED
        result.append(Coverage(operation, state, _versions(row, operation),
                               True, _mentions(row, sources), tempest[key],
                               clients[key]))
    return result


def _heading(text, char):
    return [text, char * len(text), '']


def _counts(entries):
    counts = collections.Counter(entry.state for entry in entries)
    return [str(counts[state]) for state in STATES]


def _summary(entries):
    by_group = collections.OrderedDict()
    for entry in entries:
        by_group.setdefault(entry.operation.group, []).append(entry)
    total = _counts(entries)
    lines = ['Of the reference\'s %d operations, nova_api serves %s, answers '
             '410 for %s that Nova removed, and does not serve %s.'
             % (len(entries), total[0], total[1], total[2]), '',
             '.. list-table:: Operations by resource group',
             '   :header-rows: 1', '',
             '   * - Group', '     - Served', '     - Removed (410)',
             '     - Not served']
    for group, group_entries in sorted(by_group.items()):
        lines.append('   * - `%s`_' % group)
        lines.extend('     - %s' % count for count in _counts(group_entries))
    lines.extend(['   * - Total'] + ['     - %s' % count for count in total])
    return lines + ['']


def _cell(values):
    return ', '.join(values) if values else '-'


def _operation_cell(operation):
    text = '``%s %s``' % (operation.method, operation.path)
    if operation.action:
        text += ' ``%s``' % operation.action
    return '%s: %s' % (operation.title, text)


def _row_lines(entry):
    cells = [_operation_cell(entry.operation), entry.state,
             entry.versions or '-',
             'yes' if entry.walked else '-',
             _cell(entry.mentioned), _cell(entry.tempest),
             _cell(entry.clients)]
    lines = ['   * - %s' % cells[0]]
    lines.extend('     - %s' % cell for cell in cells[1:])
    return lines


def _group_tables(entries):
    by_group = collections.OrderedDict()
    for entry in entries:
        by_group.setdefault(entry.operation.group, []).append(entry)
    lines = []
    for group, group_entries in sorted(by_group.items()):
        lines.extend(_heading(group, '-'))
        lines.extend(['.. list-table::', '   :header-rows: 1',
                      '   :widths: 30 10 10 6 18 16 20', '',
                      '   * - Operation', '     - nova_api',
                      '     - Microversions', '     - Route walk',
                      '     - Mentioned by', '     - Tempest',
                      '     - Real clients'])
        for entry in group_entries:
            lines.extend(_row_lines(entry))
        lines.append('')
    return lines


INTRODUCTION = """\
..
   Written by `nova-api-manage coverage` (tox -e regenerate); do not edit.
   nova_api/tests/functional/test_coverage_page.py fails when it is out of
   date.

========
Coverage
========

Every operation of Nova's compute API reference, and what nova_api does
with it. The page is generated from the loaded route table, Nova's
reference (``compute-api-endpoints.json``), the tests' source and
``nova_api/cmd/coverage_data.yaml``; how each column is found:

nova_api
  *served*: a route of the table answers it (an action when the table has
  ``POST <path> {<action>}``); *removed in Nova, 410 here*: Nova removed
  the API and nova_api answers ``410 Gone`` as Nova does; *not served*:
  no route of the table.
Microversions
  The route's version range (``latest`` is the advertised maximum);
  ``Nova:`` the minimum version the reference gives the action's body
  parameter, where it gives one (it gives none to operations).
Route walk
  ``nova_api.tests.functional.test_route_table`` covers every route of the
  table: ``PolicyWalkTestV2`` and ``PolicyWalkTestV21`` send each route's
  request (its ``REQUESTS`` entry) through the whole pipeline as a plain
  member and check the answer (the code the route declares, Nova's 403
  for an admin-only rule, 410 for a removed API), each response validated
  against the route's response schema for its version; ``RouteTableTest``
  checks that every version the route serves has its schemas.
Mentioned by
  The functional test modules whose source writes the route's path (and,
  for an action, its name). A static scan: it shows where a path is
  written, not that a test sends that method to it.
Tempest
  The modules of ``tempest.api.compute`` that the project's Tempest run
  (``tox -e tempest``, ``nova_api/tests/tempest/run.py``) selects and does
  not exclude or skip whole, with the operations their tests call as
  listed by hand in the data file (a module's tests that the run excludes
  one by one are not subtracted).
Real clients
  The test methods of ``nova_api.tests.functional.test_real_clients``
  and ``test_real_clients_*`` (python-novaclient, openstacksdk, the
  ``openstack`` client) whose own source makes a client call that sends
  the operation, found by the call patterns of the data file (calls
  inside helper methods do not count).

Summary
=======

"""


def render(entries):
    lines = INTRODUCTION.splitlines() + _summary(entries)
    lines += _heading('Operations', '=') + _group_tables(entries)
    return '\n'.join(lines).rstrip('\n') + '\n'


def page(rows, reference_dir=DEFAULT_REFERENCE):
    data = load_data()
    return render(collect(load_operations(reference_dir, data), rows, data))
