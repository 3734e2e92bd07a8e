"""Plain data the services hand out: frozen dataclasses, never ORM objects.

Widgets and the command line only ever see these, so no lazy load can reach the database
outside a service's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from promises_app.domain.counts import PeriodCount
from promises_app.domain.enums import (
    AgreementKind,
    AgreementState,
    FindingStatus,
    FollowUpStatus,
    OrganisationKind,
    ReportingScheme,
    TrafficLight,
)

# One line of the agreement list: defined with the list, which the window reads before anything else.
from promises_app.services.agreement_list import AgreementSummary as AgreementSummary

if TYPE_CHECKING:  # only named in annotations: the window's first list needs none of them loaded
    from promises_app.domain.indicators import Direction, IndicatorSource, Sex, Trend
    from promises_app.domain.log_anchor import LogAnchor
    from promises_app.domain.snapshot import AgreementSnapshot


@dataclass(frozen=True)
class OrganisationRecord:
    id: int
    name: str
    kind: OrganisationKind
    short_name: str
    version: int


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    title: str
    organisation_id: int | None
    organisation_name: str
    email: str
    phone: str
    version: int


@dataclass(frozen=True)
class GoalRecord:
    id: int
    position: int
    text: str
    version: int


@dataclass(frozen=True)
class AgreementRecord:
    id: int
    kind: AgreementKind
    parent_id: int | None
    title: str
    municipality: str
    police_area: str
    start_date: date
    end_date: date
    reporting_scheme: ReportingScheme
    case_number: str
    signing_place: str
    signing_date: date | None
    introduction: str
    situation: str
    intended_effects: str
    follow_up_text: str
    state: AgreementState
    revision: int
    goals: tuple[GoalRecord, ...]
    version: int


@dataclass(frozen=True)
class SignatoryRecord:
    id: int
    party_id: int
    person_id: int
    name: str
    title: str
    position: int
    version: int


@dataclass(frozen=True)
class PartyRecord:
    id: int
    agreement_id: int
    organisation_id: int
    organisation_name: str
    organisation_kind: OrganisationKind
    position: int
    signatories: tuple[SignatoryRecord, ...]
    version: int


@dataclass(frozen=True)
class FocusAreaRecord:
    id: int
    agreement_id: int
    position: int
    name: str
    description: str
    version: int


@dataclass(frozen=True)
class PromiseRecord:
    id: int
    agreement_id: int
    position: int
    text: str
    description: str
    maker_ids: tuple[int, ...]
    maker_names: tuple[str, ...]
    version: int
    #: Printed as written, not as the continuation of "… lovar att" (domain/who_promises.py).
    as_written: bool = False


@dataclass(frozen=True)
class MeasureRecord:
    id: int
    agreement_id: int
    promise_id: int
    position: int
    title: str
    description: str
    cause: str
    responsible_id: int | None
    responsible_name: str
    contact_id: int | None
    contact_name: str
    participant_ids: tuple[int, ...]
    participant_names: tuple[str, ...]
    focus_area_id: int | None
    focus_area_name: str
    start_date: date | None
    deadline: date | None
    target_count: int | None
    target_unit: str
    previous_measure_id: int | None
    version: int


@dataclass(frozen=True)
class OccurrenceRecord:
    id: int
    measure_id: int
    occurred_on: date
    place: str
    note: str
    version: int


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    measure_id: int
    period: str
    status: FollowUpStatus
    light: TrafficLight
    count_achieved: int | None
    comment: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class MeasureStatusRow:
    """A measure with where it stands: its latest follow-up and the deadline rules for ``today``."""

    measure: MeasureRecord
    promise_text: str
    latest_period: str | None
    latest_status: FollowUpStatus | None
    latest_light: TrafficLight | None
    latest_count: int | None
    overdue: bool
    due_soon: bool
    #: A counted measure's count (domain/counts.py) in the period of the day asked about (the last
    #: period once the agreement has ended); None for a measure not counted, or before the start.
    count: PeriodCount | None = None


@dataclass(frozen=True)
class SignedCopyRecord:
    """The scanned, hand-signed PDF attached to a signed revision (its bytes fetched separately)."""

    id: int
    signed_revision_id: int
    file_name: str
    sha256: str
    size: int
    attached_at: str
    attached_by: str


@dataclass(frozen=True)
class SignedRevisionRecord:
    """One signed revision of an agreement: when, where, by whom, and its frozen content's hashes."""

    id: int
    agreement_id: int
    revision: int
    signed_place: str
    signed_on: date | None
    #: "signed" (signed off in this program) or "imported" (read from an exchange file as signed).
    source: str
    content_sha256: str
    pdf_sha256: str | None
    pdf_size: int | None
    recorded_at: str
    recorded_by: str
    #: Who signed, per party: (party name, ((name, title), …)), from the frozen content.
    signatories: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    copies: tuple[SignedCopyRecord, ...]
    #: The change log's head when the revision was frozen, printed in its PDF (None before schema 6).
    log_anchor: LogAnchor | None = None


@dataclass(frozen=True)
class PrintableAgreement:
    """What an agreement's PDF is made from: the content, and the log head it carries."""

    snapshot: AgreementSnapshot
    log_anchor: LogAnchor | None
    #: The signed revision printed (its frozen content and its own anchor), or None for the live text.
    revision: int | None
    #: The signed revision's PDF exactly as signed (schema 7 on); None: render it (older, imported, draft).
    pdf: bytes | None = None
    #: Signed before schema 7: only its PDF's hash was kept, so it is made again by the renderer
    #: of that time, which gives those bytes (reports/agreement_pdf_legacy.py).
    legacy: bool = False


@dataclass(frozen=True)
class IndicatorRecord:
    """An indicator in the register (services/indicators.py)."""

    id: int
    name: str
    category: str
    source: IndicatorSource
    unit: str
    direction: Direction
    #: "" = the whole municipality.
    area: str
    split_by_sex: bool
    description: str
    version: int


@dataclass(frozen=True)
class IndicatorValueRecord:
    id: int
    indicator_id: int
    #: The canonical period label: "2022", "2022-T2", "2022-Q3", "2022-H1".
    period: str
    sex: Sex
    value: float
    version: int


@dataclass(frozen=True)
class AgreementIndicatorRecord:
    """An indicator an agreement follows: the indicator, all its values (by period), baseline and target.

    ``trend`` compares the latest total value with the baseline (domain/indicators.trend).
    """

    id: int
    agreement_id: int
    position: int
    indicator: IndicatorRecord
    values: tuple[IndicatorValueRecord, ...]
    baseline_period: str | None
    baseline_value: float | None
    target_value: float | None
    target_text: str
    trend: Trend
    version: int


@dataclass(frozen=True)
class SituationSourceRecord:
    """A source of an agreement's lägesbild ("Polisens trygghetsmätning 2021")."""

    id: int
    agreement_id: int
    position: int
    text: str
    version: int


@dataclass(frozen=True)
class WalkFindingRecord:
    id: int
    walk_id: int
    position: int
    text: str
    #: The measure the finding was turned into, or None.
    measure_id: int | None
    measure_title: str
    version: int
    #: Where it is ("Gångvägen vid Hagalundsparken"); "" when the text says it.
    place: str = ""
    #: The organisation that owns it (register organisation), or None; its name ("" when none).
    owner_id: int | None = None
    owner_name: str = ""
    status: FindingStatus = FindingStatus.OPEN
    #: Why it was declined ("" unless declined).
    reason: str = ""
    #: When it was dealt with or declined (None while open).
    dealt_on: date | None = None
    #: WGS84 decimal degrees, both or neither.
    latitude: float | None = None
    longitude: float | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class SafetyWalkRecord:
    """A safety walk (trygghetsvandring) with its findings in order."""

    id: int
    agreement_id: int
    walked_on: date
    place: str
    participants: str
    findings: tuple[WalkFindingRecord, ...]
    version: int


@dataclass(frozen=True)
class OpenFindingRecord:
    """A finding still open more than six months after its walk (listed in Översikt)."""

    finding_id: int
    walk_id: int
    text: str
    #: The finding's place, or the walk's when the finding names none.
    place: str
    walked_on: date
    owner_name: str


@dataclass(frozen=True)
class FindingMeasureRecord:
    """What turning a finding into a measure made: the linked finding and the new measure."""

    finding: WalkFindingRecord
    measure: MeasureRecord


@dataclass(frozen=True)
class AdoptedReportRecord:
    """Version N of a period's follow-up report as a council or board adopted it (its bytes fetched apart)."""

    id: int
    agreement_id: int
    #: The reporting period's label ("2022-T2").
    period: str
    #: 1, 2, …: a correction adopted later is the next version.
    report_version: int
    adopted_by: str
    adopted_on: date
    #: The protocol's paragraph ("§ 45").
    paragraph: str
    #: The case number (diarienummer); "" where the body keeps none.
    case_number: str
    report_date: date
    #: The report's choices as JSON (reports/adopted_document.py reads them).
    options: str
    content_sha256: str
    pdf_sha256: str
    pdf_size: int
    recorded_at: str
    recorded_by: str
    #: The change log's head the adopted PDF carries.
    log_anchor: LogAnchor | None
    #: No later version of the same period has been adopted.
    latest: bool = True

    @property
    def fingerprint(self) -> str:
        """What the report's footer prints ("Fingeravtryck …"): the content hash's first 12 hex digits."""
        return self.content_sha256[:12]


@dataclass(frozen=True)
class LastChange:
    """Who last changed a row, and when, as the change log says (``account``: the log's account)."""

    account: str
    #: ISO 8601 UTC to the second, as the change log writes it ("2026-12-07T20:41:03Z").
    at: str


@dataclass(frozen=True)
class RowNow:
    """One row as it is now, for a person who finds it changed by someone else (a conflict).

    ``record`` is the row's plain record (FollowUpRecord, MeasureRecord, PromiseRecord …), None when
    the row is gone (or, for a follow-up, none is recorded); ``last_change`` the change log's last
    entry for it, None when the log has none."""

    table: str
    row_id: int | None
    record: object | None
    last_change: LastChange | None

    @property
    def version(self) -> int:
        """The row's version now, 0 for no row: what a save that replaces it expects."""
        version = getattr(self.record, "version", 0)
        return version if isinstance(version, int) else 0
