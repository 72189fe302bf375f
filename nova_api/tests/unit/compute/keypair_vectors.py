"""Known keys and their fingerprints, for the key pair tests.

Made once with OpenSSH's ssh-keygen (RSA 2048, ECDSA P-256/384/521,
ed25519, DSA 1024, an OpenSSH certificate) and OpenSSL (an ECDSA P-256
certificate valid for a century). The expected fingerprints are what
``ssh-keygen -l -E md5`` and ``openssl x509 -fingerprint -sha1`` printed
(in lower case); for the OpenSSH certificate it is the MD5 of the
certificate blob, which is what Nova fingerprints. The real Nova gave the
same fingerprint for every one of them.
"""

import collections

Vector = collections.namedtuple('Vector', 'public_key fingerprint')


RSA = Vector(
    'ssh-rsa '
    'AAAAB3NzaC1yc2EAAAADAQABAAABAQCehVpoPxzT99LFnI4Z+QXrXiyS8w7Y25mr'
    'MPDUQvclYTdKGyDHDYi3y+G43kfvWsm1hQjwKaLkZgP9ZEfHF7Skitgs7if0ttm8'
    'a3tkpUqimuPCePiVt8KsTZQk1u9e1vtJN47zjj+YxEGihTl9nZl/aj4Ko1J5HutB'
    'LPdbeLwZASIwIc0qBO9HkM50GemPv6xprQf08Z2YeVtf5qzcNk75Ohj+aXg7CA78'
    'XtHtqCQe9uzf4UQrkRY3qf5lYKjP/dneA3IN+uHugljI7eB2qBWybmSIn4X1niqq'
    'VFpoKtVNLXDYA5126XN7H0XiDhZB0YhOBmBm1IBZ1VKhGhH9RXKv'
    ' vector@nova-api',
    'f3:5b:04:db:1f:1c:e9:cf:40:30:c6:db:90:9d:76:ad')


ED25519 = Vector(
    'ssh-ed25519 '
    'AAAAC3NzaC1lZDI1NTE5AAAAILUXkrO5VDtlgQQr+cdue85fiIZ0iHG+MIU7NDj2'
    'rEcE'
    ' vector@nova-api',
    '47:9d:77:56:61:56:17:33:74:5f:29:e4:8a:dd:4d:17')


ECDSA_P256 = Vector(
    'ecdsa-sha2-nistp256 '
    'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKADB3ujU0I7'
    'yeX8mk1H2fIk/Me37ytBN7cDn6pTR/ahPPtR9k2DsVtV3LsURlzDpCqWssGKh9Es'
    'xGf+kpOUF0c='
    ' vector@nova-api',
    'b1:76:01:9f:5e:e6:f5:0f:a6:d7:16:5d:47:25:b6:10')


ECDSA_P384 = Vector(
    'ecdsa-sha2-nistp384 '
    'AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBKbXF+zjY/gY'
    '5pivHmTi9fhT5UjqmoNBm7MLcnLvYGTrmbgvsZJwx2t3sgic5Rw4s4c6Y33NlpKI'
    'ew3N0R47gsF0nM57CXpc6ms6BLRbaZnOSNnp1F3mo4/FswZOIKbeVg=='
    ' vector@nova-api',
    '90:df:d4:96:2d:d8:e0:4a:22:8d:f3:eb:3a:4c:a4:d9')


ECDSA_P521 = Vector(
    'ecdsa-sha2-nistp521 '
    'AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAGHORRVUZBu'
    'rYzzsmrUh7KeSnljccW9XbG4J3OaMYXsTVkfA2oJQQ6DBBVITv/wH/PTs+HHfpZU'
    'xqRDriYycxbwhwAg3Bzp645z4Dnup3WtlT0fQtECp2tdmHyF+9/7Mei/4p744Rf7'
    'wJuIbTyMVJLTB3qVIKwbgoSwNWD0S3IDsMC/6Q=='
    ' vector@nova-api',
    '25:27:5f:a5:5e:b1:05:ed:c5:44:49:8e:b0:35:c0:06')


DSA = Vector(
    'ssh-dss '
    'AAAAB3NzaC1kc3MAAACBAKLhkefQq/0b1U2Mdq5hdATc34g09szcrGEzbZ7aWs+L'
    'DVgEOGUIFFMzTlx2HdPhyWeTesBOR9NrfIM7QH7gYaS/n1Vv530EZkey/Gww0uif'
    'r5JSk+q/vo11pPAl5NPXjlKOXz92ak/YFXtWxp3Yia/7FG6z/grPizs52wVputOv'
    'AAAAFQCMP/cvxp5GpnBCrHfstG9rjthc9QAAAIANypOIGLqpY8zksg2Ic5OAV7MM'
    'TXkRWQ4Wfp0OroXJ/mqh7NdSyl/BwukUF1PX4TlqZIuCwmhwjy+NLKEx46Ols7o4'
    'CQSzPWBVi/G3gkvxQzSifsLIBvC6AxcRZW2zfscXoamN8rghBSz4JXHZSVXtx+MK'
    'TKSKbg9e8eeNQ4eu9QAAAIAYRYjShm3JVxe7mhTqtx4V0+tPoBJ7+3eW/xQ4mU0I'
    'Vh92q6cgRMibgQVd3CMhTv6f4K+wyUajBFIdrcZ41yVEhRVU2tXvjsjglOlC//i2'
    'Bl9/Bg24lKSjBzWNzHvLUgeBYEwu9OMCB0e2tlWHTyPsOv8CzdK00wMNkVRvlGoP'
    'pA=='
    ' vector@nova-api',
    '17:21:09:3b:2d:be:ed:4a:2f:46:86:d4:35:08:db:66')


SK_ED25519 = Vector(
    'sk-ssh-ed25519@openssh.com '
    'AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIKxpIJ3OrjRqdTzQKbe6'
    'FA/Fc/O+7TQXBbADZ67VMHYSAAAABHNzaDo='
    ' vector@nova-api',
    'b3:6e:0f:ad:c2:c2:2f:cb:85:52:49:d2:39:a8:d8:47')


ECDSA_P256_CERTIFICATE = Vector(
    'ecdsa-sha2-nistp256-cert-v01@openssh.com '
    'AAAAKGVjZHNhLXNoYTItbmlzdHAyNTYtY2VydC12MDFAb3BlbnNzaC5jb20AAAAg'
    '97xXK0sW5wQKlAN3hWKTqeY9cI0J4KVnj3nXBc2pcxwAAAAIbmlzdHAyNTYAAABB'
    'BKADB3ujU0I7yeX8mk1H2fIk/Me37ytBN7cDn6pTR/ahPPtR9k2DsVtV3LsURlzD'
    'pCqWssGKh9EsxGf+kpOUF0cAAAAAAAAAAAAAAAEAAAAGdmVjdG9yAAAACAAAAARy'
    'b290AAAAAAAAAAD//////////wAAAAAAAACCAAAAFXBlcm1pdC1YMTEtZm9yd2Fy'
    'ZGluZwAAAAAAAAAXcGVybWl0LWFnZW50LWZvcndhcmRpbmcAAAAAAAAAFnBlcm1p'
    'dC1wb3J0LWZvcndhcmRpbmcAAAAAAAAACnBlcm1pdC1wdHkAAAAAAAAADnBlcm1p'
    'dC11c2VyLXJjAAAAAAAAAAAAAAAzAAAAC3NzaC1lZDI1NTE5AAAAILUXkrO5VDtl'
    'gQQr+cdue85fiIZ0iHG+MIU7NDj2rEcEAAAAUwAAAAtzc2gtZWQyNTUxOQAAAEC6'
    'KirJ/8KYxAzTfBeJu9zx1vCMoHYQxjYuzeCRcTnPpXmVSboSL8/yUOcP+uqkyGif'
    '5vZWrBKwQ5SVkb2vBykH'
    ' vector@nova-api',
    'cc:d8:cb:68:68:38:f9:5b:a5:54:47:6f:3e:1a:19:5a')


X509_CERTIFICATE = Vector(
    '-----BEGIN CERTIFICATE-----\n'
    'MIIBizCCATGgAwIBAgIUc9j3ecM0Ntc4fCx8yG09+3qaq1EwCgYIKoZIzj0EAwIw\n'
    'GjEYMBYGA1UEAwwPdmVjdG9yQG5vdmEtYXBpMCAXDTI2MTEyMzExMzU0NloYDzIx\n'
    'MjYxMDMwMTEzNTQ2WjAaMRgwFgYDVQQDDA92ZWN0b3JAbm92YS1hcGkwWTATBgcq\n'
    'hkjOPQIBBggqhkjOPQMBBwNCAAREWUBIEIArGlYS3HGF0ZpzAt6InXXMrVaPFS3B\n'
    'bqLWHdPizLut2UFAWZZzOLHpPfpgxuCEBLPZe+WuH7E+zWW9o1MwUTAdBgNVHQ4E\n'
    'FgQUBoLcODIH9fev3V4kFInl87xp2g0wHwYDVR0jBBgwFoAUBoLcODIH9fev3V4k\n'
    'FInl87xp2g0wDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBdvykF\n'
    'kS9P23BJaWTySdGAkF4n7/Ay/7sIB+weeNTsbQIhANeGoSd1+xgrHCjXlhuaQ/mP\n'
    '6IiC95nBCo0B0JXw1cXv\n'
    '-----END CERTIFICATE-----\n',
    '7c:3d:3c:bc:94:b8:2a:aa:ae:99:52:d3:ea:fb:f1:df:17:35:db:bd')
