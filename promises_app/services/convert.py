"""ORM rows → plain records. Called inside a service's transaction, with relations loaded."""

from __future__ import annotations

from promises_app.services.records import (
    AgreementRecord,
    AgreementSummary,
    FocusAreaRecord,
    FollowUpRecord,
    GoalRecord,
    MeasureRecord,
    OccurrenceRecord,
    OrganisationRecord,
    PartyRecord,
    PersonRecord,
    PromiseRecord,
    SignatoryRecord,
)
from promises_app.storage import models as m


def organisation(row: m.Organisation) -> OrganisationRecord:
    return OrganisationRecord(row.id, row.name, row.kind, row.short_name, row.version)


def person(row: m.Person) -> PersonRecord:
    return PersonRecord(
        id=row.id,
        name=row.name,
        title=row.title,
        organisation_id=row.organisation_id,
        organisation_name=row.organisation.name if row.organisation else "",
        email=row.email,
        phone=row.phone,
        version=row.version,
    )


def agreement_summary(row: m.Agreement) -> AgreementSummary:
    return AgreementSummary(
        id=row.id,
        kind=row.kind,
        parent_id=row.parent_id,
        title=row.title,
        start_date=row.start_date,
        end_date=row.end_date,
        reporting_scheme=row.reporting_scheme,
        state=row.state,
        revision=row.revision,
    )


def agreement(row: m.Agreement) -> AgreementRecord:
    return AgreementRecord(
        id=row.id,
        kind=row.kind,
        parent_id=row.parent_id,
        title=row.title,
        municipality=row.municipality,
        police_area=row.police_area,
        start_date=row.start_date,
        end_date=row.end_date,
        reporting_scheme=row.reporting_scheme,
        case_number=row.case_number,
        signing_place=row.signing_place,
        signing_date=row.signing_date,
        introduction=row.introduction,
        situation=row.situation,
        intended_effects=row.intended_effects,
        follow_up_text=row.follow_up_text,
        state=row.state,
        revision=row.revision,
        goals=tuple(GoalRecord(g.id, g.position, g.text, g.version) for g in row.goals),
        version=row.version,
    )


def signatory(row: m.Signatory) -> SignatoryRecord:
    return SignatoryRecord(
        id=row.id,
        party_id=row.party_id,
        person_id=row.person_id,
        name=row.person.name,
        title=row.person.title,
        position=row.position,
        version=row.version,
    )


def party(row: m.Party) -> PartyRecord:
    return PartyRecord(
        id=row.id,
        agreement_id=row.agreement_id,
        organisation_id=row.organisation_id,
        organisation_name=row.organisation.name,
        organisation_kind=row.organisation.kind,
        position=row.position,
        signatories=tuple(signatory(s) for s in row.signatories),
        version=row.version,
    )


def focus_area(row: m.FocusArea) -> FocusAreaRecord:
    return FocusAreaRecord(
        row.id, row.agreement_id, row.position, row.name, row.description, row.version
    )


def promise(row: m.Promise) -> PromiseRecord:
    return PromiseRecord(
        id=row.id,
        agreement_id=row.agreement_id,
        position=row.position,
        text=row.text,
        description=row.description,
        maker_ids=tuple(o.id for o in row.makers),
        maker_names=tuple(o.name for o in row.makers),
        version=row.version,
        as_written=row.as_written,
    )


def measure(row: m.Measure) -> MeasureRecord:
    return MeasureRecord(
        id=row.id,
        agreement_id=row.promise.agreement_id,
        promise_id=row.promise_id,
        position=row.position,
        title=row.title,
        description=row.description,
        cause=row.cause,
        responsible_id=row.responsible_id,
        responsible_name=row.responsible.name if row.responsible else "",
        contact_id=row.contact_id,
        contact_name=row.contact.name if row.contact else "",
        participant_ids=tuple(o.id for o in row.participants),
        participant_names=tuple(o.name for o in row.participants),
        focus_area_id=row.focus_area_id,
        focus_area_name=row.focus_area.name if row.focus_area else "",
        start_date=row.start_date,
        deadline=row.deadline,
        target_count=row.target_count,
        target_unit=row.target_unit,
        previous_measure_id=row.previous_measure_id,
        version=row.version,
    )


def occurrence(row: m.Occurrence) -> OccurrenceRecord:
    return OccurrenceRecord(
        row.id, row.measure_id, row.occurred_on, row.place, row.note, row.version
    )


def follow_up(row: m.FollowUp) -> FollowUpRecord:
    return FollowUpRecord(
        id=row.id,
        measure_id=row.measure_id,
        period=row.period,
        status=row.status,
        light=row.light,
        count_achieved=row.count_achieved,
        comment=row.comment,
        updated_at=row.updated_at,
        version=row.version,
    )
