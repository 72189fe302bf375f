"""Instructions per request under callgrind: a count that does not drift.

    python -m bench.instructions [--requests N] [--servers N]
                                 [--extra-routes N] [PATH ...]

Wall-clock rates on a shared machine drift by up to 2x within minutes;
the number of instructions a request executes does not. This command
re-runs itself under ``valgrind --tool=callgrind --instr-atstart=no``,
seeds a deployment with servers (bench.server_list's rows), warms each
path up, then switches instrumentation on (``callgrind_control -i on``)
for `--requests` in-process requests of each path and prints the
instructions per request. The collector is frozen after warm-up, as a
uWSGI worker's start-up heap is, and its first threshold is
nova_api.wsgi's.

Compare two commits by running it in each checkout in turn: the counts
of the same code repeat to a few parts in a million.

``--extra-routes N`` adds a plugin with N routes of a resource no measured
request is for (GET /a-bench-0000 ...: before every other route in the
table's order), to see what the size of the route table costs a request.
"""

import argparse
import gc
import os
import re
import subprocess
import sys
import tempfile

from bench import __main__ as bench_main
from bench import deployment
from bench import server_list
from nova_api.api import plugin
from nova_api.api import router
from nova_api.api import wsgi

DEFAULT_PATHS = ('/v2.1/servers/detail?limit=100', '/v2.1/flavors/detail',
                 '/v2.1/os-keypairs')
_UNDER_CALLGRIND = 'NOVA_API_BENCH_UNDER_CALLGRIND'


class _ExtraRoutes(plugin.APIPlugin):
    name = 'bench-extra-routes'

    def __init__(self, count):
        self.count = count

    def resources(self):
        return [plugin.APIResource(self.name, wsgi.Controller(), [
            ('GET', '/a-bench-%04d' % number, 'index')
            for number in range(self.count)])]


def _add_routes(count):
    load_plugins = router.load_plugins
    router.load_plugins = lambda: load_plugins() + [_ExtraRoutes(count)]


def _toggle(on):
    subprocess.run(['callgrind_control', '-i', 'on' if on else 'off',
                    str(os.getpid())], check=True, stdout=subprocess.DEVNULL)


def _run_requests(app, path, count):
    request = bench_main.request_factory(bench_main.ADMIN, None)
    for n in range(count):
        headers, body = request('callgrind', n)
        statuses = []
        for _chunk in app(bench_main._environ('GET', path, headers, body),
                          lambda status, headers, exc_info=None:
                          statuses.append(status)):
            pass
        if int(statuses[0].split()[0]) >= 400:
            raise RuntimeError('GET %s answered %s' % (path, statuses[0]))


def measure(args):
    """Under callgrind: one dump per path, in order."""
    if args.extra_routes:
        _add_routes(args.extra_routes)
    app = deployment.Deployment().load_app()
    server_list.seed(0, args.servers)
    gc.set_threshold(10000, *gc.get_threshold()[1:])
    for index, path in enumerate(args.paths):
        _run_requests(app, path, 5)
        gc.collect()
        gc.freeze()
        _toggle(True)
        _run_requests(app, path, args.requests)
        _toggle(False)
        # Dump i (callgrind.out.PID.i, from 1) holds path i-1 alone: a
        # dump zeroes the counts.
        subprocess.run(['callgrind_control', '--dump', str(os.getpid())],
                       check=True, stdout=subprocess.DEVNULL)
        gc.unfreeze()


def _instructions(outfile):
    """The instructions of a dump."""
    with open(outfile, errors='replace') as f:
        match = re.search(r'^totals: (\d+)', f.read(), re.MULTILINE)
    return int(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--requests', type=int, default=20)
    parser.add_argument('--servers', type=int, default=1000)
    parser.add_argument('--extra-routes', type=int, default=0)
    parser.add_argument('paths', nargs='*', default=list(DEFAULT_PATHS))
    args = parser.parse_args()
    if os.environ.get(_UNDER_CALLGRIND):
        measure(args)
        return
    workdir = tempfile.mkdtemp(prefix='nova-api-callgrind-')
    subprocess.run(
        ['valgrind', '--tool=callgrind', '--instr-atstart=no',
         '--callgrind-out-file=%s' % os.path.join(workdir, 'callgrind.out'),
         sys.executable, '-m', 'bench.instructions',
         '--requests', str(args.requests), '--servers', str(args.servers),
         '--extra-routes', str(args.extra_routes)]
        + args.paths,
        # A fixed hash seed: set and dict costs follow the hashes.
        env=dict(os.environ, PYTHONHASHSEED='0', **{_UNDER_CALLGRIND: '1'}),
        check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print('%d in-process requests each, %d servers%s; instructions per '
          'request:' % (args.requests, args.servers,
                        ', %d extra routes' % args.extra_routes
                        if args.extra_routes else ''))
    for index, path in enumerate(args.paths, start=1):
        dump = os.path.join(workdir, 'callgrind.out.%d' % index)
        print('%14.0f  GET %s' % (_instructions(dump) / args.requests, path))


if __name__ == '__main__':
    main()
