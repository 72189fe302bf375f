"""The database going away under load and coming back.

nova-api (4 workers) reaches its database through a TCP proxy in the test
(base.MultiWorkerTestCase.proxy): "down" drops every connection and
refuses new ones, as a stopping server does, without touching the real
server other tests share. While it is down every request that needs the
database gets Nova's 503 fault; once it is back every worker serves again,
without nova-api being restarted.
"""

import collections
import signal
import threading
import time

import psutil

from nova_api.tests.multiworker import base

LOAD_THREADS = 8
DOWN_SECONDS = 4
RECOVERY_SECONDS = 20
UNAVAILABLE = {'serviceUnavailable': {
    'code': 503,
    'message': 'The database is not available. Please try again later.'}}

_Answer = collections.namedtuple('_Answer',
                                 'started ended request status body')


class DatabaseRestartTests:

    def test_requests_get_503_while_down_and_succeed_once_back(self):
        client = self.client('restart-project')
        resp = client.create_server('before')
        self.assertEqual(202, resp.status, resp.body)
        server_id = resp.body['server']['id']
        requests = [
            ('list', lambda: client.get('/servers/detail')),
            ('show', lambda: client.get('/servers/%s' % server_id)),
            ('create', lambda: client.create_server('during')),
            ('limits', lambda: client.get('/limits')),
        ]
        master, workers = self.api.process.pid, self.worker_pids()

        answers, down_at, up_at = self._restart_under_load(requests)

        self.assertEqual((master, workers),
                         (self.api.process.pid, self.worker_pids()),
                         'nova-api or a worker restarted')
        for answer in answers:
            if answer.status not in (200, 202):
                self.assertEqual((503, UNAVAILABLE),
                                 (answer.status, answer.body), answer)
        while_down = [answer for answer in answers
                      if down_at < answer.started and answer.ended < up_at]
        self.assertGreater(len(while_down), LOAD_THREADS)
        self.assertEqual({503}, {answer.status for answer in while_down})
        self._assert_every_worker_serves(requests)

    def test_a_worker_respawned_while_down_serves_once_back(self):
        client = self.client('respawn-project')
        self.assertEqual(200, client.get('/servers').status)
        victim = min(self.worker_pids())
        self.proxy.go_down()
        try:
            psutil.Process(victim).send_signal(signal.SIGKILL)
            self.wait_for_ready_workers(gone=victim)
            responses = base.run_concurrently(
                lambda _: client.get('/servers'), range(24))
            self.assertEqual(
                [(503, UNAVAILABLE)] * 24,
                [(resp.status, resp.body) for resp in responses])
        finally:
            self.proxy.come_up()
        self.assertIsNone(self.api.process.poll(), 'nova-api stopped')
        base.wait_until(lambda: client.get('/servers').status == 200,
                        RECOVERY_SECONDS, message='recovery')
        self._assert_every_worker_serves(
            [('list', lambda: client.get('/servers'))], each=48)

    def _restart_under_load(self, requests):
        """Answers to `requests`, sent in turn by LOAD_THREADS threads
        while the database is up, down for DOWN_SECONDS, and back until
        every request kind succeeds again; (answers, down at, up at)."""
        answers = []
        stop = threading.Event()

        def load(offset):
            turn = offset
            while not stop.is_set():
                name, request = requests[turn % len(requests)]
                turn += 1
                started = time.monotonic()
                try:
                    resp = request()
                    status, body = resp.status, resp.body
                except base.NoAnswer as error:
                    status, body = None, str(error)
                answers.append(_Answer(started, time.monotonic(), name,
                                       status, body))

        threads = [threading.Thread(target=load, args=(offset,))
                   for offset in range(LOAD_THREADS)]
        for thread in threads:
            thread.start()
        try:
            time.sleep(1)
            try:
                self.proxy.go_down()
                down_at = time.monotonic()
                time.sleep(DOWN_SECONDS)
                up_at = time.monotonic()
            finally:
                self.proxy.come_up()
            base.wait_until(
                lambda: self._all_kinds_succeeded_since(answers, up_at,
                                                        requests),
                RECOVERY_SECONDS, message='recovery')
        finally:
            stop.set()
            for thread in threads:
                thread.join()
        return answers, down_at, up_at

    @staticmethod
    def _all_kinds_succeeded_since(answers, since, requests):
        succeeded = {answer.request for answer in list(answers)
                     if answer.started > since and answer.status in (200, 202)}
        return succeeded == {name for name, _ in requests}

    def _assert_every_worker_serves(self, requests, each=12):
        """`each` concurrent requests of each kind all succeed, served by
        every worker."""
        kinds = [request for request in requests for _ in range(each)]
        responses = base.run_concurrently(lambda request: request[1](),
                                          kinds, threads=len(kinds))
        self.assertEqual([], [resp for resp in responses
                              if resp.status >= 300])
        workers = set(self.served_by(
            resp.request_id for resp in responses).values())
        self.assertEqual(self.worker_pids(), workers)

