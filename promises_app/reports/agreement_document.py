"""The agreement PDF as a document with a history: the draft now, or a signed revision.

A signed revision's PDF is always made the same way from its frozen snapshot (with the action
plan appendix and the logos as they were at signing), so it can be made again at any time and
comes out byte for byte the same (docs/reliability.md, P11); ``sign_agreement`` stores that PDF's
SHA-256 and size when the signing is recorded.
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
    from promises_app.services.records import SignedRevisionRecord


def render_snapshot_pdf(
    snapshot: AgreementSnapshot, anchor: LogAnchor | None = None, *, appendix: bool = True
) -> bytes:
    """The PDF of an agreement's content; for a signed revision, with ``appendix`` as signed.

    ``anchor`` is the change log's head it carries in its footer and metadata (a signed
    revision's own, kept with it, so its PDF comes out the same every time).
    """
    content = content_from_snapshot(snapshot, log_anchor=anchor)
    return render_agreement_pdf(content, appendix=appendix, logos=snapshot_logos(snapshot))


def signed_revision_pdf(services: Services, agreement_id: int, revision: int) -> bytes:
    """The PDF of signed revision ``revision``, made again from its frozen snapshot."""
    printable = services.signoff.printable(agreement_id, revision=revision)
    return render_snapshot_pdf(printable.snapshot, printable.log_anchor)


def agreement_pdf(
    services: Services, agreement_id: int, *, revision: int | None = None, appendix: bool = True
) -> tuple[bytes, AgreementSnapshot]:
    """The PDF to print for an agreement, and the content it was made from.

    ``revision`` given: that signed revision. Otherwise the agreement as it stands: while it
    is signed (or closed) that is its newest signed revision, exactly as signed; a draft is
    printed from its live content, marked as a draft.
    """
    printable = services.signoff.printable(agreement_id, revision=revision)
    if printable.pdf is not None:  # kept when it was signed: exactly those bytes, whatever renders now
        return printable.pdf, printable.snapshot
    if printable.revision is not None:
        appendix = True  # a signed revision prints as it was signed
    return render_snapshot_pdf(printable.snapshot, printable.log_anchor, appendix=appendix), printable.snapshot


def sign_agreement(
    services: Services,
    agreement_id: int,
    *,
    place: str,
    signed_on: date | str,
    signatory_ids: Collection[int] | None = None,
    expected_version: int | None = None,
) -> SignedRevisionRecord:
    """Record the signing (place, date, signatories present) and freeze revision N with its PDF's hash."""
    return services.signoff.sign(
        agreement_id,
        place=place,
        signed_on=signed_on,
        signatory_ids=signatory_ids,
        expected_version=expected_version,
        render_pdf=render_snapshot_pdf,
    )
