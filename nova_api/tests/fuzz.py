"""schemathesis against a running nova-api, from its own OpenAPI document.

    python -m nova_api.tests.fuzz [--versions 2.1 2.53 max]
                                  [--max-examples N] [--seed S]

Starts nova-api (noauth2, the simulated driver) on a free 127.0.0.1 port
in a fresh state dir, loads ``/v2.1/openapi.json`` at each version and
sends every operation ``--max-examples`` generated requests, valid and
invalid ones (hypothesis, seeded, so a run is repeatable), with the
version's header and the ``admin:admin`` token. Some name in their path
things that exist (a server, a key pair, a server group, an image, a
flavor), so that they reach past the lookup. Each answer is checked:

- ``not_a_server_error``: no 5xx;
- ``response_schema_conformance``: the body matches the document;
- ``no_internals``: no traceback nor internal Python name in the body.

It prints the counts (requests, operations, failures) and each failure
with a curl command that repeats it, and exits 1 on any failure.
``tox -e fuzz`` runs it; ``run`` is what a test calls.
"""

import argparse
import collections
import re
import sys
import time
import warnings

import hypothesis
import requests
import schemathesis
from schemathesis import checks as st_checks
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi import checks as openapi_checks

from nova_api.api import microversion
from nova_api.tests.fixtures import deployment as deployment_fixture

TOKEN = 'admin:admin'
MIDDLE_VERSION = '2.53'
DEFAULT_VERSIONS = ('2.1', MIDDLE_VERSION, 'max')
# Fast answers, so that a server created by a case is usable at once.
EXTRA_CONFIG = '''[simulated]
build_seconds = 0
reboot_seconds = 0
'''

# What only a leak of the implementation puts in a body.
_INTERNALS = re.compile(
    r'Traceback \(most recent call last\)'
    r'|File "[^"]+\.py", line \d+'
    r'|\bnova_api\.[a-z_]+\.'
    r'|\b(?:sqlalchemy|oslo_[a-z]+|webob|jsonschema)\.[a-z_]+'
    r'|<[\w.]+ object at 0x[0-9a-f]+>'
    r'|\b(?:KeyError|TypeError|AttributeError|IndexError|NameError)\b')

Failure = collections.namedtuple('Failure', 'version operation message curl')


@schemathesis.check
def no_internals(ctx, response, case):
    """No traceback, module path or Python exception name in the body."""
    found = _INTERNALS.search(response.text or '')
    if found:
        raise AssertionError('The body shows an internal detail: %r'
                             % found.group(0))
    return None


CHECKS = (st_checks.not_a_server_error,
          openapi_checks.response_schema_conformance,
          no_internals)


class Report:
    """Counts and failures of a run."""

    def __init__(self):
        self.requests = 0
        self.operations = 0
        self.failures = []
        self.statuses = collections.Counter()

    def summary(self):
        statuses = ', '.join('%s: %d' % item
                             for item in sorted(self.statuses.items()))
        return ('%d requests, %d operations, %d failures (statuses %s)'
                % (self.requests, self.operations, len(self.failures),
                   statuses or 'none'))


def load_schema(base_url, version):
    response = requests.get(base_url + '/v2.1/openapi.json',
                            headers=_headers(version), timeout=30)
    response.raise_for_status()
    document = response.json()
    for item in document['paths'].values():
        for operation in item.values():
            for answer in operation['responses'].values():
                for media in answer.get('content', {}).values():
                    media['schema'] = _without_prefix_items(media['schema'])
    return schemathesis.openapi.from_dict(document)


def _without_prefix_items(schema):
    """`schema` with each tuple (prefixItems) loosened to "any of its
    items": schemathesis 4.32 turns a response's prefixItems back into a
    Draft 4 list of items, then refuses it as 2020-12 ("Invalid Schema
    Object in response definition"). The document keeps its tuples."""
    if isinstance(schema, list):
        return [_without_prefix_items(sub) for sub in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: _without_prefix_items(value)
              for key, value in schema.items()}
    prefix = result.pop('prefixItems', None)
    if prefix is not None:
        rest = result.pop('items', False)
        choices = prefix + ([rest] if rest is not False else [])
        result['items'] = {'anyOf': choices}
    return result


def _headers(version):
    return {'X-Auth-Token': TOKEN,
            'OpenStack-API-Version': 'compute %s' % version}


def _api(base_url, method, path, version, body=None):
    response = requests.request(method, base_url + '/v2.1' + path,
                                json=body, headers=_headers(version),
                                timeout=30)
    if response.status_code >= 400:
        raise RuntimeError('%s %s at %s: %s %s' % (
            method, path, version, response.status_code, response.text))
    return response.json() if response.content else None


def existing_things(base_url, version):
    """Names of things that exist, by path variable, so that generated
    requests reach past the lookup: a server, a key pair, a server group,
    an image, a flavor (each created or found at `version`)."""
    image = _api(base_url, 'GET', '/images', '2.1')['images'][0]['id']
    server = {'name': 'fuzz', 'imageRef': image, 'flavorRef': '2',
              'metadata': {'fuzz': 'x'}}
    if microversion.APIVersionRequest(version).matches('2.37'):
        server['networks'] = 'none'  # required from 2.37
    server = _api(base_url, 'POST', '/servers', version,
                  {'server': server})['server']['id']
    keypair = 'fuzz-%s' % version.replace('.', '-')
    _api(base_url, 'POST', '/os-keypairs', '2.1', {'keypair': {
        'name': keypair}})
    group = _api(base_url, 'POST', '/os-server-groups', '2.1', {
        'server_group': {'name': 'fuzz', 'policies': ['affinity']}})
    return {'server_id': server, 'flavor_id': '1', 'image_id': image,
            'keypair_name': keypair, 'tenant_id': 'admin', 'key': 'fuzz',
            'tag': 'fuzz', '/servers/{id}': server, '/images/{id}': image,
            '/os-server-groups/{id}': group['server_group']['id'],
            '/os-quota-class-sets/{id}': 'default',
            '/versions/{id}': 'v2.1'}


def _known_path_parameters(operation, things):
    """Values for every path variable of `operation`, or None."""
    values = {}
    for name in re.findall(r'{([^}]+)}', operation.path):
        prefix = operation.path.split('{%s}' % name)[0] + '{%s}' % name
        value = things.get(prefix, things.get(name))
        if value is None:
            return None
        values[name] = value
    return values or None


def _strategies(operation, version, things):
    headers = _headers(version)
    modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    strategies = [operation.as_strategy(mode, headers=headers)
                  for mode in modes]
    known = _known_path_parameters(operation, things)
    if known:
        strategies.extend(operation.as_strategy(
            mode, headers=headers, path_parameters=known) for mode in modes)
    return hypothesis.strategies.one_of(*strategies)


def fuzz_operation(operation, base_url, version, report, max_examples,
                   seed, things):
    """Send `max_examples` generated requests to `operation`."""
    session = requests.Session()
    label = operation.label
    seen = set()

    @hypothesis.seed(seed)
    @hypothesis.settings(
        max_examples=max_examples, deadline=None, database=None,
        derandomize=False, print_blob=False,
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(case=_strategies(operation, version, things))
    def send(case):
        response = case.call(base_url=base_url + '/v2.1', session=session,
                             headers=_headers(version), timeout=30)
        report.requests += 1
        report.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=list(CHECKS),
                                   headers=_headers(version))
        except (Exception, FailureGroup) as exc:  # reported, not raised
            message = _first_line(exc)
            if (label, message) not in seen:
                seen.add((label, message))
                report.failures.append(Failure(
                    version, label, message,
                    case.as_curl_command(headers=_headers(version))))

    try:
        send()
    except (Exception, FailureGroup) as exc:  # no case generated
        report.failures.append(Failure(version, label,
                                       'no case: ' + _first_line(exc), ''))
    report.operations += 1


def _first_line(exc):
    """What failed: each check's title for schemathesis' group of them."""
    parts = getattr(exc, 'exceptions', None) or [exc]
    return '; '.join(_title(part) for part in parts)


def _title(exc):
    text = getattr(exc, 'title', None) or str(exc).strip() or type(
        exc).__name__
    return text.splitlines()[0][:200]


def fuzz_version(base_url, version, report, max_examples, seed):
    schema = load_schema(base_url, version)
    things = existing_things(base_url, version)
    for result in schema.get_all_operations():
        operation = result.ok()
        fuzz_operation(operation, base_url, version, report, max_examples,
                       seed, things)


def resolve(version):
    return str(microversion.MAX_VERSION) if version == 'max' else version


def run(base_url, versions=DEFAULT_VERSIONS, max_examples=5, seed=0):
    """Fuzz a running nova-api at `base_url`; returns {version: Report}."""
    warnings.filterwarnings('ignore', module='schemathesis')
    reports = {}
    for version in map(resolve, versions):
        reports[version] = Report()
        fuzz_version(base_url, version, reports[version], max_examples,
                     seed)
    return reports


def run_fresh(versions=DEFAULT_VERSIONS, max_examples=5, seed=0):
    """Fuzz each version against a nova-api of its own, started fresh: what
    one version's requests change (quotas set to 0, say) must not decide
    what the next one can do. Returns {version: Report}."""
    reports = {}
    for version in versions:
        with Service() as base_url:
            reports.update(run(base_url, [version], max_examples, seed))
    return reports


def print_reports(reports, out=sys.stdout):
    for version, report in reports.items():
        print('microversion %s: %s' % (version, report.summary()), file=out)
        for failure in report.failures:
            print('  FAIL %s: %s\n    %s' % (failure.operation,
                                            failure.message, failure.curl),
                  file=out)
    total = Report()
    for report in reports.values():
        total.requests += report.requests
        total.operations += report.operations
        total.failures += report.failures
        total.statuses.update(report.statuses)
    print('total: %s' % total.summary(), file=out)
    return total


class Service:
    """A nova-api process in a fresh deployment dir, for `with`."""

    def __enter__(self):
        self.deployment = deployment_fixture.DeploymentDir(
            extra_config=EXTRA_CONFIG)
        self.deployment.setUp()
        self.process = deployment_fixture.APIProcess(
            self.deployment, self.deployment.nova_api_argv())
        self.process.setUp()
        return self.process.base_url

    def __exit__(self, *exc_info):
        self.process.cleanUp()
        self.deployment.cleanUp()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--versions', nargs='+', default=DEFAULT_VERSIONS,
                        help='microversions ("max" for the maximum)')
    parser.add_argument('--max-examples', type=int, default=10)
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--url', help='fuzz this running nova-api instead '
                                      'of starting one')
    args = parser.parse_args(argv)
    started = time.monotonic()
    if args.url:
        reports = run(args.url.rstrip('/'), args.versions, args.max_examples,
                      args.seed)
    else:
        reports = run_fresh(args.versions, args.max_examples, args.seed)
    total = print_reports(reports)
    print('%.0f s' % (time.monotonic() - started))
    return 1 if total.failures else 0


if __name__ == '__main__':
    sys.exit(main())
