"""The committed sample files list everything the code defines.

Regenerate them (and the pinned route table) with `tox -e regenerate`.
"""

import os

import testtools

from nova_api.conf import opts
from nova_api import policies

_ETC = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'etc')


def _read(name):
    with open(os.path.join(_ETC, name)) as f:
        return f.read()


class SampleFilesTest(testtools.TestCase):

    def test_config_sample_has_every_option(self):
        sample = _read('nova_api.conf.sample')
        missing = []
        for group, group_opts in opts.list_opts():
            name = group if isinstance(group, str) else group.name
            if '[%s]' % name not in sample:
                missing.append('[%s]' % name)
            for opt in group_opts:
                if '#%s =' % opt.dest not in sample:
                    missing.append('%s.%s' % (name, opt.dest))
        self.assertEqual([], missing,
                         'run tox -e regenerate to update the sample')

    def test_policy_sample_has_every_rule(self):
        sample = _read('nova_api.policy.yaml.sample')
        missing = ['%s: %s' % (rule.name, rule.check_str)
                   for rule in policies.list_rules()
                   if '#"%s": "%s"' % (rule.name, rule.check_str)
                   not in sample]
        self.assertEqual([], missing,
                         'run tox -e regenerate to update the sample')
