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
    ('2.11', '(in progress) Exposed attribute "forced_down" for "os-services'),
    ('2.12', '(in progress) Exposes VIF "net_id" attribute in "os-virtual-in'),
    ('2.13', '(in progress) Add information "project_id" and "user_id" to "o'),
    ('2.14', '(in progress) Remove "onSharedStorage" parameter from server"s'),
    ('2.15', '(in progress) From this version of the API users can choose "s'),
    ('2.16', '(in progress) Exposes new "host_status" attribute for servers/'),
    ('2.17', '(in progress) Add a new API for triggering crash dump in an in'),
    ('2.18', '(in progress) Establishes a set of routes that makes project_i'),
    ('2.19', '(in progress) Allow the user to set and get the server descrip'),
    ('2.20', '(in progress) From this version of the API user can call detac'),
    ('2.21', '(in progress) The "os-instance-actions" API now returns inform'),
    ('2.22', '(in progress) A new resource, "servers:migrations", is added'),
    ('2.23', '(in progress) From this version of the API users can get the m'),
    ('2.24', '(in progress) A new API call to cancel a running live migratio'),
    ('2.25', '(in progress) Modify input parameter for "os-migrateLive"'),
    ('2.26', '(in progress) Added support of server tags'),
    ('2.27', '(in progress) Added support for the new form of microversion h'),
    ('2.28', '(in progress) Nova API "hypervisor.cpu_info" change from strin'),
    ('2.29', '(in progress) Updates the POST request body for the "evacuate"'),
    ('2.30', '(in progress) Updates the POST request body for the "live-migr'),
    ('2.31', '(in progress) Fix "os-console-auth-tokens" to return connectio'),
    ('2.32', '(in progress) Adds an optional, arbitrary "tag" item to the "n'),
    ('2.33', '(in progress) Support pagination for hypervisor by accepting l'),
    ('2.34', '(in progress) Checks in "os-migrateLive" before live-migration'),
    ('2.35', '(in progress) Added pagination support for keypairs'),
    ('2.36', '(in progress) All the APIs which proxy to another service were'),
    ('2.37', '(in progress) Added support for automatic allocation of networ'),
    ('2.38', '(in progress) Before version 2.38, the command "nova list --st'),
    ('2.39', '(in progress) Deprecates image-metadata proxy API that is just'),
    ('2.40', '(in progress) Optional query parameters "limit" and "marker" w'),
    ('2.41', '(in progress) The "uuid" attribute of an aggregate is now retu'),
    ('2.42', '(in progress) In the context of device tagging at server creat'),
    ('2.43', '(in progress) The "os-hosts" API is deprecated as of the 2.43 '),
    ('2.44', '(in progress) The following APIs which are considered as proxi'),
    ('2.45', '(in progress) The "createImage" and "createBackup" server acti'),
    ('2.46', '(in progress) The request_id created for every inbound request'),
    ('2.47', '(in progress) Replace the "flavor" name/ref with the actual fl'),
    ('2.48', '(in progress) Before version 2.48, VM diagnostics response was'),
    ('2.49', '(in progress) Continuing from device role tagging at server cr'),
    ('2.50', '(in progress) The "server_groups" and "server_group_members" k'),
    ('2.51', '(in progress) There are two changes for the 2.51 microversion:'),
    ('2.52', '(in progress) Adds support for applying tags when creating a s'),
    ('2.53', '(in progress) **os-services** Services are now identified by u'),
    ('2.54', '(in progress) Allow the user to set the server key pair while '),
    ('2.55', '(in progress) Adds a "description" field to the flavor resourc'),
    ('2.56', '(in progress) Updates the POST request body for the "migrate" '),
    ('2.57', '(in progress) The 2.57 microversion makes the following change'),
    ('2.58', '(in progress) Add pagination support and "changes-since" filte'),
    ('2.59', '(in progress) Added pagination support for migrations, there a'),
    ('2.60', '(in progress) From this version of the API users can attach a '),
    ('2.61', '(in progress) Exposes flavor extra_specs in the flavor represe'),
    ('2.62', '(in progress) Adds "host" (hostname) and "hostId" (an obfuscat'),
    ('2.63', '(in progress) Adds support for the "trusted_image_certificates'),
    ('2.64', '(in progress) Enable users to define the policy rules on serve'),
    ('2.65', '(in progress) Add support for abort live migrations in "queued'),
    ('2.66', '(in progress) The "changes-before" filter can be included as a'),
    ('2.67', '(in progress) Adds the "volume_type" parameter to "block_devic'),
    ('2.68', '(in progress) Remove support for forced live migration and eva'),
    ('2.69', '(in progress) Add support for returning minimal constructs for'),
    ('2.70', '(in progress) Exposes virtual device tags for volume attachmen'),
    ('2.71', '(in progress) The "server_groups" parameter will be in the res'),
    ('2.72', '(in progress) API microversion 2.72 adds support for creating '),
    ('2.73', '(in progress) API microversion 2.73 adds support for specifyin'),
    ('2.74', '(in progress) API microversion 2.74 adds support for specifyin'),
    ('2.75', '(in progress) Multiple API cleanups are done in API microversi'),
    ('2.76', '(in progress) Adds "power-update" event name to "os-server-ext'),
    ('2.77', '(in progress) API microversion 2.77 adds support for specifyin'),
    ('2.78', '(in progress) Add server sub-resource "topology" to show serve'),
    ('2.79', '(in progress) API microversion 2.79 adds support for specifyin'),
    ('2.80', '(in progress) Microversion 2.80 changes the list migrations AP'),
    ('2.81', '(in progress) Adds support for image cache management by aggre'),
    ('2.82', '(in progress) Adds "accelerator-request-bound" event to "os-se'),
    ('2.83', '(in progress) Allow the following filter parameters for "GET /'),
    ('2.84', '(in progress) The "GET /servers/{server_id}/os-instance-action'),
    ('2.85', '(in progress) Adds the ability to specify "delete_on_terminati'),
    ('2.86', '(in progress) Add support for validation of known extra specs'),
    ('2.87', '(in progress) Adds support for rescuing boot from volume insta'),
    ('2.88', '(in progress) The following fields are no longer included in r'),
    ('2.89', '(in progress) "attachment_id" and "bdm_uuid" are now included '),
    ('2.90', '(in progress) The "POST /servers" (create server), "PUT /serve'),
    ('2.91', '(in progress) Add support to unshelve instance to a specific h'),
    ('2.92', '(in progress) The "POST /os-keypairs" API now forbids to gener'),
    ('2.93', '(in progress) Add support for volume backed server rebuild'),
    ('2.94', '(in progress) The "hostname" parameter to the "POST /servers" '),
    ('2.95', '(in progress) Any evacuated instances will be now stopped at d'),
    ('2.96', '(in progress) The "server show", "server list --long", "server'),
    ('2.97', '(in progress) This microversion introduces the new Manila Shar'),
    ('2.98', '(in progress) Add support for including image properties as ne'),
    ('2.99', '(in progress) Add the "spice-direct" console type to the spice'),
    ('2.100', '(in progress) The "GET /servers/{server_id}", "GET /servers/d'),
    ('2.101', '(in progress) Attaching a volume via "POST /servers/{server_i'),
    ('2.102', '(in progress) The "GET /flavors" API now accepts a "name" fil'),
    ('2.103', '(in progress) The "/os-volumes_boot" API is an old alias for '),
    ('2.104', '(in progress) Add support for updating the "pinned_availabili'),
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
