"""What was added to an agreement PDF after it was printed, one incremental update at a time.

``promises-app verify`` first proves that a file begins with exactly the bytes of a signed
revision's PDF. Whatever follows must be incremental updates (PDF revisions) that only add
signatures: our own certification, the approval signatures of the municipality's e-signing
service, a document timestamp, or validation data for them (a DSS). :func:`review_updates`
judges each update on its own with pyHanko's difference analysis
(:mod:`.pdf_update_policy`) and requires of each one:

* the file's own history starts with the original's revisions, unchanged;
* the update adds a signature or document timestamp that closes exactly that update (its
  byte range ends where the update ends; the last one covers the whole file) and is intact,
  or, without a signature, it only adds validation data (DSS) for a signature before it;
* no signature is visible on a page, and nothing else is changed, added or freed;
* a certification (``/Perms /DocMDP``) may be added only by the first update, and only for
  the signature that update adds;
* no byte follows the last update.

A document timestamp and a DSS are accepted because PAdES long-term signatures (which an
e-signing service may produce) consist of exactly these; neither can change what is shown.
No Qt here.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.fields import MDPPerm

from promises_app.reports.pdf_signature import (
    MSG_UNREADABLE_PDF,
    SignatureCheck,
    SignatureError,
    TrustRoot,
    inspect_signatures,
)
from promises_app.reports.pdf_update_policy import (
    CERTIFYING_POLICY,
    SIGNATURES_ONLY_POLICY,
    Refusal,
    describe_changes,
)

__all__ = ["UpdateReview", "UpdateVerdict", "review_updates"]

# INFO, not WARNING: without a configured log (the command line) a warning would be printed
# on the terminal with its traceback; the user already gets the finding in Swedish.
logger = logging.getLogger(__name__)

KIND_CERTIFICATION = "certifiering"
KIND_SIGNATURE = "signatur"
KIND_TIMESTAMP = "tidsstämpel"
KIND_VALIDATION_DATA = "valideringsdata"
KIND_UNSIGNED = "utan signatur"


@dataclass(frozen=True)
class UpdateVerdict:
    """One incremental update after the original: where it is, what it adds, what is wrong."""

    number: int
    """1 for the first update after the original PDF, and so on."""
    start: int
    end: int
    kind: str
    signatures: tuple[SignatureCheck, ...]
    problems: tuple[str, ...]
    """Swedish phrases (no full stop); empty exactly when the update only adds signatures."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def signed_by(self) -> str:
        """Who signed the update, for a sentence ("" when nobody did)."""
        return ", ".join(check.signer_name for check in self.signatures if check.signer_name)


@dataclass(frozen=True)
class UpdateReview:
    """Every update after the original, and the problems of the file as a whole."""

    updates: tuple[UpdateVerdict, ...]
    signatures: tuple[SignatureCheck, ...]
    problems: tuple[str, ...]
    """Swedish sentences about the file's structure (not tied to one update)."""

    @property
    def ok(self) -> bool:
        return (
            not self.problems
            and all(update.ok for update in self.updates)
            and all(check.ok for check in self.signatures)
        )


def review_updates(pdf: bytes, original_length: int, *, trust_roots: Sequence[TrustRoot] = ()) -> UpdateReview:
    """Judge every incremental update that follows the first ``original_length`` bytes of ``pdf``.

    The caller has already checked that those bytes are the product's own PDF. Raises
    :class:`SignatureError` (a Swedish sentence) when the file cannot be read as a PDF.
    """
    pdf = bytes(pdf)
    inspection = inspect_signatures(pdf, trust_roots=trust_roots)
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        original = PdfFileReader(io.BytesIO(pdf[:original_length]))
        total = reader.xrefs.total_revisions
        first = original.xrefs.total_revisions
        history_ok = total >= first and all(
            reader.xrefs.get_startxref_for_revision(i) == original.xrefs.get_startxref_for_revision(i)
            for i in range(first)
        )
    except Exception as exc:  # the parser raises many types on a broken file
        raise SignatureError(MSG_UNREADABLE_PDF) from exc

    signatures = inspection.signatures
    if not history_ok:
        return UpdateReview(
            updates=(),
            signatures=signatures,
            problems=(
                "Det som lagts till efter originalet ersätter filens innehållsförteckning (xref) i stället för "
                "att bygga vidare på den, så en PDF-läsare visar något annat än originalet.",
            ),
        )
    if total == first:
        problems: tuple[str, ...] = ()
        if len(pdf.rstrip(b"\r\n")) > original_length:
            problems = (
                f"Något har lagts till efter originalets {original_length} byte "
                f"({len(pdf) - original_length} byte till), och det är ingen digital signatur.",
            )
        return UpdateReview(updates=(), signatures=signatures, problems=problems)

    ends = [_revision_end(pdf, reader, revision) for revision in range(total)]
    by_revision: dict[int, list[SignatureCheck]] = {}
    for check in signatures:
        by_revision.setdefault(check.revision, []).append(check)
    file_problems = [
        f"Signaturen i fältet «{check.field_name[:80]}» hör till originalet, som inte har några signaturer."
        for check in signatures
        if check.revision < first
    ]
    if len(pdf.rstrip(b"\r\n")) > ends[-1]:
        file_problems.append(
            f"Efter filens sista uppdatering följer {len(pdf) - ends[-1]} byte till som ingen uppdatering "
            "eller signatur omfattar."
        )

    base = reader.get_historical_resolver(first - 1)
    verdicts: list[UpdateVerdict] = []
    for revision in range(first, total):
        new = reader.get_historical_resolver(revision)
        checks = tuple(by_revision.get(revision, ()))
        certifying = revision == first and _adds_perms(base, new)
        problems_here = _judge(base, new, checks, certifying=certifying)
        if not checks and not problems_here and not any(verdict.signatures for verdict in verdicts):
            problems_here.append("den lägger till valideringsdata, men det finns ingen signatur före den")
        verdicts.append(
            UpdateVerdict(
                number=revision - first + 1,
                start=ends[revision - 1],
                end=ends[revision],
                kind=_kind(checks, certifying, accepted=not problems_here),
                signatures=checks,
                problems=tuple(problems_here),
            )
        )
        if certifying:  # later updates are judged against the certified revision, as pyHanko does
            base = new
    return UpdateReview(updates=tuple(verdicts), signatures=signatures, problems=tuple(file_problems))


def _judge(
    base: HistoricalResolver, new: HistoricalResolver, checks: tuple[SignatureCheck, ...], *, certifying: bool
) -> list[str]:
    """The Swedish phrases for what is wrong with one update (empty when it only adds signatures)."""
    problems: list[str] = []
    policy = CERTIFYING_POLICY if certifying else SIGNATURES_ONLY_POLICY
    try:
        # DocMDP P=2 also when nothing certifies the file: pyHanko then refuses new visible
        # signature fields as well (our policy refuses them anyway, with a clearer sentence).
        result = policy.apply(base, new, doc_mdp=MDPPerm.FILL_FORMS)
    except Refusal as refusal:
        problems.append(refusal.swedish)
        problems.extend(change for change in describe_changes(base, new) if change not in refusal.swedish)
    except SuspiciousModification:
        problems.extend(describe_changes(base, new) or ["den ändrar mer än signaturer"])
    except Exception as exc:  # the analysis could not judge it: then it is not known to be harmless
        logger.info("Could not analyse revision %d", new.revision, exc_info=exc)
        problems.append("den går inte att bedöma (filens uppbyggnad är ovanlig eller skadad)")
    else:
        if result.modification_level > ModificationLevel.FORM_FILLING:
            problems.extend(describe_changes(base, new) or ["den ändrar mer än signaturer"])
    if certifying and not _perms_name_only(new, checks):
        problems.append("den certifierar dokumentet med andra behörigheter än för sin egen signatur")
    if len(checks) > 1:
        problems.append("den har fler än en signatur")
    for check in checks:
        if not check.ok:
            who = check.signer_name or check.field_name
            problems.append(f"signaturen av {who[:80]} håller inte")
    return problems


def _adds_perms(base: HistoricalResolver, new: HistoricalResolver) -> bool:
    try:
        return "/Perms" in new.root and "/Perms" not in base.root
    except Exception:  # noqa: BLE001 - an unreadable catalogue adds no /Perms we can see; the policy judges it
        return False


def _perms_name_only(new: HistoricalResolver, checks: tuple[SignatureCheck, ...]) -> bool:
    """``/Perms`` holds only ``/DocMDP``, and that is the signature this update adds."""
    try:
        perms = new.root["/Perms"]
        docmdp = perms.raw_get("/DocMDP")
    except (KeyError, AttributeError, TypeError):
        return False
    if set(perms) != {"/DocMDP"} or not isinstance(docmdp, generic.IndirectObject):
        return False
    return any(check.certification and not check.timestamp for check in checks) and len(checks) == 1


def _kind(checks: tuple[SignatureCheck, ...], certifying: bool, *, accepted: bool) -> str:
    if not checks:
        return KIND_VALIDATION_DATA if accepted else KIND_UNSIGNED
    if certifying:
        return KIND_CERTIFICATION
    if all(check.timestamp for check in checks):
        return KIND_TIMESTAMP
    return KIND_SIGNATURE


def _revision_end(pdf: bytes, reader: PdfFileReader, revision: int) -> int:
    """Where a revision's bytes end: after the ``%%EOF`` that follows its cross-reference section."""
    after = reader.xrefs.get_xref_container_info(revision).end_location
    marker = pdf.find(b"%%EOF", after)
    if marker < 0:
        return len(pdf)
    end = marker + len(b"%%EOF")
    while end < len(pdf) and pdf[end : end + 1] in (b"\r", b"\n"):
        end += 1
    return end
