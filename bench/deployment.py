"""A throwaway nova_api deployment for the benchmarks: config, database,
and the same paste app `nova-api` serves."""

import os
import tempfile

from nova_api.api import app as app_module


class Deployment:
    """A state directory with a config file and a migrated SQLite DB."""

    def __init__(self):
        self.state_path = tempfile.mkdtemp(prefix='nova-api-bench-')
        self.config_file = os.path.join(self.state_path, 'nova_api.conf')
        with open(self.config_file, 'w') as f:
            f.write('[DEFAULT]\nstate_path = %s\n' % self.state_path)
            f.write('[oslo_policy]\nenforce_scope = true\n')

    def load_app(self):
        app_module.parse_config(['--config-file', self.config_file])
        # Benchmarks measure the API, not the console logging.
        import logging
        logging.getLogger().setLevel(logging.WARNING)
        return app_module.load_app()
