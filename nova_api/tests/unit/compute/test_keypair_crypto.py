"""Fingerprints and generated key pairs, checked against OpenSSH and OpenSSL.

The known vectors (keypair_vectors) always run. The tests that ask
ssh-keygen or openssl themselves, on fresh keys, run where the tools are
installed and are skipped elsewhere.
"""

import base64
import os
import shutil
import struct
import subprocess

import fixtures
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
import testtools

from nova_api.compute import keypair_crypto
from nova_api import exception
from nova_api.tests.unit.compute import keypair_vectors as vectors

INVALID_SSH_KEY = 'Keypair data is invalid: failed to generate fingerprint'
UPN = x509.ObjectIdentifier('1.3.6.1.4.1.311.20.2.3')

SSH_VECTORS = {
    'RSA': vectors.RSA,
    'ED25519': vectors.ED25519,
    'ECDSA_P256': vectors.ECDSA_P256,
    'ECDSA_P384': vectors.ECDSA_P384,
    'ECDSA_P521': vectors.ECDSA_P521,
    'DSA': vectors.DSA,
    'SK_ED25519': vectors.SK_ED25519,
    'ECDSA_P256_CERTIFICATE': vectors.ECDSA_P256_CERTIFICATE,
}


def _ssh_string(data):
    return struct.pack('>I', len(data)) + data


class SSHFingerprintTest(testtools.TestCase):

    def test_known_keys(self):
        for name, vector in SSH_VECTORS.items():
            self.assertEqual(vector.fingerprint,
                             keypair_crypto.ssh_fingerprint(vector.public_key),
                             name)

    def test_comment_and_trailing_newline_do_not_count(self):
        key_type, blob, _comment = vectors.ED25519.public_key.split()
        for line in ('%s %s' % (key_type, blob),
                     '%s %s other comment\n' % (key_type, blob)):
            self.assertEqual(vectors.ED25519.fingerprint,
                             keypair_crypto.ssh_fingerprint(line))

    def test_blanks_between_type_and_blob(self):
        # OpenSSH reads spaces and tabs alike; the blob is what is hashed.
        key_type, blob, _comment = vectors.ED25519.public_key.split()
        for separator in ('  ', '\t', ' \t '):
            self.assertEqual(
                vectors.ED25519.fingerprint,
                keypair_crypto.ssh_fingerprint(key_type + separator + blob))

    def test_invalid_keys(self):
        key_type, blob, _comment = vectors.ED25519.public_key.split()
        ecdsa_blob = base64.b64decode(vectors.ECDSA_P256.public_key.split()[1])
        compressed_point = _ssh_string(b'ecdsa-sha2-nistp256') + _ssh_string(
            b'nistp256') + _ssh_string(b'\x02' + ecdsa_blob[-64:-32])
        for public_key in (
                '', 'garbage', key_type, ' ' + vectors.ED25519.public_key,
                '%s\n%s' % (key_type, blob),
                'ssh-rsa ' + blob,
                'ssh-unknown ' + blob,
                '%s %s' % (key_type, blob[:-8]),
                '%s %s' % (key_type, blob.replace('A', '!', 3)),
                'ecdsa-sha2-nistp256 ' + base64.b64encode(
                    compressed_point).decode(),
                vectors.ED25519.public_key.replace('vector', '\ud800'),
                vectors.X509_CERTIFICATE.public_key):
            exc = self.assertRaises(exception.InvalidKeypair,
                                    keypair_crypto.ssh_fingerprint,
                                    public_key)
            self.assertEqual(INVALID_SSH_KEY, exc.format_message())
            self.assertEqual(400, exc.code)


class X509FingerprintTest(testtools.TestCase):

    def test_known_certificate(self):
        self.assertEqual(vectors.X509_CERTIFICATE.fingerprint,
                         keypair_crypto.x509_fingerprint(
                             vectors.X509_CERTIFICATE.public_key))

    def test_invalid_certificates(self):
        for data in ('', 'garbage', vectors.RSA.public_key,
                     '-----BEGIN CERTIFICATE-----\nAAAA\n'
                     '-----END CERTIFICATE-----\n',
                     vectors.X509_CERTIFICATE.public_key.replace('M', '\ud800',
                                                                 1)):
            exc = self.assertRaises(exception.InvalidKeypair,
                                    keypair_crypto.x509_fingerprint, data)
            self.assertTrue(exc.format_message().startswith(
                'Keypair data is invalid: failed to generate X509 '
                'fingerprint. Error message: '), exc.format_message())


class GenerateTest(testtools.TestCase):

    def test_ssh_key_pair(self):
        generated = keypair_crypto.generate_ssh_key_pair()
        self.assertTrue(generated.private_key.startswith(
            '-----BEGIN RSA PRIVATE KEY-----\n'))
        key_type, _blob, comment = generated.public_key.split(' ')
        self.assertEqual(('ssh-rsa', 'Generated-by-Nova'), (key_type, comment))
        self.assertEqual(generated.fingerprint,
                         keypair_crypto.ssh_fingerprint(generated.public_key))

    def test_x509_key_pair(self):
        generated = keypair_crypto.generate_x509_key_pair('alice')
        cert = x509.load_pem_x509_certificate(generated.public_key.encode())
        self.assertEqual('CN=alice', cert.subject.rfc4514_string())
        self.assertEqual(
            generated.fingerprint,
            keypair_crypto.x509_fingerprint(generated.public_key))
        [upn] = cert.extensions.get_extension_for_class(
            x509.SubjectAlternativeName).value
        self.assertEqual(UPN, upn.type_id)
        self.assertEqual(b'\x0c\x0falice@localhost', upn.value)
        bundle = pkcs12.load_pkcs12(
            base64.b64decode(generated.private_key), b'')
        self.assertEqual(cert, bundle.cert.certificate)

    def test_x509_non_ascii_user_id(self):
        user_id = 'é' * 32
        generated = keypair_crypto.generate_x509_key_pair(user_id)
        cert = x509.load_pem_x509_certificate(generated.public_key.encode())
        self.assertEqual(user_id, cert.subject.rfc4514_string()[3:])
        [upn] = cert.extensions.get_extension_for_class(
            x509.SubjectAlternativeName).value
        encoded = ('%s@localhost' % user_id).encode('utf-8')
        self.assertEqual(b'\x0c' + bytes([len(encoded)]) + encoded,
                         upn.value)

    def test_der_utf8_string_lengths(self):
        for length, header in ((0, b'\x0c\x00'), (127, b'\x0c\x7f'),
                               (128, b'\x0c\x81\x80'),
                               (255, b'\x0c\x81\xff'),
                               (256, b'\x0c\x82\x01\x00')):
            self.assertEqual(header + b'u' * length,
                             keypair_crypto._der_utf8_string('u' * length))

    def test_x509_user_id_too_long_for_a_common_name(self):
        for user_id in ('u' * 65, 'é' * 33):
            exc = self.assertRaises(exception.InvalidKeypair,
                                    keypair_crypto.generate_x509_key_pair,
                                    user_id)
            self.assertEqual(
                'Keypair data is invalid: a user id of more than 64 bytes '
                'does not fit the common name of an X509 certificate',
                exc.format_message())


class _ToolTest(testtools.TestCase):
    """Runs a command-line tool in a temporary directory."""

    tool = None

    def setUp(self):
        super().setUp()
        if shutil.which(self.tool) is None:
            self.skipTest('%s is not installed' % self.tool)
        self.directory = self.useFixture(fixtures.TempDir()).path

    def path(self, name):
        return os.path.join(self.directory, name)

    def write(self, name, data):
        mode = 'wb' if isinstance(data, bytes) else 'w'
        with open(self.path(name), mode) as stream:
            stream.write(data)
        os.chmod(self.path(name), 0o600)
        return self.path(name)

    def run_tool(self, *args, stdin=None):
        return subprocess.run((self.tool,) + args, check=True,
                              capture_output=True, input=stdin,
                              cwd=self.directory).stdout


class SSHKeygenTest(_ToolTest):
    """Fresh keys of every type, fingerprinted by ssh-keygen itself."""

    tool = 'ssh-keygen'

    def md5_of(self, public_key_path):
        output = self.run_tool('-l', '-E', 'md5', '-f', public_key_path)
        return output.decode().split()[1].removeprefix('MD5:')

    def test_fresh_keys(self):
        for key_type, bits in (('rsa', '2048'), ('rsa', '4096'),
                               ('ecdsa', '256'), ('ecdsa', '384'),
                               ('ecdsa', '521'), ('ed25519', None),
                               ('dsa', None)):
            key_path = self.path('%s%s' % (key_type, bits or ''))
            args = ['-q', '-t', key_type, '-N', '', '-C', 'test',
                    '-f', key_path]
            if bits:
                args += ['-b', bits]
            self.run_tool(*args)
            with open(key_path + '.pub') as stream:
                public_key = stream.read()
            self.assertEqual(self.md5_of(key_path + '.pub'),
                             keypair_crypto.ssh_fingerprint(public_key),
                             key_path)

    def test_generated_key_pair_is_usable_by_openssh(self):
        generated = keypair_crypto.generate_ssh_key_pair()
        private_path = self.write('generated', generated.private_key)
        public_path = self.write('generated.pub', generated.public_key)
        self.assertEqual(generated.fingerprint, self.md5_of(public_path))
        # OpenSSH derives the same public key from the private one.
        derived = self.run_tool('-y', '-f', private_path).decode().split()
        self.assertEqual(generated.public_key.split()[:2], derived[:2])


class OpenSSLTest(_ToolTest):
    """Certificates fingerprinted and bundles opened by openssl itself."""

    tool = 'openssl'

    def sha1_of(self, certificate_path):
        output = self.run_tool('x509', '-in', certificate_path, '-noout',
                               '-fingerprint', '-sha1').decode().strip()
        return output.split('=', 1)[1].lower()

    def test_fresh_certificate(self):
        certificate_path = self.path('cert.pem')
        self.run_tool('req', '-x509', '-newkey', 'rsa:2048', '-nodes',
                      '-keyout', self.path('cert.key'), '-out',
                      certificate_path, '-days', '1', '-subj', '/CN=test')
        with open(certificate_path) as stream:
            certificate = stream.read()
        self.assertEqual(self.sha1_of(certificate_path),
                         keypair_crypto.x509_fingerprint(certificate))

    def test_generated_x509_key_pair_is_usable_by_openssl(self):
        generated = keypair_crypto.generate_x509_key_pair('alice')
        certificate_path = self.write('cert.pem', generated.public_key)
        self.assertEqual(generated.fingerprint,
                         self.sha1_of(certificate_path))
        text = self.run_tool('x509', '-in', certificate_path, '-noout',
                             '-text').decode()
        self.assertIn('TLS Web Client Authentication', text)
        self.assertIn('UPN::alice@localhost', text)
        # The bundle opens with an empty password and holds the key of the
        # certificate.
        bundle_path = self.write('bundle.p12',
                                 base64.b64decode(generated.private_key))
        key_pem = self.run_tool('pkcs12', '-in', bundle_path, '-nocerts',
                                '-nodes', '-passin', 'pass:')
        key_path = self.write('key.pem', key_pem)
        self.assertEqual(
            self.run_tool('x509', '-in', certificate_path, '-noout',
                          '-pubkey'),
            self.run_tool('pkey', '-in', key_path, '-pubout'))
