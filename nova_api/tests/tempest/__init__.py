"""OpenStack Tempest's compute API tests against nova_api (``tox -e tempest``).

``python -m nova_api.tests.tempest.run`` installs Tempest, starts Keystone
and nova-api (the Keystone fixture), writes a tempest.conf for them and runs
the compute tests of the resources nova_api serves. Not part of the default
test run: this package holds no test of its own.
"""
