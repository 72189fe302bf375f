import os

import testtools

import nova_api

from nova_api.api import microversion
from nova_api import exception


def _version(text):
    return microversion.APIVersionRequest(text)


class APIVersionRequestTest(testtools.TestCase):

    def test_parses_major_and_minor(self):
        version = _version('2.10')
        self.assertEqual((2, 10), (version.major, version.minor))
        self.assertEqual('2.10', str(version))

    def test_compares_numerically_not_as_text(self):
        self.assertLess(_version('2.9'), _version('2.10'))
        self.assertGreater(_version('2.10'), '2.2')
        self.assertEqual(_version('2.1'), '2.1')

    def test_malformed_strings_are_rejected(self):
        for text in ('2', '2.', '.1', '2.x', '02.1', '2.01', '', 'v2.1',
                     '2.1.1', None):
            self.assertRaises(exception.InvalidAPIVersionString,
                              microversion.APIVersionRequest, text)

    def test_matches_a_range(self):
        version = _version('2.5')
        self.assertTrue(version.matches('2.1', '2.5'))
        self.assertTrue(version.matches('2.5', None))
        self.assertTrue(version.matches(None, None))
        self.assertFalse(version.matches('2.6', None))
        self.assertFalse(version.matches(None, '2.4'))

    def test_legacy_v2_is_below_every_real_version(self):
        self.assertTrue(microversion.LEGACY_V2.is_legacy_v2())
        self.assertLess(microversion.LEGACY_V2, microversion.MIN_VERSION)


class VersionListTest(testtools.TestCase):

    def test_versions_are_consecutive_from_2_1(self):
        versions = [_version(v.number) for v in microversion.VERSIONS]
        self.assertEqual('2.1', str(versions[0]))
        for previous, current in zip(versions, versions[1:]):
            self.assertEqual((previous.major, previous.minor + 1),
                             (current.major, current.minor))

    def test_every_version_says_what_it_changed(self):
        for version in microversion.VERSIONS:
            self.assertTrue(version.change.strip(), version.number)

    def test_every_version_says_where_it_is_implemented(self):
        root = os.path.dirname(os.path.dirname(nova_api.__file__))
        missing = []
        for version in microversion.VERSIONS:
            if version.waiting:
                self.assertIn('issue', version.where, version.number)
                continue
            self.assertNotEqual((), version.where, version.number)
            for module in version.where:
                path = os.path.join(root, 'nova_api', *module.split('/'))
                if not (os.path.isdir(path) or os.path.isfile(path + '.py')):
                    missing.append('%s: %s' % (version.number, module))
        self.assertEqual([], missing)

    def test_maximum_is_the_last_version(self):
        self.assertEqual(microversion.VERSIONS[-1].number,
                         str(microversion.MAX_VERSION))


class FromHeadersTest(testtools.TestCase):

    def test_no_header_means_the_minimum(self):
        self.assertEqual(microversion.MIN_VERSION,
                         microversion.from_headers({}))

    def test_openstack_api_version_header(self):
        self.assertEqual('2.2', microversion.from_headers(
            {'OpenStack-API-Version': 'compute 2.2'}))

    def test_legacy_header(self):
        self.assertEqual('2.2', microversion.from_headers(
            {'X-OpenStack-Nova-API-Version': '2.2'}))

    def test_new_header_wins_over_legacy(self):
        self.assertEqual('2.3', microversion.from_headers(
            {'OpenStack-API-Version': 'compute 2.3',
             'X-OpenStack-Nova-API-Version': '2.2'}))

    def test_other_services_are_ignored(self):
        self.assertEqual(microversion.MIN_VERSION, microversion.from_headers(
            {'OpenStack-API-Version': 'placement 1.30'}))

    def test_latest(self):
        self.assertEqual(microversion.MAX_VERSION, microversion.from_headers(
            {'OpenStack-API-Version': 'compute latest'}))

    def test_out_of_range_is_406_naming_the_version(self):
        exc = self.assertRaises(
            exception.MicroversionNotSupported, microversion.from_headers,
            {'OpenStack-API-Version': 'compute 3.0'})
        self.assertEqual(406, exc.code)
        self.assertEqual('3.0', str(exc.version))
        self.assertEqual(
            'Version 3.0 is not supported by the API. Minimum is 2.1 and '
            'maximum is %s.' % microversion.MAX_VERSION, exc.format_message())

    def test_malformed_is_400(self):
        exc = self.assertRaises(
            exception.InvalidAPIVersionString, microversion.from_headers,
            {'OpenStack-API-Version': 'compute 2.x'})
        self.assertEqual(400, exc.code)
