"""nova_api.api.openapi: Draft 4 schemas in JSON Schema 2020-12 terms,
and the document of a version: valid OpenAPI 3.1, every route of the table
at that version and none other."""

from oslo_config import fixture as config_fixture
import openapi_spec_validator
import testtools

from nova_api.api import microversion
from nova_api.api import openapi
from nova_api import conf as nova_conf
from nova_api.tests.functional import test_route_table

CONF = nova_conf.CONF
MIDDLE = '2.53'
VERSIONS = ('2.1', MIDDLE, str(microversion.MAX_VERSION))


class TranslationTest(testtools.TestCase):

    def test_exclusive_minimum_becomes_the_bound(self):
        self.assertEqual(
            {'type': 'number', 'exclusiveMinimum': 0},
            openapi.to_2020_12({'type': 'number', 'minimum': 0,
                                'exclusiveMinimum': True}))

    def test_false_exclusive_flag_is_dropped(self):
        self.assertEqual(
            {'maximum': 5},
            openapi.to_2020_12({'maximum': 5, 'exclusiveMaximum': False}))

    def test_tuple_items_become_prefix_items(self):
        self.assertEqual(
            {'type': 'array', 'prefixItems': [{'type': 'string'}],
             'items': False},
            openapi.to_2020_12({'type': 'array',
                                'items': [{'type': 'string'}],
                                'additionalItems': False}))

    def test_dependencies_are_split(self):
        self.assertEqual(
            {'dependentRequired': {'a': ['b']},
             'dependentSchemas': {'c': {'required': ['d']}}},
            openapi.to_2020_12({'dependencies': {
                'a': ['b'], 'c': {'required': ['d']}}}))

    def test_nested_schemas_are_translated(self):
        nested = {'minimum': 1, 'exclusiveMinimum': True}
        translated = openapi.to_2020_12({
            'properties': {'p': nested},
            'patternProperties': {'^x': nested},
            'additionalProperties': nested,
            'anyOf': [nested], 'items': nested,
            'definitions': {'d': nested}})
        expected = {'exclusiveMinimum': 1}
        self.assertEqual(expected, translated['properties']['p'])
        self.assertEqual(expected, translated['patternProperties']['^x'])
        self.assertEqual(expected, translated['additionalProperties'])
        self.assertEqual([expected], translated['anyOf'])
        self.assertEqual(expected, translated['items'])
        self.assertEqual({'d': expected}, translated['$defs'])

    def test_draft4_schema_is_left_unchanged(self):
        schema = {'type': 'integer', 'minimum': 1, 'exclusiveMinimum': True}
        openapi.to_2020_12(schema)
        self.assertEqual(True, schema['exclusiveMinimum'])

    def test_single_query_value_is_a_plain_parameter(self):
        [parameter] = openapi.query_parameters({
            'type': 'object', 'properties': {'limit': {
                'type': 'array', 'items': {'type': 'string'},
                'minItems': 1, 'maxItems': 1}}})
        self.assertEqual({'name': 'limit', 'in': 'query', 'required': False,
                          'schema': {'type': 'string'}}, parameter)

    def test_repeatable_query_value_is_exploded(self):
        [parameter] = openapi.query_parameters({
            'type': 'object', 'properties': {'sort_key': {
                'type': 'array', 'items': {'type': 'string'}}}})
        self.assertEqual(('form', True, 'array'),
                         (parameter['style'], parameter['explode'],
                          parameter['schema']['type']))

    def test_fault_schema_is_nova_shape(self):
        schema = openapi.fault_schema(404)
        self.assertEqual(['itemNotFound'], schema['required'])


class DocumentTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        conf = self.useFixture(config_fixture.Config(CONF))
        self.table = self.useFixture(
            test_route_table.DefaultTable(conf)).table

    def _table_routes(self, version):
        """(method, path) of every row served at `version`, an action as
        its resource's POST .../action."""
        version = microversion.APIVersionRequest(version)
        served = set()
        for impl in test_route_table._implementations(self.table):
            if impl.contract.supports(version):
                served.add((impl.method, impl.path.split(' ')[0]))
        return served

    def test_document_is_valid_openapi_31(self):
        for version in VERSIONS:
            document = openapi.build(self.table, version)
            openapi_spec_validator.validate(document)
            self.assertEqual('3.1.0', document['openapi'])
            self.assertEqual(version, document['info']['version'])

    def test_document_covers_the_table(self):
        for version in VERSIONS:
            document = openapi.build(self.table, version)
            documented = {(method.upper(), path)
                          for path, item in document['paths'].items()
                          for method in item}
            self.assertEqual(self._table_routes(version), documented,
                             version)

    def test_actions_are_one_operation(self):
        document = openapi.build(self.table, MIDDLE)
        action = document['paths']['/servers/{id}/action']['post']
        bodies = action['requestBody']['content']['application/json']
        names = {next(iter(schema['required'])) for schema in
                 bodies['schema']['oneOf'] if 'required' in schema}
        self.assertIn('os-stop', names)
        self.assertIn('os-start', names)

    def test_operation_ids_are_unique(self):
        document = openapi.build(self.table, str(microversion.MAX_VERSION))
        ids = [operation['operationId']
               for item in document['paths'].values()
               for operation in item.values()]
        self.assertEqual(len(ids), len(set(ids)))

    def test_declared_errors_have_the_fault_body(self):
        document = openapi.build(self.table, '2.1')
        show = document['paths']['/flavors/{flavor_id}']['get']
        schema = show['responses']['404']['content'][
            'application/json']['schema']
        self.assertEqual(['itemNotFound'], schema['required'])
        self.assertEqual({'name': 'flavor_id', 'in': 'path',
                          'required': True, 'schema': {'type': 'string'}},
                         show['parameters'][0])

    def test_routes_outside_the_version_are_left_out(self):
        self.assertIn('/images', openapi.build(self.table, '2.35')['paths'])
        self.assertNotIn('/images',
                         openapi.build(self.table, '2.36')['paths'])
