"""The API reference (api-ref/source) written from the route table.

`nova-api-manage api-ref --output api-ref/source` writes one
``<plugin>.inc`` page per plugin, ``index.rst`` including them and
``parameters.yaml``, in os-api-ref's format. Everything about an operation
comes from its declared contract: method and path, the versions it is
served at, its success codes per version, its expected errors (plus 401,
but for the routes the data file lists as served without a token, and,
for a route with a policy rule, 403) and its path, query, request and
response parameters, each with the ``min_version``/``max_version`` of the
schema ranges it appears in, and the samples of
``doc/api_samples/<plugin>/[vX.Y/]`` (those named by an operation's slug
under it, the others at the end of the page). Only prose is hand-written, in
``api_reference.yaml`` beside this module: a title and a sentence per
plugin, a summary per operation and a description per parameter name. A
missing one is a ``MissingDescription`` error, so a new route cannot land
without its reference text.
"""

import collections
import os
import re

import yaml

from nova_api.api import contract
from nova_api.api import microversion

DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         'api_reference.yaml')
REMOVED_PLUGIN = 'removed'
# Where the samples are seen from api-ref/source, for literalinclude.
SAMPLES_FROM_SOURCE = '../../doc/api_samples'
SECTIONS = ('header', 'path', 'query', 'body')
BODY_METHODS = ('POST', 'PUT')
_PATH_PARAM = re.compile(r'{([a-zA-Z][a-zA-Z_0-9]*)}')
_ACTION = re.compile(r'^(?P<path>\S+) {(?P<action>[^}]+)}$')
_GENERATED = ('.. This file is written by `nova-api-manage api-ref` from the '
              'route table\n   and nova_api/api/api_reference.yaml: edit '
              'those, then run\n   `tox -e regenerate`.')


class MissingDescription(Exception):
    """The data file lacks the prose for something the table serves."""


Operation = collections.namedtuple(
    'Operation', 'method path action plugin handler contract')
# A parameter as documented: `where` is its path inside the body
# ('server.name'), the name itself elsewhere.
Param = collections.namedtuple(
    'Param', 'section where name type required min_version max_version')


def load_data(path=DATA_FILE):
    with open(path) as f:
        return yaml.safe_load(f)


def operations(table):
    """One Operation per route implementation, actions expanded."""
    result = []
    for entry in table:
        if entry.action == 'action':
            for name, (controller, attr) in sorted(
                    entry.resource.actions.items()):
                result.append(_operation(
                    entry.method, entry.path, name,
                    entry.action_plugins[name], controller, attr))
        else:
            result.append(_operation(entry.method, entry.path, None,
                                     entry.plugin, entry.controller,
                                     entry.action))
    return result


def _operation(method, path, action, plugin, controller, attr):
    return Operation(method, path, action, plugin,
                     '%s.%s' % (type(controller).__name__, attr),
                     contract.declared(getattr(type(controller), attr)))


def route_key(op):
    """'METHOD path' as in the route table, an action as 'path {name}'."""
    if op.action:
        return '%s %s {%s}' % (op.method, op.path, op.action)
    return '%s %s' % (op.method, op.path)


# -- versions ---------------------------------------------------------------

def _version(value):
    return None if value is None else str(value)


def _served_range(declared):
    """(low, high) of an operation, 2.0 and 2.1 both shown as None."""
    low = _version(declared.min_version)
    if low in ('2.0', '2.1'):
        low = None
    return low, _version(declared.max_version)


def describe_versions(declared):
    low, high = _served_range(declared)
    if low and high:
        return 'Served from version %s to version %s.' % (low, high)
    if low:
        return 'New in version %s.' % low
    if high:
        return 'Served up to version %s.' % high
    return None


# -- parameters --------------------------------------------------------------

def _alternatives(schema):
    found = [schema]
    for key in ('allOf', 'anyOf', 'oneOf'):
        for sub in schema.get(key, ()):
            found.extend(_alternatives(sub))
    return found


def _type_of(schema):
    """The JSON type(s) of a schema, 'null' only for a member that can be
    nothing else (an action without arguments)."""
    types = []
    for alt in _alternatives(schema):
        declared = alt.get('type')
        if isinstance(declared, str):
            declared = [declared]
        for name in declared or ():
            if name not in types:
                types.append(name)
    if types != ['null']:
        types = [name for name in types if name != 'null']
    if not types and any('enum' in alt for alt in _alternatives(schema)):
        return 'string'
    return ' or '.join(types) or 'any'


def _properties(schema):
    """{name: (subschema, required)} of an object schema, alternatives
    merged: a property is required if every alternative naming it does."""
    merged = {}
    for alt in _alternatives(schema):
        required = set(alt.get('required', ()))
        for name, sub in alt.get('properties', {}).items():
            old = merged.get(name)
            merged[name] = (sub, (name in required) and
                            (old is None or old[1]))
    return merged


def _object_of(schema):
    """The schema whose properties describe `schema`'s members: itself,
    or its items for an array."""
    if _type_of(schema).startswith('array'):
        items = schema.get('items')
        return items if isinstance(items, dict) else None
    return schema


def body_params(schema, prefix=''):
    """(where, name, type, required) of every named member, depth first."""
    container = _object_of(schema) if schema else None
    if not container:
        return []
    found = []
    for name, (sub, required) in sorted(_properties(container).items()):
        where = '%s.%s' % (prefix, name) if prefix else name
        found.append((where, name, _type_of(sub), bool(required)))
        found.extend(body_params(sub, where))
    return found


def query_params(schema):
    return [(name, name, _query_type(sub), bool(required))
            for name, (sub, required) in sorted(
                _properties(schema or {}).items())]


def _query_type(schema):
    # A parameter that may repeat is an array of its values in the schema;
    # in the query string it is a value of the items' type.
    items = schema.get('items')
    if _type_of(schema) == 'array' and isinstance(items, dict):
        return _type_of(items)
    return _type_of(schema)


def _range_start(entry):
    low = entry[1]
    if low is None:
        return microversion.LEGACY_V2
    return microversion.APIVersionRequest(str(low))


def _ranged(entries, extract, served):
    """Params over the version ranges of `entries`; a param in several
    consecutive ranges gets their union, min/max relative to `served`."""
    ordered = sorted(entries, key=_range_start)
    runs = collections.OrderedDict()
    for index, (schema, low, high) in enumerate(ordered):
        for found in extract(schema):
            run = runs.get(found)
            if run and run[-1][2] == index - 1:
                run[-1] = (run[-1][0], run[-1][1], index)
            else:
                runs.setdefault(found, []).append((low, high, index))
    last = len(ordered) - 1
    params = []
    for found, spans in runs.items():
        for low, high, end in spans:
            low = _version(low)
            if low in ('2.0', '2.1', _version(served.min_version)):
                low = None
            high = _version(ordered[end][2]) if end != last else None
            params.append(found + (low, high))
    return params


def operation_params(op):
    """(request params, response params) of an operation."""
    declared = op.contract
    request = [Param('path', name, name, 'string', True, None, None)
               for name in _PATH_PARAM.findall(op.path)]
    kind = 'request' if op.method in BODY_METHODS else 'query'
    section = 'body' if kind == 'request' else 'query'
    extract = body_params if kind == 'request' else query_params
    entries = getattr(declared, '%s_schemas' % kind)
    request.extend(Param(section, *p) for p in _ranged(entries, extract,
                                                       declared))
    response = [Param('body', *p) for p in _ranged(
        declared.response_schemas, body_params, declared)]
    return request, response


def describe_param(data, plugin, param):
    """(key, sentence) of a parameter in the data file: by plugin and
    place, by section and name, by parent and name, by name, whichever
    the data file has first."""
    table = data['parameters']
    parent = param.where.rsplit('.', 2)[-2] if '.' in param.where else None
    for key in ('%s:%s' % (plugin, param.where),
                '%s:%s' % (param.section, param.name),
                '%s.%s' % (parent, param.name) if parent else None,
                param.name):
        if key and key in table:
            return key, table[key]
    raise MissingDescription(
        'no description for parameter %r (%s %s of plugin %s): add it to '
        'the parameters of %s' % (param.name, param.section, param.where,
                                  plugin, DATA_FILE))


class ParameterFile:
    """parameters.yaml: one key per distinct parameter definition."""

    def __init__(self):
        self.keys = {}
        self.order = []

    def marker_for(self, definition):
        """A placeholder for the definition's key, known once every
        definition is in (see `assign`)."""
        definition = tuple(sorted(definition.items()))
        if definition not in self.keys:
            self.keys[definition] = None
            self.order.append(definition)
        return '@@%d@@' % self.order.index(definition)

    def fill(self, text):
        return re.sub(r'@@(\d+)@@',
                      lambda m: self.keys[self.order[int(m.group(1))]], text)

    def assign(self):
        """Name every definition from its own fields (see `_key`), so a
        new parameter leaves the keys of the others as they are."""
        for definition in self.keys:
            self.keys[definition] = _key(dict(definition))

    def dump(self):
        ordered = sorted(self.keys.items(), key=lambda item: (
            SECTIONS.index(dict(item[0])['in']), item[1].lower()))
        lines = ['# Written by `nova-api-manage api-ref` (tox -e regenerate)'
                 '; edit\n# nova_api/api/api_reference.yaml instead.']
        for definition, key in ordered:
            fields = {k: v for k, v in definition if not k.startswith('_')}
            lines.append(yaml.safe_dump({key: fields}, sort_keys=True,
                                        default_flow_style=False,
                                        width=72).rstrip())
        return '\n'.join(lines) + '\n'


def _key(fields):
    """<description key>_<section>[_<type>][_optional][_min..][_max..]:
    'locked_body_boolean_min2.9', 'servers:id_path'."""
    base = fields['_described_by']
    for section in SECTIONS:
        if base.startswith(section + ':'):
            base = base[len(section) + 1:]
    parts = [base, fields['in']]
    if fields['type'] != 'string':
        parts.append(fields['type'].replace(' ', '-'))
    if not fields['required']:
        parts.append('optional')
    if 'min_version' in fields:
        parts.append('min' + fields['min_version'])
    if 'max_version' in fields:
        parts.append('max' + fields['max_version'])
    return '_'.join(parts)


def _definition(data, plugin, param):
    described_by, description = describe_param(data, plugin, param)
    fields = {'_described_by': described_by, 'in': param.section,
              'type': param.type, 'required': param.required,
              'description': description}
    if param.min_version:
        fields['min_version'] = param.min_version
    if param.max_version:
        fields['max_version'] = param.max_version
    return fields


# -- pages --------------------------------------------------------------------

def _status_block(kind, codes):
    return '.. rest_status_code:: %s status.yaml\n\n%s' % (
        kind, '\n'.join('   - %d' % code for code in codes))


def success_codes(declared):
    """[(code, low, high)] of an operation; [] when it only answers 410."""
    if declared.codes:
        return sorted(((code, _version(low), _version(high))
                       for code, low, high in declared.codes),
                      key=lambda entry: entry[1] or '')
    if tuple(declared.expected_errors) == (410,):
        return []
    return [(200, None, None)]


def error_codes(declared, needs_token=True):
    codes = set(declared.expected_errors)
    if needs_token:
        codes.add(401)
    if declared.policy_rules:
        codes.add(403)
    return sorted(codes)


def _code_note(successes):
    ranged = [(code, low, high) for code, low, high in successes
              if low not in (None, '2.0', '2.1') or high]
    if not ranged:
        return ''
    parts = []
    for code, low, high in successes:
        if high:
            parts.append('%d up to version %s' % (code, high))
        else:
            parts.append('%d from version %s' % (code, low))
    return 'The success code is %s.' % ', '.join(parts)


def summary_of(data, op):
    if op.plugin == REMOVED_PLUGIN:
        return ('Removed from Nova: answers 410 Gone at every version.',
                'Removed %s' % route_key(op))
    summaries = data['operations']
    key = route_key(op)
    if key not in summaries:
        raise MissingDescription(
            'no summary for operation %r: add it to the operations of %s'
            % (key, DATA_FILE))
    entry = summaries[key]
    title, summary = entry
    return summary, title


def _title(text, char, over=False):
    if over:
        line = char * (len(text) + 2)
        return '%s\n %s\n%s' % (line, text, line)
    return '%s\n%s' % (text, char * len(text))


def _param_block(files, data, plugin, params):
    lines = ['.. rest_parameters:: parameters.yaml', '']
    for param in sorted(params, key=lambda p: (SECTIONS.index(p.section),
                                               p.where)):
        lines.append('   - %s: %s' % (
            param.name, files.marker_for(_definition(data, plugin, param))))
    return '\n'.join(lines)


def operation_text(files, data, op, samples=None):
    """The section of one operation, blocks separated by blank lines;
    `samples` is the page's Samples, whose files for `op` are taken."""
    summary, title = summary_of(data, op)
    declared = op.contract
    blocks = [_title(title, '='),
              '.. rest_method:: %s %s' % (op.method, op.path), summary,
              describe_versions(declared)]
    if op.action:
        blocks.append('The body names the action: ``%s``.' % op.action)
    successes = success_codes(declared)
    if successes:
        blocks.append(_status_block(
            'success', sorted({code for code, _, _ in successes})))
        blocks.append(_code_note(successes))
    needs_token = route_key(op) not in data.get('without_token', ())
    blocks.append(_status_block('error', error_codes(declared,
                                                     needs_token)))
    request, response = operation_params(op)
    own = samples.take(op) if samples else {}
    for heading, params in (('Request', request), ('Response', response)):
        kind = 'req' if heading == 'Request' else 'resp'
        if params or own.get(kind):
            blocks.append(_title(heading, '-'))
        if params:
            blocks.append(_param_block(files, data, op.plugin, params))
        blocks.extend(_sample_block(samples.plugin, rel, heading.lower())
                      for rel in own.get(kind, ()))
    return '\n\n'.join(block for block in blocks if block)


# -- samples ------------------------------------------------------------------

class Samples:
    """The JSON samples of one plugin, ``<samples_dir>/<plugin>/[vX.Y/]``.

    A file belongs to the operation whose slug it is named by
    (``<method>-<path segments>[-<action>]-req.json`` or ``-resp.json``,
    braces dropped, ``root`` for ``/``: ``post-flavors-req.json``,
    ``post-servers-id-action-reboot-req.json``); what names no operation
    is left in `files` for the page's "Other samples".
    """

    def __init__(self, samples_dir, plugin):
        self.plugin = plugin
        self.files = []
        root = os.path.join(samples_dir, plugin) if samples_dir else None
        if root and os.path.isdir(root):
            for dirpath, _, names in os.walk(root):
                self.files.extend(
                    os.path.relpath(os.path.join(dirpath, name), root)
                    for name in names if name.endswith('.json'))
        self.files.sort(key=_sample_order)

    def take(self, op):
        """{'req': [...], 'resp': [...]} of `op`, removed from `files`."""
        slug = sample_slug(op)
        own = {}
        for rel in list(self.files):
            for kind in ('req', 'resp'):
                if os.path.basename(rel) == '%s-%s.json' % (slug, kind):
                    own.setdefault(kind, []).append(rel)
                    self.files.remove(rel)
        return own


def sample_slug(op):
    parts = [op.method.lower()]
    segments = [segment.strip('{}') for segment in op.path.split('/')
                if segment]
    parts.extend(segments or ['root'])
    if op.action:
        parts.append(op.action)
    return '-'.join(parts)


def _sample_order(rel):
    head = rel.split(os.sep, 1)[0]
    version = (0, 0)
    if head.startswith('v') and os.sep in rel:
        major, _, minor = head[1:].partition('.')
        if major.isdigit() and minor.isdigit():
            version = (int(major), int(minor))
    return (version, rel)


def _sample_block(plugin, rel, what):
    version = rel.split(os.sep, 1)[0] if os.sep in rel else None
    label = 'Example %s%s: ``%s``' % (
        what, ' (%s)' % version if version else '', os.path.basename(rel))
    return ('**%s**\n\n.. literalinclude:: %s\n   :language: javascript'
            % (label, '/'.join([SAMPLES_FROM_SOURCE, plugin] +
                              rel.split(os.sep))))


def _plugin_text(data, plugin):
    if plugin not in data['resources']:
        raise MissingDescription(
            'no title for plugin %r: add it to the resources of %s'
            % (plugin, DATA_FILE))
    return data['resources'][plugin]


def page(files, data, plugin, ops, samples_dir=None):
    resource = _plugin_text(data, plugin)
    samples = Samples(samples_dir, plugin)
    blocks = ['.. -*- rst -*-\n' + _GENERATED,
              _title('%s (%s)' % (resource['title'], plugin), '=', over=True),
              resource['description'].strip()]
    blocks.extend(operation_text(files, data, op, samples)
                  for op in sorted(ops, key=_op_order))
    if samples.files:
        blocks.append(_title('Other samples', '='))
        blocks.append('Samples of this resource that name no operation '
                      'above.')
        blocks.extend(_sample_block(plugin, rel, 'sample')
                      for rel in samples.files)
    return '\n\n'.join(blocks) + '\n'


def _op_order(op):
    order = {'GET': 0, 'POST': 1, 'PUT': 2, 'DELETE': 3}
    return (op.path, op.action or '', order.get(op.method, 9))


def _plugin_order(data):
    return list(data['resources'])


def render(table, data=None, samples_dir=None):
    """{file name: text} of the whole api-ref/source tree but conf.py."""
    data = data or load_data()
    files = ParameterFile()
    by_plugin = collections.defaultdict(list)
    for op in operations(table):
        by_plugin[op.plugin].append(op)
    unknown = sorted(set(by_plugin) - set(data['resources']))
    if unknown:
        raise MissingDescription(
            'no title for plugins %s: add them to the resources of %s'
            % (', '.join(unknown), DATA_FILE))
    plugins = [p for p in _plugin_order(data) if p in by_plugin]
    pages = {'%s.inc' % p: page(files, data, p, by_plugin[p], samples_dir)
             for p in plugins}
    files.assign()
    pages = {name: files.fill(text) for name, text in pages.items()}
    pages['parameters.yaml'] = files.dump()
    pages['index.rst'] = index_text(data, plugins)
    return pages


def index_text(data, plugins):
    blocks = [':tocdepth: 2', _GENERATED,
              _title(data['title'], '=', over=True),
              data['introduction'].strip(), '.. rest_expand_all::',
              '\n'.join('.. include:: %s.inc' % p for p in plugins)]
    return '\n\n'.join(blocks) + '\n'


def write(table, output, data=None, samples_dir=None):
    for name, text in sorted(render(table, data, samples_dir).items()):
        with open(os.path.join(output, name), 'w') as f:
            f.write(text)
