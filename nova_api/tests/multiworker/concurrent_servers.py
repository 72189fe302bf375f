"""Concurrent creates, actions and deletes on 4 workers sharing a database.

Every request goes on a new connection, so any worker may answer it. Each
test works in a project of its own. test_multiworker runs these tests on
each backend.
"""

import collections
import signal
import threading
import time

import psutil

from nova_api.tests.multiworker import base

CLIENTS = 50
QUOTA = 40
SETTLE_SECONDS = 30
# Reads of one thing from this many concurrent requests must all agree.
READERS = 24
# A server is polled this often, and read this many times once settled.
READ_INTERVAL_SECONDS = 0.1
SETTLED_READS = 3


def _over_quota_message(used):
    return ('Quota exceeded for instances: Requested 1, but already used '
            '%d of %d instances' % (used, QUOTA))


class ConcurrentServersTests:
    """Many clients at once; a worker killed mid-run."""

    def _create_concurrently(self, client, prefix, count=CLIENTS,
                             during=None):
        """{name: Response or base.NoAnswer} of `count` concurrent
        creates; during(results so far) runs in a thread of its own."""
        names = ['%s-%02d' % (prefix, index) for index in range(count)]
        results = {}

        def create(name):
            try:
                results[name] = client.create_server(name)
            except base.NoAnswer as error:
                results[name] = error

        self._run_with(create, names, during, results)
        return results

    def _run_with(self, function, arguments, during, results):
        side = None
        if during is not None:
            side = threading.Thread(target=during, args=(results,))
            side.start()
        base.run_concurrently(function, arguments, threads=CLIENTS)
        if side is not None:
            side.join()

    def _servers(self, client):
        resp = client.get('/servers/detail')
        self.assertEqual(200, resp.status, resp.body)
        return resp

    def _agreed_servers(self, client):
        """{server id: its state} that READERS concurrent listings, served
        by more than one worker, all agree on."""
        responses = base.run_concurrently(
            lambda _: self._servers(client), range(READERS))
        views = [{server['id']: _state(server)
                  for server in resp.body['servers']} for resp in responses]
        for view in views[1:]:
            self.assertEqual(views[0], view)
        workers = set(self.served_by(
            resp.request_id for resp in responses).values())
        self.assertGreater(len(workers), 1,
                           'all %d listings came from one worker' % READERS)
        return views[0]

    def _instances_used(self, client):
        """totalInstancesUsed, which all of READERS reads agree on."""
        responses = base.run_concurrently(
            lambda _: client.get('/limits'), range(READERS))
        used = {resp.body['limits']['absolute']['totalInstancesUsed']
                for resp in responses}
        self.assertEqual(1, len(used), used)
        return used.pop()

    def _wait_all_active(self, client, count):
        def all_active():
            servers = self._servers(client).body['servers']
            return (len(servers) == count and
                    all(s['status'] == 'ACTIVE' for s in servers))

        base.wait_until(all_active, SETTLE_SECONDS, message='all ACTIVE')

    def test_creates_over_quota_are_refused_with_403(self):
        client = self.client('quota-project')
        self.set_instances_quota('quota-project', QUOTA)

        results = self._create_concurrently(client, 'quota')

        statuses = collections.Counter(r.status for r in results.values())
        self.assertEqual({202: QUOTA, 403: CLIENTS - QUOTA}, statuses)
        for resp in results.values():
            if resp.status == 403:
                self.assertEqual(
                    {'forbidden': {'code': 403,
                                   'message': _over_quota_message(QUOTA)}},
                    resp.body)
        created = {resp.body['server']['id'] for resp in results.values()
                   if resp.status == 202}
        self._wait_all_active(client, QUOTA)
        self.assertEqual(created, set(self._agreed_servers(client)))
        self.assertEqual(QUOTA, self._instances_used(client))
        # Full is full, whichever worker is asked.
        refused = base.run_concurrently(
            lambda index: client.create_server('late-%d' % index), range(8))
        self.assertEqual([403] * 8, [resp.status for resp in refused])

    def test_concurrent_actions_and_deletes_reach_their_states(self):
        client = self.client('actions-project')
        results = self._create_concurrently(client, 'action', count=QUOTA)
        self.assertEqual([202] * QUOTA,
                         [resp.status for resp in results.values()])
        server_ids = sorted(resp.body['server']['id']
                            for resp in results.values())
        self._wait_all_active(client, QUOTA)

        plans = [(server_id, _PLANS[index % len(_PLANS)])
                 for index, server_id in enumerate(server_ids)]
        base.run_concurrently(
            lambda plan: self._carry_out(client, *plan), plans,
            threads=len(plans))

        expected = {server_id: plan.final for server_id, plan in plans
                    if plan.final is not None}
        agreed = self._agreed_servers(client)
        self.assertEqual(expected, {server_id: state[0] for server_id, state
                                    in agreed.items()})
        self.assertTrue(all(state[2] is None for state in agreed.values()),
                        agreed)
        self.assertEqual(len(expected), self._instances_used(client))

    def _carry_out(self, client, server_id, plan):
        """Each step of `plan` on the server, then the reads of it until
        the step's end; every read from the step's acknowledgement on must
        match the step's pattern (no worker shows an older state)."""
        for action, status, pattern in plan.steps:
            if action == 'delete':
                resp = client.delete('/servers/%s' % server_id)
            else:
                resp = client.post('/servers/%s/action' % server_id,
                                   {action: None} if action != 'reboot'
                                   else {'reboot': {'type': 'SOFT'}})
            self.assertEqual(status, resp.status,
                             '%s %s: %s' % (action, server_id, resp.body))
            seen = self._read_until_settled(client, server_id)
            self.assertRegex(' '.join(seen), '^(%s)$' % pattern,
                             '%s of %s' % (action, server_id))

    def _read_until_settled(self, client, server_id):
        """STATUS/task_state (or 404) of each read, until SETTLED_READS
        reads with no task (or 404s)."""
        seen = []
        settled_reads = 0
        deadline = time.monotonic() + SETTLE_SECONDS
        while settled_reads < SETTLED_READS and time.monotonic() < deadline:
            resp = client.get('/servers/%s' % server_id)
            if resp.status == 404:
                seen.append('404')
            else:
                self.assertEqual(200, resp.status, resp.body)
                status, _, task_state, _ = _state(resp.body['server'])
                seen.append('%s/%s' % (status, task_state))
            if seen[-1] == '404' or seen[-1].endswith('/None'):
                settled_reads += 1
            time.sleep(READ_INTERVAL_SECONDS)
        return seen

    def test_a_killed_worker_loses_no_acknowledged_write(self):
        client = self.client('kill-project')
        self.set_instances_quota('kill-project', QUOTA)
        killed = []

        results = self._create_concurrently(
            client, 'kill', during=lambda results: killed.append(
                self._kill_a_worker_after(results, 10)))

        no_answer = {name for name, resp in results.items()
                     if isinstance(resp, base.NoAnswer)}
        # One single-threaded worker had at most one request in hand.
        self.assertLessEqual(len(no_answer), 1, results)
        acknowledged = {name: resp.body['server']['id']
                        for name, resp in results.items()
                        if name not in no_answer and resp.status == 202}
        refused = [name for name, resp in results.items()
                   if name not in no_answer and resp.status == 403]
        self.assertEqual(CLIENTS, len(acknowledged) + len(refused) +
                         len(no_answer))
        self._wait_for_respawn(killed[0], CLIENTS)
        self._wait_all_active(client, QUOTA)

        servers = self._servers(client).body['servers']
        names = collections.Counter(server['name'] for server in servers)
        self.assertEqual([], [n for n, count in names.items() if count > 1])
        listed = {server['name']: server['id'] for server in servers}
        self.assertEqual(acknowledged, {name: listed.get(name)
                                        for name in acknowledged})
        self.assertLessEqual(set(listed) - set(acknowledged), no_answer)
        self.assertEqual(QUOTA, len(servers))
        self.assertEqual(QUOTA, self._instances_used(client))

        server_ids = [server['id'] for server in servers]
        deletes = {}

        def delete(server_id):
            try:
                deletes[server_id] = client.delete('/servers/%s' % server_id)
            except base.NoAnswer as error:
                deletes[server_id] = error

        killed = []
        self._run_with(delete, server_ids, lambda results: killed.append(
            self._kill_a_worker_after(results, 10)), deletes)
        lost_deletes = {server_id for server_id, resp in deletes.items()
                        if isinstance(resp, base.NoAnswer)}
        self.assertLessEqual(len(lost_deletes), 1, deletes)
        deleted = {server_id for server_id, resp in deletes.items()
                   if server_id not in lost_deletes and resp.status == 204}
        self.assertEqual(set(server_ids) - lost_deletes, deleted)
        self._wait_for_respawn(killed[0], len(server_ids))

        for resp in base.run_concurrently(
                lambda server_id: client.get('/servers/%s' % server_id),
                sorted(deleted)):
            self.assertEqual(404, resp.status)
        remaining = set(self._agreed_servers_or_none(client))
        self.assertLessEqual(remaining, lost_deletes)
        self.assertEqual(len(remaining), self._instances_used(client))

    def _agreed_servers_or_none(self, client):
        # With no server left the listings agree trivially; any worker
        # will do.
        servers = self._servers(client).body['servers']
        if not servers:
            return {}
        return self._agreed_servers(client)

    def _kill_a_worker_after(self, results, count):
        """SIGKILL one worker once `count` results are in; (its pid, how
        many results were in then)."""
        base.wait_until(lambda: len(results) >= count, 60, interval=0.01,
                        message='%d answers' % count)
        pid = min(self.worker_pids())
        psutil.Process(pid).send_signal(signal.SIGKILL)
        return pid, len(results)

    def _wait_for_respawn(self, killed, total):
        killed_pid, answered_before = killed
        self.assertLess(answered_before, total, 'the kill came too late')
        self.wait_for_ready_workers(gone=killed_pid)


def _state(server):
    return (server['status'], server['OS-EXT-STS:vm_state'],
            server['OS-EXT-STS:task_state'], server['updated'])


_Plan = collections.namedtuple('_Plan', 'steps final')
# (action, status, pattern of the reads after it); reads are
# STATUS/task_state, and a read that went back to the state before the
# action would not match.
_STOP = ('os-stop', 202, r'(ACTIVE/powering-off )*(SHUTOFF/None ?)+')
_START = ('os-start', 202, r'(SHUTOFF/powering-on )*(ACTIVE/None ?)+')
_REBOOT = ('reboot', 202, r'(REBOOT/rebooting )*(ACTIVE/None ?)+')
_DELETE = ('delete', 204, r'(404 ?)+')
_PLANS = [
    _Plan([_STOP], 'SHUTOFF'),
    _Plan([_STOP, _START], 'ACTIVE'),
    _Plan([_REBOOT], 'ACTIVE'),
    _Plan([_DELETE], None),
]

