import webob

import testtools

from nova_api.api.validation import validators
from nova_api import exception

_SCHEMA = {
    'type': 'object',
    'properties': {
        'thing': {
            'type': 'object',
            'properties': {
                'name': {'type': 'string', 'format': 'name',
                         'minLength': 1},
                'size': {'type': 'integer', 'minimum': 1},
            },
            'required': ['name'],
            'additionalProperties': False,
        },
    },
    'required': ['thing'],
    'additionalProperties': False,
}

_QUERY = {
    'type': 'object',
    'properties': {'limit': {'type': 'array',
                             'items': {'type': 'string',
                                       'pattern': '^[0-9]+$'}}},
    'additionalProperties': True,
}


def _request(path='/things', user_agent='test-agent'):
    return webob.Request.blank(path, method='POST',
                               headers={'User-Agent': user_agent})


class StrictBodyTest(testtools.TestCase):

    def _validate(self, body):
        validators.validate_body(_request(), _SCHEMA, body, relaxed=False)

    def test_valid_body_passes_unchanged(self):
        body = {'thing': {'name': 'a', 'size': 2}}
        self._validate(body)
        self.assertEqual({'thing': {'name': 'a', 'size': 2}}, body)

    def test_undefined_property_is_named_in_the_error(self):
        exc = self.assertRaises(exception.ValidationError, self._validate,
                                {'thing': {'name': 'a', 'colour': 'red'}})
        self.assertEqual(
            "Invalid input for field/attribute thing. Value: {'name': 'a', "
            "'colour': 'red'}. Additional properties are not allowed "
            "('colour' was unexpected)", exc.format_message())

    def test_wrong_type_names_the_field(self):
        exc = self.assertRaises(exception.ValidationError, self._validate,
                                {'thing': {'name': 'a', 'size': 'big'}})
        self.assertEqual("Invalid input for field/attribute size. Value: "
                         "big. 'big' is not of type 'integer'",
                         exc.format_message())

    def test_missing_body_is_rejected(self):
        exc = self.assertRaises(exception.ValidationError, self._validate,
                                None)
        self.assertEqual("None is not of type 'object'", exc.format_message())

    def test_name_format_error_explains_the_rule(self):
        exc = self.assertRaises(exception.ValidationError, self._validate,
                                {'thing': {'name': ' padded '}})
        self.assertEqual(
            "An invalid 'name' value was provided. The name must be: "
            "printable characters. Can not start or end with whitespace.",
            exc.format_message())


class RelaxedBodyTest(testtools.TestCase):

    def test_undefined_properties_are_dropped_and_logged(self):
        body = {'thing': {'name': 'a', 'colour': 'red'}, 'extra': 1}
        with self.assertLogs('nova_api.api.validation.validators',
                             'WARNING') as logs:
            validators.validate_body(_request(), _SCHEMA, body, relaxed=True)
        self.assertEqual({'thing': {'name': 'a'}}, body)
        message = logs.output[0]
        self.assertIn("['colour', 'extra']", message)
        self.assertIn('POST /things', message)
        self.assertIn('test-agent', message)

    def test_other_errors_still_reject(self):
        self.assertRaises(exception.ValidationError,
                          validators.validate_body, _request(), _SCHEMA,
                          {'thing': {'name': 'a', 'size': 0, 'x': 1}},
                          True)

    def test_strict_validator_is_not_affected(self):
        body = {'thing': {'name': 'a'}}
        validators.validate_body(_request(), _SCHEMA, body, relaxed=True)
        self.assertRaises(exception.ValidationError,
                          validators.validate_body, _request(), _SCHEMA,
                          {'thing': {'name': 'a', 'x': 1}}, False)


class QueryTest(testtools.TestCase):

    def test_unknown_parameters_are_stripped(self):
        req = webob.Request.blank('/things?limit=1&foo=bar')
        validators.validate_query(req, _QUERY)
        self.assertEqual({'limit': '1'}, dict(req.GET))

    def test_invalid_value_names_the_parameter(self):
        req = webob.Request.blank('/things?limit=x')
        exc = self.assertRaises(exception.ValidationError,
                                validators.validate_query, req, _QUERY)
        self.assertEqual("Invalid input for query parameters limit. Value: "
                         "x. 'x' does not match '^[0-9]+$'",
                         exc.format_message())
