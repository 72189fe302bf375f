"""backend.task_durations: the driver's task durations and the compute
service's two waits, each read when first asked for."""

from oslo_config import fixture as config_fixture
import testtools

from nova_api.compute import backend
from nova_api.compute import server_states
from nova_api import conf as nova_conf
from nova_api.tests.fixtures import compute_driver
from nova_api.virt import driver

CONF = nova_conf.CONF


class CountingDriver(driver.ComputeDriver):
    """Each task takes as many seconds as its name has letters; the tasks
    asked for are kept."""

    def __init__(self):
        self.asked = []

    def get_hosts(self):
        return []

    def get_network(self):
        return None

    def task_seconds(self, task):
        self.asked.append(task)
        return float(len(task))


class TaskDurationsTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.config = self.useFixture(config_fixture.Config(CONF))
        self.driver = CountingDriver()
        self.useFixture(compute_driver.ComputeDriver(self.driver))

    def test_every_task_and_the_service_waits(self):
        self.config.config(shelved_offload_time=-1,
                           reclaim_instance_interval=3600,
                           resize_confirm_window=60)
        durations = dict(backend.task_durations())
        self.assertEqual(
            {task: float(len(task)) for task in driver.TASKS}
            | {server_states.OFFLOAD_AFTER: -1,
               server_states.RECLAIM_AFTER: 3600,
               server_states.CONFIRM_AFTER: 60},
            durations)

    def test_a_duration_is_read_once_and_only_when_asked_for(self):
        durations = backend.task_durations()
        self.assertEqual((5.0, 5.0), (durations['build'],
                                      durations['build']))
        self.assertEqual(['build'], self.driver.asked)

    def test_an_unknown_task_is_a_key_error(self):
        durations = backend.task_durations()
        self.assertRaises(KeyError, durations.__getitem__, 'teleport')
        self.assertNotIn('teleport', durations)

    def test_task_rules_read_the_durations_when_first_used(self):
        rules = server_states.task_rules(backend.task_durations())
        self.assertEqual([], self.driver.asked)
        self.assertEqual(set(server_states.TASK_OUTCOMES), set(rules))
        self.assertEqual(set(driver.TASKS), set(self.driver.asked))
