"""Microversions: the one list of versions and everything derived from it.

The minimum, the maximum, the version documents, negotiation and the
response headers all come from ``VERSIONS``. A version is added here only
when its change is implemented for every resource the service has.
"""

import functools
import re

import microversion_parse

from nova_api import exception

SERVICE_TYPE = 'compute'
HEADER = 'OpenStack-API-Version'
LEGACY_HEADER = 'X-OpenStack-Nova-API-Version'

# (version, what it changed). Read by humans and by the version documents.
VERSIONS = (
    ('2.1', 'The initial version of the v2.1 API, with microversions.'),
    ('2.2', 'Keypairs have a "type" (ssh or x509); create answers 201 and '
            'delete 204.'),
    ('2.3', 'Extended server attributes (none of the resources that '
            'exist are affected).'),
    ('2.4', 'The "reserved" status of fixed IPs (os-fixed-ips is gone).'),
    ('2.5', 'The "ip6" server list filter (servers are not served yet).'),
    ('2.6', 'Remote consoles API (not served yet).'),
    ('2.7', 'Adding tenant access to a public flavor answers 409.'),
    ('2.8', 'The "mks" remote console protocol (not served yet).'),
    ('2.9', 'The "locked" server attribute (servers are not served yet).'),
    ('2.10', 'Keypairs: administrators can list, show, create and delete '
             'the keypairs of another user with "user_id".'),
)

_VERSION_RE = re.compile(r'^([1-9]\d*)\.([1-9]\d*|0)$')


@functools.total_ordering
class APIVersionRequest:
    """A requested version, comparable with other versions or "X.Y" strings.

    "2.0" is the pseudo-version of the legacy /v2 endpoint.
    """

    __slots__ = ('major', 'minor')

    def __init__(self, version_string):
        match = _VERSION_RE.match(version_string or '')
        if not match:
            raise exception.InvalidAPIVersionString(version=version_string)
        self.major = int(match.group(1))
        self.minor = int(match.group(2))

    @staticmethod
    def _coerce(other):
        if isinstance(other, APIVersionRequest):
            return other
        return APIVersionRequest(other)

    def _key(self):
        return (self.major, self.minor)

    def __eq__(self, other):
        return self._key() == self._coerce(other)._key()

    def __lt__(self, other):
        return self._key() < self._coerce(other)._key()

    def __hash__(self):
        return hash(self._key())

    def __str__(self):
        return '%d.%d' % (self.major, self.minor)

    __repr__ = __str__

    def matches(self, min_version=None, max_version=None):
        """True if this version is within [min_version, max_version]."""
        if min_version is not None and self < min_version:
            return False
        if max_version is not None and self > max_version:
            return False
        return True

    def is_legacy_v2(self):
        return self == LEGACY_V2


MIN_VERSION = APIVersionRequest(VERSIONS[0][0])
MAX_VERSION = APIVersionRequest(VERSIONS[-1][0])
LEGACY_V2 = APIVersionRequest('2.0')


def from_headers(headers):
    """The version a /v2.1 request asks for, or raise 400 / 406."""
    requested = microversion_parse.get_version(
        headers, service_type=SERVICE_TYPE,
        legacy_headers=[LEGACY_HEADER])
    if requested is None:
        return MIN_VERSION
    requested = requested.strip()
    if requested.lower() == 'latest':
        return MAX_VERSION
    version = APIVersionRequest(requested)
    if not version.matches(MIN_VERSION, MAX_VERSION):
        raise exception.MicroversionNotSupported(
            version, req_ver=str(version), min_ver=str(MIN_VERSION),
            max_ver=str(MAX_VERSION))
    return version


def set_response_headers(response, version):
    """Add the version and Vary headers of a /v2.1 response (`version` is
    None on /v2, which sends none)."""
    if version is None:
        return
    response.headers[HEADER] = '%s %s' % (SERVICE_TYPE, version)
    response.headers[LEGACY_HEADER] = str(version)
    response.headers.add('Vary', HEADER)
    response.headers.add('Vary', LEGACY_HEADER)
