"""The mapped tables (typed SQLAlchemy 2.0).

Every row a person edits carries a ``version`` column used by SQLAlchemy's optimistic
concurrency (``version_id_col``): an UPDATE names the version it read, so a stale edit fails
instead of silently overwriting another. Enumerations are stored as their stable codes
(``StrEnum`` values) with CHECK constraints, so raw SQL cannot store a word we do not know.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    REAL,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Double,
    Enum,
    ForeignKey,
    FromClause,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.types import TypeEngine

from promises_app.domain.enums import (
    AgreementKind,
    AgreementState,
    FindingStatus,
    FollowUpStatus,
    OrganisationKind,
    ReportingScheme,
    TrafficLight,
)
from promises_app.domain.indicators import Direction, IndicatorSource, Sex

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: A floating-point number: SQLite's REAL is 8 bytes; PostgreSQL's REAL is 4, so there it is
#: DOUBLE PRECISION (an indicator value 67.3 must come back as 67.3 on both engines).
FLOAT: TypeEngine[float] = REAL().with_variant(Double(), "postgresql")  # generic: no dialect import at start-up


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """The model's Table: every model here has one (SQLAlchemy types ``__table__`` as any FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def code_enum(enum_cls: type[StrEnum], name: str) -> Enum:
    """Store a StrEnum as its value (not its Python name), checked by a named constraint."""
    return Enum(
        enum_cls,
        name=name,
        values_callable=lambda cls: [member.value for member in cls],
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=40,
    )


class Versioned:
    """Mixin: an optimistic-concurrency version counter, bumped on every UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    if TYPE_CHECKING:
        __table__: ClassVar[FromClause]  # the model's, which the mixin is part of

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}



class Organisation(Versioned, Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[OrganisationKind] = mapped_column(code_enum(OrganisationKind, "organisation_kind"))
    short_name: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    #: The organisation's logo for printed headers: a PNG re-encoded by services.logos
    #: (never the uploaded bytes), or None.
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    people: Mapped[list[Person]] = relationship(back_populates="organisation")

    __table_args__ = (UniqueConstraint("name", "kind", name="uq_organisations_name_kind"),)


class Person(Versioned, Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    email: Mapped[str] = mapped_column(String(254), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(60), nullable=False, default="")

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")



class Agreement(Versioned, Base):
    """A samverkansöverenskommelse or a medborgarlöfte (optionally under a cooperation agreement)."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AgreementKind] = mapped_column(code_enum(AgreementKind, "agreement_kind"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    municipality: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    police_area: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    end_date: Mapped[date] = mapped_column(Date, nullable=False)
    reporting_scheme: Mapped[ReportingScheme] = mapped_column(
        code_enum(ReportingScheme, "reporting_scheme")
    )
    case_number: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    signing_place: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    signing_date: Mapped[date | None] = mapped_column(Date)
    introduction: Mapped[str] = mapped_column(Text, nullable=False, default="")
    situation: Mapped[str] = mapped_column(Text, nullable=False, default="")
    intended_effects: Mapped[str] = mapped_column(Text, nullable=False, default="")
    follow_up_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    state: Mapped[AgreementState] = mapped_column(
        code_enum(AgreementState, "agreement_state"), default=AgreementState.DRAFT
    )
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    parent: Mapped[Agreement | None] = relationship(
        back_populates="documents", remote_side="Agreement.id"
    )
    documents: Mapped[list[Agreement]] = relationship(
        back_populates="parent", order_by="Agreement.start_date, Agreement.id"
    )
    goals: Mapped[list[Goal]] = relationship(
        back_populates="agreement", order_by="Goal.position", cascade="all, delete-orphan"
    )
    parties: Mapped[list[Party]] = relationship(
        back_populates="agreement", order_by="Party.position", cascade="all, delete-orphan"
    )
    focus_areas: Mapped[list[FocusArea]] = relationship(
        back_populates="agreement", order_by="FocusArea.position", cascade="all, delete-orphan"
    )
    promises: Mapped[list[Promise]] = relationship(
        back_populates="agreement", order_by="Promise.position", cascade="all, delete-orphan"
    )
    # The lägesbild's rows go with a deleted agreement through the ORM (not only the
    # database's ON DELETE CASCADE), so each of them is in the change log.
    indicator_links: Mapped[list[AgreementIndicator]] = relationship(
        order_by="AgreementIndicator.position", cascade="all, delete-orphan"
    )
    situation_sources: Mapped[list[SituationSource]] = relationship(
        order_by="SituationSource.position", cascade="all, delete-orphan"
    )
    safety_walks: Mapped[list[SafetyWalk]] = relationship(
        order_by="SafetyWalk.walked_on, SafetyWalk.id", cascade="all, delete-orphan"
    )
    period_follow_ups: Mapped[list[PeriodFollowUp]] = relationship(
        order_by="PeriodFollowUp.period", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("start_date <= end_date", name="dates_in_order"),
        CheckConstraint("revision >= 1", name="revision_positive"),
    )


class Goal(Versioned, Base):
    """An overarching goal (övergripande mål) of an agreement."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(String(2000), nullable=False)

    agreement: Mapped[Agreement] = relationship(back_populates="goals")



class Party(Versioned, Base):
    """An organisation that is a party (part) to an agreement, in signing order."""

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)

    agreement: Mapped[Agreement] = relationship(back_populates="parties")
    organisation: Mapped[Organisation] = relationship()
    signatories: Mapped[list[Signatory]] = relationship(
        back_populates="party", order_by="Signatory.position", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("agreement_id", "organisation_id", name="uq_parties_agreement_organisation"),)


class Signatory(Versioned, Base):
    """A person who signs (undertecknare) for a party."""

    __tablename__ = "signatories"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)

    party: Mapped[Party] = relationship(back_populates="signatories")
    person: Mapped[Person] = relationship()

    __table_args__ = (UniqueConstraint("party_id", "person_id", name="uq_signatories_party_person"),)


class FocusArea(Versioned, Base):
    """A prioritised focus area (fokusområde): a place or a theme."""

    __tablename__ = "focus_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")

    agreement: Mapped[Agreement] = relationship(back_populates="focus_areas")



promise_makers = Table(
    "promise_makers",
    Base.metadata,
    Column("promise_id", ForeignKey("promises.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "organisation_id", ForeignKey("organisations.id", ondelete="RESTRICT"), primary_key=True
    ),
    Column("position", Integer, nullable=False, default=0),
)

measure_participants = Table(
    "measure_participants",
    Base.metadata,
    Column("measure_id", ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "organisation_id", ForeignKey("organisations.id", ondelete="RESTRICT"), primary_key=True
    ),
    Column("position", Integer, nullable=False, default=0),
)


class Promise(Versioned, Base):
    """A promise (löfte), made by one or more of the agreement's parties."""

    __tablename__ = "promises"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(String(2000), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    #: The text is printed as written; otherwise (every promise before schema 8) it continues the
    #: heading "… lovar att" (domain/who_promises.py).
    as_written: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())

    agreement: Mapped[Agreement] = relationship(back_populates="promises")
    makers: Mapped[list[Organisation]] = relationship(
        secondary=promise_makers, order_by=promise_makers.c.position
    )
    measures: Mapped[list[Measure]] = relationship(
        back_populates="promise", order_by="Measure.position", cascade="all, delete-orphan"
    )



class Measure(Versioned, Base):
    """A measure (åtgärd): what will be done, by whom, by when, and against which problem."""

    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    promise_id: Mapped[int] = mapped_column(
        ForeignKey("promises.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    cause: Mapped[str] = mapped_column(Text, nullable=False, default="")
    responsible_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    focus_area_id: Mapped[int | None] = mapped_column(
        ForeignKey("focus_areas.id", ondelete="SET NULL"), index=True
    )
    start_date: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    target_count: Mapped[int | None] = mapped_column(Integer)
    target_unit: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    #: The measure of an earlier agreement this one carries on (set by "new from last year's").
    previous_measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("measures.id", ondelete="SET NULL"), index=True
    )

    promise: Mapped[Promise] = relationship(back_populates="measures")
    responsible: Mapped[Organisation | None] = relationship(foreign_keys=[responsible_id])
    contact: Mapped[Person | None] = relationship(foreign_keys=[contact_id])
    focus_area: Mapped[FocusArea | None] = relationship()
    participants: Mapped[list[Organisation]] = relationship(
        secondary=measure_participants, order_by=measure_participants.c.position
    )
    occurrences: Mapped[list[Occurrence]] = relationship(
        back_populates="measure",
        order_by="Occurrence.occurred_on, Occurrence.id",
        cascade="all, delete-orphan",
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="measure", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint(
            "start_date IS NULL OR deadline IS NULL OR start_date <= deadline",
            name="dates_in_order",
        ),
        CheckConstraint("target_count IS NULL OR target_count >= 1", name="target_positive"),
    )


class Occurrence(Versioned, Base):
    """One logged occurrence of a counted, recurring measure (e.g. one safety walk held)."""

    __tablename__ = "occurrences"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), index=True
    )
    occurred_on: Mapped[date] = mapped_column(Date, nullable=False)
    place: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")

    measure: Mapped[Measure] = relationship(back_populates="occurrences")



class FollowUp(Versioned, Base):
    """The follow-up (uppföljning) of one measure for one reporting period, as reported then."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[FollowUpStatus] = mapped_column(code_enum(FollowUpStatus, "follow_up_status"))
    light: Mapped[TrafficLight] = mapped_column(code_enum(TrafficLight, "traffic_light"))
    count_achieved: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)

    measure: Mapped[Measure] = relationship(back_populates="follow_ups")

    __table_args__ = (
        UniqueConstraint("measure_id", "period", name="uq_follow_ups_measure_period"),
        CheckConstraint("count_achieved IS NULL OR count_achieved >= 0", name="count_not_negative"),
    )


class PeriodFollowUp(Versioned, Base):
    """What an agreement's follow-up of one period says beside its measures' follow-ups: its
    "Nästa steg" (what the parties will do next), kept so the next report of the period has it too."""

    __tablename__ = "period_follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(40), nullable=False)
    next_steps: Mapped[str] = mapped_column(Text, nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)

    __table_args__ = (
        UniqueConstraint("agreement_id", "period", name="uq_period_follow_ups_agreement_period"),
    )


class SignedRevision(Base):
    """A signed revision of an agreement: its content frozen as canonical JSON, with hashes.

    Written once, at sign-off (or when a signed agreement is imported), and never changed:
    triggers refuse UPDATE and DELETE (migration 0004) and storage/signed_guard.py refuses
    them in the ORM with a message. ``content_sha256`` is the SHA-256 of ``content``;
    ``pdf_sha256``/``pdf_size`` are those of the agreement PDF rendered from it at sign-off
    (None for an imported agreement, whose PDF was not made here), and ``pdf`` its bytes
    (schema 7 on: printing the revision gives them back, whatever renders documents later).
    """

    __tablename__ = "signed_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="RESTRICT"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    signed_place: Mapped[str] = mapped_column(String(200), nullable=False)
    #: None only for an imported agreement whose file gave no signing date.
    signed_on: Mapped[date | None] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    content_sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    pdf_size: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(10), nullable=False)
    recorded_at: Mapped[str] = mapped_column(String(32), nullable=False)  # ISO 8601 UTC
    recorded_by: Mapped[str] = mapped_column(String(200), nullable=False)
    #: The change log's head when the revision was frozen (entries, hash of the last one),
    #: printed in its PDF so a paper or file copy anchors the log outside the database
    #: (None for revisions frozen before schema 6).
    log_entries: Mapped[int | None] = mapped_column(Integer)
    log_head: Mapped[str | None] = mapped_column(String(64))
    #: The PDF as signed (None: signed before schema 7, or imported); loaded only when asked for.
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    __table_args__ = (
        UniqueConstraint("agreement_id", "revision", name="uq_signed_revisions_agreement_revision"),
        CheckConstraint("source IN ('signed', 'imported')", name="source_known"),
        CheckConstraint("revision >= 1", name="revision_positive"),
    )


class SignedCopy(Base):
    """The scanned, hand-signed PDF of a signed revision, kept with its SHA-256 (append-only)."""

    __tablename__ = "signed_copies"

    id: Mapped[int] = mapped_column(primary_key=True)
    signed_revision_id: Mapped[int] = mapped_column(
        ForeignKey("signed_revisions.id", ondelete="RESTRICT"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False, deferred=True)
    attached_at: Mapped[str] = mapped_column(String(32), nullable=False)
    attached_by: Mapped[str] = mapped_column(String(200), nullable=False)


class AdoptedReport(Base):
    """A period's follow-up report as adopted (fastställd) by a council or board: version N of it.

    Written once, when the adoption is recorded, and never changed: triggers refuse UPDATE and
    DELETE (migration 0009) and storage/signed_guard.py refuses them in the ORM with a message.
    A later correction of the period is adopted as version N+1 beside it. ``content`` is the
    report's content as canonical JSON (reports/followup_content.canonical_json, the adoption
    among its facts) and ``content_sha256`` its SHA-256, which the PDF's metadata names;
    ``pdf`` is the PDF/A made at the adoption, with its SHA-256 and size: every print of the
    version gives exactly those bytes back. ``options`` are the report's choices as JSON
    (sections, grouping, orientation, logos, "Nästa steg"), so the report can be made again
    from the data now and compared with what was adopted.
    """

    __tablename__ = "adopted_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="RESTRICT"), index=True)
    #: The reporting period's label ("2022-T2").
    period: Mapped[str] = mapped_column(String(40), nullable=False)
    #: 1, 2, …: a correction adopted later is the next version of the same period.
    report_version: Mapped[int] = mapped_column(Integer, nullable=False)
    #: The body that adopted it ("Kommunstyrelsen", "Trygghetsrådet").
    adopted_by: Mapped[str] = mapped_column(String(200), nullable=False)
    adopted_on: Mapped[date] = mapped_column(Date, nullable=False)
    #: The protocol's paragraph ("§ 45").
    paragraph: Mapped[str] = mapped_column(String(40), nullable=False)
    #: The case number (diarienummer, "KS 2022/123"); "" where the body keeps none.
    case_number: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    #: The day the report is made as of and dated by in its text (on or before the adoption).
    report_date: Mapped[date] = mapped_column(Date, nullable=False)
    options: Mapped[str] = mapped_column(Text, nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False, deferred=True)
    content_sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary, nullable=False, deferred=True)
    pdf_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    pdf_size: Mapped[int] = mapped_column(Integer, nullable=False)
    recorded_at: Mapped[str] = mapped_column(String(32), nullable=False)  # ISO 8601 UTC
    recorded_by: Mapped[str] = mapped_column(String(200), nullable=False)
    #: The change log's head the report carries (entries, hash of the last one).
    log_entries: Mapped[int] = mapped_column(Integer, nullable=False)
    log_head: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (
        UniqueConstraint("agreement_id", "period", "report_version",
                         name="uq_adopted_reports_agreement_period_version"),
        CheckConstraint("report_version >= 1", name="version_positive"),
    )


class ChangeLogEntry(Base):
    """One change to one row (or one field of it), hash-chained to the entry before it.

    Written by storage/changelog.py for every flush of a write session, never by hand; the
    table is append-only (triggers refuse UPDATE and DELETE), and ``hash`` covers the entry
    and the previous entry's hash, so an edited, deleted or reordered entry breaks the chain.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32), nullable=False)  # ISO 8601 UTC, to the second
    account: Mapped[str] = mapped_column(String(200), nullable=False)
    action: Mapped[str] = mapped_column(String(10), nullable=False)
    entity: Mapped[str] = mapped_column(String(60), nullable=False)
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    field: Mapped[str | None] = mapped_column(String(60))
    old: Mapped[str | None] = mapped_column(Text)  # JSON
    new: Mapped[str | None] = mapped_column(Text)  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (
        CheckConstraint("action IN ('insert', 'update', 'delete')", name="action_known"),
    )


class DatabaseIdentity(Base):
    """Which database this is: a random id made once, when the file was created (or upgraded to
    schema 6). Backups and restored copies keep it, so a backup of another database can be told
    apart and refused; every printed PDF names it with the change log's head. One row; triggers
    refuse UPDATE and DELETE (migration 0006). Never written through the ORM.
    """

    __tablename__ = "database_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    database_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)  # ISO 8601 UTC

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class ChangeLogHead(Base):
    """The change log's head as last appended (entries, hash of the last entry), kept by a trigger
    on every insert into ``change_log`` (migration 0006). A log cut short (its last entries
    deleted) no longer ends where this says it does. One row; never written through the ORM.
    """

    __tablename__ = "change_log_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    entries: Mapped[int] = mapped_column(Integer, nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class ChangeLogCoverage(Base):
    """Per table, the highest id that may lack an "insert" entry in the change log.

    Rows made before the log existed (schemas 1–2) or bulk-generated by the bench generator
    were never logged; any row above this id must have been, so a row added with a SQLite
    tool shows (``verify-db``). Written by migration 0006 and by the bench generator only.
    """

    __tablename__ = "change_log_coverage"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    unlogged_up_to: Mapped[int] = mapped_column(Integer, nullable=False)


# --- the lägesbild: indicators, sources and safety walks (migration 0005) ------------------


class Indicator(Versioned, Base):
    """An indicator (indikator) in the register: what is measured, from where, and which way is better.

    The table is not called ``indicators``: tests/storage/test_migrations.py uses that name for
    the table it adds to prove that the drift check notices a new table.
    """

    __tablename__ = "indicator_definitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    category: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    source: Mapped[IndicatorSource] = mapped_column(code_enum(IndicatorSource, "indicator_source"))
    unit: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    direction: Mapped[Direction] = mapped_column(code_enum(Direction, "indicator_direction"))
    #: The part of the municipality the numbers are for; "" = the whole municipality.
    area: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    split_by_sex: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")

    values: Mapped[list[IndicatorValue]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan"
    )


class IndicatorValue(Versioned, Base):
    """One value of an indicator for one period (a year "2022" or a label like "2022-T2") and sex."""

    __tablename__ = "indicator_values"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicator_definitions.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str] = mapped_column(String(40), nullable=False)
    sex: Mapped[Sex] = mapped_column(code_enum(Sex, "indicator_sex"), default=Sex.TOTAL)
    value: Mapped[float] = mapped_column(FLOAT, nullable=False)

    indicator: Mapped[Indicator] = relationship(back_populates="values")

    __table_args__ = (
        UniqueConstraint("indicator_id", "period", "sex", name="uq_indicator_values_indicator_period_sex"),
    )


class AgreementIndicator(Versioned, Base):
    """An indicator an agreement follows, with its baseline (period and value) and target."""

    __tablename__ = "agreement_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicator_definitions.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    baseline_period: Mapped[str | None] = mapped_column(String(40))
    #: None: the indicator's own (total) value for ``baseline_period``.
    baseline_value: Mapped[float | None] = mapped_column(FLOAT)
    target_value: Mapped[float | None] = mapped_column(FLOAT)
    #: The target as the agreement words it ("minst 67 %").
    target_text: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    indicator: Mapped[Indicator] = relationship()

    __table_args__ = (
        UniqueConstraint("agreement_id", "indicator_id", name="uq_agreement_indicators_agreement_indicator"),
    )


class SituationSource(Versioned, Base):
    """A source of an agreement's lägesbild ("Polisens trygghetsmätning 2021"), in order."""

    __tablename__ = "situation_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(String(2000), nullable=False)


class SafetyWalk(Versioned, Base):
    """A safety walk (trygghetsvandring) held for an agreement's lägesbild, with its findings."""

    __tablename__ = "safety_walks"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    walked_on: Mapped[date] = mapped_column(Date, nullable=False)
    place: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    #: Who took part, as free text ("Polisen, Bostadsbolaget, 12 boende").
    participants: Mapped[str] = mapped_column(Text, nullable=False, default="")

    findings: Mapped[list[WalkFinding]] = relationship(
        back_populates="walk", order_by="WalkFinding.position", cascade="all, delete-orphan"
    )


class WalkFinding(Versioned, Base):
    """Something found on a safety walk, followed to the end: where it is, who owns it, whether it
    was dealt with (åtgärdad) or declined (avböjd, with the reason) and when, optionally its
    WGS84 coordinates for a map, and the measure it was turned into (if any)."""

    __tablename__ = "walk_findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    walk_id: Mapped[int] = mapped_column(ForeignKey("safety_walks.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("measures.id", ondelete="SET NULL"), index=True
    )
    place: Mapped[str] = mapped_column(String(200), nullable=False, default="", server_default="")
    #: The organisation that owns the problem (a register organisation), or None.
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[FindingStatus] = mapped_column(
        code_enum(FindingStatus, "finding_status"), nullable=False, default=FindingStatus.OPEN,
        server_default=FindingStatus.OPEN.value,
    )
    #: Why a declined finding was declined ("" otherwise).
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    #: When it was dealt with or declined (None while open).
    dealt_on: Mapped[date | None] = mapped_column(Date)
    latitude: Mapped[float | None] = mapped_column(FLOAT)
    longitude: Mapped[float | None] = mapped_column(FLOAT)

    walk: Mapped[SafetyWalk] = relationship(back_populates="findings")
    measure: Mapped[Measure | None] = relationship()
    owner: Mapped[Organisation | None] = relationship()

    __table_args__ = (
        CheckConstraint("latitude IS NULL OR (latitude >= -90 AND latitude <= 90)", name="latitude_range"),
        CheckConstraint("longitude IS NULL OR (longitude >= -180 AND longitude <= 180)", name="longitude_range"),
        CheckConstraint("(latitude IS NULL) = (longitude IS NULL)", name="coordinates_paired"),
        CheckConstraint("(status = 'open') = (dealt_on IS NULL)", name="dealt_on_when_closed"),
        CheckConstraint("status <> 'declined' OR trim(reason) <> ''", name="declined_has_reason"),
    )
