"""Time the flavor and key pair read queries on a fresh SQLite file.

    python -m bench.db_reads [--calls N]

Prints the best of five rounds, in microseconds per call, of what the list
and show requests of flavors and key pairs ask the database layer for.
"""

import argparse
import os
import shutil
import tempfile
import time

from nova_api import context as nova_context
from nova_api.db import api
from nova_api.db import flavors
from nova_api.db import keypairs
from nova_api.db import migration

ROUNDS = 5
USER_ID = 'bench-user'


def _contexts():
    admin = nova_context.get_admin_context()
    member = nova_context.RequestContext(
        user_id=USER_ID, project_id='bench-project', roles=['member'],
        overwrite=False)
    return admin, member


def cases(admin, member):
    member_filters = {'is_public': True, 'disabled': False}
    return [
        ('flavors.get_all admin (5 flavors)',
         lambda: flavors.get_all(admin, filters={'is_public': True},
                                 limit=1000)),
        ('flavors.get_all member',
         lambda: flavors.get_all(member, filters=member_filters,
                                 limit=1000)),
        ('flavors.get_all admin, limit 2 after a marker',
         lambda: flavors.get_all(admin, filters={'is_public': True},
                                 limit=2, marker='2')),
        ('flavors.get_by_flavor_id admin',
         lambda: flavors.get_by_flavor_id(admin, '3')),
        ('flavors.get_by_flavor_id member',
         lambda: flavors.get_by_flavor_id(member, '3')),
        ('keypairs.get_all (5 key pairs)',
         lambda: keypairs.get_all(admin, USER_ID)),
        ('keypairs.get',
         lambda: keypairs.get(admin, USER_ID, 'key-3')),
        ('keypairs.get_all, limit 2 after a marker',
         lambda: keypairs.get_all(admin, USER_ID, limit=2, marker='key-1')),
    ]


def best_microseconds(call, calls):
    for _ in range(calls // 10):
        call()
    best = None
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        elapsed = (time.perf_counter() - start) / calls * 1e6
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--calls', type=int, default=1000,
                        help='calls per round')
    args = parser.parse_args()
    state_path = tempfile.mkdtemp(prefix='nova-api-bench-db-')
    restore = api.configure(
        'sqlite:///' + os.path.join(state_path, 'nova_api.sqlite'))
    try:
        migration.db_sync()
        admin, member = _contexts()
        for n in range(5):
            keypairs.create(admin, {
                'name': f'key-{n}', 'user_id': USER_ID,
                'fingerprint': f'fp-{n}', 'public_key': 'ssh-rsa AAAA'})
        print('%-48s %10s' % ('query', 'us/call'))
        for name, call in cases(admin, member):
            print('%-48s %10.1f' % (name, best_microseconds(call,
                                                            args.calls)))
    finally:
        restore()
        shutil.rmtree(state_path)


if __name__ == '__main__':
    main()
