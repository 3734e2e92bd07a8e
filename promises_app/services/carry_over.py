"""A new agreement from last year's: the plan carried over, unfinished measures linked to their past.

What ``create_from`` copies, in one transaction, into a new *draft* of the same kind under the
same cooperation agreement (the previous agreement is only read, so a signed one stays as signed):

- the agreement's municipality, police area, signing place, text sections and overarching goals
  (a starting point the person rewrites; the case number and signing date are left empty);
- the parties (same organisations, same order) with their signatories;
- the focus areas and the promises (same text, description, makers and order);
- the carried measures (by default every measure whose latest follow-up is not done or
  cancelled/postponed): same title, texts, responsible party, contact person, participants,
  focus area, target count and unit, each linked to the measure it continues
  (``previous_measure_id``).

Not copied: follow-ups, the occurrence log, the lägesbild's indicators, sources and safety
walks, and the measures' start and end dates. The dates are cleared on purpose: last year's
deadline says nothing about next year, and a guessed one (say, a year later) would look like a
decision nobody made. A measure without a deadline is never overdue, so the person sets the
new dates in the plan before signing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from promises_app.domain import periods as period_rules
from promises_app.domain.enums import AgreementState, FollowUpStatus, ReportingScheme
from promises_app.domain.validation import FieldError, ValidationError
from promises_app.services import convert
from promises_app.services.agreements import validate_agreement
from promises_app.services.base import FieldValues, Service, get_row
from promises_app.services.plan import _set_organisations, measures_of
from promises_app.services.records import (
    AgreementRecord,
    FocusAreaRecord,
    FollowUpRecord,
    MeasureRecord,
    PartyRecord,
    PromiseRecord,
)
from promises_app.storage import models as m


@dataclass(frozen=True)
class CarriedMeasure:
    """A measure of the previous agreement, where it stood, and whether it is carried by default."""

    measure: MeasureRecord
    promise_text: str
    latest_period: str | None
    latest_status: FollowUpStatus | None
    #: Carried unless its latest follow-up says done or cancelled/postponed.
    carried: bool


@dataclass(frozen=True)
class CarryOverPreview:
    """What a new agreement from ``agreement`` would get, with suggested title and dates."""

    agreement: AgreementRecord
    parties: tuple[PartyRecord, ...]
    focus_areas: tuple[FocusAreaRecord, ...]
    promises: tuple[PromiseRecord, ...]
    measures: tuple[CarriedMeasure, ...]
    suggested_title: str
    suggested_start: date
    suggested_end: date

    @property
    def signatory_count(self) -> int:
        return sum(len(p.signatories) for p in self.parties)

    @property
    def carried_ids(self) -> frozenset[int]:
        return frozenset(c.measure.id for c in self.measures if c.carried)


@dataclass(frozen=True)
class LineageEntry:
    """One earlier measure in a measure's history: the agreement it belonged to, and how it went."""

    agreement_id: int
    agreement_title: str
    agreement_start: date
    agreement_end: date
    measure: MeasureRecord
    #: In period order.
    follow_ups: tuple[FollowUpRecord, ...]


class CarryOverService(Service):
    def preview(self, previous_agreement_id: int) -> CarryOverPreview:
        """What ``create_from`` would copy from the agreement, and the measures it would carry."""
        with self.db.read() as s:
            previous = get_row(s, m.Agreement, previous_agreement_id, "Överenskommelsen")
            measures = measures_of(s, previous.id)
            latest = _latest_follow_ups(s, previous, [x.id for x in measures])
            start, end = suggested_dates(previous.start_date, previous.end_date)
            carried = []
            for measure in measures:
                follow_up = latest.get(measure.id)
                status = follow_up.status if follow_up else None
                carried.append(
                    CarriedMeasure(
                        measure=convert.measure(measure),
                        promise_text=measure.promise.text,
                        latest_period=follow_up.period if follow_up else None,
                        latest_status=status,
                        carried=status is None or not status.is_finished,
                    )
                )
            return CarryOverPreview(
                agreement=convert.agreement(previous),
                parties=tuple(convert.party(p) for p in previous.parties),
                focus_areas=tuple(convert.focus_area(f) for f in previous.focus_areas),
                promises=tuple(convert.promise(p) for p in previous.promises),
                measures=tuple(carried),
                suggested_title=suggested_title(
                    previous.title, previous.start_date, previous.end_date, start, end
                ),
                suggested_start=start,
                suggested_end=end,
            )

    def check_new(
        self,
        previous_agreement_id: int,
        *,
        title: str,
        start: date | str,
        end: date | str,
        reporting_scheme: ReportingScheme | str,
    ) -> None:
        """Raise ValidationError (fields title, start_date, end_date, reporting_scheme) as
        ``create_from`` would, without writing anything: for a wizard page's Next button."""
        with self.db.read() as s:
            previous = get_row(s, m.Agreement, previous_agreement_id, "Överenskommelsen")
            validate_agreement(s, _new_values(previous, title, start, end, reporting_scheme), current=None)

    def create_from(
        self,
        previous_agreement_id: int,
        *,
        title: str,
        start: date | str,
        end: date | str,
        reporting_scheme: ReportingScheme | str,
        carried_measure_ids: set[int] | frozenset[int] | None = None,
    ) -> AgreementRecord:
        """A new draft agreement from the previous one (see the module's docstring for what is copied).

        ``carried_measure_ids`` None carries every measure not done and not cancelled; a set
        carries exactly those measures (which must be the previous agreement's). Raises
        ValidationError naming the field (title, start_date, end_date, reporting_scheme,
        carried_measure_ids); nothing is written then.
        """
        with self.db.write() as s:
            previous = get_row(s, m.Agreement, previous_agreement_id, "Överenskommelsen")
            measures = measures_of(s, previous.id)
            errors: list[FieldError] = []
            try:
                cleaned = validate_agreement(
                    s, _new_values(previous, title, start, end, reporting_scheme), current=None
                )
            except ValidationError as error:
                errors.extend(error.errors)
                cleaned = {}
            if carried_measure_ids is None:
                latest = _latest_follow_ups(s, previous, [x.id for x in measures])
                carried_ids = {
                    x.id for x in measures if x.id not in latest or not latest[x.id].status.is_finished
                }
            else:
                carried_ids = set(carried_measure_ids)
                strangers = sorted(carried_ids - {x.id for x in measures})
                if strangers:
                    errors.append(
                        FieldError(
                            "carried_measure_ids",
                            "Åtgärder att föra över: bara den tidigare överenskommelsens åtgärder kan "
                            f"föras över (id {', '.join(map(str, strangers))} hör inte dit).",
                        )
                    )
            if errors:
                raise ValidationError(errors)
            row = _copy_agreement(s, previous, cleaned)
            _copy_plan(s, previous, row, [x for x in measures if x.id in carried_ids])
            s.refresh(row)
            return convert.agreement(row)

    def measure_lineage(self, measure_id: int) -> list[LineageEntry]:
        """The measures this one continues, last year's first, each with its follow-ups.

        Follows ``previous_measure_id`` back until a measure without one (or a deleted one);
        the measure itself is not in the list.
        """
        with self.db.read() as s:
            row = get_row(s, m.Measure, measure_id, "Åtgärden")
            seen = {row.id}
            chain: list[LineageEntry] = []
            while row.previous_measure_id is not None and row.previous_measure_id not in seen:
                earlier = s.get(m.Measure, row.previous_measure_id)
                if earlier is None:
                    break
                seen.add(earlier.id)
                agreement = earlier.promise.agreement
                order = _period_order(agreement)
                follow_ups = sorted(
                    earlier.follow_ups, key=lambda f: (order.get(f.period, len(order)), f.period)
                )
                chain.append(
                    LineageEntry(
                        agreement_id=agreement.id,
                        agreement_title=agreement.title,
                        agreement_start=agreement.start_date,
                        agreement_end=agreement.end_date,
                        measure=convert.measure(earlier),
                        follow_ups=tuple(convert.follow_up(f) for f in follow_ups),
                    )
                )
                row = earlier
            return chain


def suggested_dates(previous_start: date, previous_end: date) -> tuple[date, date]:
    """The period after the previous one: from the day after it ended, as many whole years long
    (at least one)."""
    start = previous_end + timedelta(days=1)
    years = max(1, round(((previous_end - previous_start).days + 1) / 365.25))
    return start, start + relativedelta(years=years) - timedelta(days=1)


def suggested_title(title: str, previous_start: date, previous_end: date, start: date, end: date) -> str:
    """The previous title with its years moved on.

    "Solna 2022" → "Solna 2023", "2022–2024" → "2025–2027"; digits inside a longer number stay.
    """
    replacements = {str(previous_start.year): str(start.year), str(previous_end.year): str(end.year)}
    if str(previous_start.year) not in title and str(previous_end.year) not in title:
        return title
    result, index = [], 0
    while index < len(title):
        year = title[index : index + 4]
        standalone = not title[index - 1 : index].isdigit() and not title[index + 4 : index + 5].isdigit()
        if year in replacements and standalone:
            result.append(replacements[year])
            index += 4
        else:
            result.append(title[index])
            index += 1
    return "".join(result)


def _new_values(
    previous: m.Agreement, title: str, start: date | str, end: date | str, scheme: ReportingScheme | str
) -> FieldValues:
    return {
        "kind": previous.kind,
        "parent_id": previous.parent_id,
        "title": title,
        "municipality": previous.municipality,
        "police_area": previous.police_area,
        "start_date": start,
        "end_date": end,
        "reporting_scheme": scheme,
        "case_number": "",
        "signing_place": previous.signing_place,
        "signing_date": None,
        "introduction": previous.introduction,
        "situation": previous.situation,
        "intended_effects": previous.intended_effects,
        "follow_up_text": previous.follow_up_text,
    }


def _period_order(agreement: m.Agreement) -> dict[str, int]:
    periods = period_rules.periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
    return {p.label: i for i, p in enumerate(periods)}


def _latest_follow_ups(
    session: Session, agreement: m.Agreement, measure_ids: list[int]
) -> dict[int, m.FollowUp]:
    """Each measure's follow-up of its latest reported period."""
    order = _period_order(agreement)
    latest: dict[int, m.FollowUp] = {}
    for row in session.scalars(select(m.FollowUp).where(m.FollowUp.measure_id.in_(measure_ids))):
        if row.period not in order:
            continue
        current = latest.get(row.measure_id)
        if current is None or order[row.period] > order[current.period]:
            latest[row.measure_id] = row
    return latest


def _copy_agreement(session: Session, previous: m.Agreement, cleaned: FieldValues) -> m.Agreement:
    row = m.Agreement(**cleaned, state=AgreementState.DRAFT, revision=1)
    row.goals = [m.Goal(position=g.position, text=g.text) for g in previous.goals]
    row.parties = [
        m.Party(
            organisation_id=party.organisation_id,
            position=party.position,
            signatories=[
                m.Signatory(person_id=sig.person_id, position=sig.position) for sig in party.signatories
            ],
        )
        for party in previous.parties
    ]
    session.add(row)
    session.flush()
    return row


def _copy_plan(session: Session, previous: m.Agreement, row: m.Agreement, carried: list[m.Measure]) -> None:
    """Focus areas, promises with their makers, and the carried measures, in the previous order."""
    areas = {}
    for area in previous.focus_areas:
        areas[area.id] = m.FocusArea(position=area.position, name=area.name, description=area.description)
        row.focus_areas.append(areas[area.id])
    promises = {}
    for promise in previous.promises:
        promises[promise.id] = m.Promise(
            position=promise.position, text=promise.text, description=promise.description,
            as_written=promise.as_written,
        )
        row.promises.append(promises[promise.id])
    session.flush()
    for promise in previous.promises:
        makers = [o.id for o in promise.makers]
        _set_organisations(session, m.promise_makers, "promise_id", promises[promise.id].id, makers)
    positions: dict[int, int] = {}
    for old in carried:
        position = positions.get(old.promise_id, 0)
        positions[old.promise_id] = position + 1
        new = m.Measure(
            promise_id=promises[old.promise_id].id,
            position=position,
            title=old.title,
            description=old.description,
            cause=old.cause,
            responsible_id=old.responsible_id,
            contact_id=old.contact_id,
            focus_area_id=areas[old.focus_area_id].id if old.focus_area_id in areas else None,
            start_date=None,
            deadline=None,
            target_count=old.target_count,
            target_unit=old.target_unit,
            previous_measure_id=old.id,
        )
        session.add(new)
        session.flush()
        participants = [o.id for o in old.participants if o.id != old.responsible_id]
        _set_organisations(session, m.measure_participants, "measure_id", new.id, participants)
