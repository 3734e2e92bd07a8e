"""PAdES certification signatures on agreement PDFs, made and checked with pyHanko, offline.

Three operations:

* :func:`load_credentials` reads a PKCS#12 file (``.p12``/``.pfx``) into :class:`Credentials`,
  refusing files that are not PKCS#12, a wrong passphrase, files without a key or certificate,
  and certificates that are expired or not yet valid.
* :func:`certify_pdf` adds a certification signature as an incremental update: the returned
  bytes start with the given PDF unchanged. It allows exactly one kind of later change:
  more signatures (DocMDP P=2), so that the municipality's e-signing service can add its
  approval signatures without breaking ours.
* :func:`inspect_signatures` validates every signature (and document timestamp) in a PDF and
  says, in Swedish, exactly what is wrong with each one. What may follow a signature is
  judged by :data:`~promises_app.reports.pdf_update_policy.SIGNATURES_ONLY_POLICY`: other
  signatures and validation data, nothing that can change what is shown.

Nothing here touches the network: no timestamp server, no OCSP or CRL fetching, no AIA
chasing. Trust is decided only against the trust roots the caller passes in.

pyHanko is imported at module level; the app imports this module only when it signs or
verifies, so start-up does not pay for it. No Qt here.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeAlias

from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes, PublicKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import DiffResult
from pyhanko.sign.diff_analysis.rules.form_field_rules import is_field_visible
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import DocumentTimestampStatus, PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from promises_app.domain.errors import AppError
from promises_app.reports.pdf_update_policy import SIGNATURES_ONLY_POLICY

__all__ = [
    "SIGNATURE_FIELD_NAME",
    "Credentials",
    "SignatureCheck",
    "SignatureError",
    "SignatureInspection",
    "certify_pdf",
    "inspect_signatures",
    "load_credentials",
]

# Failures are logged at INFO: without a configured log (the command line) Python would print
# a WARNING with its traceback on the terminal, and the user already gets a Swedish message.
logger = logging.getLogger(__name__)

SIGNATURE_FIELD_NAME = "Underskrift"
"""Name of the (invisible) signature field :func:`certify_pdf` creates."""

# A signer's certificate must allow at least one of these (checked only when it chains to a
# trust root that is not the certificate itself). Swedish e-service certificates often carry
# digitalSignature only, so non-repudiation alone would be too strict.
_SIGNER_KEY_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)

# Swedish sentences shown to users.
MSG_NOT_PKCS12 = "Filen är inte ett certifikat i PKCS#12-format (.p12/.pfx)."
MSG_UNSUPPORTED_PKCS12 = "Certifikatfilen är krypterad på ett sätt som inte stöds."
MSG_WRONG_PASSPHRASE = "Fel lösenord för certifikatfilen."
MSG_MISSING_PASSPHRASE = "Certifikatfilen är skyddad med lösenord. Ange lösenordet."
MSG_NO_KEY = "Certifikatfilen innehåller ingen privat nyckel och kan därför inte användas för att signera."
MSG_NO_CERTIFICATE = "Certifikatfilen innehåller inget certifikat."
MSG_KEY_MISMATCH = "Den privata nyckeln i certifikatfilen hör inte till certifikatet."
MSG_UNSUPPORTED_KEY = "Nyckeltypen i certifikatfilen stöds inte för signering."
MSG_NOT_PDF = "Filen är inte en PDF-fil."
MSG_UNREADABLE_PDF = "PDF-filen är skadad eller ofullständig och kan inte läsas."
MSG_ENCRYPTED_PDF = "PDF-filen är krypterad och kan inte signeras eller kontrolleras."
MSG_ALREADY_SIGNED = "PDF-filen är redan signerad. En certifieringssignatur måste vara den första signaturen."
MSG_SIGNING_FAILED = "PDF-filen kunde inte signeras."

PROBLEM_DIGEST = "Innehållet har ändrats efter signeringen: kontrollsumman stämmer inte."
PROBLEM_SIGNATURE_VALUE = (
    "Själva signaturen är ogiltig: den stämmer inte med nyckeln i undertecknarens certifikat."
)
PROBLEM_APPENDED = (
    "Signaturen täcker inte hela filen: något har lagts till efter att den skrevs "
    "(en inkrementell uppdatering)."
)
PROBLEM_VISIBLE = (
    "Signaturen är synlig på sidan: dess utseende ritas på sidan och kan ändra det som visas."
)
PROBLEM_ODD_COVERAGE = (
    "Signaturen täcker bara en del av filen på ett ovanligt sätt; det går inte att avgöra "
    "vad som faktiskt är signerat."
)
PROBLEM_NO_CHANGES_ALLOWED = (
    "Dokumentet är certifierat med villkoret att inga ändringar får göras, "
    "men det har ändrats efter signeringen."
)
PROBLEM_DISALLOWED_CHANGES = (
    "Dokumentet har ändrats efter signeringen på annat sätt än med fler signaturer, "
    "och det tillåter inte signaturen."
)
PROBLEM_UNTRUSTED = "Certifikatet är inte utfärdat av någon betrodd utfärdare."
PROBLEM_REVOKED = "Certifikatet har spärrats av utfärdaren."
PROBLEM_UNREADABLE_SIGNATURE = (
    "Signaturen kunde inte kontrolleras: den är skadad eller i ett format som inte stöds."
)

#: A certificate to trust as a root, in any of the forms callers have it.
TrustRoot: TypeAlias = x509.Certificate | asn1_x509.Certificate | bytes


class SignatureError(AppError):
    """A signing or verification step failed; ``str(error)`` is a Swedish sentence for the user."""


@dataclass(frozen=True)
class Credentials:
    """What is needed to sign: pyHanko's signer, plus the certificate's facts for display."""

    signer: signers.SimpleSigner
    certificate: x509.Certificate
    subject_name: str
    issuer_name: str
    not_before: datetime
    not_after: datetime


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on one embedded signature or document timestamp.

    ``problems`` holds one Swedish sentence per thing that is wrong; it is empty exactly when
    the signature is fine (see :attr:`ok`). ``trusted`` is ``None`` when no trust roots were
    given; when they were, it is ``False`` also if the trust check could not be made because
    the signature itself is broken (the problems then name the break, not the trust).

    ``covers_whole_file`` is false for every signature but the last when a file carries
    several: that is no problem as long as everything added after it is only signatures
    (``modifications_ok``). ``revision`` is the index of the file revision (the original
    PDF is revision 0, each incremental update one more) that the signature closes.
    """

    field_name: str
    signer_name: str
    signed_at: datetime | None
    intact: bool
    valid: bool
    covers_whole_file: bool
    certification: bool
    modifications_ok: bool
    trusted: bool | None
    signed_length: int
    problems: tuple[str, ...]
    reason: str | None = None
    location: str | None = None
    revision: int = -1
    timestamp: bool = False
    visible: bool = False

    @property
    def ok(self) -> bool:
        """True when nothing is wrong with this signature."""
        return not self.problems


@dataclass(frozen=True)
class SignatureInspection:
    """All signatures found in a PDF, in the order they were added."""

    signatures: tuple[SignatureCheck, ...]

    @property
    def all_valid(self) -> bool:
        """True when there is at least one signature and none of them has a problem."""
        return bool(self.signatures) and all(check.ok for check in self.signatures)


# --------------------------------------------------------------------------- credentials


def load_credentials(p12: bytes, passphrase: str | None) -> Credentials:
    """Read a PKCS#12 file's bytes into :class:`Credentials`.

    Raises :class:`SignatureError` (Swedish message) when the bytes are not PKCS#12, the
    passphrase is wrong or missing, the file lacks a private key or a certificate, the key
    does not belong to the certificate, or the certificate is not valid right now.
    """
    if not _looks_like_pkcs12(p12):
        raise SignatureError(MSG_NOT_PKCS12)

    key, certificate, extra_certs = _decrypt_pkcs12(p12, passphrase)
    if key is None:  # cryptography then reports even a lone certificate as an "additional" one
        raise SignatureError(MSG_NO_KEY)
    key_der = _public_key_der(key.public_key())
    if certificate is None:  # not paired by the file's local key id: find it by its public key
        matching = [c for c in extra_certs if _public_key_der(c.public_key()) == key_der]
        if not matching:
            raise SignatureError(MSG_NO_CERTIFICATE if not extra_certs else MSG_KEY_MISMATCH)
        certificate = matching[0]
        extra_certs = [c for c in extra_certs if c is not certificate]
    if _public_key_der(certificate.public_key()) != key_der:
        raise SignatureError(MSG_KEY_MISMATCH)

    not_before = certificate.not_valid_before_utc
    not_after = certificate.not_valid_after_utc
    now = datetime.now(UTC)
    period = f"det gäller från {_format_date(not_before)} till {_format_date(not_after)}"
    if now < not_before:
        raise SignatureError(f"Certifikatet är inte giltigt ännu: {period}.")
    if now > not_after:
        raise SignatureError(
            f"Certifikatet har gått ut {_format_date(not_after)}: det gällde från "
            f"{_format_date(not_before)} till {_format_date(not_after)}."
        )

    try:
        signing_key = asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    except (ValueError, TypeError) as exc:
        raise SignatureError(MSG_UNSUPPORTED_KEY) from exc
    signer = signers.SimpleSigner(
        signing_cert=_to_asn1(certificate),
        signing_key=signing_key,
        cert_registry=SimpleCertificateStore.from_certs([_to_asn1(c) for c in extra_certs]),
    )
    return Credentials(
        signer=signer,
        certificate=certificate,
        subject_name=_common_name(certificate.subject),
        issuer_name=_common_name(certificate.issuer),
        not_before=not_before,
        not_after=not_after,
    )


def _looks_like_pkcs12(data: bytes) -> bool:
    """True when ``data`` parses as a PKCS#12 PFX structure (whatever its passphrase)."""
    try:
        pfx = asn1_pkcs12.Pfx.load(bytes(data), strict=True)
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in (
            "data",
            "signed_data",
        )
    except Exception:  # noqa: BLE001 - asn1crypto raises several types on garbage; any of them means "no"
        return False


def _decrypt_pkcs12(
    p12: bytes, passphrase: str | None
) -> tuple[PrivateKeyTypes | None, x509.Certificate | None, list[x509.Certificate]]:
    """Open the PKCS#12 container; a file without a passphrase is tried as both "none" and "empty"."""
    if passphrase:
        attempts: tuple[bytes | None, ...] = (passphrase.encode("utf-8"),)
    else:
        attempts = (None, b"")
    for attempt in attempts:
        try:
            return pkcs12.load_key_and_certificates(p12, attempt)
        except ValueError:
            continue
        except Exception as exc:  # e.g. an encryption algorithm this build cannot decrypt
            raise SignatureError(MSG_UNSUPPORTED_PKCS12) from exc
    raise SignatureError(MSG_WRONG_PASSPHRASE if passphrase else MSG_MISSING_PASSPHRASE)


def _public_key_der(public_key: PublicKeyTypes) -> bytes:
    return public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _common_name(name: x509.Name) -> str:
    values = [str(attr.value) for attr in name.get_attributes_for_oid(NameOID.COMMON_NAME)]
    return ", ".join(values) if values else name.rfc4514_string()


def _format_date(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d")


def _to_asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


# --------------------------------------------------------------------------- signing


def certify_pdf(pdf: bytes, credentials: Credentials, *, reason: str, location: str) -> bytes:
    """Add a PAdES certification signature as an incremental update.

    The signature goes into an invisible field named :data:`SIGNATURE_FIELD_NAME`. Offline:
    no timestamp, no revocation information. The result starts with ``pdf`` byte for byte.

    Its DocMDP permission is P=2 ("form filling and signing"), not P=1 ("no changes"): the
    municipality's e-signing service adds approval signatures to the certified file, and
    under P=1 every one of them would break our certification (in Acrobat too, and some
    signing libraries refuse to sign a P=1 document at all). The agreement PDF has no form
    fields, so P=2 allows signatures and nothing else that shows; ``promises-app verify``
    checks that every later update is only that (:mod:`.pdf_update_policy`).
    """
    pdf = bytes(pdf)
    if not _has_pdf_header(pdf):
        raise SignatureError(MSG_NOT_PDF)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        if writer.prev.encrypted:
            raise SignatureError(MSG_ENCRYPTED_PDF)
        if writer.prev.embedded_signatures:
            raise SignatureError(MSG_ALREADY_SIGNED)
    except SignatureError:
        raise
    except Exception as exc:  # the parser raises many types on a broken file
        raise SignatureError(MSG_UNREADABLE_PDF) from exc

    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD_NAME,
        md_algorithm="sha256",
        reason=reason,
        location=location,
        name=credentials.subject_name,
        certify=True,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
        subfilter=fields.SigSeedSubFilter.PADES,
        embed_validation_info=False,
        use_pades_lta=False,
    )
    pdf_signer = signers.PdfSigner(metadata, credentials.signer, timestamper=None)
    try:
        output = pdf_signer.sign_pdf(writer)
    except Exception as exc:  # SigningError, PdfError, or a surprise from deep inside pyHanko
        logger.info("Certification signature failed", exc_info=exc)
        raise SignatureError(MSG_SIGNING_FAILED) from exc
    signed = output.getvalue()
    if not signed.startswith(pdf):  # pyHanko always appends; guard the caller's assumption
        raise SignatureError(MSG_SIGNING_FAILED)
    return signed


def _has_pdf_header(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


# --------------------------------------------------------------------------- verification


def inspect_signatures(pdf: bytes, *, trust_roots: Sequence[TrustRoot] = ()) -> SignatureInspection:
    """Validate every signature in ``pdf`` offline and describe what is wrong, in Swedish.

    ``trust_roots`` are the certificates (cryptography, asn1crypto, or DER/PEM bytes) a
    signer's chain must end in; with none, ``trusted`` is ``None`` on every check. Raises
    :class:`SignatureError` when the bytes are not a readable PDF.
    """
    pdf = bytes(pdf)
    if not _has_pdf_header(pdf):
        raise SignatureError(MSG_NOT_PDF)
    roots = [_root_to_asn1(root) for root in trust_roots]
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        if reader.encrypted:
            raise SignatureError(MSG_ENCRYPTED_PDF)
        embedded = list(reader.embedded_signatures)
        certification_ref = _certification_reference(reader)
    except SignatureError:
        raise
    except Exception as exc:  # the parser raises many types on a broken file
        raise SignatureError(MSG_UNREADABLE_PDF) from exc

    last_revision = reader.xrefs.total_revisions - 1
    checks = tuple(_check_one(sig, roots, certification_ref, last_revision) for sig in embedded)
    return SignatureInspection(signatures=checks)


def _root_to_asn1(root: TrustRoot) -> asn1_x509.Certificate:
    if isinstance(root, asn1_x509.Certificate):
        return root
    if isinstance(root, x509.Certificate):
        return _to_asn1(root)
    data = bytes(root)
    if asn1_pem.detect(data):
        _, _, data = asn1_pem.unarmor(data)
    return asn1_x509.Certificate.load(data)


def _certification_reference(reader: PdfFileReader) -> object | None:
    """The reference of the signature dictionary the catalog's /Perms /DocMDP points at."""
    try:
        return reader.root["/Perms"].raw_get("/DocMDP").reference
    except (KeyError, AttributeError, TypeError):
        return None


def _signature_reference(sig: EmbeddedPdfSignature) -> object | None:
    try:
        return sig.sig_field.raw_get("/V").reference
    except (KeyError, AttributeError, TypeError):
        return None


def _check_one(
    sig: EmbeddedPdfSignature,
    roots: list[asn1_x509.Certificate],
    certification_ref: object | None,
    last_revision: int,
) -> SignatureCheck:
    field_name = str(sig.field_name)
    certification = certification_ref is not None and _signature_reference(sig) == certification_ref
    timestamp = sig.sig_object_type == "/DocTimeStamp"
    reason = _optional_text(sig.sig_object, "/Reason")
    location = _optional_text(sig.sig_object, "/Location")
    visible = _visible(sig)
    try:
        signed_length = int(sig.byte_range[2]) + int(sig.byte_range[3])
    except (IndexError, TypeError, ValueError):
        signed_length = 0

    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    status: PdfSignatureStatus | DocumentTimestampStatus
    try:
        if timestamp:
            status = validate_pdf_timestamp(sig, context, diff_policy=SIGNATURES_ONLY_POLICY)
            signer_cert = status.signing_cert
        else:
            status = validate_pdf_signature(
                sig, context, diff_policy=SIGNATURES_ONLY_POLICY, key_usage_settings=_SIGNER_KEY_USAGE
            )
            signer_cert = sig.signer_cert
    except Exception as exc:  # a damaged or unsupported signature: report it, don't crash
        logger.info("Could not validate signature %r", field_name, exc_info=exc)
        return SignatureCheck(
            field_name=field_name,
            signer_name=_signer_name_or_blank(sig),
            signed_at=None,
            intact=False,
            valid=False,
            covers_whole_file=False,
            certification=certification,
            modifications_ok=False,
            trusted=False if roots else None,
            signed_length=signed_length,
            problems=(PROBLEM_UNREADABLE_SIGNATURE,),
            reason=reason,
            location=location,
            revision=sig.signed_revision,
            timestamp=timestamp,
            visible=visible,
        )

    covers_whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if isinstance(status, PdfSignatureStatus):
        modifications_ok = bool(status.docmdp_ok)
    else:  # a document timestamp carries no DocMDP of its own: the analysis alone decides
        modifications_ok = covers_whole_file or isinstance(status.diff_result, DiffResult)
    trusted = bool(status.trusted) if roots else None
    # Only signatures may follow a signature that is not the last one; bytes after the last
    # revision (or a damaged trailer) are never fine.
    followed_by_signatures = modifications_ok and sig.signed_revision < last_revision

    problems: list[str] = []
    if not status.intact:
        problems.append(PROBLEM_DIGEST)
    elif not status.valid:
        problems.append(PROBLEM_SIGNATURE_VALUE)
    if status.coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        if not followed_by_signatures:
            problems.append(PROBLEM_APPENDED)
    elif not covers_whole_file:
        problems.append(PROBLEM_ODD_COVERAGE)
    if not modifications_ok:
        no_changes = sig.docmdp_level == fields.MDPPerm.NO_CHANGES
        problems.append(PROBLEM_NO_CHANGES_ALLOWED if no_changes else PROBLEM_DISALLOWED_CHANGES)
    if visible:
        problems.append(PROBLEM_VISIBLE)
    if roots and not trusted and status.intact and status.valid:
        problems.append(_trust_problem(status, signer_cert))

    return SignatureCheck(
        field_name=field_name,
        signer_name=_asn1_common_name(signer_cert),
        signed_at=_signing_time(status),
        intact=bool(status.intact),
        valid=bool(status.valid),
        covers_whole_file=covers_whole_file,
        certification=certification,
        modifications_ok=modifications_ok,
        trusted=trusted,
        signed_length=signed_length,
        problems=tuple(problems),
        reason=reason,
        location=location,
        revision=sig.signed_revision,
        timestamp=timestamp,
        visible=visible,
    )


def _visible(sig: EmbeddedPdfSignature) -> bool:
    """Whether the signature's field has a widget with an area on a page (it then draws there)."""
    try:
        return bool(is_field_visible(sig.sig_field))
    except Exception:  # noqa: BLE001 - a malformed widget: treat it as drawing, the safe side
        return True


def _trust_problem(status: PdfSignatureStatus | DocumentTimestampStatus, cert: asn1_x509.Certificate) -> str:
    """The Swedish sentence for a chain that does not validate to the given roots."""
    if status.revoked:
        return PROBLEM_REVOKED
    validity = cert["tbs_certificate"]["validity"]
    not_before: datetime = validity["not_before"].native
    not_after: datetime = validity["not_after"].native
    now = datetime.now(UTC)
    if now > not_after:
        return (
            f"Certifikatet har gått ut {_format_date(not_after)} och kan därför inte kontrolleras "
            "mot de betrodda utfärdarna."
        )
    if now < not_before:
        return f"Certifikatet gäller inte förrän {_format_date(not_before)}."
    return PROBLEM_UNTRUSTED


def _signing_time(status: PdfSignatureStatus | DocumentTimestampStatus) -> datetime | None:
    if isinstance(status, DocumentTimestampStatus):
        return status.timestamp
    timestamp = status.timestamp_validity
    if timestamp is not None and timestamp.intact and timestamp.valid:
        return timestamp.timestamp
    return status.signer_reported_dt


def _asn1_common_name(cert: asn1_x509.Certificate) -> str:
    subject = cert.subject.native
    common_name = subject.get("common_name")
    if isinstance(common_name, Iterable) and not isinstance(common_name, str):
        common_name = ", ".join(str(part) for part in common_name)
    return str(common_name) if common_name else cert.subject.human_friendly


def _signer_name_or_blank(sig: EmbeddedPdfSignature) -> str:
    try:
        return _asn1_common_name(sig.signer_cert)
    except Exception:  # noqa: BLE001 - the signature could not be read at all
        return ""


def _optional_text(dictionary: Mapping[str, object], key: str) -> str | None:
    try:
        value = dictionary[key]
    except (KeyError, TypeError):
        return None
    return str(value)
