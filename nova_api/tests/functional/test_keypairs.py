"""os-keypairs: list, show, import, generate and delete key pairs.

The field sets per microversion are those of Nova's API samples
(os-keypairs, 2.1, 2.2, 2.10, 2.35 and 2.92); the error messages are the
real Nova's.
Key pairs are named uniquely and deleted after each test, so the tests can
also run against a shared deployment (NOVA_API_TEST_URL).
"""

import base64
import datetime
import hashlib
import urllib.parse
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import oid

from nova_api.tests.functional import base
from nova_api.tests.unit.compute import keypair_vectors as vectors

LIST_FIELDS = {'name', 'public_key', 'fingerprint'}
CREATE_FIELDS = LIST_FIELDS | {'user_id'}
SHOW_FIELDS = CREATE_FIELDS | {'id', 'created_at', 'updated_at', 'deleted',
                               'deleted_at'}
QUOTA = 100

INVALID_SSH_KEY = 'Keypair data is invalid: failed to generate fingerprint'
INVALID_NAME = ("An invalid 'name' value was provided. The name must be: "
                "printable characters. Can not start or end with whitespace.")
INVALID_V20_NAME = ("An invalid 'name' value was provided. The name must be: "
                    "printable characters with at least one non space "
                    "character")
OVER_QUOTA = 'Quota exceeded, too many key pairs.'
NAME_PATTERN = "'^[_\\\\- a-zA-Z0-9]+$'"


def policy_refusal(action):
    return ("Policy doesn't allow os_compute_api:os-keypairs:%s to be "
            "performed." % action)


def invalid_certificate(data):
    """Nova's message for `data` imported as a certificate: it carries the
    parser's own reason."""
    try:
        x509.load_pem_x509_certificate(data.encode())
    except ValueError as exc:
        return ('Keypair data is invalid: failed to generate X509 '
                'fingerprint. Error message: %s' % exc)
    raise AssertionError('%r is a certificate' % data)


def md5_fingerprint(public_key):
    blob = base64.b64decode(public_key.split()[1])
    digest = hashlib.md5(blob, usedforsecurity=False).hexdigest()
    return ':'.join(digest[i:i + 2] for i in range(0, len(digest), 2))


class KeypairsTestV2(base.APITestCase):
    """/v2, and through inheritance /v2.1 at its default version 2.1."""

    def unique_name(self, suffix=''):
        return 'kp-%s%s' % (uuid.uuid4().hex[:12], suffix)

    def keypair_path(self, name, user_id=None):
        path = '/os-keypairs/%s' % urllib.parse.quote(name)
        if user_id is not None:
            path += '?user_id=%s' % urllib.parse.quote(user_id)
        return path

    def create(self, name=None, persona='admin', version=None,
               expected_status=None, **fields):
        """POST a key pair; on success it is deleted after the test."""
        if name is None:
            name = self.unique_name()
        body = {'keypair': dict(fields, name=name)}
        resp = self.api('POST', '/os-keypairs', body, persona=persona,
                        version=version)
        if resp.status in (200, 201):
            owner = fields.get('user_id')
            self.addCleanup(self.api, 'DELETE',
                            self.keypair_path(name.strip(), owner),
                            persona=persona, version=version)
        if expected_status is not None:
            self.assertEqual(expected_status, resp.status, resp)
        return resp

    def list_names(self, persona='admin', version=None, query=''):
        resp = self.api('GET', '/os-keypairs' + query, persona=persona,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return [item['keypair']['name'] for item in resp.json()['keypairs']]

    # Import.

    def test_import(self):
        name = self.unique_name()
        resp = self.create(name, public_key=vectors.RSA.public_key,
                           expected_status=200)
        self.assertVersionHeaders(resp, '2.1')
        keypair = resp.json()['keypair']
        self.assertEqual(CREATE_FIELDS, set(keypair))
        self.assertEqual({'name': name,
                          'public_key': vectors.RSA.public_key,
                          'fingerprint': vectors.RSA.fingerprint,
                          'user_id': self.user_id('admin')}, keypair)

    def test_import_every_ssh_key_type(self):
        for vector in (vectors.RSA, vectors.ED25519, vectors.ECDSA_P256,
                       vectors.ECDSA_P384, vectors.ECDSA_P521, vectors.DSA,
                       vectors.SK_ED25519, vectors.ECDSA_P256_CERTIFICATE):
            resp = self.create(public_key=vector.public_key,
                               expected_status=200)
            self.assertEqual(vector.fingerprint,
                             resp.json()['keypair']['fingerprint'])

    def test_import_keeps_the_public_key_as_given(self):
        public_key = vectors.ED25519.public_key + '\n'
        resp = self.create(public_key=public_key, expected_status=200)
        self.assertEqual(public_key, resp.json()['keypair']['public_key'])
        self.assertEqual(vectors.ED25519.fingerprint,
                         resp.json()['keypair']['fingerprint'])

    def test_import_without_a_comment(self):
        public_key = ' '.join(vectors.ED25519.public_key.split()[:2])
        resp = self.create(public_key=public_key, expected_status=200)
        self.assertEqual(vectors.ED25519.fingerprint,
                         resp.json()['keypair']['fingerprint'])

    def test_import_invalid_public_key(self):
        name = self.unique_name()
        ed25519_blob = vectors.ED25519.public_key.split()[1]
        for public_key in (
                'garbage', '', ' ' + vectors.ED25519.public_key,
                'ssh-ed25519', 'ssh-ed25519 AAAA!!!',
                # The blob says ed25519, the line says RSA.
                'ssh-rsa ' + ed25519_blob,
                'ssh-foo ' + ed25519_blob,
                # Truncated key data.
                'ssh-ed25519 ' + ed25519_blob[:40],
                vectors.X509_CERTIFICATE.public_key):
            resp = self.create(name, public_key=public_key)
            self.assertFault(resp, 400, INVALID_SSH_KEY)
        self.assertNotIn(name, self.list_names())

    def test_import_private_key_is_refused(self):
        resp = self.create(public_key=(
            '-----BEGIN OPENSSH PRIVATE KEY-----\n'
            'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2\n'
            '-----END OPENSSH PRIVATE KEY-----\n'))
        self.assertFault(resp, 400, INVALID_SSH_KEY)

    def test_import_public_key_must_be_a_string(self):
        for value, shown in ((1, "1 is not of type 'string'"),
                             (None, "None is not of type 'string'"),
                             ([], "[] is not of type 'string'")):
            resp = self.create('kp', public_key=value)
            self.assertFault(
                resp, 400, 'Invalid input for field/attribute public_key. '
                'Value: %s. %s' % (value, shown))

    # Generate.

    def test_generate(self):
        name = self.unique_name()
        resp = self.create(name, expected_status=200)
        keypair = resp.json()['keypair']
        self.assertEqual(CREATE_FIELDS | {'private_key'}, set(keypair))
        self.assertEqual(name, keypair['name'])
        self.assertEqual(self.user_id('admin'), keypair['user_id'])
        self.assertTrue(keypair['private_key'].startswith(
            '-----BEGIN RSA PRIVATE KEY-----\n'))
        self.assertTrue(keypair['private_key'].endswith(
            '-----END RSA PRIVATE KEY-----\n'))
        private_key = serialization.load_pem_private_key(
            keypair['private_key'].encode(), password=None)
        self.assertEqual(2048, private_key.key_size)
        openssh = private_key.public_key().public_bytes(
            serialization.Encoding.OpenSSH,
            serialization.PublicFormat.OpenSSH).decode()
        self.assertEqual(openssh + ' Generated-by-Nova',
                         keypair['public_key'])
        self.assertEqual(md5_fingerprint(keypair['public_key']),
                         keypair['fingerprint'])

    def test_generated_private_key_is_never_shown_again(self):
        name = self.create(expected_status=200).json()['keypair']['name']
        resp = self.api('GET', self.keypair_path(name))
        self.assertNotIn('private_key', resp.json()['keypair'])

    def test_generate_with_an_existing_name(self):
        name = self.create(expected_status=200).json()['keypair']['name']
        resp = self.create(name)
        self.assertFault(resp, 409, "Key pair '%s' already exists." % name)

    # Names.

    def test_import_with_an_existing_name(self):
        name = self.create(public_key=vectors.RSA.public_key,
                           expected_status=200).json()['keypair']['name']
        resp = self.create(name, public_key=vectors.ED25519.public_key)
        self.assertFault(resp, 409, "Key pair '%s' already exists." % name)

    def test_existing_name_with_an_invalid_key_is_a_bad_key_first(self):
        name = self.create(expected_status=200).json()['keypair']['name']
        resp = self.create(name, public_key='garbage')
        self.assertFault(resp, 400, INVALID_SSH_KEY)

    def test_names_are_per_user(self):
        name = self.unique_name()
        self.create(name, expected_status=200)
        resp = self.create(name, persona='member',
                           public_key=vectors.ED25519.public_key)
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(self.user_id('member'),
                         resp.json()['keypair']['user_id'])

    def test_name_allowed_characters(self):
        name = self.unique_name(' With_Spaces-and-digits 0123')
        resp = self.create(name, public_key=vectors.ED25519.public_key)
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', self.keypair_path(name))
        self.assertEqual(name, resp.json()['keypair']['name'])

    def test_name_of_255_characters(self):
        name = self.unique_name().ljust(255, 'x')
        self.create(name, public_key=vectors.ED25519.public_key,
                    expected_status=200)
        self.assertIn(name, self.list_names())

    def test_name_too_long(self):
        name = 'x' * 256
        resp = self.create(name, public_key=vectors.ED25519.public_key)
        self.assertFault(
            resp, 400, "Invalid input for field/attribute name. Value: %s. "
            "'%s' is too long" % (name, name))

    def test_name_must_be_a_string(self):
        resp = self.create(1)
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "name. Value: 1. 1 is not of type 'string'")

    def test_name_with_surrounding_spaces_is_stripped(self):
        name = self.unique_name()
        resp = self.create('  %s ' % name,
                           public_key=vectors.ED25519.public_key)
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(name, resp.json()['keypair']['name'])
        self.assertIn(name, self.list_names())

    def test_name_may_hold_any_printable_character(self):
        name = self.unique_name('@example.org (1)!')
        resp = self.create(name, public_key=vectors.ED25519.public_key)
        self.assertEqual(200, resp.status, resp)
        self.assertIn(name, self.list_names())
        resp = self.api('GET', self.keypair_path(name))
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(name, resp.json()['keypair']['name'])

    def test_name_of_spaces_or_empty(self):
        for name in ('', '   '):
            resp = self.create(name)
            self.assertFault(resp, 400, INVALID_V20_NAME)

    def test_name_with_a_control_character(self):
        resp = self.create('kp\x01name')
        self.assertFault(resp, 400, INVALID_V20_NAME)

    # Bodies.

    def test_create_without_a_body(self):
        resp = self.api('POST', '/os-keypairs')
        self.assertFault(resp, 400, "None is not of type 'object'")

    def test_create_with_malformed_json(self):
        resp = self.api('POST', '/os-keypairs', b'{"keypair": ')
        self.assertFault(resp, 400, 'Malformed request body')

    def test_create_without_keypair(self):
        resp = self.api('POST', '/os-keypairs', {})
        self.assertFault(resp, 400, "'keypair' is a required property")

    def test_create_without_a_name(self):
        resp = self.api('POST', '/os-keypairs', {'keypair': {}})
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "keypair. Value: {}. 'name' is a required property")

    def test_create_with_keypair_not_an_object(self):
        resp = self.api('POST', '/os-keypairs', {'keypair': 'kp'})
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "keypair. Value: kp. 'kp' is not of type 'object'")

    def test_create_with_a_list_body(self):
        resp = self.api('POST', '/os-keypairs', [])
        self.assertFault(resp, 400, "[] is not of type 'object'")

    def test_undefined_properties_are_dropped(self):
        # /v2 knows neither type nor user_id: an x509 request makes an ssh
        # key pair for the caller.
        name = self.unique_name()
        resp = self.api('POST', '/os-keypairs', {
            'keypair': {'name': name, 'type': 'x509',
                        'user_id': self.user_id('member'), 'color': 'red',
                        'public_key': vectors.ED25519.public_key},
            'extra': True})
        self.addCleanup(self.api, 'DELETE', self.keypair_path(name))
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'name': name,
                          'public_key': vectors.ED25519.public_key,
                          'fingerprint': vectors.ED25519.fingerprint,
                          'user_id': self.user_id('admin')},
                         resp.json()['keypair'])

    # List.

    def test_list(self):
        imported = self.create(public_key=vectors.ED25519.public_key,
                               expected_status=200).json()['keypair']
        resp = self.api('GET', '/os-keypairs')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        entries = [item for item in resp.json()['keypairs']
                   if item['keypair']['name'] == imported['name']]
        self.assertEqual([{'keypair': {
            'name': imported['name'],
            'public_key': vectors.ED25519.public_key,
            'fingerprint': vectors.ED25519.fingerprint}}], entries)
        for item in resp.json()['keypairs']:
            self.assertEqual(['keypair'], list(item))
            self.assertEqual(LIST_FIELDS, set(item['keypair']))

    def test_list_without_keypairs(self):
        resp = self.api('GET', '/os-keypairs', persona='other')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'keypairs': []}, resp.json())

    def test_list_is_sorted_by_name(self):
        prefix = self.unique_name()
        for suffix in ('-b', '-c', '-a'):
            self.create(prefix + suffix, public_key=vectors.RSA.public_key,
                        expected_status=200)
        names = [name for name in self.list_names()
                 if name.startswith(prefix)]
        self.assertEqual([prefix + '-a', prefix + '-b', prefix + '-c'], names)

    def test_list_shows_only_the_callers_keypairs(self):
        admin_name = self.create(expected_status=200).json()['keypair']['name']
        member_name = self.create(
            persona='member', public_key=vectors.ED25519.public_key,
            expected_status=200).json()['keypair']['name']
        self.assertIn(admin_name, self.list_names())
        self.assertNotIn(member_name, self.list_names())
        self.assertIn(member_name, self.list_names(persona='member'))

    def test_list_ignores_unknown_and_user_id_query_parameters(self):
        self.create(persona='member', public_key=vectors.RSA.public_key,
                    expected_status=200)
        names = self.list_names(persona='member')
        self.assertEqual(names, self.list_names(
            persona='member', query='?user_id=%s&color=red'
            % self.user_id('admin')))

    # Show.

    def test_show(self):
        name = self.create(public_key=vectors.ECDSA_P256.public_key,
                           expected_status=200).json()['keypair']['name']
        resp = self.api('GET', self.keypair_path(name))
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        keypair = resp.json()['keypair']
        self.assertEqual(SHOW_FIELDS, set(keypair))
        self.assertEqual(name, keypair['name'])
        self.assertEqual(vectors.ECDSA_P256.public_key, keypair['public_key'])
        self.assertEqual(vectors.ECDSA_P256.fingerprint,
                         keypair['fingerprint'])
        self.assertEqual(self.user_id('admin'), keypair['user_id'])
        self.assertIsInstance(keypair['id'], int)
        self.assertRegex(keypair['created_at'],
                         r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$')
        datetime.datetime.strptime(keypair['created_at'],
                                   '%Y-%m-%dT%H:%M:%S.%f')
        self.assertIsNone(keypair['updated_at'])
        self.assertIs(False, keypair['deleted'])
        self.assertIsNone(keypair['deleted_at'])

    def test_show_unknown(self):
        resp = self.api('GET', self.keypair_path('kp-unknown'))
        self.assertFault(resp, 404, 'Keypair kp-unknown not found for user '
                         '%s' % self.user_id('admin'))

    def test_show_another_users_keypair_is_not_found(self):
        name = self.create(expected_status=200).json()['keypair']['name']
        resp = self.api('GET', self.keypair_path(name), persona='member')
        self.assertFault(resp, 404, 'Keypair %s not found for user %s'
                         % (name, self.user_id('member')))

    def test_show_ignores_user_id_query_parameter(self):
        name = self.create(persona='member', expected_status=200).json()[
            'keypair']['name']
        resp = self.api('GET', self.keypair_path(name, 'someone-else'),
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(self.user_id('member'),
                         resp.json()['keypair']['user_id'])

    # Delete.

    def test_delete(self):
        name = self.create(public_key=vectors.RSA.public_key,
                           expected_status=200).json()['keypair']['name']
        resp = self.api('DELETE', self.keypair_path(name))
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.1')
        self.assertNotIn(name, self.list_names())
        resp = self.api('GET', self.keypair_path(name))
        self.assertFault(resp, 404, 'Keypair %s not found for user %s'
                         % (name, self.user_id('admin')))

    def test_delete_unknown(self):
        resp = self.api('DELETE', self.keypair_path('kp-unknown'))
        self.assertFault(resp, 404, 'Keypair kp-unknown not found for user '
                         '%s' % self.user_id('admin'))

    def test_delete_another_users_keypair_is_not_found(self):
        name = self.create(expected_status=200).json()['keypair']['name']
        resp = self.api('DELETE', self.keypair_path(name, 'admin'),
                        persona='member')
        self.assertFault(resp, 404, 'Keypair %s not found for user %s'
                         % (name, self.user_id('member')))
        self.assertIn(name, self.list_names())

    def test_deleted_name_can_be_used_again(self):
        name = self.create(expected_status=200).json()['keypair']['name']
        self.api('DELETE', self.keypair_path(name))
        self.create(name, public_key=vectors.RSA.public_key,
                    expected_status=200)

    # Quota.

    def test_quota(self):
        persona = 'other'
        existing = len(self.list_names(persona=persona))
        names = [self.create(persona=persona,
                             public_key=vectors.RSA.public_key,
                             expected_status=200).json()['keypair']['name']
                 for _ in range(QUOTA - existing)]

        resp = self.create(persona=persona,
                           public_key=vectors.RSA.public_key)
        self.assertFault(resp, 403, OVER_QUOTA)
        resp = self.create(persona=persona)
        self.assertFault(resp, 403, OVER_QUOTA)
        # The quota is checked before the key.
        resp = self.create(persona=persona, public_key='garbage')
        self.assertFault(resp, 403, OVER_QUOTA)
        # Another user has a quota of their own.
        self.create(public_key=vectors.RSA.public_key, expected_status=200)

        self.api('DELETE', self.keypair_path(names[0]), persona=persona)
        self.create(persona=persona, public_key=vectors.RSA.public_key,
                    expected_status=200)
        self.assertEqual(QUOTA, len(self.list_names(persona=persona)))


class KeypairsTestV21(base.V21, KeypairsTestV2):
    """Strict validation, and the changes of 2.2 and 2.10."""

    # 2.1: names without surrounding spaces, from a restricted alphabet.

    def test_name_with_surrounding_spaces_is_stripped(self):
        for name in (' kp', 'kp ', '\tkp'):
            resp = self.create(name, public_key=vectors.ED25519.public_key)
            self.assertFault(resp, 400, INVALID_NAME)

    def test_name_may_hold_any_printable_character(self):
        for name in ('kp@example.org', 'kp.1', 'kp/1', 'kpé', 'kp!'):
            resp = self.create(name, public_key=vectors.ED25519.public_key)
            self.assertFault(
                resp, 400, "Invalid input for field/attribute name. Value: "
                "%s. '%s' does not match %s" % (name, name, NAME_PATTERN))

    def test_name_of_spaces_or_empty(self):
        resp = self.create('')
        self.assertFault(resp, 400, "Invalid input for field/attribute name. "
                         "Value: . '' should be non-empty")
        resp = self.create('   ')
        self.assertFault(resp, 400, INVALID_NAME)

    def test_name_with_a_control_character(self):
        resp = self.create('kp\x01name')
        self.assertFault(resp, 400, INVALID_NAME)

    def test_undefined_properties_are_dropped(self):
        name = self.unique_name()
        for version, body, unexpected in (
                ('2.1', {'name': name, 'type': 'ssh'}, 'type'),
                ('2.9', {'name': name, 'user_id': 'alice'}, 'user_id'),
                ('2.10', {'name': name, 'color': 'red'}, 'color')):
            resp = self.api('POST', '/os-keypairs', {'keypair': body},
                            version=version)
            self.assertFault(
                resp, 400, 'Invalid input for field/attribute keypair. '
                'Value: %s. Additional properties are not allowed (%r was '
                'unexpected)' % (body, unexpected))
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': name}, 'extra': 1})
        self.assertFault(resp, 400, "Additional properties are not allowed "
                         "('extra' was unexpected)")
        self.assertNotIn(name, self.list_names())

    # 2.2: type, 201 and 204.

    def test_import_at_2_2(self):
        name = self.unique_name()
        resp = self.create(name, version='2.2',
                           public_key=vectors.RSA.public_key,
                           expected_status=201)
        self.assertVersionHeaders(resp, '2.2')
        self.assertEqual({'name': name, 'type': 'ssh',
                          'public_key': vectors.RSA.public_key,
                          'fingerprint': vectors.RSA.fingerprint,
                          'user_id': self.user_id('admin')},
                         resp.json()['keypair'])

    def test_import_ssh_type(self):
        resp = self.create(version='2.2', type='ssh',
                           public_key=vectors.ED25519.public_key,
                           expected_status=201)
        self.assertEqual('ssh', resp.json()['keypair']['type'])
        self.assertEqual(vectors.ED25519.fingerprint,
                         resp.json()['keypair']['fingerprint'])

    def test_generate_at_2_2(self):
        resp = self.create(version='2.2', type='ssh', expected_status=201)
        keypair = resp.json()['keypair']
        self.assertEqual(CREATE_FIELDS | {'type', 'private_key'},
                         set(keypair))
        self.assertEqual('ssh', keypair['type'])
        self.assertTrue(keypair['public_key'].startswith('ssh-rsa '))
        self.assertEqual(md5_fingerprint(keypair['public_key']),
                         keypair['fingerprint'])

    def test_import_x509(self):
        name = self.unique_name()
        resp = self.create(name, version='2.2', type='x509',
                           public_key=vectors.X509_CERTIFICATE.public_key,
                           expected_status=201)
        self.assertEqual({'name': name, 'type': 'x509',
                          'public_key': vectors.X509_CERTIFICATE.public_key,
                          'fingerprint': vectors.X509_CERTIFICATE.fingerprint,
                          'user_id': self.user_id('admin')},
                         resp.json()['keypair'])

    def test_import_invalid_certificate(self):
        name = self.unique_name()
        for public_key in ('garbage', '', vectors.RSA.public_key,
                           '-----BEGIN CERTIFICATE-----\nAAAA\n'
                           '-----END CERTIFICATE-----\n'):
            resp = self.create(name, version='2.2', type='x509',
                               public_key=public_key)
            self.assertFault(resp, 400, invalid_certificate(public_key))
        self.assertNotIn(name, self.list_names(version='2.2'))

    def test_generate_x509(self):
        resp = self.create(version='2.2', type='x509', persona='member',
                           expected_status=201)
        keypair = resp.json()['keypair']
        self.assertEqual(CREATE_FIELDS | {'type', 'private_key'},
                         set(keypair))
        self.assertEqual('x509', keypair['type'])
        user_id = self.user_id('member')
        self.assertEqual(user_id, keypair['user_id'])

        cert = x509.load_pem_x509_certificate(keypair['public_key'].encode())
        self.assertEqual(
            ':'.join('%02x' % b for b in cert.fingerprint(hashes.SHA1())),
            keypair['fingerprint'])
        common_name = x509.Name(
            [x509.NameAttribute(oid.NameOID.COMMON_NAME, user_id)])
        self.assertEqual(common_name, cert.subject)
        self.assertEqual(common_name, cert.issuer)
        cert.verify_directly_issued_by(cert)
        self.assertEqual(
            3650, (cert.not_valid_after_utc - cert.not_valid_before_utc).days)
        usage = cert.extensions.get_extension_for_class(
            x509.ExtendedKeyUsage).value
        self.assertEqual([oid.ExtendedKeyUsageOID.CLIENT_AUTH], list(usage))
        [upn] = cert.extensions.get_extension_for_class(
            x509.SubjectAlternativeName).value
        self.assertEqual(x509.ObjectIdentifier('1.3.6.1.4.1.311.20.2.3'),
                         upn.type_id)
        upn_value = ('%s@localhost' % user_id).encode()
        self.assertEqual(b'\x0c' + bytes([len(upn_value)]) + upn_value,
                         upn.value)

        # The private key: a PKCS#12 bundle with an empty password.
        bundle = pkcs12.load_pkcs12(
            base64.b64decode(keypair['private_key']), b'')
        self.assertEqual(cert, bundle.cert.certificate)
        self.assertEqual(cert.public_key(), bundle.key.public_key())
        self.assertEqual(2048, bundle.key.key_size)

        resp = self.api('GET', self.keypair_path(keypair['name']),
                        persona='member', version='2.2')
        self.assertEqual('x509', resp.json()['keypair']['type'])
        self.assertEqual(keypair['public_key'],
                         resp.json()['keypair']['public_key'])

    def test_invalid_type(self):
        for value, shown in (
                ('rsa', "'rsa' is not one of ['ssh', 'x509']"),
                ('SSH', "'SSH' is not one of ['ssh', 'x509']"),
                (None, "None is not of type 'string'")):
            resp = self.create('kp', version='2.2', type=value)
            self.assertFault(
                resp, 400, 'Invalid input for field/attribute type. '
                'Value: %s. %s' % (value, shown))

    def test_list_at_2_2(self):
        ssh = self.create(version='2.2', public_key=vectors.RSA.public_key,
                          expected_status=201).json()['keypair']
        cert = self.create(version='2.2', type='x509',
                           public_key=vectors.X509_CERTIFICATE.public_key,
                           expected_status=201).json()['keypair']
        resp = self.api('GET', '/os-keypairs', version='2.2')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.2')
        entries = {item['keypair']['name']: item['keypair']
                   for item in resp.json()['keypairs']}
        for created in (ssh, cert):
            expected = dict(created)
            del expected['user_id']
            self.assertEqual(expected, entries[created['name']])
        for entry in entries.values():
            self.assertEqual(LIST_FIELDS | {'type'}, set(entry))

    def test_show_at_2_2(self):
        created = self.create(
            version='2.2', type='x509',
            public_key=vectors.X509_CERTIFICATE.public_key,
            expected_status=201).json()['keypair']
        resp = self.api('GET', self.keypair_path(created['name']),
                        version='2.2')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.2')
        keypair = resp.json()['keypair']
        self.assertEqual(SHOW_FIELDS | {'type'}, set(keypair))
        self.assertEqual(created, {key: keypair[key] for key in created})

    def test_delete_at_2_2(self):
        name = self.create(version='2.2', public_key=vectors.RSA.public_key,
                           expected_status=201).json()['keypair']['name']
        resp = self.api('DELETE', self.keypair_path(name), version='2.2')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.2')
        self.assertNotIn(name, self.list_names())

    def test_delete_unknown_at_2_2(self):
        resp = self.api('DELETE', self.keypair_path('kp-unknown'),
                        version='2.2')
        self.assertFault(resp, 404, 'Keypair kp-unknown not found for user '
                         '%s' % self.user_id('admin'))

    # 2.10: an administrator acts on another user's key pairs.

    def test_admin_manages_another_users_keypairs(self):
        member = self.user_id('member')
        name = self.unique_name()
        resp = self.create(name, version='2.10', type='ssh', user_id=member,
                           public_key=vectors.ED25519.public_key,
                           expected_status=201)
        self.assertVersionHeaders(resp, '2.10')
        self.assertEqual({'name': name, 'type': 'ssh',
                          'public_key': vectors.ED25519.public_key,
                          'fingerprint': vectors.ED25519.fingerprint,
                          'user_id': member}, resp.json()['keypair'])
        self.assertIn(name, self.list_names(persona='member'))
        self.assertNotIn(name, self.list_names(version='2.10'))
        self.assertIn(name, self.list_names(
            version='2.10', query='?user_id=%s' % member))

        resp = self.api('GET', self.keypair_path(name, member),
                        version='2.10')
        self.assertEqual(200, resp.status, resp)
        keypair = resp.json()['keypair']
        self.assertEqual(SHOW_FIELDS | {'type'}, set(keypair))
        self.assertEqual(member, keypair['user_id'])

        resp = self.api('DELETE', self.keypair_path(name, member),
                        version='2.10')
        self.assertEqual(204, resp.status, resp)
        self.assertNotIn(name, self.list_names(persona='member'))

    def test_admin_generates_for_another_user(self):
        member = self.user_id('member')
        resp = self.create(version='2.10', type='x509', user_id=member,
                           expected_status=201)
        keypair = resp.json()['keypair']
        self.assertEqual(CREATE_FIELDS | {'type', 'private_key'},
                         set(keypair))
        self.assertEqual(member, keypair['user_id'])
        cert = x509.load_pem_x509_certificate(keypair['public_key'].encode())
        self.assertEqual(
            [member], [attribute.value for attribute in cert.subject])

    def test_another_users_keypair_not_found_at_2_10(self):
        other = self.user_id('other')
        for method in ('GET', 'DELETE'):
            resp = self.api(method, self.keypair_path('kp-unknown', other),
                            version='2.10')
            self.assertFault(resp, 404, 'Keypair kp-unknown not found for '
                             'user %s' % other)

    def test_member_cannot_act_for_another_user(self):
        admin = self.user_id('admin')
        resp = self.create(persona='member', version='2.10', user_id=admin,
                           public_key=vectors.RSA.public_key)
        self.assertFault(resp, 403, policy_refusal('create'))
        # The policy is checked before the key.
        resp = self.create(persona='member', version='2.10', user_id=admin,
                           public_key='garbage')
        self.assertFault(resp, 403, policy_refusal('create'))
        resp = self.api('GET', '/os-keypairs?user_id=' + admin,
                        persona='member', version='2.10')
        self.assertFault(resp, 403, policy_refusal('index'))
        resp = self.api('GET', self.keypair_path('kp', admin),
                        persona='member', version='2.10')
        self.assertFault(resp, 403, policy_refusal('show'))
        resp = self.api('DELETE', self.keypair_path('kp', admin),
                        persona='member', version='2.10')
        self.assertFault(resp, 403, policy_refusal('delete'))

    def test_member_may_name_themselves(self):
        member = self.user_id('member')
        name = self.unique_name()
        self.create(name, persona='member', version='2.10', user_id=member,
                    public_key=vectors.RSA.public_key, expected_status=201)
        self.assertIn(name, self.list_names(
            persona='member', version='2.10', query='?user_id=' + member))
        resp = self.api('GET', self.keypair_path(name, member),
                        persona='member', version='2.10')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('DELETE', self.keypair_path(name, member),
                        persona='member', version='2.10')
        self.assertEqual(204, resp.status, resp)

    def test_empty_user_id_means_the_caller(self):
        name = self.unique_name()
        resp = self.create(name, persona='member', version='2.10',
                           user_id='', public_key=vectors.RSA.public_key,
                           expected_status=201)
        self.assertEqual(self.user_id('member'),
                         resp.json()['keypair']['user_id'])
        self.assertIn(name, self.list_names(
            persona='member', version='2.10', query='?user_id='))
        resp = self.api('GET', self.keypair_path(name, ''),
                        persona='member', version='2.10')
        self.assertEqual(200, resp.status, resp)

    def test_first_user_id_counts(self):
        member = self.user_id('member')
        name = self.create(persona='member', version='2.10',
                           public_key=vectors.RSA.public_key,
                           expected_status=201).json()['keypair']['name']
        self.assertIn(name, self.list_names(
            persona='member', version='2.10',
            query='?user_id=%s&user_id=admin' % member))
        resp = self.api('GET', '/os-keypairs?user_id=admin&user_id=' + member,
                        persona='member', version='2.10')
        self.assertFault(resp, 403, policy_refusal('index'))

    def test_user_id_must_be_a_string(self):
        resp = self.create('kp', version='2.10', user_id=1)
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "user_id. Value: 1. 1 is not of type 'string'")

    def test_user_id_too_long(self):
        self.skip_if_remote('Nova stores it and fails later')
        user_id = 'u' * 256
        resp = self.create('kp', version='2.10', user_id=user_id)
        self.assertFault(
            resp, 400, "Invalid input for field/attribute user_id. Value: "
            "%s. '%s' is too long" % (user_id, user_id))

    def test_generate_x509_for_a_user_id_too_long_for_a_certificate(self):
        self.skip_if_remote('Nova answers 500')
        resp = self.create('kp', version='2.10', type='x509',
                           user_id='u' * 65)
        self.assertFault(
            resp, 400, 'Keypair data is invalid: a user id of more than 64 '
            'bytes does not fit the common name of an X509 certificate')

    def test_user_id_is_ignored_before_2_10_in_queries(self):
        name = self.create(persona='member', version='2.9',
                           public_key=vectors.RSA.public_key,
                           expected_status=201).json()['keypair']['name']
        admin = self.user_id('admin')
        self.assertIn(name, self.list_names(
            persona='member', version='2.9', query='?user_id=' + admin))
        resp = self.api('GET', self.keypair_path(name, admin),
                        persona='member', version='2.9')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('DELETE', self.keypair_path(name, admin),
                        persona='member', version='2.9')
        self.assertEqual(204, resp.status, resp)

    def test_unknown_query_parameters_are_ignored_at_2_10(self):
        resp = self.api('GET', '/os-keypairs?color=red', version='2.10')
        self.assertEqual(200, resp.status, resp)

    # 2.35: the list is paged by name.

    def page(self, query, persona='other', version='2.35'):
        """(names, keypairs_links or None) of a list request."""
        resp = self.api('GET', '/os-keypairs' + query, persona=persona,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        body = resp.json()
        self.assertLessEqual(set(body), {'keypairs', 'keypairs_links'})
        return ([item['keypair']['name'] for item in body['keypairs']],
                body.get('keypairs_links'))

    def next_link(self, query, persona='other'):
        return [{'rel': 'next', 'href': '%s%s?%s' % (
            self.host_url, self.url('/os-keypairs', persona), query)}]

    def three_keypairs(self, persona='other'):
        prefix = self.unique_name()
        names = [prefix + suffix for suffix in ('-a', '-b', '-c')]
        for name in reversed(names):
            self.create(name, persona=persona, version='2.35',
                        public_key=vectors.RSA.public_key,
                        expected_status=201)
        every = self.page('', persona)[0]
        return every, every.index(names[0])

    def test_limit_and_marker_at_2_35(self):
        every, first = self.three_keypairs()
        a, b, c = every[first:first + 3]
        # The page that starts with a: the first one, or the one after
        # the key pair before it.
        query = ('?limit=1&marker=' + every[first - 1]) if first else (
            '?limit=1')
        self.assertEqual(([a], self.next_link('limit=1&marker=' + a)),
                         self.page(query))
        self.assertEqual(([b, c], self.next_link('limit=2&marker=' + c)),
                         self.page('?limit=2&marker=' + a))
        self.assertEqual((every[first + 2:], None),
                         self.page('?marker=' + b))
        # The last marker counts; a limit of 0 is an empty page.
        self.assertEqual(([b], self.next_link('limit=1&marker=' + b)),
                         self.page('?limit=1&marker=x&marker=' + a))
        self.assertEqual(([], None), self.page('?limit=0'))

    def test_full_page_without_a_limit_links_to_the_next(self):
        self.skip_if_remote('sets [api] max_limit')
        self.conf.config(max_limit=2, group='api')
        every, first = self.three_keypairs()
        self.assertEqual((every[:2], self.next_link('marker=' + every[1])),
                         self.page(''))
        # No more than max_limit, whatever the limit asked for.
        self.assertEqual(
            (every[:2], self.next_link('limit=99999999999999999999&marker='
                                       + every[1])),
            self.page('?limit=99999999999999999999'))

    def test_limit_and_marker_are_ignored_at_2_34(self):
        every, first = self.three_keypairs()
        self.assertEqual((every, None),
                         self.page('?limit=1&marker=nope', version='2.34'))

    def test_bad_limit_and_marker_at_2_35(self):
        for query, message in (
                ('?marker=nope', 'Marker nope could not be found.'),
                ('?marker=', 'Marker  could not be found.'),
                ('?limit=-1', "Invalid input for query parameters limit. "
                              "Value: -1. '-1' does not match '^[0-9]*$'"),
                ('?limit=a', "Invalid input for query parameters limit. "
                             "Value: a. 'a' does not match '^[0-9]*$'"),
                ('?limit=', "Invalid input for query parameters limit. "
                            "Value: . '' should be non-empty")):
            resp = self.api('GET', '/os-keypairs' + query, version='2.35')
            self.assertFault(resp, 400, message)

    def test_admin_pages_another_users_keypairs(self):
        other = self.user_id('other')
        every, first = self.three_keypairs()
        a, b = every[first:first + 2]
        query = '?limit=1&marker=%s&user_id=%s' % (a, other)
        names, next_links = self.page(query, persona='admin')
        self.assertEqual([b], names)
        self.assertEqual(self.next_link(
            'limit=1&marker=%s&user_id=%s' % (b, other), 'admin'),
            next_links)
        # A marker names a key pair of the listed user.
        resp = self.api('GET', '/os-keypairs?marker=' + a, version='2.35')
        self.assertFault(resp, 400, 'Marker %s could not be found.' % a)

    def test_list_matches_the_2_35_sample(self):
        # api_samples/os-keypairs/v2.35/keypairs-list-resp.json
        every, first = self.three_keypairs()
        resp = self.api('GET', '/os-keypairs?limit=1', persona='other',
                        version='2.35')
        body = resp.json()
        self.assertEqual({'keypairs', 'keypairs_links'}, set(body))
        self.assertEqual(LIST_FIELDS | {'type'},
                         set(body['keypairs'][0]['keypair']))
        [link] = body['keypairs_links']
        self.assertEqual({'href', 'rel'}, set(link))
        self.assertEqual('next', link['rel'])

    # 2.75: unknown query parameters are refused.

    def test_unknown_query_parameters_at_2_75(self):
        name = self.create(version='2.75', public_key=vectors.RSA.public_key,
                           expected_status=201).json()['keypair']['name']
        for method, path in (('GET', '/os-keypairs?color=red'),
                             ('GET', self.keypair_path(name) + '?color=red'),
                             ('DELETE',
                              self.keypair_path(name) + '?color=red')):
            resp = self.api(method, path, version='2.75')
            self.assertFault(resp, 400, "Additional properties are not "
                             "allowed ('color' was unexpected)")
            resp = self.api('GET', path.replace('color', 'user_id'),
                            version='2.75')
            self.assertNotEqual(400, resp.status, resp)
        for path in ('/os-keypairs?color=red',
                     self.keypair_path(name) + '?color=red'):
            resp = self.api('GET', path, version='2.74')
            self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', '/os-keypairs?limit=1&marker=%s' % name,
                        version='2.75')
        self.assertEqual(200, resp.status, resp)

    # 2.92: import only; "@" and "." in names.

    def test_generate_is_refused_at_2_92(self):
        name = self.unique_name()
        for fields in ({}, {'type': 'ssh'}, {'type': 'x509'}):
            body = dict(fields, name=name)
            resp = self.create(name, version='2.92', **fields)
            self.assertFault(
                resp, 400, 'Invalid input for field/attribute keypair. '
                "Value: %s. 'public_key' is a required property" % body)
        self.assertNotIn(name, self.list_names())
        self.create(name, version='2.91', expected_status=201)

    def test_import_at_2_92(self):
        # api_samples/os-keypairs/v2.92/keypairs-import-post-{req,resp}.json
        name = 'me.and.myself@this.nice.domain.com mooh.'
        resp = self.create(name, version='2.92', type='ssh',
                           user_id=self.user_id('admin'),
                           public_key=vectors.RSA.public_key,
                           expected_status=201)
        self.assertVersionHeaders(resp, '2.92')
        self.assertEqual({'name': name, 'type': 'ssh',
                          'public_key': vectors.RSA.public_key,
                          'fingerprint': vectors.RSA.fingerprint,
                          'user_id': self.user_id('admin')},
                         resp.json()['keypair'])
        resp = self.api('GET', self.keypair_path(name), version='2.92')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(name, resp.json()['keypair']['name'])
        self.assertIn(name, self.list_names(version='2.92'))

    def test_dotted_names_are_whole_in_urls_at_2_92(self):
        # No ".json" is taken for a format suffix, as in Nova.
        for name in ('kp.json', 'kp@example.xml', 'kp.'):
            self.create(name, version='2.92',
                        public_key=vectors.RSA.public_key,
                        expected_status=201)
            resp = self.api('GET', self.keypair_path(name), version='2.92')
            self.assertEqual(name, resp.json()['keypair']['name'])
        resp = self.api('GET', self.keypair_path('kp'), version='2.92')
        self.assertFault(resp, 404, 'Keypair kp not found for user %s'
                         % self.user_id('admin'))

    def test_names_at_2_92(self):
        for name in ('kp@example.org', 'kp.1'):
            resp = self.create(name, version='2.91',
                               public_key=vectors.RSA.public_key)
            self.assertFault(
                resp, 400, "Invalid input for field/attribute name. Value: "
                "%s. '%s' does not match %s" % (name, name, NAME_PATTERN))
        pattern = "'^[_\\\\-\\\\@\\\\. a-zA-Z0-9]+$'"
        for name in ('kp!', 'kp/1', 'kpé', 'kp@b!c'):
            resp = self.create(name, version='2.92',
                               public_key=vectors.RSA.public_key)
            self.assertFault(
                resp, 400, "Invalid input for field/attribute name. Value: "
                "%s. '%s' does not match %s" % (name, name, pattern))
        resp = self.create(' kp@x', version='2.92',
                           public_key=vectors.RSA.public_key)
        self.assertFault(resp, 400, INVALID_NAME)
        resp = self.create('kp@x', version='2.92', public_key='garbage')
        self.assertFault(resp, 400, INVALID_SSH_KEY)
