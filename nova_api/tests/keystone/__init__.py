"""Integration tests against a real Keystone (``tox -e keystone``).

They install Keystone from PyPI (once) and start it, so the default test
run leaves them out: this package yields its tests only when
``NOVA_API_KEYSTONE_TESTS=1`` is set, as ``tox -e keystone`` does.
"""

import os

ENABLE_VARIABLE = 'NOVA_API_KEYSTONE_TESTS'


def load_tests(loader, standard_tests, pattern):
    if os.environ.get(ENABLE_VARIABLE) != '1':
        return standard_tests
    standard_tests.addTests(loader.discover(
        start_dir=os.path.dirname(__file__), pattern=pattern))
    return standard_tests
