"""GET /v2.1/servers/detail?limit=100 with 1,000 and 100,000 servers.

    python -m bench.server_list [--duration SECONDS] [--sizes 1000,100000]

One deployment's database is seeded directly (rows as a create leaves
them once built: ACTIVE, two addresses, a metadata item) in the admin's
project, which the request lists, up to each size in turn. The rates
are printed beside the bare webob app's, measured in the same run, in
process and over HTTP (uWSGI, one worker), and the largest size's rate as
a share of the smallest's: the page, not the table, should set the cost.

A machine's speed can drift by half within a minute (shared hosts), so
each rate is compared with the bare app's measured just before and just
after it, not once for the whole run.
"""

import argparse
import datetime
import uuid

import sqlalchemy as sa

from bench import __main__ as bench_main
from bench import bare_app
from bench import deployment
from bench import load
from bench import serve
from nova_api.db import api as db_api
from nova_api.db import models

PATH = '/v2.1/servers/detail?limit=100'
PROJECT_ID = 'admin'
BATCH = 5000
_CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
_START = datetime.datetime(2026, 1, 1)


def _server_rows(first, count):
    for n in range(first, first + count):
        created = _START + datetime.timedelta(seconds=n)
        yield {
            'id': n + 1, 'uuid': str(uuid.UUID(int=n + 1)),
            'project_id': PROJECT_ID, 'user_id': 'admin',
            'name': 'bench-%d' % n, 'hostname': 'bench-%d' % n,
            'image_ref': _CIRROS, 'flavor_ref': '1', 'vcpus': 1,
            'memory_mb': 512, 'root_gb': 1, 'ephemeral_gb': 0, 'swap': 0,
            'key_name': None, 'key_data': None, 'availability_zone': 'nova',
            'host': 'compute%d' % (n % 2 + 1), 'vm_state': 'active',
            'task_state': None, 'task_started_at': None,
            'launched_at': created, 'terminated_at': None,
            'access_ip_v4': None, 'access_ip_v6': None, 'config_drive': '',
            'disk_config': 'MANUAL', 'user_data': None,
            'reservation_id': 'r-bench%03d' % (n % 1000),
            'launch_index': 0, 'security_groups': ['default'],
            'network_info': _network_info(n),
            'locked_by': None, 'deleted_at': None, 'deleted': 0,
            'created_at': created, 'updated_at': created,
        }


def _addresses(n):
    """[(network, address, version, mac_address)] of server `n`."""
    offset = n + 2
    mac = 'fa:16:3e:%02x:%02x:%02x' % (
        offset >> 16 & 255, offset >> 8 & 255, offset & 255)
    return [('private', '10.%d.%d.%d' % (offset >> 16 & 255,
                                         offset >> 8 & 255, offset & 255),
             4, mac),
            ('private', 'fd00:10::%x' % offset, 6, mac)]


def _network_info(n):
    return [list(address) for address in _addresses(n)]


def _address_rows(first, count):
    for n in range(first, first + count):
        for network, address, version, mac in _addresses(n):
            yield {'server_id': n + 1, 'network': network,
                   'address': address, 'version': version,
                   'mac_address': mac, 'created_at': _START}


def seed(existing, count):
    """Add built servers with their addresses and metadata to the
    `existing` ones, up to `count`."""
    engine = db_api.get_engine()
    with engine.begin() as connection:
        for first in range(existing, count, BATCH):
            size = min(BATCH, count - first)
            connection.execute(sa.insert(models.Server.__table__),
                               list(_server_rows(first, size)))
            connection.execute(sa.insert(models.ServerAddress.__table__),
                               list(_address_rows(first, size)))
            connection.execute(
                sa.insert(models.ServerMetadata.__table__),
                [{'server_id': n + 1, 'key': 'role', 'value': 'bench',
                  'created_at': _START}
                 for n in range(first, first + size)])


def _http_rate(start_server, duration):
    """The rate of PATH over HTTP on a server `start_server(port)`
    starts."""
    port = bench_main._free_port()
    server = start_server(port)
    try:
        load.wait_for(port)
        return bench_main.http_rate(port, 'GET', PATH, bench_main.ADMIN,
                                    None, duration)
    finally:
        server.terminate()
        server.wait()


def _bracketed(measure, measure_bare):
    """(rate, the bare app's mean rate just before and just after)."""
    before = measure_bare()
    rate = measure()
    return rate, (before + measure_bare()) / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--duration', type=float, default=3.0)
    parser.add_argument('--sizes', default='1000,100000')
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(',')]
    request = bench_main.request_factory(bench_main.ADMIN, None)

    def bare_in_process():
        return bench_main.in_process_rate(bare_app.application, 'GET', PATH,
                                          request, args.duration)

    def bare_http():
        return _http_rate(serve.start_bare_app, args.duration)

    deploy = deployment.Deployment()
    # Creates the schema too.
    app = deploy.load_app()
    rows = []
    existing = 0
    for count in sorted(sizes):
        seed(existing, count)
        existing = count
        in_process = _bracketed(
            lambda: bench_main.in_process_rate(app, 'GET', PATH, request,
                                               args.duration),
            bare_in_process)
        http = _bracketed(
            lambda: _http_rate(
                lambda port: serve.start_nova_api(deploy.config_file, port),
                args.duration),
            bare_http)
        rows.append((count, in_process, http))
    print('\nGET %s, each beside the bare app measured just before and '
          'after it' % PATH)
    print('%-10s %14s %9s %9s %12s %9s %9s' % (
        'servers', 'in process/s', 'bare/s', 'of bare', 'over HTTP/s',
        'bare/s', 'of bare'))
    for count, (in_process, bare_ip), (http, bare_h) in rows:
        print('%-10d %14.0f %9.0f %8.2f%% %12.0f %9.0f %8.2f%%' % (
            count, in_process, bare_ip, 100.0 * in_process / bare_ip, http,
            bare_h, 100.0 * http / bare_h))
    if len(rows) > 1:
        # As shares of their bare app's rate, so that the machine's drift
        # between the two measurements cancels out.
        (smallest, *small), (largest, *large) = rows[0], rows[-1]
        shares = [(rate / bare) / (small_rate / small_bare)
                  for (rate, bare), (small_rate, small_bare)
                  in zip(large, small)]
        print('\n%d servers vs %d: %.0f%% of the rate in process, %.0f%% '
              'over HTTP (each as a share of the bare app\'s)'
              % (largest, smallest, 100.0 * shares[0], 100.0 * shares[1]))
    print('Targets: the largest size within 20% of the smallest; over HTTP '
          '>= 2% of the bare app.')


if __name__ == '__main__':
    main()
