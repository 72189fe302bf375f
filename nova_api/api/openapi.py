"""The OpenAPI 3.1 document of one microversion, made from the route table.

Everything in it comes from the loaded route table and the contract each
route declares (``nova_api.api.contract``): the /v2.1 paths (without the
project id), their path and query parameters, request and response bodies
per success code, Nova's fault body for each declared error, one operation
per method and path. The actions of a resource are one ``POST .../action``
operation whose request body is one of the actions' bodies at that version.

The schemas are written in JSON Schema Draft 4; OpenAPI 3.1 speaks JSON
Schema 2020-12, so ``to_2020_12`` translates what differs.

Printed by ``nova-api-manage openapi --microversion X.Y`` and served at
``GET /v2.1/openapi.json``.
"""

import collections
import copy
import re

from nova_api.api import contract
from nova_api.api import faults
from nova_api.api import microversion

OPENAPI_VERSION = '3.1.0'
TITLE = 'nova_api Compute API'
SECURITY_SCHEME = 'keystone_token'
_PATH_VARIABLE = re.compile(r'{([^}]+)}')
_BODY_METHODS = ('POST', 'PUT')

# One implementation of a route: an action's name, else None.
Operation = collections.namedtuple(
    'Operation', 'method path plugin action declared')


# -- JSON Schema Draft 4 -> 2020-12 -------------------------------------

_SUBSCHEMA_MAPS = ('properties', 'patternProperties', 'definitions',
                   '$defs', 'dependentSchemas')
_SUBSCHEMA_LISTS = ('allOf', 'anyOf', 'oneOf')
_SUBSCHEMAS = ('additionalProperties', 'not', 'items', 'additionalItems',
               'contains', 'propertyNames')


def to_2020_12(schema):
    """A copy of Draft 4 `schema` in JSON Schema 2020-12 terms."""
    if not isinstance(schema, dict):
        return schema
    result = {}
    for key, value in schema.items():
        if key in _SUBSCHEMA_MAPS:
            result[key] = {name: to_2020_12(sub)
                           for name, sub in value.items()}
        elif key in _SUBSCHEMA_LISTS:
            result[key] = [to_2020_12(sub) for sub in value]
        elif key in _SUBSCHEMAS:
            result[key] = to_2020_12(value)
        elif key != '$schema':
            result[key] = copy.deepcopy(value)
    _translate_definitions(result)
    _translate_exclusive_bounds(result)
    _translate_tuple_items(result)
    _translate_dependencies(result)
    return result


def _translate_definitions(schema):
    if 'definitions' in schema:
        schema['$defs'] = schema.pop('definitions')
    if isinstance(schema.get('id'), str) and 'properties' not in schema:
        schema['$id'] = schema.pop('id')


def _translate_exclusive_bounds(schema):
    # Draft 4: a boolean qualifying minimum/maximum; 2020-12: the bound.
    for bound, exclusive in (('minimum', 'exclusiveMinimum'),
                             ('maximum', 'exclusiveMaximum')):
        flag = schema.get(exclusive)
        if isinstance(flag, bool):
            del schema[exclusive]
            if flag and bound in schema:
                schema[exclusive] = schema.pop(bound)


def _translate_tuple_items(schema):
    # Draft 4 tuple validation: items as a list, additionalItems for the
    # rest; 2020-12: prefixItems, and items for the rest.
    if isinstance(schema.get('items'), list):
        schema['prefixItems'] = [to_2020_12(sub)
                                 for sub in schema.pop('items')]
        if 'additionalItems' in schema:
            schema['items'] = schema.pop('additionalItems')
    else:
        schema.pop('additionalItems', None)


def _translate_dependencies(schema):
    dependencies = schema.pop('dependencies', None)
    if not dependencies:
        return
    for name, dependency in dependencies.items():
        if isinstance(dependency, list):
            schema.setdefault('dependentRequired', {})[name] = dependency
        else:
            schema.setdefault('dependentSchemas', {})[name] = to_2020_12(
                dependency)


# -- The table at one version ----------------------------------------------

def operations(table, version):
    """Every implementation in `table` served at `version`."""
    result = []
    for entry in table:
        if entry.action == 'action':
            for name, (controller, attr) in sorted(
                    entry.resource.actions.items()):
                result.append(_operation(
                    entry.method, entry.path, entry.action_plugins[name],
                    name, controller, attr))
        else:
            result.append(_operation(entry.method, entry.path, entry.plugin,
                                     None, entry.controller, entry.action))
    return [op for op in result if op.declared.supports(version)]


def _operation(method, path, plugin, action, controller, attr):
    return Operation(method, path, plugin, action,
                     contract.declared(getattr(type(controller), attr)))


def _grouped(ops):
    """{path: {method: [operations]}}, an action route's list its actions."""
    grouped = collections.defaultdict(lambda: collections.defaultdict(list))
    for op in ops:
        grouped[op.path][op.method].append(op)
    return grouped


# -- Parameters ------------------------------------------------------------

def path_parameters(path):
    return [{'name': name, 'in': 'path', 'required': True,
             'schema': {'type': 'string'}}
            for name in _PATH_VARIABLE.findall(path)]


def query_parameters(query_schema):
    """One parameter per property of a query schema (a dict of lists)."""
    if not query_schema:
        return []
    required = set(query_schema.get('required', ()))
    return [_query_parameter(name, schema, name in required)
            for name, schema in sorted(
                query_schema.get('properties', {}).items())]


def _query_parameter(name, schema, required):
    parameter = {'name': name, 'in': 'query', 'required': required}
    if _is_single_value(schema):
        parameter['schema'] = to_2020_12(schema['items'])
    else:
        parameter['schema'] = to_2020_12(schema)
        parameter['style'] = 'form'
        parameter['explode'] = True
    return parameter


def _is_single_value(schema):
    return (schema.get('type') == 'array' and schema.get('maxItems') == 1
            and isinstance(schema.get('items'), dict))


# -- Bodies ----------------------------------------------------------------

def _json_content(schema):
    return {'application/json': {'schema': schema}}


def _has_body(schema):
    return schema is not None and schema.get('type') != 'null'


def request_body(ops, version):
    schemas = _unique(_request_schema(op, version) for op in ops)
    schemas = [schema for schema in schemas if _has_body(schema)]
    if not schemas:
        return None
    schema = schemas[0] if len(schemas) == 1 else {'oneOf': schemas}
    return {'required': True, 'content': _json_content(schema)}


def _request_schema(op, version):
    schema = op.declared.request_schemas.for_version(version)
    if op.action and schema == {}:
        # An action taking any body (a removed API's) is still chosen by
        # its name, the body's key.
        return {'type': 'object', 'properties': {op.action: {}},
                'required': [op.action]}
    return to_2020_12(schema)


def fault_schema(code):
    name = faults.FAULT_NAMES.get(code, faults.DEFAULT_FAULT_NAME)
    return {
        'type': 'object',
        'properties': {name: {
            'type': 'object',
            'properties': {'code': {'type': 'integer', 'const': code},
                           'message': {'type': 'string'}},
            'required': ['code', 'message'],
        }},
        'required': [name],
    }


def responses(ops, version):
    """Success bodies per declared code, then the declared errors."""
    by_code = collections.defaultdict(list)
    errors = set()
    for op in ops:
        code = op.declared.codes.for_version(version)
        if code is None:
            code = 410 if tuple(op.declared.expected_errors) == (410,) \
                else 200
        by_code[code].append(
            op.declared.response_schemas.for_version(version))
        errors.update(op.declared.expected_errors)
    result = {str(code): _success_response(code, schemas)
              for code, schemas in sorted(by_code.items())}
    for code in sorted(errors - set(by_code)):
        result[str(code)] = {
            'description': faults.FAULT_NAMES.get(
                code, faults.DEFAULT_FAULT_NAME),
            'content': _json_content(fault_schema(code))}
    return result


def _success_response(code, schemas):
    if code >= 400:
        return {'description': 'Gone',
                'content': _json_content(fault_schema(code))}
    response = {'description': 'Success'}
    bodies = _unique(to_2020_12(s) for s in schemas if _has_body(s))
    if bodies:
        schema = bodies[0] if len(bodies) == 1 else {'anyOf': bodies}
        if len(bodies) < len(schemas):
            # Some actions of this code answer no body at all.
            response['description'] = 'Success (some actions: no body)'
        response['content'] = _json_content(schema)
    return response


def _unique(schemas):
    result = []
    for schema in schemas:
        if schema not in result:
            result.append(schema)
    return result


# -- Operations and the document ------------------------------------------

def operation_id(method, path):
    """`get_servers_server_id_metadata` for GET /servers/{server_id}/..."""
    words = re.sub(r'[^A-Za-z0-9]+', '_', path).strip('_') or 'root'
    return '%s_%s' % (method.lower(), words)


def operation(method, path, ops, version):
    result = {
        'operationId': operation_id(method, path),
        'tags': sorted({op.plugin for op in ops}),
        'summary': _summary(ops),
        'responses': responses(ops, version),
    }
    parameters = path_parameters(path)
    if method not in _BODY_METHODS:
        parameters += query_parameters(
            ops[0].declared.query_schemas.for_version(version))
    if parameters:
        result['parameters'] = parameters
    body = request_body(ops, version) if method in _BODY_METHODS else None
    if body:
        result['requestBody'] = body
    return result


def _summary(ops):
    actions = [op.action for op in ops if op.action]
    if actions:
        return 'Actions: ' + ', '.join(actions)
    return '%s %s' % (ops[0].method, ops[0].path)


def build(table, version_string):
    """The OpenAPI document of `table` at microversion `version_string`."""
    version = microversion.APIVersionRequest(version_string)
    ops = operations(table, version)
    paths = {}
    for path, methods in sorted(_grouped(ops).items()):
        paths[path] = {method.lower(): operation(method, path, impls,
                                                 version)
                       for method, impls in sorted(methods.items())}
    return {
        'openapi': OPENAPI_VERSION,
        'info': {'title': TITLE, 'version': str(version),
                 'description': 'The Compute API at microversion %s (send '
                                '"OpenStack-API-Version: compute %s").'
                                % (version, version)},
        'servers': [{'url': '/v2.1'}],
        'tags': [{'name': name} for name in sorted({op.plugin
                                                    for op in ops})],
        'paths': paths,
        'components': {'securitySchemes': {SECURITY_SCHEME: {
            'type': 'apiKey', 'in': 'header', 'name': 'X-Auth-Token'}}},
        'security': [{SECURITY_SCHEME: []}],
    }
