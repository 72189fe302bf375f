"""The cryptography behind key pairs: fingerprints and new key pairs.

SSH public keys are OpenSSH lines (``ssh-rsa AAAA... comment``); their
fingerprint is the colon-separated MD5 of the decoded key blob, as
``ssh-keygen -l -E md5`` prints it. X509 key pairs are PEM certificates;
their fingerprint is the colon-separated SHA-1 of the DER certificate, as
``openssl x509 -fingerprint -sha1`` prints it (in lower case).
"""

import base64
import binascii
import collections
import datetime
import hashlib
import re

from cryptography import exceptions as crypto_exceptions
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import oid

from nova_api import exception

GeneratedKeyPair = collections.namedtuple(
    'GeneratedKeyPair', 'private_key public_key fingerprint')

_RSA_KEY_BITS = 2048
_RSA_PUBLIC_EXPONENT = 65537
_GENERATED_KEY_COMMENT = 'Generated-by-Nova'
_CERTIFICATE_LIFETIME = datetime.timedelta(days=3650)
# Microsoft's User Principal Name: Windows (WinRM) maps a client
# certificate to a local account through this subjectAltName.
_UPN_OID = x509.ObjectIdentifier('1.3.6.1.4.1.311.20.2.3')
_DER_UTF8_STRING_TAG = 0x0C
# The line cryptography's OpenSSH loader reads: key type, blanks, base64
# blob; the fingerprint hashes that same blob.
_OPENSSH_LINE = re.compile(rb'\A(\S+)[ \t]+(\S+)')
# RFC 5280's upper bound for a common name (ub-common-name), which
# cryptography enforces on the UTF-8 encoding.
_MAX_COMMON_NAME_BYTES = 64


def _colon_hex(digest):
    return ':'.join('%02x' % byte for byte in digest)


def ssh_fingerprint(public_key):
    """The MD5 fingerprint of an OpenSSH public key line.

    Raises InvalidKeypair unless cryptography's OpenSSH loader takes the
    key: RSA, DSA (with a deprecation warning from cryptography), ECDSA,
    ed25519, their security-key and certificate forms.
    """
    try:
        line = public_key.encode('utf-8')
        # Loading checks the whole key: known type, valid base64, a blob
        # whose inner type matches the declared one, sane key values.
        serialization.load_ssh_public_key(line)
    except (ValueError, TypeError, NotImplementedError,
            crypto_exceptions.UnsupportedAlgorithm):
        raise exception.InvalidKeypair(reason='failed to generate fingerprint')
    blob = binascii.a2b_base64(_OPENSSH_LINE.match(line).group(2))
    return _colon_hex(hashlib.md5(blob, usedforsecurity=False).digest())


def x509_fingerprint(certificate):
    """The SHA-1 fingerprint of a PEM certificate.

    Raises InvalidKeypair, with the parser's reason, for anything else.
    """
    try:
        cert = x509.load_pem_x509_certificate(certificate.encode('utf-8'))
    except (ValueError, TypeError) as exc:
        raise exception.InvalidKeypair(
            reason='failed to generate X509 fingerprint. Error message: %s'
            % exc)
    return _colon_hex(cert.fingerprint(hashes.SHA1()))


def generate_ssh_key_pair():
    """A new RSA key: the PEM (PKCS#1) private key and the OpenSSH line."""
    key = rsa.generate_private_key(_RSA_PUBLIC_EXPONENT, _RSA_KEY_BITS)
    private_key = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption()).decode('ascii')
    public_key = '%s %s' % (
        key.public_key().public_bytes(
            serialization.Encoding.OpenSSH,
            serialization.PublicFormat.OpenSSH).decode('ascii'),
        _GENERATED_KEY_COMMENT)
    return GeneratedKeyPair(private_key, public_key,
                            ssh_fingerprint(public_key))


def generate_x509_key_pair(user_id):
    """A self-signed client certificate for `user_id` and its key.

    The certificate (PEM) is the public key. The private key is a PKCS#12
    bundle of key and certificate with an empty password, base64-encoded,
    ready for Windows to import for password-less WinRM logins.
    """
    if len(user_id.encode('utf-8')) > _MAX_COMMON_NAME_BYTES:
        raise exception.InvalidKeypair(
            reason='a user id of more than %d bytes does not fit the common '
                   'name of an X509 certificate' % _MAX_COMMON_NAME_BYTES)
    key = rsa.generate_private_key(_RSA_PUBLIC_EXPONENT, _RSA_KEY_BITS)
    cert = _self_signed_client_certificate(key, user_id)
    bundle = pkcs12.serialize_key_and_certificates(
        None, key, cert, None, serialization.NoEncryption())
    certificate = cert.public_bytes(serialization.Encoding.PEM).decode('ascii')
    return GeneratedKeyPair(base64.b64encode(bundle).decode('ascii'),
                            certificate, x509_fingerprint(certificate))


def _self_signed_client_certificate(key, user_id):
    name = x509.Name([x509.NameAttribute(oid.NameOID.COMMON_NAME, user_id)])
    upn = '%s@localhost' % user_id
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + _CERTIFICATE_LIFETIME)
        .add_extension(x509.ExtendedKeyUsage(
            [oid.ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(
            [x509.OtherName(_UPN_OID, _der_utf8_string(upn))]),
            critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(
            key.public_key()), critical=False)
        .sign(key, hashes.SHA256()))


def _der_utf8_string(text):
    """`text` as a DER UTF8String (an otherName value is raw DER)."""
    data = text.encode('utf-8')
    length = len(data)
    if length < 0x80:
        encoded_length = bytes([length])
    else:
        octets = length.to_bytes((length.bit_length() + 7) // 8, 'big')
        encoded_length = bytes([0x80 | len(octets)]) + octets
    return bytes([_DER_UTF8_STRING_TAG]) + encoded_length + data
