"""The agreement PDF as a document with a history: the draft now, or a signed revision.

Which renderer makes a revision's PDF depends on when it was signed (docs/reliability.md, P11):

* signed here from schema 7 on: the PDF rendered at signing (Typst, PDF/A-2a + PDF/UA-1, dated
  by the signing day) is stored with the revision, and every print gives those bytes back;
* signed before schema 7: only the PDF's SHA-256 and size were kept, so it is made again from
  the frozen snapshot by the renderer of that time (``agreement_pdf_legacy``), which gives the
  bytes that were hashed;
* imported as signed (no PDF of ours was ever made): made from its frozen snapshot by Typst,
  archival like one signed here, dated by its signing day, the same bytes every time;
* a draft: Typst, PDF/UA-1, marked as a draft.

``printed_pdf`` is the one place that decides; the command line, ``verify`` and the window's
preview all go through it (the window calls it off the GUI thread).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.snapshot import AgreementSnapshot
from promises_app.reports.agreement_content import content_from_snapshot, snapshot_logos
from promises_app.reports.agreement_pdf import render_agreement_pdf

if TYPE_CHECKING:
    from collections.abc import Collection

    from promises_app.services import Services
    from promises_app.services.records import PrintableAgreement, SignedRevisionRecord


def render_snapshot_pdf(
    snapshot: AgreementSnapshot, anchor: LogAnchor | None = None, *, appendix: bool = True
) -> bytes:
    """The PDF of an agreement's content (Typst); for a signed revision, with ``appendix`` as signed.

    ``anchor`` is the change log's head it carries in its footer and metadata (a signed
    revision's own, kept with it, so its PDF comes out the same every time).
    """
    content = content_from_snapshot(snapshot, log_anchor=anchor)
    return render_agreement_pdf(content, appendix=appendix, logos=snapshot_logos(snapshot))


def render_legacy_snapshot_pdf(snapshot: AgreementSnapshot, anchor: LogAnchor | None = None) -> bytes:
    """The PDF of a revision signed before schema 7, as the program of that time made it (ReportLab,
    with the content builder of that time: agreement_pdf_legacy)."""
    from promises_app.reports import agreement_pdf_legacy

    return agreement_pdf_legacy.render_legacy_snapshot_pdf(snapshot, anchor)


def printed_pdf(printable: PrintableAgreement, *, appendix: bool = True) -> bytes:
    """The PDF of what ``signoff.printable`` returned: the kept bytes, or made by the right renderer.

    No database and no widgets: safe to run in a worker thread.
    """
    if printable.pdf is not None:  # kept when it was signed: exactly those bytes, whatever renders now
        return printable.pdf
    if printable.legacy:
        return render_legacy_snapshot_pdf(printable.snapshot, printable.log_anchor)
    if printable.revision is not None:
        appendix = True  # a signed revision prints as it was signed
    return render_snapshot_pdf(printable.snapshot, printable.log_anchor, appendix=appendix)


def signed_revision_pdf(services: Services, agreement_id: int, revision: int) -> bytes:
    """The PDF of signed revision ``revision``: as kept at signing, or made again from its snapshot."""
    return printed_pdf(services.signoff.printable(agreement_id, revision=revision))


def agreement_pdf(
    services: Services, agreement_id: int, *, revision: int | None = None, appendix: bool = True
) -> tuple[bytes, AgreementSnapshot]:
    """The PDF to print for an agreement, and the content it was made from.

    ``revision`` given: that signed revision. Otherwise the agreement as it stands: while it
    is signed (or closed) that is its newest signed revision, exactly as signed; a draft is
    printed from its live content, marked as a draft.
    """
    printable = services.signoff.printable(agreement_id, revision=revision)
    return printed_pdf(printable, appendix=appendix), printable.snapshot


def sign_agreement(
    services: Services,
    agreement_id: int,
    *,
    place: str,
    signed_on: date | str,
    signatory_ids: Collection[int] | None = None,
    expected_version: int | None = None,
) -> SignedRevisionRecord:
    """Record the signing (place, date, signatories present) and freeze revision N with its PDF.

    The PDF is made by Typst, archival and dated by the signing day, and stored with the revision.
    """
    return services.signoff.sign(
        agreement_id,
        place=place,
        signed_on=signed_on,
        signatory_ids=signatory_ids,
        expected_version=expected_version,
        render_pdf=render_snapshot_pdf,
    )
