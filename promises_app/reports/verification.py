"""Is this PDF an untouched signed revision, and of which agreement? (``promises-app verify``)

A file is recognised in one of three ways:

1. its SHA-256 is that of a hand-signed copy attached to a signed revision;
2. its metadata names the content hash of a signed revision (every agreement PDF carries the
   full SHA-256 of the content it was made from), and its bytes begin with exactly the PDF of
   that revision: the PDF stored at signing (its SHA-256 and length are kept) or, for a
   revision imported from a file, the PDF made again from the frozen content;
3. whatever follows those bytes must be a digital signature (pyHanko) that is intact and
   covers the whole file, so nothing was added after signing.

Every finding is a plain Swedish sentence; ``ok`` says whether the file is what it claims.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from promises_app.reports.agreement_pdf import CONTENT_HASH_KEYWORD

if TYPE_CHECKING:
    from promises_app.services import Services
    from promises_app.services.records import SignedRevisionRecord

_CONTENT_HASH = re.compile(re.escape(CONTENT_HASH_KEYWORD).encode("ascii") + rb"([0-9a-f]{64})")


@dataclass
class Verification:
    ok: bool = False
    agreement_title: str = ""
    revision: int | None = None
    findings: list[str] = field(default_factory=list)


def verify_pdf(services: Services, data: bytes, *, trust_roots: Sequence[Any] = ()) -> Verification:
    """What ``data`` (a PDF file's bytes) is, checked against the signed revisions in the database."""
    result = Verification()
    digest = hashlib.sha256(data).hexdigest()
    copy = services.signoff.find_copy_by_hash(digest)
    if copy is not None:
        revision, attached = copy
        _name(services, result, revision)
        result.ok = True
        result.findings.append(
            f"Filen är den inskannade, undertecknade kopian av revision {revision.revision} av "
            f"«{result.agreement_title}» (bifogad {attached.attached_at[:10]} som «{attached.file_name}», "
            f"SHA-256 {digest})."
        )
        return result
    if not data.lstrip()[:5] == b"%PDF-":
        result.findings.append("Filen är inte en PDF.")
        return result
    claimed = _CONTENT_HASH.search(data)
    if claimed is None:
        result.findings.append(
            "Filen är inte en överenskommelse från Medborgarlöften (den saknar innehållets kontrollsumma), "
            "och den är inte någon bifogad inskannad kopia."
        )
        return result
    content_hash = claimed.group(1).decode("ascii")
    revision = services.signoff.find_by_content_hash(content_hash)
    if revision is None:
        result.findings.append(
            f"Ingen undertecknad revision i databasen har innehållet med kontrollsumman {content_hash}. "
            "Filen är ett utkast, eller kommer från en annan databas, eller så har den ändrats."
        )
        return result
    _name(services, result, revision)
    where = f"revision {revision.revision} av «{result.agreement_title}»"
    original_ok, length = _check_original(services, result, revision, data, where)
    signature_ok = _check_signatures(result, data, length, original_ok, trust_roots)
    result.ok = original_ok and signature_ok
    if result.ok:
        signed = f"undertecknad {revision.signed_on.isoformat()}" if revision.signed_on else "undertecknad"
        place = f" i {revision.signed_place}" if revision.signed_place else ""
        result.findings.insert(
            0, f"Filen är en orörd kopia av {where}, {signed}{place} (innehållets SHA-256 {content_hash})."
        )
    return result


def _name(services: Services, result: Verification, revision: SignedRevisionRecord) -> None:
    result.agreement_title = services.signoff.revision_snapshot(revision.agreement_id, revision.revision).title
    result.revision = revision.revision


def _check_original(
    services: Services, result: Verification, revision: SignedRevisionRecord, data: bytes, where: str
) -> tuple[bool, int]:
    """Do the file's first bytes equal the revision's PDF? Returns (equal, that PDF's length)."""
    if revision.pdf_sha256 is not None and revision.pdf_size is not None:
        length = revision.pdf_size
        if len(data) >= length and hashlib.sha256(data[:length]).hexdigest() == revision.pdf_sha256:
            result.findings.append("Sidorna är byte för byte den PDF som togs fram vid undertecknandet.")
            return True, length
    from promises_app.reports.agreement_document import signed_revision_pdf

    expected = signed_revision_pdf(services, revision.agreement_id, revision.revision)
    length = len(expected)
    if data[:length] == expected:
        result.findings.append("Sidorna är byte för byte den PDF som revisionens frysta innehåll ger.")
        return True, length
    if revision.pdf_sha256 is not None and hashlib.sha256(expected).hexdigest() != revision.pdf_sha256:
        result.findings.append(
            f"Filen påstår sig vara {where}, men den är inte den PDF som togs fram vid undertecknandet: "
            f"{_first_difference(data, expected)}"
        )
    else:
        result.findings.append(
            f"Filen påstår sig vara {where}, men den har ändrats: {_first_difference(data, expected)}"
        )
    return False, length


def _first_difference(data: bytes, expected: bytes) -> str:
    for index, (a, b) in enumerate(zip(data, expected, strict=False)):
        if a != b:
            return f"första skillnaden vid byte {index} av {len(expected)}."
    if len(data) < len(expected):
        return f"filen är avkortad ({len(data)} av {len(expected)} byte)."
    return "den är längre än originalet."


def _check_signatures(
    result: Verification, data: bytes, length: int, original_ok: bool, trust_roots: Sequence[Any]
) -> bool:
    """Anything after the original must be an intact signature covering the whole file."""
    from promises_app.reports.pdf_signature import SignatureError, inspect_signatures

    try:
        inspection = inspect_signatures(data, trust_roots=trust_roots)
    except SignatureError as error:
        result.findings.append(f"Filens signaturer kunde inte läsas: {error}")
        return False
    if not inspection.signatures:
        if original_ok and len(data) > length:
            result.findings.append(
                f"Något har lagts till efter originalets {length} byte ({len(data) - length} byte till), "
                "och det är ingen digital signatur."
            )
            return False
        if original_ok:
            result.findings.append("Filen har ingen digital signatur (det behövs inte; innehållet stämmer).")
        return True
    ok = True
    for check in inspection.signatures:
        who = f"{check.signer_name}" + (f", {check.signed_at:%Y-%m-%d %H:%M} UTC" if check.signed_at else "")
        if check.problems:
            ok = False
            result.findings.append(f"Den digitala signaturen ({who}) håller inte:")
            result.findings.extend(f"  – {problem}" for problem in check.problems)
            continue
        result.findings.append(
            f"Digitalt signerad av {who}: signaturen är intakt och täcker hela filen"
            + (", och certifikatet är betrott." if check.trusted else ".")
        )
        if check.trusted is None:
            result.findings.append(
                "  Certifikatet har inte prövats mot någon betrodd utfärdare (ange --trust CERT för det)."
            )
    return ok
