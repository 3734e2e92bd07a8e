"""Certification signatures: made offline with a throwaway certificate, then checked, then tampered with.

The suite runs with network sockets blocked, so every signing and checking step here also
proves that nothing reaches for a timestamp server, an OCSP responder or a CRL.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from reportlab.pdfgen.canvas import Canvas

from promises_app.reports.pdf_signature import (
    MSG_KEY_MISMATCH,
    MSG_MISSING_PASSPHRASE,
    MSG_NO_KEY,
    MSG_NOT_PDF,
    MSG_NOT_PKCS12,
    MSG_UNREADABLE_PDF,
    MSG_WRONG_PASSPHRASE,
    PROBLEM_APPENDED,
    PROBLEM_DIGEST,
    PROBLEM_DISALLOWED_CHANGES,
    PROBLEM_NO_CHANGES_ALLOWED,
    PROBLEM_UNTRUSTED,
    PROBLEM_VISIBLE,
    SIGNATURE_FIELD_NAME,
    Credentials,
    SignatureError,
    certify_pdf,
    inspect_signatures,
    load_credentials,
)
from tests.reports.certificates import TEST_SIGNER, TestCertificate, make_certificate
from tests.reports.incremental import annotate, approve, certify_no_changes, credentials_for
from tests.reports.pdf_text import page_texts

REASON = "Medborgarlöftet är fastställt"
LOCATION = "Solna"


def two_page_pdf(*, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1 if compress else 0)
    canvas.drawString(72, 720, "Sida ett: trygghet i Råsunda, Hagalund och Ulriksdal – åäö ÅÄÖ")
    canvas.showPage()
    canvas.drawString(72, 720, "Sida två: räksmörgås på Solna torg")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture(scope="session")
def cert() -> TestCertificate:
    return make_certificate()


@pytest.fixture(scope="session")
def credentials(cert: TestCertificate) -> Credentials:
    return load_credentials(cert.p12, cert.passphrase)


@pytest.fixture(scope="session")
def original() -> bytes:
    return two_page_pdf()


@pytest.fixture(scope="session")
def certified(original: bytes, credentials: Credentials) -> bytes:
    return certify_pdf(original, credentials, reason=REASON, location=LOCATION)


# --------------------------------------------------------------------------- credentials


def test_credentials_name_the_signer_and_the_validity(cert: TestCertificate, credentials: Credentials) -> None:
    assert credentials.subject_name == TEST_SIGNER
    assert credentials.issuer_name == TEST_SIGNER
    assert credentials.not_after == cert.certificate.not_valid_after_utc
    assert credentials.not_before < datetime.now(UTC) < credentials.not_after
    assert credentials.signer.signing_cert.subject.native["common_name"] == TEST_SIGNER


def test_wrong_passphrase_is_refused(cert: TestCertificate) -> None:
    with pytest.raises(SignatureError) as raised:
        load_credentials(cert.p12, "fel lösen")
    assert str(raised.value) == MSG_WRONG_PASSPHRASE


@pytest.mark.parametrize("passphrase", [None, ""])
def test_missing_passphrase_is_asked_for(cert: TestCertificate, passphrase: str | None) -> None:
    with pytest.raises(SignatureError) as raised:
        load_credentials(cert.p12, passphrase)
    assert str(raised.value) == MSG_MISSING_PASSPHRASE
    assert "lösenord" in str(raised.value)


@pytest.mark.parametrize(
    "data",
    [b"", bytes(range(256)) * 8, b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"],
    ids=["empty", "random", "pem"],
)
def test_a_file_that_is_not_pkcs12_is_refused(data: bytes) -> None:
    with pytest.raises(SignatureError) as raised:
        load_credentials(data, "hemligt lösen")
    assert str(raised.value) == MSG_NOT_PKCS12


def test_a_pdf_is_not_a_certificate(original: bytes) -> None:
    with pytest.raises(SignatureError, match=r"PKCS#12"):
        load_credentials(original, None)


def test_a_file_without_a_passphrase_loads(cert: TestCertificate) -> None:
    p12 = pkcs12.serialize_key_and_certificates(b"open", cert.key, cert.certificate, None, serialization.NoEncryption())
    assert load_credentials(p12, None).subject_name == TEST_SIGNER


def test_a_certificate_without_its_key_cannot_sign(cert: TestCertificate) -> None:
    p12 = pkcs12.serialize_key_and_certificates(
        b"cert only", None, cert.certificate, None, serialization.BestAvailableEncryption(b"x")
    )
    with pytest.raises(SignatureError) as raised:
        load_credentials(p12, "x")
    assert str(raised.value) == MSG_NO_KEY


def test_a_key_whose_certificate_is_loose_in_the_file_still_loads(cert: TestCertificate) -> None:
    p12 = pkcs12.serialize_key_and_certificates(
        b"loose", cert.key, None, [cert.certificate], serialization.BestAvailableEncryption(b"x")
    )
    assert load_credentials(p12, "x").subject_name == TEST_SIGNER


def test_a_key_without_its_own_certificate_is_refused(cert: TestCertificate) -> None:
    stranger = make_certificate(common_name="Någon Annan")
    p12 = pkcs12.serialize_key_and_certificates(
        b"mismatch", cert.key, None, [stranger.certificate], serialization.BestAvailableEncryption(b"x")
    )
    with pytest.raises(SignatureError) as raised:
        load_credentials(p12, "x")
    assert str(raised.value) == MSG_KEY_MISMATCH


def test_an_expired_certificate_is_refused_with_its_dates(cert: TestCertificate) -> None:
    now = datetime.now(UTC)
    expired = make_certificate(
        key=cert.key, not_before=now - timedelta(days=400), not_after=now - timedelta(days=35)
    )
    with pytest.raises(SignatureError) as raised:
        load_credentials(expired.p12, expired.passphrase)
    message = str(raised.value)
    assert message.startswith("Certifikatet har gått ut")
    end = expired.certificate.not_valid_after_utc.astimezone().strftime("%Y-%m-%d")
    start = expired.certificate.not_valid_before_utc.astimezone().strftime("%Y-%m-%d")
    assert end in message and start in message


def test_a_certificate_not_yet_valid_is_refused(cert: TestCertificate) -> None:
    now = datetime.now(UTC)
    future = make_certificate(key=cert.key, not_before=now + timedelta(days=10), not_after=now + timedelta(days=400))
    with pytest.raises(SignatureError, match=r"^Certifikatet är inte giltigt ännu: det gäller från \d{4}-\d\d-\d\d"):
        load_credentials(future.p12, future.passphrase)


# --------------------------------------------------------------------------- certify and inspect


def test_certified_pdf_checks_out_against_its_trust_root(
    certified: bytes, original: bytes, cert: TestCertificate
) -> None:
    assert certified.startswith(original)
    assert len(certified) > len(original)

    inspection = inspect_signatures(certified, trust_roots=[cert.certificate])

    assert inspection.all_valid
    (check,) = inspection.signatures
    assert check.field_name == SIGNATURE_FIELD_NAME
    assert check.signer_name == TEST_SIGNER
    assert check.intact and check.valid
    assert check.covers_whole_file
    assert check.certification
    assert check.modifications_ok
    assert check.trusted is True
    assert check.problems == ()
    assert check.ok
    assert check.signed_length == len(certified)
    assert check.reason == REASON and check.location == LOCATION
    assert check.signed_at is not None
    assert abs(datetime.now(UTC) - check.signed_at) < timedelta(minutes=10)


def test_without_trust_roots_the_cryptography_still_counts(certified: bytes) -> None:
    (check,) = inspect_signatures(certified).signatures
    assert check.intact and check.valid and check.covers_whole_file and check.modifications_ok
    assert check.trusted is None
    assert check.problems == ()


def test_trust_roots_may_be_given_as_asn1crypto_or_der(certified: bytes, credentials: Credentials) -> None:
    der = credentials.certificate.public_bytes(serialization.Encoding.DER)
    pem = credentials.certificate.public_bytes(serialization.Encoding.PEM)
    for root in (credentials.signer.signing_cert, der, pem):
        (check,) = inspect_signatures(certified, trust_roots=[root]).signatures
        assert check.trusted is True


def test_a_signer_outside_the_trust_roots_is_not_trusted(certified: bytes) -> None:
    stranger = make_certificate(common_name="Någon Annan, Sundbybergs stad")
    inspection = inspect_signatures(certified, trust_roots=[stranger.certificate])
    (check,) = inspection.signatures
    assert check.intact and check.valid
    assert check.trusted is False
    assert check.problems == (PROBLEM_UNTRUSTED,)
    assert not inspection.all_valid


def test_the_signed_pdf_still_reads_the_same(certified: bytes, original: bytes) -> None:
    assert page_texts(certified) == page_texts(original)
    assert "åäö ÅÄÖ" in page_texts(certified)[0]
    assert "räksmörgås" in page_texts(certified)[1]


def test_the_agreement_pdf_can_be_certified(credentials: Credentials, cert: TestCertificate) -> None:
    from promises_app.reports.agreement_pdf import render_agreement_pdf
    from tests.reports.builders import sample_content

    pdf = render_agreement_pdf(sample_content())
    assert len(page_texts(pdf)) >= 2
    signed = certify_pdf(pdf, credentials, reason=REASON, location=LOCATION)
    assert signed.startswith(pdf)
    assert inspect_signatures(signed, trust_roots=[cert.certificate]).all_valid


def test_a_certified_pdf_cannot_be_certified_again(certified: bytes, credentials: Credentials) -> None:
    with pytest.raises(SignatureError, match="redan signerad"):
        certify_pdf(certified, credentials, reason=REASON, location=LOCATION)


@pytest.mark.parametrize("data", [b"", b"not a pdf at all", bytes(range(256))], ids=["empty", "text", "binary"])
def test_only_a_pdf_can_be_certified(data: bytes, credentials: Credentials) -> None:
    with pytest.raises(SignatureError) as raised:
        certify_pdf(data, credentials, reason=REASON, location=LOCATION)
    assert str(raised.value) == MSG_NOT_PDF


def test_a_truncated_pdf_cannot_be_certified(original: bytes, credentials: Credentials) -> None:
    with pytest.raises(SignatureError) as raised:
        certify_pdf(original[: len(original) // 2], credentials, reason=REASON, location=LOCATION)
    assert str(raised.value) == MSG_UNREADABLE_PDF


# --------------------------------------------------------------------------- tampering


def test_an_annotation_added_afterwards_is_reported(certified: bytes, cert: TestCertificate) -> None:
    tampered = annotate(certified, "Tillagd efteråt")
    assert tampered.startswith(certified)

    inspection = inspect_signatures(tampered, trust_roots=[cert.certificate])

    (check,) = inspection.signatures
    assert check.intact and check.valid  # the signed bytes themselves are untouched
    assert not check.covers_whole_file
    assert not check.modifications_ok
    assert check.signed_length == len(certified)
    assert PROBLEM_APPENDED in check.problems
    # The certification allows more signatures (P=2), not an annotation.
    assert PROBLEM_DISALLOWED_CHANGES in check.problems
    assert not inspection.all_valid


def test_the_certification_allows_signatures_and_nothing_else(certified: bytes) -> None:
    """DocMDP P=2: the e-signing service's approval signatures do not break ours (P=1 would)."""
    reader = PdfFileReader(io.BytesIO(certified))
    (reference,) = reader.root["/Perms"]["/DocMDP"]["/Reference"]
    assert reference["/TransformMethod"] == "/DocMDP"
    assert reference["/TransformParams"]["/P"] == 2
    assert reader.embedded_signatures[0].docmdp_level == fields.MDPPerm.FILL_FORMS


def test_approval_signatures_after_the_certification_keep_every_signature_valid(
    certified: bytes, cert: TestCertificate
) -> None:
    anna, bertil = credentials_for("Anna Andersson"), credentials_for("Bertil Berg")
    signed = approve(approve(certified, anna), bertil)

    inspection = inspect_signatures(signed)

    ours, first, last = inspection.signatures
    assert inspection.all_valid
    assert ours.certification and ours.modifications_ok and not ours.covers_whole_file
    assert (first.signer_name, last.signer_name) == ("Anna Andersson", "Bertil Berg")
    assert (ours.revision, first.revision, last.revision) == (1, 2, 3)
    assert not first.covers_whole_file and last.covers_whole_file


def test_an_old_no_changes_certification_is_broken_by_a_later_signature(
    original: bytes, credentials: Credentials
) -> None:
    """Files certified with P=1 (as before) forbid every change, a signature too."""
    signed = approve(certify_no_changes(original, credentials), credentials_for("Anna Andersson"))
    ours, _anna = inspect_signatures(signed).signatures
    assert ours.intact and ours.valid and not ours.modifications_ok
    assert PROBLEM_NO_CHANGES_ALLOWED in ours.problems


def test_a_visible_approval_signature_is_reported(original: bytes) -> None:
    (check,) = inspect_signatures(approve(original, credentials_for("Anna Andersson"), visible=True)).signatures
    assert check.intact and check.valid and check.visible
    assert check.problems == (PROBLEM_VISIBLE,)


def test_a_changed_document_info_afterwards_is_reported(certified: bytes) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(certified))
    writer.set_info(generic.DictionaryObject({generic.pdf_name("/Title"): generic.TextStringObject("Ändrad titel")}))
    out = io.BytesIO()
    writer.write(out)

    (check,) = inspect_signatures(out.getvalue()).signatures

    assert check.intact and check.valid
    assert not check.covers_whole_file
    assert check.signed_length == len(certified)
    assert "inkrementell uppdatering" in " ".join(check.problems)
    assert not check.ok


def test_bytes_appended_after_the_signature_are_reported(certified: bytes) -> None:
    (check,) = inspect_signatures(certified + b"\n% tillagt\n").signatures
    assert check.intact and check.valid
    assert not check.covers_whole_file
    assert check.problems == (PROBLEM_APPENDED,)


def test_one_flipped_byte_in_the_signed_content_is_reported(credentials: Credentials, cert: TestCertificate) -> None:
    original = two_page_pdf(compress=False)  # so the page text lies in the file as plain bytes
    signed = certify_pdf(original, credentials, reason=REASON, location=LOCATION)
    position = signed.index(b"Sida ett") + 1
    (before,) = inspect_signatures(signed).signatures
    assert position < len(original) < before.signed_length
    tampered = bytearray(signed)
    tampered[position] ^= 0x01  # "Sida" -> "Shda": same length, still a valid PDF
    tampered_bytes = bytes(tampered)

    inspection = inspect_signatures(tampered_bytes, trust_roots=[cert.certificate])

    (check,) = inspection.signatures
    assert not check.intact
    assert check.covers_whole_file  # nothing appended: the change is inside the signed range
    assert PROBLEM_DIGEST in check.problems
    assert PROBLEM_UNTRUSTED not in check.problems  # trust is not the issue; the content is
    assert check.trusted is False
    assert not inspection.all_valid


# --------------------------------------------------------------------------- not PDFs, unsigned PDFs


@pytest.mark.parametrize(
    "data", [b"", b"garbage " * 100, bytes(range(256)) * 4], ids=["empty", "text", "binary"]
)
def test_garbage_is_not_a_pdf(data: bytes) -> None:
    with pytest.raises(SignatureError) as raised:
        inspect_signatures(data)
    assert str(raised.value) == MSG_NOT_PDF


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_a_truncated_pdf_cannot_be_read(certified: bytes, keep: float) -> None:
    with pytest.raises(SignatureError) as raised:
        inspect_signatures(certified[: int(len(certified) * keep)])
    assert str(raised.value) == MSG_UNREADABLE_PDF


def test_a_pdf_header_with_nothing_behind_it_cannot_be_read() -> None:
    with pytest.raises(SignatureError) as raised:
        inspect_signatures(b"%PDF-1.7\n" + b"x" * 200)
    assert str(raised.value) == MSG_UNREADABLE_PDF


def test_an_unsigned_pdf_has_no_signatures(original: bytes) -> None:
    inspection = inspect_signatures(original)
    assert inspection.signatures == ()
    assert not inspection.all_valid
