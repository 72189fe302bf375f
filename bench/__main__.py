"""Run the benchmarks and print each rate beside the bare webob app's.

    python -m bench [--duration SECONDS] [--only in-process|http]

In process, requests are WSGI calls on the paste app. Over HTTP, nova-api
and the bare app run under the same uWSGI command line (one worker) on
127.0.0.1, loaded by wrk when it is installed (else by Python client
processes, which may then be what limits the bare app's rate).
"""

import argparse
import io
import json
import socket
import sys
import time
import uuid

from bench import bare_app
from bench import deployment
from bench import keys
from bench import load
from bench import serve
from bench import wrk

ADMIN = {'X-Auth-Token': 'admin:admin', 'Accept': 'application/json'}
JSON = dict(ADMIN, **{'Content-Type': 'application/json'})


def scenarios(public_key, run_id):
    """(name, method, path, headers, body); "{n}" is unique per request."""
    # Each import by a user of its own: the keypair quota is per user.
    import_headers = dict(JSON, **{
        'X-Auth-Token': 'bench-%s-{n}:admin' % run_id})
    import_body = json.dumps({'keypair': {
        'name': 'key', 'public_key': public_key}}).encode()
    return [
        ('GET /v2.1/flavors/detail', 'GET', '/v2.1/flavors/detail', ADMIN,
         None),
        ('GET /v2.1/os-keypairs (5 keypairs)', 'GET', '/v2.1/os-keypairs',
         ADMIN, None),
        ('POST /v2.1/os-keypairs (import)', 'POST', '/v2.1/os-keypairs',
         import_headers, import_body),
    ]


def request_factory(headers, body):
    """(headers, body) of request `n` of a process `prefix`."""
    def request(prefix, n):
        unique = '%s-%d' % (prefix, n)
        return ({k: v.replace('{n}', unique) for k, v in headers.items()},
                body.replace(b'{n}', unique.encode()) if body else None)
    return request


def _environ(method, path, headers, body):
    path, _, query = path.partition('?')
    environ = {
        'REQUEST_METHOD': method, 'PATH_INFO': path, 'SCRIPT_NAME': '',
        'QUERY_STRING': query, 'SERVER_NAME': '127.0.0.1',
        'SERVER_PORT': '80',
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


def in_process_rate(app, method, path, request, duration):
    statuses = []

    def start_response(status, headerlist, exc_info=None):
        statuses.append(status)

    count = 0
    start = time.perf_counter()
    deadline = start + duration
    while time.perf_counter() < deadline:
        headers, body = request('inproc', count)
        for _chunk in app(_environ(method, path, headers, body),
                          start_response):
            pass
        count += 1
    rate = count / (time.perf_counter() - start)
    failed = [s for s in statuses if int(s.split()[0]) >= 400]
    if failed:
        raise RuntimeError('%s %s answered %s' % (method, path, failed[0]))
    return rate


def http_rate(port, method, path, headers, body, duration):
    if wrk.available():
        return wrk.requests_per_second(port, method, path, headers, body,
                                       duration)
    return load.requests_per_second(port, method, path,
                                    request_factory(headers, body), duration)


def _free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


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


def _run_in_process(app, cases, duration):
    rows = []
    for name, method, path, headers, body in cases:
        request = request_factory(headers, body)
        rate = in_process_rate(app, method, path, request, duration)
        bare = in_process_rate(bare_app.application, method, path, request,
                               duration)
        rows.append((name, rate, bare))
    _report('In process (WSGI calls, full paste pipeline)', rows)


def _run_http(config_file, cases, duration):
    nova_port, bare_port = _free_port(), _free_port()
    servers = [serve.start_nova_api(config_file, nova_port),
               serve.start_bare_app(bare_port)]
    try:
        for port in (nova_port, bare_port):
            load.wait_for(port)
        rows = []
        for name, method, path, headers, body in cases:
            rate = http_rate(nova_port, method, path, headers, body,
                             duration)
            bare = http_rate(bare_port, method, path, headers, body,
                             duration)
            rows.append((name, rate, bare))
    finally:
        for proc in servers:
            proc.terminate()
            proc.wait()
    client = 'wrk, 2 connections' if wrk.available() else (
        'Python clients: install wrk for a client that is never the limit')
    _report('Over HTTP (uWSGI, 1 worker; %s)' % client, rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--duration', type=float, default=3.0)
    parser.add_argument('--only', choices=['in-process', 'http'])
    args = parser.parse_args()
    public_key = keys.ssh_public_key()
    deploy = deployment.Deployment()
    app = deploy.load_app()
    _seed_keypairs(app, public_key)
    cases = scenarios(public_key, uuid.uuid4().hex[:8])
    if args.only != 'http':
        _run_in_process(app, cases, args.duration)
    if args.only != 'in-process':
        _run_http(deploy.config_file, cases, args.duration)
    print('\nTargets: flavors/detail over HTTP >= 7% of bare, keypair list '
          '>= 11% of bare.')


if __name__ == '__main__':
    main()
