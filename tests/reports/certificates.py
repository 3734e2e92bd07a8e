"""Throwaway self-signed certificates for the signature tests, built with ``cryptography``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

TEST_SIGNER = "Test Testsson, Solna stad"


@dataclass(frozen=True)
class TestCertificate:
    """A self-signed certificate, its key, and both packed as PKCS#12 bytes."""

    __test__ = False  # not a pytest test class, whatever its name

    certificate: x509.Certificate
    key: rsa.RSAPrivateKey
    p12: bytes
    passphrase: str


def make_certificate(
    *,
    common_name: str = TEST_SIGNER,
    passphrase: str = "hemligt lösen",
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    key: rsa.RSAPrivateKey | None = None,
) -> TestCertificate:
    """A self-signed RSA-2048 signing certificate; valid from yesterday to next year by default."""
    now = datetime.now(UTC)
    not_before = not_before or now - timedelta(days=1)
    not_after = not_after or now + timedelta(days=365)
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Solna stad"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"test", key, certificate, None, serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
    )
    return TestCertificate(certificate=certificate, key=key, p12=p12, passphrase=passphrase)
