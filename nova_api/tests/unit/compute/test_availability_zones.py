"""Zones from a driver's hosts and services, and how they look on the
wire, for a driver whose hosts report (the simulated ones never do)."""

import datetime
import ipaddress

import jsonschema
from oslo_config import fixture as config_fixture

from nova_api.api.schemas import availability_zones as schema
from nova_api.api.views import availability_zones as zones_view
from nova_api.compute import availability_zones
from nova_api import conf as nova_conf
from nova_api import context
from nova_api.tests.fixtures import compute_driver
from nova_api.tests.unit.db import base
from nova_api.virt import driver

CONF = nova_conf.CONF
CONTEXT = context.get_admin_context()
SEEN = datetime.datetime(2026, 11, 23, 12, 30, 5, 42)


NETWORK = driver.Network('5a1d5c3e-0000-4000-8000-000000000001', 'net',
                         ipaddress.ip_network('10.0.0.0/24'))


class ReportingDriver(driver.ComputeDriver):
    """Two zones, a host that stopped answering, a conductor."""

    def get_hosts(self):
        return [driver.ComputeHost('c2', 'west', 4, 8192, 80, up=False,
                                   updated_at=SEEN),
                driver.ComputeHost('c1', 'east', 4, 8192, 80,
                                   updated_at=SEEN)]

    def get_control_services(self):
        return [driver.ControlService('nova-conductor', 'ctl')]

    def task_seconds(self, task):
        return 1.0

    def get_network(self):
        return NETWORK


class MinimalDriver(driver.ComputeDriver):

    def get_hosts(self):
        return []

    def task_seconds(self, task):
        return 0.0

    def get_network(self):
        return NETWORK


class AvailabilityZonesTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.useFixture(config_fixture.Config(CONF))

    def zones(self, driver):
        self.useFixture(compute_driver.ComputeDriver(driver))
        return availability_zones.list_zones(self.context)

    def zones_with_services(self, driver):
        self.useFixture(compute_driver.ComputeDriver(driver))
        return availability_zones.list_zones_with_services(self.context)

    def test_zones_without_hosts(self):
        self.assertEqual(
            [availability_zones.Zone('east', True, None),
             availability_zones.Zone('west', True, None)],
            self.zones(ReportingDriver()))

    def test_detail_reports_what_the_driver_says(self):
        body = zones_view.detail(
            self.zones_with_services(ReportingDriver()))
        jsonschema.validate(body, schema.detail_response)
        self.assertEqual({'availabilityZoneInfo': [
            {'zoneName': 'east', 'zoneState': {'available': True},
             'hosts': {'c1': {'nova-compute': {
                 'available': True, 'active': True,
                 'updated_at': '2026-11-23T12:30:05.000042'}}}},
            {'zoneName': 'internal', 'zoneState': {'available': True},
             'hosts': {'ctl': {'nova-conductor': {
                 'available': True, 'active': True, 'updated_at': None}}}},
            # A zone whose only host is down is still a zone (as in Nova,
            # only disabled services take a zone away).
            {'zoneName': 'west', 'zoneState': {'available': True},
             'hosts': {'c2': {'nova-compute': {
                 'available': False, 'active': True,
                 'updated_at': '2026-11-23T12:30:05.000042'}}}},
        ]}, body)

    def test_index_body_matches_its_schema(self):
        body = zones_view.index(
            self.zones(ReportingDriver()))
        jsonschema.validate(body, schema.index_response)
        self.assertRaises(jsonschema.ValidationError, jsonschema.validate,
                          zones_view.detail(
                              self.zones_with_services(ReportingDriver())),
                          schema.index_response)

    def test_a_driver_need_not_have_control_services(self):
        self.assertEqual(
            [], self.zones_with_services(MinimalDriver()))

    def test_a_driver_must_implement_the_interface(self):
        class Incomplete(driver.ComputeDriver):
            def get_hosts(self):
                return []
        self.assertRaises(TypeError, Incomplete)
