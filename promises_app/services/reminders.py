"""Reminders (påminnelser): who has something due for a reporting period, and what.

The secretary chases the owners every period. For one agreement and one period this finds the
measures that need a word from their contact person (kontaktperson): a follow-up missing for the
period, a deadline within ``days`` days, or a deadline already passed without the measure being
finished. The rules are the overview's and the follow-up report's (domain/deadlines.py and
domain/period_summary.py through ``build_overview``'s way of reading the latest status), so the
reminders never disagree with Översikt or the paper.

Read only, one read transaction. ``build_plan`` is the pure part (facts in, plan out); the
e-mails and the calendar are made from the plan by services/reminder_files.py, and written by
the caller (the command line, the window). A measure without a contact person is not dropped:
it is listed in ``ReminderPlan.without_contact`` for the person to see.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select

from promises_app.domain import deadlines
from promises_app.domain.enums import FollowUpStatus
from promises_app.domain.period_summary import MeasureFacts, summarise
from promises_app.domain.periods import Period
from promises_app.domain.swedish_dates import long_date
from promises_app.domain.validation import FieldError, ValidationError
from promises_app.services.base import Service
from promises_app.services.followups import DUE_SOON_DAYS, AgreementFacts, agreement_facts, reporting_period
from promises_app.storage import models as m

__all__ = [
    "DEFAULT_DAYS",
    "MAX_DAYS",
    "REPLY_AFTER_PERIOD_DAYS",
    "Contact",
    "DueKind",
    "Recipient",
    "ReminderMeasure",
    "ReminderPlan",
    "ReminderService",
    "build_plan",
    "default_reply_by",
    "usable_address",
]

#: "Deadline soon": within this many days of today, as on the overview.
DEFAULT_DAYS = DUE_SOON_DAYS
#: The longest window asked about (a year): more is surely a slip of the finger.
MAX_DAYS = 366
#: The report is wanted this many days after the period's last day: a week to write it, counted
#: from the day there is something to report on. Never less than this many days from today, so a
#: reminder sent late does not ask for yesterday.
REPLY_AFTER_PERIOD_DAYS = 7


class DueKind(StrEnum):
    """Why a measure is in a reminder (a measure may be there for more than one reason)."""

    MISSING = "missing"  # no follow-up for the period
    DUE_SOON = "due_soon"  # deadline within the window
    OVERDUE = "overdue"  # deadline passed, not finished

    @property
    def heading(self) -> str:
        """The heading the e-mail lists these measures under."""
        return _HEADINGS[self]

    @property
    def short(self) -> str:
        """A few words for a count: "försenade: 2"."""
        return _SHORT[self]


_HEADINGS = {
    DueKind.MISSING: "Uppföljning saknas för perioden",
    DueKind.DUE_SOON: "Sista dag närmar sig",
    DueKind.OVERDUE: "Försenade åtgärder (sista dagen har passerat)",
}

_SHORT = {
    DueKind.MISSING: "uppföljning saknas",
    DueKind.DUE_SOON: "sista dag snart",
    DueKind.OVERDUE: "försenade",
}


@dataclass(frozen=True)
class Contact:
    """A contact person as the reminders need them (from the person register)."""

    person_id: int
    name: str
    title: str
    organisation_name: str
    #: As the register holds it ("" when none).
    email: str

    @property
    def usable_email(self) -> str:
        """The address as a mail program can take it, or "" when there is none or it cannot be used
        (a register address typed with a space or a comma, say): the .eml then has no To address."""
        return usable_address(self.email)


@dataclass(frozen=True)
class ReminderMeasure:
    measure_id: int
    title: str
    promise_text: str
    #: The responsible organisation ("" when none is named).
    responsible_name: str
    deadline: date | None
    #: The latest status reported (any period), None when nothing was reported yet.
    status: FollowUpStatus | None
    #: Why it is listed, in DueKind order.
    kinds: tuple[DueKind, ...]


@dataclass(frozen=True)
class Recipient:
    """One contact person and the measures their reminder lists."""

    contact: Contact
    measures: tuple[ReminderMeasure, ...]

    @property
    def person_id(self) -> int:
        return self.contact.person_id

    @property
    def has_address(self) -> bool:
        """False: the register has no (usable) e-mail address for them; the .eml goes without a To address."""
        return bool(self.contact.usable_email)

    def of_kind(self, kind: DueKind) -> tuple[ReminderMeasure, ...]:
        return tuple(x for x in self.measures if kind in x.kinds)

    def count(self, kind: DueKind) -> int:
        return len(self.of_kind(kind))


@dataclass(frozen=True)
class ReminderPlan:
    """Who gets a reminder for ``period`` and what each one lists (``ReminderService.plan``)."""

    agreement_id: int
    agreement_title: str
    #: The database's own id (database_identity): it makes the calendar's UIDs unique to this database.
    database_id: str
    period: Period
    today: date
    days: int
    #: The day the report is wanted by.
    reply_by: date
    #: By name.
    recipients: tuple[Recipient, ...]
    #: Measures with something due but no contact person: nobody gets a reminder for them.
    without_contact: tuple[ReminderMeasure, ...]
    #: Every measure id of the agreement in plan order (the order measures are listed in).
    plan_order: tuple[int, ...] = ()

    @property
    def measures(self) -> tuple[ReminderMeasure, ...]:
        """Every measure listed, once each (a measure has one contact person), in plan order."""
        order = {measure_id: i for i, measure_id in enumerate(self.plan_order)}
        listed = [x for r in self.recipients for x in r.measures] + list(self.without_contact)
        return tuple(sorted(listed, key=lambda x: order.get(x.measure_id, len(order))))


def usable_address(text: str) -> str:
    """``text`` as one plain address (name@domain), or "" when it is not one.

    One ``@`` with something on each side, no white space, control characters, commas, semicolons,
    angle brackets or quotes: nothing that could make a To header name a second recipient.
    """
    address = text.strip()
    local, at, domain = address.partition("@")
    if not (at and local and domain) or "@" in domain or len(address) > 254:
        return ""
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 or ch in ',;<>"()[]\\' for ch in address):
        return ""
    return address


def default_reply_by(period: Period, today: date) -> date:
    """The period's last day + REPLY_AFTER_PERIOD_DAYS, but never sooner than that many days from today."""
    return max(period.end, today) + timedelta(days=REPLY_AFTER_PERIOD_DAYS)


class ReminderService(Service):
    def plan(
        self,
        agreement_id: int,
        period: str,
        *,
        today: date,
        days: int = DEFAULT_DAYS,
        reply_by: date | None = None,
    ) -> ReminderPlan:
        """Who has something due for ``period`` ("2022-T2") on ``today``: one read transaction.

        ValidationError names the field: ``period`` (not one of the agreement's periods), ``days``
        (not 0–366), ``reply_by`` (before today). NotFoundError for an agreement that is gone.
        """
        errors = []
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DAYS:
            errors.append(FieldError("days", f"Sista dag inom: ange ett heltal från 0 till {MAX_DAYS} dagar."))
        if reply_by is not None and reply_by < today:
            errors.append(FieldError("reply_by", f"Rapporten önskas senast: {long_date(reply_by)} har redan passerat."))
        with self.db.read() as s:
            facts = agreement_facts(s, agreement_id, first_signed=None)
            try:
                chosen = reporting_period(facts.agreement, period)
            except ValidationError as error:
                errors[:0] = error.errors
            if errors:
                raise ValidationError(errors)
            contact_of = dict(
                s.execute(
                    select(m.Measure.id, m.Measure.contact_id)
                    .join(m.Promise, m.Promise.id == m.Measure.promise_id)
                    .where(m.Promise.agreement_id == agreement_id)
                ).all()
            )
            wanted = {person for person in contact_of.values() if person is not None}
            people = {
                person_id: Contact(person_id, name, title, organisation or "", email)
                for person_id, name, title, organisation, email in s.execute(
                    select(m.Person.id, m.Person.name, m.Person.title, m.Organisation.name, m.Person.email)
                    .outerjoin(m.Organisation, m.Organisation.id == m.Person.organisation_id)
                    .where(m.Person.id.in_(wanted))
                )
            }
            database_id = s.scalar(select(m.DatabaseIdentity.database_id)) or ""
        return build_plan(
            facts, chosen, contact_of, people, database_id=database_id, today=today, days=days,
            reply_by=reply_by or default_reply_by(chosen, today),
        )


def build_plan(
    facts: AgreementFacts,
    period: Period,
    contact_of: Mapping[int, int | None],
    people: Mapping[int, Contact],
    *,
    database_id: str,
    today: date,
    days: int,
    reply_by: date,
) -> ReminderPlan:
    """The reminders from the agreement's facts (pure: no database).

    ``contact_of``: each measure's contact person (None: none); ``people``: those persons.
    Missing follow-ups are the period summary's (the follow-up report's "not reported"); overdue
    and due soon are judged on ``today`` by the latest status reported in any period, as the
    overview judges them.
    """
    periods = facts.periods
    missing = {row.facts.measure_id for row in summarise(period, periods, facts.measures, today=today,
                                                         signed=False).missing}
    by_person: dict[int, list[ReminderMeasure]] = {}
    without: list[ReminderMeasure] = []
    for x in facts.measures:
        latest = deadlines.latest_status({label: r.status for label, r in x.follow_ups.items()}, periods)
        kinds = tuple(
            kind for kind, due in (
                (DueKind.MISSING, x.measure_id in missing),
                (DueKind.DUE_SOON, deadlines.is_due_within(x.deadline, latest, today, days)),
                (DueKind.OVERDUE, deadlines.is_overdue(x.deadline, latest, today)),
            ) if due
        )
        if not kinds:
            continue
        item = _item(x, latest, kinds)
        person = contact_of.get(x.measure_id)
        if person is None or person not in people:
            without.append(item)
        else:
            by_person.setdefault(person, []).append(item)
    recipients = sorted(
        (Recipient(people[person], tuple(items)) for person, items in by_person.items()),
        key=lambda r: (r.contact.name.casefold(), r.person_id),
    )
    return ReminderPlan(
        agreement_id=facts.agreement.id,
        agreement_title=facts.agreement.title,
        database_id=database_id,
        period=period,
        today=today,
        days=days,
        reply_by=reply_by,
        recipients=tuple(recipients),
        without_contact=tuple(without),
        plan_order=tuple(x.measure_id for x in facts.measures),
    )


def _item(x: MeasureFacts, latest: FollowUpStatus | None, kinds: tuple[DueKind, ...]) -> ReminderMeasure:
    return ReminderMeasure(
        measure_id=x.measure_id,
        title=x.title,
        promise_text=x.promise_text,
        responsible_name=x.responsible_name,
        deadline=x.deadline,
        status=latest,
        kinds=kinds,
    )
