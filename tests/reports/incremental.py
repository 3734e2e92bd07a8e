"""Incremental updates for the verify tests, made with pyHanko the way real tools make them.

An e-signing service adds approval signatures; an attacker adds a content stream, an
annotation or new document information, and may sign that too. Each function returns the
given PDF with one more incremental update (the given bytes stay the file's beginning).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.validation.dss import DocumentSecurityStore

from promises_app.reports.pdf_signature import Credentials, load_credentials
from tests.reports.certificates import TestCertificate, make_certificate

FORGED_TEXT = "POLISEN LOVAR INGENTING"


def credentials_for(common_name: str) -> Credentials:
    """A fresh self-signed signer, as anyone can make one."""
    certificate = make_certificate(common_name=common_name)
    return load_credentials(certificate.p12, certificate.passphrase)


def _written(writer: IncrementalPdfFileWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _overlay_writer(pdf: bytes, text: str) -> IncrementalPdfFileWriter:
    """A writer whose update draws ``text`` in big red letters on page 1."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    font = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Font"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
            generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica-Bold"),
        }
    )
    resources = generic.DictionaryObject(
        {generic.pdf_name("/Font"): generic.DictionaryObject({generic.pdf_name("/FX"): writer.add_object(font)})}
    )
    drawing = f"q 1 0 0 rg BT /FX 30 Tf 60 420 Td ({text}) Tj ET Q".encode("latin-1")
    stream = writer.add_object(generic.StreamObject(stream_data=drawing))
    writer.add_stream_to_page(0, stream, resources=resources)
    return writer


def overlay(pdf: bytes, *, text: str = FORGED_TEXT, signer: Credentials | None = None) -> bytes:
    """Draw ``text`` on page 1 in an update, signed by ``signer`` (an approval signature) or not."""
    writer = _overlay_writer(pdf, text)
    if signer is None:
        return _written(writer)
    meta = signers.PdfSignatureMetadata(field_name=f"Signatur {signer.subject_name}", md_algorithm="sha256")
    return signers.sign_pdf(writer, meta, signer=signer.signer).getvalue()


class _CarelessSigner(signers.PdfSigner):
    """A signing tool that signs even where a certification forbids it (pyHanko itself refuses)."""

    def _enforce_certification_constraints(self, reader: object) -> None:
        return None


def replace_page_content(pdf: bytes, *, signer: Credentials) -> bytes:
    """Overwrite page 1's content stream in place (same object number), and sign the update.

    The page dictionary itself is not rewritten: only the stream it already points at.
    """
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = writer.root["/Pages"]["/Kids"][0]
    contents = page.raw_get("/Contents")
    first = contents.get_object()[0] if isinstance(contents.get_object(), generic.ArrayObject) else contents
    stream = first.get_object()
    stream.strip_filters()
    original = stream.data
    # The same page, with the forged line drawn last, in the font the page already uses.
    stream._data = stream._encoded_data = original + f"\nBT 60 420 Td ({FORGED_TEXT}) Tj ET".encode("latin-1")
    stream[generic.pdf_name("/Length")] = generic.NumberObject(len(stream._data))
    writer.mark_update(first)
    meta = signers.PdfSignatureMetadata(field_name=f"Signatur {signer.subject_name}", md_algorithm="sha256")
    return signers.sign_pdf(writer, meta, signer=signer.signer).getvalue()


def approve(pdf: bytes, signer: Credentials, *, visible: bool = False) -> bytes:
    """An approval signature in a new field, invisible unless asked, as an e-signing service adds it.

    Made by a tool that does not refuse to sign after a "no changes" certification, so that
    the verifier's own judgement of such a file can be tested.
    """
    name = f"Signatur {signer.subject_name}"
    meta = signers.PdfSignatureMetadata(
        field_name=name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES, reason="Godkänd"
    )
    spec = fields.SigFieldSpec(sig_field_name=name, on_page=0, box=(60, 400, 460, 470)) if visible else None
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return _CarelessSigner(meta, signer.signer, new_field_spec=spec).sign_pdf(writer).getvalue()


def certify_no_changes(pdf: bytes, signer: Credentials) -> bytes:
    """A certification that forbids every change (DocMDP P=1), as the program made them before."""
    meta = signers.PdfSignatureMetadata(
        field_name="Underskrift",
        md_algorithm="sha256",
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return signers.PdfSigner(meta, signer.signer).sign_pdf(writer).getvalue()


def annotate(pdf: bytes, text: str = FORGED_TEXT) -> bytes:
    """An unsigned update adding a text note (``text``) to page 1."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    annotation = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
            generic.pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (100, 100, 120, 120)]),
            generic.pdf_name("/Contents"): generic.TextStringObject(text),
        }
    )
    writer.register_annotation(page_ref, writer.add_object(annotation))
    return _written(writer)


def retitle(pdf: bytes, title: str, *, signer: Credentials | None = None) -> bytes:
    """An update giving the document another title in its /Info, signed by ``signer`` or not."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    info = writer.trailer["/Info"]
    info[generic.pdf_name("/Title")] = generic.TextStringObject(title)
    writer.update_container(info)
    if signer is None:
        return _written(writer)
    meta = signers.PdfSignatureMetadata(field_name=f"Signatur {signer.subject_name}", md_algorithm="sha256")
    return signers.sign_pdf(writer, meta, signer=signer.signer).getvalue()


def flip_signature_value(pdf: bytes) -> bytes:
    """The same file with one hex digit of the last signature's value changed (inside its RSA value)."""
    start = pdf.rindex(b"/Contents <") + len(b"/Contents <")
    end = pdf.index(b">", start)
    significant = pdf[start:end].rstrip(b"0")  # the CMS blob; the zeros after it are padding
    position = start + len(significant) - 40  # in the last part of the blob: the signature value
    flipped = b"1" if pdf[position : position + 1] != b"1" else b"2"
    return pdf[:position] + flipped + pdf[position + 1 :]


def add_validation_data(pdf: bytes, certificate: TestCertificate) -> bytes:
    """An unsigned update adding a document security store (DSS) with the signer's certificate."""
    out = io.BytesIO(pdf)
    asn1_cert = asn1_x509.Certificate.load(certificate.certificate.public_bytes(serialization.Encoding.DER))
    DocumentSecurityStore.add_dss(out, sig_contents=None, certs=[asn1_cert], force_write=True)
    return out.getvalue()


def add_document_timestamp(pdf: bytes) -> bytes:
    """An update with a document timestamp from a local test time-stamping authority."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Testtidsstämplare")])
    now = datetime.now(UTC)
    tsa = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    stamper = timestamps.DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(tsa.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
    )
    out = signers.PdfTimeStamper(stamper).timestamp_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), "sha256")
    return out.getvalue()


def rewrite_xmp(pdf: bytes, old: str, new: str, *, signer: Credentials | None = None, remove: bool = False) -> bytes:
    """An update whose XMP metadata says ``new`` where the printed one says ``old`` (or has none,
    with ``remove``), written by a tool that leaves /Info alone; signed by ``signer`` or not."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer._update_meta = lambda: None  # type: ignore[method-assign]  # this tool writes the XMP itself
    if remove:
        del writer.root["/Metadata"]
    else:
        data = writer.root["/Metadata"].data.replace(old.encode("utf-8"), new.encode("utf-8"))
        stream = generic.StreamObject(
            {generic.pdf_name("/Type"): generic.pdf_name("/Metadata"),
             generic.pdf_name("/Subtype"): generic.pdf_name("/XML")},
            stream_data=data,
        )
        writer.root["/Metadata"] = writer.add_object(stream)
    writer.update_root()
    if signer is None:
        return _written(writer)
    meta = signers.PdfSignatureMetadata(field_name=f"Signatur {signer.subject_name}", md_algorithm="sha256")
    return signers.sign_pdf(writer, meta, signer=signer.signer).getvalue()
