"""The structure comparison of the api-sample tests catches what it must,
and the errata of Nova's samples fit the samples they correct."""

import json
import os

import testtools

from nova_api.tests.fixtures import api_sample_errata
from nova_api.tests.fixtures import api_samples

SAMPLE = {'server': {'id': 'a', 'progress': 0, 'locked': False,
                     'links': [{'href': 'h', 'rel': 'self'}],
                     'metadata': {'My Server Name': 'Apache1'},
                     'key_name': None}}


def _answer(**changes):
    server = dict(SAMPLE['server'], **changes)
    return {'server': {k: v for k, v in server.items() if v != 'DROP'}}


class DifferencesTest(testtools.TestCase):

    def diff(self, answer, **leeway):
        return api_samples.differences(SAMPLE, answer,
                                       api_samples.Leeway(**leeway))

    def test_same_structure_other_values(self):
        answer = _answer(id='b', progress=100, locked=True, key_name=None,
                         links=[{'href': 'x', 'rel': 'bookmark'}] * 2)
        self.assertEqual([], self.diff(answer))

    def test_missing_key(self):
        self.assertEqual(['server.progress: missing from the answer'],
                         self.diff(_answer(progress='DROP')))

    def test_extra_key(self):
        self.assertEqual(
            ['server.tags: not in the sample (array in the answer)'],
            self.diff(_answer(tags=[])))

    def test_optional_key_may_be_missing_or_extra(self):
        optional = {'server.progress': 'state', 'server.tags': 'policy'}
        self.assertEqual([], self.diff(_answer(progress='DROP'),
                                       optional=optional))
        self.assertEqual([], self.diff(_answer(tags=[]), optional=optional))

    def test_type_change(self):
        self.assertEqual(
            ['server.progress: integer in the sample, string in the answer'],
            self.diff(_answer(progress='0')))
        self.assertEqual(
            ['server.locked: boolean in the sample, integer in the answer'],
            self.diff(_answer(locked=0)))
        self.assertEqual(
            ['server.progress: integer in the sample, number in the answer'],
            self.diff(_answer(progress=0.0)))

    def test_nesting_change(self):
        self.assertEqual(
            ['server.links: array in the sample, object in the answer'],
            self.diff(_answer(links={'href': 'h', 'rel': 'self'})))
        self.assertEqual(
            ['server.links[].href: missing from the answer',
             'server.links[].url: not in the sample (string in the answer)'],
            self.diff(_answer(links=[{'url': 'h', 'rel': 'self'}])))
        self.assertEqual(
            ['server: missing from the answer',
             'servers: not in the sample (object in the answer)'],
            api_samples.differences(SAMPLE, {'servers': SAMPLE['server']}))

    def test_null_against_a_value_only_where_listed(self):
        answer = _answer(key_name='k1')
        self.assertEqual(
            ['server.key_name: null in the sample, string in the answer'],
            self.diff(answer))
        self.assertEqual([], self.diff(
            answer, nullable={'server.key_name': 'a key was given'}))
        self.assertEqual(
            ['server.progress: integer in the sample, null in the answer'],
            self.diff(_answer(progress=None)))

    def test_map_keys_are_data_but_values_are_compared(self):
        leeway = {'server.metadata': 'user keys'}
        self.assertEqual([], self.diff(_answer(metadata={'a': 'b', 'c': ''}),
                                       maps=leeway))
        self.assertEqual(
            ['server.metadata.*: string in the sample, integer in the '
             'answer'],
            self.diff(_answer(metadata={'a': 1}), maps=leeway))
        self.assertEqual(
            ['server.metadata.My Server Name: missing from the answer',
             'server.metadata.a: not in the sample (string in the answer)'],
            self.diff(_answer(metadata={'a': 'b'})))

    def test_empty_lists_only_where_listed(self):
        answer = _answer(links=[])
        self.assertEqual(
            ['server.links[]: 1 items in the sample, no items in the '
             'answer, so the items cannot be compared'],
            self.diff(answer))
        self.assertEqual([], self.diff(
            answer, empty={'server.links[]': 'no links here'}))

    def test_each_item_against_its_closest_sample_item(self):
        sample = {'zones': [{'name': 'a', 'hosts': None},
                            {'name': 'b', 'hosts': {'h': {}}}]}
        self.assertEqual([], api_samples.differences(
            sample, {'zones': [{'name': 'c', 'hosts': {'h': {}}},
                               {'name': 'd', 'hosts': None}]}))
        self.assertEqual(['zones[].extra: not in the sample (integer in the '
                          'answer)'],
                         api_samples.differences(
                             sample, {'zones': [{'name': 'c', 'hosts': None,
                                                 'extra': 1}]}))


class ErrataTest(testtools.TestCase):
    """Each correction of Nova's samples still fits its sample, and one
    that does not is refused."""

    def test_each_erratum_fits_its_sample(self):
        if not os.path.isdir(api_samples.SAMPLES_DIR):
            self.skipTest('no api_samples at %s' % api_samples.SAMPLES_DIR)
        for relative_path, erratum in api_sample_errata.ERRATA.items():
            self.assertTrue(erratum.why, relative_path)
            with open(os.path.join(api_samples.SAMPLES_DIR,
                                   relative_path)) as f:
                body = json.load(f)
            corrected = api_sample_errata.corrected(relative_path, body)
            for dotted, value in erratum.add.items():
                self.assertEqual(value, api_samples.dig(corrected, dotted))

    def test_the_loaded_sample_is_corrected(self):
        if not os.path.isdir(api_samples.SAMPLES_DIR):
            self.skipTest('no api_samples at %s' % api_samples.SAMPLES_DIR)
        server = api_samples.load('servers', '2.90',
                                  'server-create-req.json')['server']
        self.assertNotIn('personality', server)
        self.assertEqual('auto', server['networks'])

    def test_a_stale_erratum_is_refused(self):
        path = 'servers/v2.90/server-create-req.json'
        fixed = {'server': {'name': 's', 'networks': 'auto'}}
        self.assertRaises(api_sample_errata.StaleErratum,
                          api_sample_errata.corrected, path, fixed)
        half_fixed = {'server': {'name': 's', 'personality': []}}
        self.assertEqual({'server': {'name': 's', 'networks': 'auto'}},
                         api_sample_errata.corrected(path, half_fixed))

    def test_a_sample_without_erratum_is_itself(self):
        body = {'server': {'personality': []}}
        self.assertIs(body, api_sample_errata.corrected(
            'servers/server-create-req.json', body))
