"""Is this PDF an untouched signed revision or adopted follow-up, and of which agreement? (``promises-app verify``)

A file is recognised in one of three ways:

1. its SHA-256 is that of a hand-signed copy attached to a signed revision;
2. its metadata names the content hash of a signed revision (every agreement PDF carries the
   full SHA-256 of the content it was made from), and its bytes begin with exactly the PDF of
   that revision: the PDF stored at signing (its SHA-256 and length are kept; for a revision
   signed before schema 7 only those, and the PDF is made again by the renderer of that time)
   or, for a revision imported from a file, the PDF made again from the frozen content (by
   Typst; a copy printed before that, by ReportLab, is recognised too);
3. its metadata names the content hash of an adopted follow-up report (reports/adopted_document.py),
   or its SHA-256 is that of one, and its bytes begin with exactly the PDF kept at the adoption.

In the second and third cases whatever follows those bytes must be incremental updates that only add
signatures (ours, the e-signing service's), each intact, judged one by one with pyHanko's
difference analysis (:mod:`.pdf_updates`). Anything else can change what a PDF reader shows,
however intact its own signature: the file is then "ändrad efter utskrift" and never called
untouched. Whether a signer's certificate is trusted is judged only against ``trust_roots``.

Every finding is a plain Swedish sentence; ``ok`` says whether the file is what it claims.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from promises_app.reports.adopted_document import ADOPTED_HASH_KEYWORD, adoption_text
from promises_app.reports.agreement_pdf import CONTENT_HASH_KEYWORD

if TYPE_CHECKING:
    from promises_app.reports.pdf_signature import SignatureCheck, TrustRoot
    from promises_app.reports.pdf_updates import UpdateReview, UpdateVerdict
    from promises_app.services import Services
    from promises_app.services.records import AdoptedReportRecord, SignedRevisionRecord

_CONTENT_HASH = re.compile(re.escape(CONTENT_HASH_KEYWORD).encode("ascii") + rb"([0-9a-f]{64})")
_ADOPTED_HASH = re.compile(re.escape(ADOPTED_HASH_KEYWORD).encode("ascii") + rb"([0-9a-f]{64})")


@dataclass
class Verification:
    ok: bool = False
    agreement_title: str = ""
    revision: int | None = None
    findings: list[str] = field(default_factory=list)
    #: For an adopted follow-up report: its period ("2022-T2") and version.
    period: str = ""
    adopted_version: int | None = None


def verify_pdf(services: Services, data: bytes, *, trust_roots: Sequence[TrustRoot] = ()) -> Verification:
    """What ``data`` (a PDF file's bytes) is, checked against the signed revisions in the database."""
    result = Verification()
    digest = hashlib.sha256(data).hexdigest()
    copy = services.signoff.find_copy_by_hash(digest)
    if copy is not None:
        copied, attached = copy
        _name(services, result, copied)
        result.ok = True
        result.findings.append(
            f"Filen är den inskannade, undertecknade kopian av revision {copied.revision} av "
            f"«{result.agreement_title}» (bifogad {attached.attached_at[:10]} som «{attached.file_name}», "
            f"SHA-256 {digest})."
        )
        return result
    if not data.lstrip()[:5] == b"%PDF-":
        result.findings.append("Filen är inte en PDF.")
        return result
    adopted = services.adoptions.find_by_pdf_hash(digest)
    claimed_adoption = _ADOPTED_HASH.search(data)
    if adopted is not None or claimed_adoption is not None:
        return _verify_adopted(services, result, data, adopted, claimed_adoption, trust_roots)
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
    if not original_ok:
        _report_signatures(result, data, trust_roots)
        return result
    result.ok, updated = _check_updates(result, data, length, trust_roots)
    signed = f"undertecknad {revision.signed_on.isoformat()}" if revision.signed_on else "undertecknad"
    place = f" i {revision.signed_place}" if revision.signed_place else ""
    if not result.ok:
        result.findings.insert(
            0,
            f"Filen är ändrad efter utskrift: den börjar med {where}, {signed}{place}, men det som lagts "
            "till efter den kan ändra det som visas, eller går inte att kontrollera (se nedan).",
        )
    elif updated:
        result.findings.insert(
            0,
            f"Filen är {where}, {signed}{place}, med sidorna orörda (innehållets SHA-256 {content_hash}); "
            "efter utskriften har bara signaturer lagts till.",
        )
    else:
        result.findings.insert(
            0, f"Filen är en orörd kopia av {where}, {signed}{place} (innehållets SHA-256 {content_hash})."
        )
    return result


def _verify_adopted(
    services: Services,
    result: Verification,
    data: bytes,
    record: AdoptedReportRecord | None,
    claimed: re.Match[bytes] | None,
    trust_roots: Sequence[TrustRoot],
) -> Verification:
    """Is the file an adopted follow-up report kept in the database, untouched but for added signatures?"""
    if record is None:
        assert claimed is not None  # the caller found one or the other
        content_hash = claimed.group(1).decode("ascii")
        record = services.adoptions.find_by_content_hash(content_hash)
        if record is None:
            result.findings.append(
                f"Ingen fastställd uppföljning i databasen har innehållet med kontrollsumman {content_hash}. "
                "Filen kommer från en annan databas, eller så har den ändrats."
            )
            return result
    import json

    from promises_app.domain.periods import describe

    content = json.loads(services.adoptions.content_text(record.id))
    result.agreement_title = str(content.get("agreement_title", ""))
    result.period = record.period
    result.adopted_version = record.report_version
    try:
        named = f"{describe(record.period)} ({record.period})"
    except ValueError:
        named = record.period
    where = (f"den fastställda uppföljningen {named}, version {record.report_version}, av "
             f"«{result.agreement_title}»")
    adopted = ("fastställd av " + adoption_text(record.adopted_by, record.adopted_on, record.paragraph,
                                                record.case_number))
    kept = services.adoptions.printable(record.agreement_id, record.period, record.report_version).pdf
    length = len(kept)
    if data[:length] != kept:
        result.findings.append(
            f"Filen påstår sig vara {where}, men den har ändrats: {_first_difference(data, kept)}"
        )
        _report_signatures(result, data, trust_roots)
        return result
    result.findings.append(f"{_which_bytes(data, length)} byte för byte den PDF som sparades vid fastställandet.")
    result.ok, updated = _check_updates(result, data, length, trust_roots)
    if not result.ok:
        result.findings.insert(
            0,
            f"Filen är ändrad efter utskrift: den börjar med {where}, {adopted}, men det som lagts till efter "
            "den kan ändra det som visas, eller går inte att kontrollera (se nedan).",
        )
        return result
    if updated:
        verdict = (f"Filen är {where}, {adopted}, med sidorna orörda (innehållets SHA-256 {record.content_sha256}); "
                   "efter utskriften har bara signaturer lagts till.")
    else:
        verdict = (f"Filen är en orörd kopia av {where}, {adopted} "
                   f"(innehållets SHA-256 {record.content_sha256}).")
    result.findings.insert(0, verdict)
    if not record.latest:
        newest = services.adoptions.list_adopted(record.agreement_id, record.period)[-1]
        again = adoption_text(newest.adopted_by, newest.adopted_on, newest.paragraph, newest.case_number)
        result.findings.insert(
            1,
            f"Obs: perioden har fastställts på nytt sedan dess. Den gällande versionen är {newest.report_version}, "
            f"fastställd av {again}.",
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
            result.findings.append(
                f"{_which_bytes(data, length)} byte för byte den PDF som togs fram vid undertecknandet."
            )
            return True, length
    from promises_app.reports.agreement_document import render_legacy_snapshot_pdf, signed_revision_pdf

    expected = signed_revision_pdf(services, revision.agreement_id, revision.revision)
    length = len(expected)
    if data[:length] == expected:
        result.findings.append(
            f"{_which_bytes(data, length)} byte för byte den PDF som revisionens frysta innehåll ger."
        )
        return True, length
    if revision.pdf_sha256 is None:
        # Imported, so never hashed: a copy printed before agreements were laid out by Typst
        # is the ReportLab PDF of the same frozen content (agreement_pdf_legacy).
        printable = services.signoff.printable(revision.agreement_id, revision=revision.revision)
        earlier = render_legacy_snapshot_pdf(printable.snapshot, printable.log_anchor)
        if data[: len(earlier)] == earlier:
            result.findings.append(
                f"{_which_bytes(data, len(earlier))} byte för byte den PDF som revisionens frysta innehåll gav "
                "i tidigare versioner av programmet."
            )
            return True, len(earlier)
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


def _which_bytes(data: bytes, length: int) -> str:
    return "Sidorna är" if len(data) == length else f"Filens början ({length} byte) är"


def _first_difference(data: bytes, expected: bytes) -> str:
    for index, (a, b) in enumerate(zip(data, expected, strict=False)):
        if a != b:
            return f"första skillnaden vid byte {index} av {len(expected)}."
    if len(data) < len(expected):
        return f"filen är avkortad ({len(data)} av {len(expected)} byte)."
    return "den är längre än originalet."


def _who(check: SignatureCheck) -> str:
    return (
        f"{(check.signer_name or check.field_name)[:80]}"
        + (f", {check.signed_at:%Y-%m-%d %H:%M} UTC" if check.signed_at else "")
        + (" (certifiering)" if check.certification else "")
    )


def _check_updates(
    result: Verification, data: bytes, length: int, trust_roots: Sequence[TrustRoot]
) -> tuple[bool, bool]:
    """Everything after the original's ``length`` bytes: only intact signatures may be there.

    Returns (all is well, something was added after the original).
    """
    from promises_app.reports.pdf_signature import SignatureError
    from promises_app.reports.pdf_updates import review_updates

    try:
        review = review_updates(data, length, trust_roots=trust_roots)
    except SignatureError as error:
        result.findings.append(
            f"Det som lagts till efter originalets {length} byte ({len(data) - length} byte till) går inte "
            f"att kontrollera: {error}"
        )
        return False, True
    result.findings.extend(review.problems)
    result.findings.extend(_update_findings(review))
    if not review.signatures and not review.updates and not review.problems:
        result.findings.append("Filen har ingen digital signatur (det behövs inte; innehållet stämmer).")
    updates = {check.revision: update for update in review.updates for check in update.signatures}
    for check in review.signatures:
        result.findings.extend(_signature_findings(check, updates.get(check.revision), review))
    if review.ok and any(check.trusted is None for check in review.signatures):
        which = "Certifikatet" if len(review.signatures) == 1 else "Certifikaten"
        result.findings.append(
            f"  {which} har inte prövats mot någon betrodd utfärdare (ange --trust CERT för det)."
        )
    return review.ok, bool(review.updates)


def _update_findings(review: UpdateReview) -> list[str]:
    """A sentence for each update that is refused, or that adds no signature but validation data."""
    found = []
    count = len(review.updates)
    for update in review.updates:
        where = f"Uppdatering {update.number} av {count} (byte {update.start}–{update.end}"
        where += f", signerad av {update.signed_by[:80]})" if update.signed_by else ", utan signatur)"
        if not update.ok:
            found.append(f"{where}: {'; '.join(update.problems)}.")
        elif not update.signatures:
            found.append(
                f"{where} lägger bara till valideringsdata (certifikat och spärrinformation) för signaturerna; "
                "den ändrar inget som visas."
            )
    return found


def _signature_findings(check: SignatureCheck, update: UpdateVerdict | None, review: UpdateReview) -> list[str]:
    """Who signed and whether the signature holds; "intact" only when the whole file is fine."""
    what = "Tidsstämplad" if check.timestamp else "Digitalt signerad"
    noun = "tidsstämpeln" if check.timestamp else "signaturen"
    if check.problems:
        return [f"Den digitala {noun} ({_who(check)}) håller inte:", *(f"  – {problem}" for problem in check.problems)]
    if update is not None and not update.ok:
        return [
            f"{what} av {_who(check)}: själva {noun} är intakt, men uppdatering {update.number} som den "
            "signerar ändrar mer än signaturer."
        ]
    if not review.ok:
        return [f"{what} av {_who(check)}: själva {noun} är intakt, men filen stämmer ändå inte (se ovan)."]
    if check.covers_whole_file:
        covers = " och täcker hela filen"
    elif update is not None:
        covers = f" (uppdatering {update.number} av {len(review.updates)}; därefter har bara signaturer lagts till)"
    else:
        covers = ""
    trusted = ", och certifikatet är betrott." if check.trusted else "."
    return [f"{what} av {_who(check)}: {noun} är intakt{covers}{trusted}"]


def _report_signatures(result: Verification, data: bytes, trust_roots: Sequence[TrustRoot]) -> None:
    """The original does not match: say also what is wrong with any signature, for the details."""
    from promises_app.reports.pdf_signature import SignatureError, inspect_signatures

    try:
        inspection = inspect_signatures(data, trust_roots=trust_roots)
    except SignatureError as error:
        result.findings.append(f"Filens signaturer kunde inte läsas: {error}")
        return
    for check in inspection.signatures:
        if check.problems:
            result.findings.append(f"Den digitala signaturen ({_who(check)}) håller inte:")
            result.findings.extend(f"  – {problem}" for problem in check.problems)
        else:
            result.findings.append(
                f"Digitalt signerad av {_who(check)}: själva signaturen är intakt, men den gör inte filen "
                "till en kopia av revisionen (se ovan)."
            )
