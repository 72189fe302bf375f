"""The short, seeded form of `tox -e fuzz`, run by CI: schemathesis
against a nova-api process from its /v2.1/openapi.json at 2.1, 2.53 and
the maximum, 3 examples per operation (nova_api.tests.fuzz).
"""

import io

import testtools

from nova_api.tests import fuzz

MAX_EXAMPLES = 3
SEED = 0


class ShortFuzzTest(testtools.TestCase):

    def test_every_operation_survives_generated_requests(self):
        reports = fuzz.run_fresh(max_examples=MAX_EXAMPLES, seed=SEED)
        out = io.StringIO()
        total = fuzz.print_reports(reports, out)
        self.assertEqual([], total.failures, out.getvalue())
        for version, report in reports.items():
            self.assertGreater(report.operations, 0, version)
            self.assertGreaterEqual(report.requests, report.operations,
                                    version)
