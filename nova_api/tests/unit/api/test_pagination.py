"""limit and marker from the query string."""

from oslo_config import fixture as config_fixture
import testtools
import webob

from nova_api.api import pagination
from nova_api import conf as nova_conf
from nova_api import exception


def _limit_and_marker(query):
    return pagination.get_limit_and_marker(
        webob.Request.blank('/things?' + query))


class PaginationTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(nova_conf.CONF))
        self.conf.config(max_limit=10, group='api')

    def test_defaults(self):
        self.assertEqual((10, None), _limit_and_marker(''))

    def test_limit_is_capped_by_max_limit(self):
        self.assertEqual((3, None), _limit_and_marker('limit=3'))
        self.assertEqual((10, None), _limit_and_marker('limit=11'))
        self.assertEqual((10, None),
                         _limit_and_marker('limit=99999999999999999999'))

    def test_zero_limit_is_kept(self):
        self.assertEqual((0, None), _limit_and_marker('limit=0'))

    def test_last_limit_and_marker_win(self):
        self.assertEqual((2, 'b'),
                         _limit_and_marker('limit=1&limit=2&marker=a&'
                                           'marker=b'))

    def test_marker(self):
        self.assertEqual((10, 'abc'), _limit_and_marker('marker=abc'))
        self.assertEqual((10, ''), _limit_and_marker('marker='))

    def test_invalid_limit(self):
        for query, message in (
                ('limit=-1', 'Invalid input received: limit must be >= 0'),
                ('limit=abc',
                 'Invalid input received: limit must be an integer'),
                ('limit=', 'Invalid input received: limit must be an '
                           'integer'),
                ('limit=1.5', 'Invalid input received: limit must be an '
                              'integer')):
            error = self.assertRaises(exception.InvalidInput,
                                      _limit_and_marker, query)
            self.assertEqual(400, error.code)
            self.assertEqual(message, error.format_message())
