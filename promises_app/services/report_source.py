"""Everything a follow-up or annual report is made from, read in one transaction.

A report read piece by piece (the measures, then the agreement's content, then the signed
revisions, the indicators and the log's head, each in its own transaction) could print two
states of the data side by side: a follow-up recorded between two reads would count in one
table and not in the next, and the footer's log head would not be the one the numbers came
from. ``ReportSourceService.source`` reads it all in one read transaction (one consistent
snapshot of the database, docs/data-safety.md) and returns plain frozen data, so the content
builders (``reports/followup_content.py``, ``reports/annual_content.py``) and the renderers
need no database at all, and the whole report can be made off the GUI thread
(``ui/reports/report_dialog.py``).

The parties' logos are the stored PNG bytes as they are (``services/logos.py`` re-encoded them
once, when they were stored): no base64 round trip on the way to the page; the renderer writes
them as files beside its template (``reports/document_data.logo_files``), and the PDF holds
each once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from promises_app.domain.enums import FindingStatus
from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.period_summary import PeriodSummary, summarise
from promises_app.domain.snapshot import AgreementSnapshot
from promises_app.services.base import Service, get_row
from promises_app.services.followups import AgreementFacts, agreement_facts, first_signed_snapshot, reporting_period
from promises_app.services.indicators import agreement_indicators
from promises_app.services.records import AgreementIndicatorRecord
from promises_app.services.snapshots import build_snapshot
from promises_app.services.walks import finding_states
from promises_app.storage import models as m
from promises_app.storage.changelog import current_anchor


@dataclass(frozen=True)
class ReportSource:
    """What the report builders read, all from the same moment of the database."""

    #: The agreement, its periods, and each measure with its follow-ups and its plan at signing.
    facts: AgreementFacts
    #: The agreement's content now: promises and who makes them, focus areas in order.
    snapshot: AgreementSnapshot
    #: The first signed revision (what was originally promised), or None if never signed.
    first_signed: AgreementSnapshot | None
    #: The indicators the agreement follows, with their values (empty when not asked for).
    indicators: tuple[AgreementIndicatorRecord, ...]
    #: The parties' logos as stored (PNG), in party order; parties without one left out.
    logos: tuple[bytes, ...]
    #: The change log's head at the moment of the read (what the report's footer carries).
    log_anchor: LogAnchor
    #: The safety walks' findings as (walk date, status, date dealt with), for "7 av 9 åtgärdade".
    findings: tuple[tuple[date, FindingStatus, date | None], ...] = ()

    def period_summary(self, period: str, *, today: date) -> PeriodSummary:
        """``FollowUpService.period_summary`` on this data: ValidationError (field "period") for a
        label that is not one of the agreement's periods."""
        chosen = reporting_period(self.facts.agreement, period)
        facts = self.facts
        return summarise(chosen, facts.periods, facts.measures, today=today, signed=facts.signed)


class ReportSourceService(Service):
    def source(self, agreement_id: int, *, logos: bool = True, indicators: bool = True) -> ReportSource:
        """Everything a report of the agreement prints, in one read transaction.

        ``logos`` and ``indicators`` False leave out what a report without logos or without its
        indicator section does not need. Raises NotFoundError for an agreement that is gone.
        """
        with self.db.read() as s:
            return read_source(s, agreement_id, logos=logos, indicators=indicators)


def read_source(session: Session, agreement_id: int, *, logos: bool = True, indicators: bool = True) -> ReportSource:
    """``ReportSourceService.source`` inside the caller's transaction (adopting a report reads it in the
    transaction that keeps it, services/adoptions.py)."""
    agreement = get_row(session, m.Agreement, agreement_id, "Överenskommelsen")
    first_signed = first_signed_snapshot(session, agreement_id)
    return ReportSource(
        facts=agreement_facts(session, agreement_id, first_signed=first_signed),
        snapshot=build_snapshot(session, agreement),
        first_signed=first_signed,
        indicators=tuple(agreement_indicators(session, agreement_id)) if indicators else (),
        logos=party_logos(session, agreement_id) if logos else (),
        log_anchor=current_anchor(session.connection()),
        findings=finding_states(session, agreement_id),
    )


def party_logos(session: Session, agreement_id: int) -> tuple[bytes, ...]:
    """The logos of the agreement's parties (stored PNG bytes) in party order."""
    rows = session.scalars(
        select(m.Organisation.logo_png)
        .join(m.Party, m.Party.organisation_id == m.Organisation.id)
        .where(m.Party.agreement_id == agreement_id)
        .order_by(m.Party.position)
    )
    return tuple(png for png in rows if png)
