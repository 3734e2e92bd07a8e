"""Plain data the services hand out: frozen dataclasses, never ORM objects.

Widgets and the command line only ever see these, so no lazy load can reach the database
outside a service's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from promises_app.domain.enums import (
    AgreementKind,
    AgreementState,
    FollowUpStatus,
    OrganisationKind,
    ReportingScheme,
    TrafficLight,
)


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
class AgreementSummary:
    """One line of the agreement list (id, title, period, state)."""

    id: int
    kind: AgreementKind
    parent_id: int | None
    title: str
    start_date: date
    end_date: date
    reporting_scheme: ReportingScheme
    state: AgreementState
    revision: int


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
