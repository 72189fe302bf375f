"""Serve nova_api or the bare app with the server `nova-api` uses.

    python -m bench.serve nova CONFIG_FILE PORT
    python -m bench.serve bare - PORT
"""

import sys

from nova_api.cmd import api as api_cmd


def main(kind, config_file, port):
    if kind == 'nova':
        from bench import deployment
        d = deployment.Deployment.__new__(deployment.Deployment)
        d.config_file = config_file
        application = d.load_app()
    else:
        from bench import bare_app
        application = bare_app.application
        from nova_api import conf
        conf.CONF([], project='nova_api', default_config_files=[])
    options = api_cmd.server_options()
    options['bind'] = '127.0.0.1:%d' % int(port)
    options['workers'] = 1
    api_cmd._Server(application, options).run()


if __name__ == '__main__':
    main(*sys.argv[1:4])
