"""The route table's columns: who adds a route, and its success codes."""

from oslo_config import fixture as config_fixture
import testtools

from nova_api.api import route_table
from nova_api.api import router
from nova_api.api import wsgi
from nova_api import conf as nova_conf
from nova_api.tests.unit.api import test_router


class RouteTableTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.useFixture(config_fixture.Config(nova_conf.CONF))
        table = router.APIRouterV21(
            [test_router.Widgets(), test_router.Shiny()]).table
        self.rows = {(row.method, row.path): row
                     for row in route_table.rows(table)}

    def test_an_action_is_credited_to_the_plugin_adding_it(self):
        self.assertEqual(
            'shiny', self.rows['POST', '/widgets/{id}/action {shine}'].plugin)
        self.assertEqual(
            'widgets',
            self.rows['POST', '/widgets/{id}/action {polish}'].plugin)

    def test_codes(self):
        self.assertEqual('201', self.rows['POST', '/widgets'].codes)
        self.assertEqual('200', self.rows['GET', '/widgets'].codes)


class CodesTest(testtools.TestCase):

    def _codes(self, func):
        return route_table._codes(route_table.contract.find(func))

    def test_codes_changed_by_a_microversion_show_their_ranges(self):
        @wsgi.response(200, '2.0', '2.1')
        @wsgi.response(201, '2.2')
        def create(self, req, body):
            pass
        self.assertEqual('200(2.0-2.1),201(2.2-)', self._codes(create))

    def test_a_method_that_only_answers_410_shows_410(self):
        @wsgi.expected_errors(410)
        def gone(self, req):
            pass
        self.assertEqual('410', self._codes(gone))
