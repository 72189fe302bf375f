"""Response bodies encode as jsonutils would send them."""

import datetime
import json

from oslo_serialization import jsonutils
import testtools

from nova_api.api import json_encoding


class DumpAsBytesTest(testtools.TestCase):

    def assertSameAsJsonutils(self, body):
        encoded = json_encoding.dump_as_bytes(body)
        self.assertIsInstance(encoded, bytes)
        self.assertEqual(json.loads(jsonutils.dump_as_bytes(body)),
                         json.loads(encoded))

    def test_plain_values(self):
        self.assertSameAsJsonutils({'servers': [
            {'id': 'a', 'progress': 0, 'locked': False, 'fault': None,
             'ratio': 1.5, 'name': 'ünï ☃ "quoted"'}]})
        self.assertEqual(b'{"a":[1,2]}',
                         json_encoding.dump_as_bytes({'a': (1, 2)}))

    def test_datetimes_in_jsonutils_form(self):
        body = {'at': datetime.datetime(2026, 1, 2, 3, 4, 5, 6)}
        self.assertSameAsJsonutils(body)
        self.assertEqual(b'{"at":"2026-01-02T03:04:05.000006"}',
                         json_encoding.dump_as_bytes(body))

    def test_keys_that_are_not_strings(self):
        self.assertSameAsJsonutils({1: 'one', 2: ['two']})

    def test_sets(self):
        self.assertSameAsJsonutils({'ids': {3}})

    def test_integers_beyond_64_bits(self):
        self.assertSameAsJsonutils({'count': 2 ** 70})
