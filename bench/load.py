"""A bounded HTTP load: a few client processes on loopback, each sending
requests back to back for a fixed time."""

import http.client
import itertools
import multiprocessing
import os
import time


def _client(port, method, path, request_factory, duration, queue):
    count = 0
    errors = 0
    sequence = itertools.count()
    prefix = os.getpid()
    start = time.monotonic()
    deadline = start + duration
    while time.monotonic() < deadline:
        headers, body = request_factory(prefix, next(sequence))
        conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            if resp.status >= 400:
                errors += 1
            count += 1
        finally:
            conn.close()
    queue.put((count / (time.monotonic() - start), errors))


def requests_per_second(port, method, path, request_factory, duration=3.0,
                        clients=2):
    """Requests per second the server on `port` answered; raises if any
    answer was an error."""
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(
        target=_client, args=(port, method, path, request_factory,
                              duration, queue))
        for _ in range(clients)]
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=duration + 60) for _ in procs]
    for proc in procs:
        proc.join()
    errors = sum(err for _rate, err in results)
    if errors:
        raise RuntimeError('%d requests to %s %s failed'
                           % (errors, method, path))
    return sum(rate for rate, _errors in results)


def wait_for(port, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=2)
            conn.request('GET', '/')
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError('server on port %d did not start' % port)
