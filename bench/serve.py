"""The servers the benchmark loads: nova-api itself on a deployment's
config, and the bare app under the same uWSGI command line."""

import os
import subprocess
import sys

from nova_api.cmd import api as api_cmd

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_nova_api(config_file, port):
    port_file = '%s.port-%d' % (config_file, port)
    with open(port_file, 'w') as f:
        f.write('[DEFAULT]\nosapi_compute_listen_port = %d\n' % port)
    return subprocess.Popen(
        [sys.executable, '-m', 'nova_api.cmd.api', '--config-file',
         config_file, '--config-file', port_file],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_bare_app(port):
    argv = api_cmd.uwsgi_argv('127.0.0.1:%d' % port, 1,
                              module='bench.bare_app:application')
    return subprocess.Popen(argv + ['--pythonpath', _ROOT],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
