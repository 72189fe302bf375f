"""Run the benchmarks and print each rate beside the bare webob app's.

    python -m bench [--duration SECONDS] [--only in-process|http]

In process, requests are WSGI calls on the paste app; over HTTP, both apps
run under the server `nova-api` uses (gunicorn, one sync worker) on
127.0.0.1 and a few client processes load them for a fixed time.
"""

import argparse
import io
import json
import socket
import subprocess
import sys
import time

from bench import bare_app
from bench import deployment
from bench import keys
from bench import load

ADMIN = {'X-Auth-Token': 'admin:admin', 'Accept': 'application/json'}
JSON = dict(ADMIN, **{'Content-Type': 'application/json'})


def _fixed(headers):
    def request(prefix, n):
        return headers, None
    return request


def _import(public_key):
    """Each import by a user of its own: the keypair quota is per user."""
    def request(prefix, n):
        user = 'bench-%s-%d' % (prefix, n)
        headers = dict(JSON, **{'X-Auth-Token': '%s:admin' % user})
        return headers, json.dumps({'keypair': {
            'name': 'key', 'public_key': public_key}}).encode()
    return request


def scenarios(public_key):
    return [
        ('GET /v2.1/flavors/detail', 'GET', '/v2.1/flavors/detail',
         _fixed(ADMIN)),
        ('GET /v2.1/os-keypairs (5 keypairs)', 'GET', '/v2.1/os-keypairs',
         _fixed(ADMIN)),
        ('POST /v2.1/os-keypairs (import)', 'POST', '/v2.1/os-keypairs',
         _import(public_key)),
    ]


def _environ(method, path, headers, body):
    environ = {
        'REQUEST_METHOD': method, 'PATH_INFO': path, 'SCRIPT_NAME': '',
        'QUERY_STRING': '', 'SERVER_NAME': '127.0.0.1', 'SERVER_PORT': '80',
        'SERVER_PROTOCOL': 'HTTP/1.1', 'wsgi.url_scheme': 'http',
        'wsgi.input': io.BytesIO(body or b''), 'wsgi.errors': sys.stderr,
        'wsgi.version': (1, 0), 'wsgi.multithread': False,
        'wsgi.multiprocess': False, 'wsgi.run_once': False,
        'REMOTE_ADDR': '127.0.0.1',
    }
    if body:
        environ['CONTENT_LENGTH'] = str(len(body))
    for name, value in headers.items():
        key = name.upper().replace('-', '_')
        if key not in ('CONTENT_TYPE', 'CONTENT_LENGTH'):
            key = 'HTTP_' + key
        environ[key] = value
    return environ


def in_process_rate(app, method, path, request_factory, duration):
    statuses = []

    def start_response(status, headerlist, exc_info=None):
        statuses.append(status)

    count = 0
    start = time.perf_counter()
    deadline = start + duration
    while time.perf_counter() < deadline:
        headers, body = request_factory('inproc', count)
        for _chunk in app(_environ(method, path, headers, body),
                          start_response):
            pass
        count += 1
    rate = count / (time.perf_counter() - start)
    failed = [s for s in statuses if int(s.split()[0]) >= 400]
    if failed:
        raise RuntimeError('%s %s answered %s' % (method, path, failed[0]))
    return rate


def _free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def _serve(kind, config_file):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, '-m', 'bench.serve', kind,
                             config_file, str(port)])
    load.wait_for(port)
    return proc, port


def _seed_keypairs(app, public_key):
    for n in range(5):
        body = json.dumps({'keypair': {'name': 'seed-%d' % n,
                                       'public_key': public_key}}).encode()
        for _chunk in app(_environ('POST', '/v2.1/os-keypairs', JSON, body),
                          lambda *a: None):
            pass


def _report(title, rows):
    print('\n%s' % title)
    print('%-40s %12s %12s %9s' % ('request', 'nova_api/s', 'bare/s',
                                   'ratio'))
    for name, rate, bare_rate in rows:
        print('%-40s %12.0f %12.0f %8.1f%%' % (name, rate, bare_rate,
                                               100.0 * rate / bare_rate))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--duration', type=float, default=3.0)
    parser.add_argument('--only', choices=['in-process', 'http'])
    args = parser.parse_args()
    public_key = keys.ssh_public_key()
    deploy = deployment.Deployment()
    app = deploy.load_app()
    _seed_keypairs(app, public_key)
    cases = scenarios(public_key)

    if args.only != 'http':
        rows = []
        for name, method, path, request in cases:
            rate = in_process_rate(app, method, path, request, args.duration)
            bare = in_process_rate(bare_app.application, method, path,
                                   request, args.duration)
            rows.append((name, rate, bare))
        _report('In process (WSGI calls, full paste pipeline)', rows)

    if args.only != 'in-process':
        nova, nova_port = _serve('nova', deploy.config_file)
        bare, bare_port = _serve('bare', '-')
        try:
            rows = []
            for name, method, path, request in cases:
                rate = load.requests_per_second(
                    nova_port, method, path, request, args.duration)
                bare_rate = load.requests_per_second(
                    bare_port, method, path, request, args.duration)
                rows.append((name, rate, bare_rate))
        finally:
            for proc in (nova, bare):
                proc.terminate()
                proc.wait()
        _report('Over HTTP (gunicorn, 1 sync worker, 2 client processes)',
                rows)
    print('\nTargets: flavors/detail over HTTP >= 7% of bare, keypair list '
          '>= 11% of bare.')


if __name__ == '__main__':
    main()
