"""Building an ``AgreementSnapshot`` from the live rows, inside the caller's transaction."""

from __future__ import annotations

import base64
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, undefer

from promises_app.domain.snapshot import (
    SNAPSHOT_FORMAT,
    AgreementSnapshot,
    SnapshotFocusArea,
    SnapshotMeasure,
    SnapshotOrganisation,
    SnapshotParty,
    SnapshotPromise,
    SnapshotSignatory,
)
from promises_app.storage import models as m


def build_snapshot(
    session: Session, agreement: m.Agreement, *, signatory_ids: Collection[int] | None = None
) -> AgreementSnapshot:
    """The agreement's content as it stands in ``session``.

    ``signatory_ids`` limits the signature blocks to the signatories present at signing
    (``Signatory`` ids); None keeps every signatory of every party.
    """
    parties = session.scalars(
        select(m.Party)
        .where(m.Party.agreement_id == agreement.id)
        .options(
            selectinload(m.Party.organisation).options(undefer(m.Organisation.logo_png)),
            selectinload(m.Party.signatories).selectinload(m.Signatory.person),
        )
        .order_by(m.Party.position)
    ).all()
    promises = session.scalars(
        select(m.Promise)
        .where(m.Promise.agreement_id == agreement.id)
        .options(
            selectinload(m.Promise.makers),
            selectinload(m.Promise.measures).options(
                selectinload(m.Measure.responsible),
                selectinload(m.Measure.participants),
                selectinload(m.Measure.focus_area),
            ),
        )
        .order_by(m.Promise.position)
    ).all()
    return AgreementSnapshot(
        format=SNAPSHOT_FORMAT,
        agreement_id=agreement.id,
        kind=agreement.kind,
        state=agreement.state,
        revision=agreement.revision,
        title=agreement.title,
        municipality=agreement.municipality,
        police_area=agreement.police_area,
        start_date=agreement.start_date,
        end_date=agreement.end_date,
        reporting_scheme=agreement.reporting_scheme,
        case_number=agreement.case_number,
        signing_place=agreement.signing_place,
        signing_date=agreement.signing_date,
        introduction=agreement.introduction,
        situation=agreement.situation,
        intended_effects=agreement.intended_effects,
        follow_up_text=agreement.follow_up_text,
        goals=tuple(goal.text for goal in agreement.goals),
        parties=tuple(_party(party, signatory_ids) for party in parties),
        focus_areas=tuple(
            SnapshotFocusArea(area.id, area.name, area.description) for area in agreement.focus_areas
        ),
        promises=tuple(_promise(promise) for promise in promises),
    )


def _organisation(row: m.Organisation) -> SnapshotOrganisation:
    return SnapshotOrganisation(row.id, row.name, row.short_name, row.kind)


def _party(party: m.Party, signatory_ids: Collection[int] | None) -> SnapshotParty:
    logo = party.organisation.logo_png
    return SnapshotParty(
        organisation=_organisation(party.organisation),
        logo_png_base64=base64.b64encode(logo).decode("ascii") if logo else "",
        signatories=tuple(
            SnapshotSignatory(s.person_id, s.person.name, s.person.title)
            for s in party.signatories
            if signatory_ids is None or s.id in signatory_ids
        ),
    )


def _promise(promise: m.Promise) -> SnapshotPromise:
    return SnapshotPromise(
        id=promise.id,
        text=promise.text,
        description=promise.description,
        makers=tuple(_organisation(o) for o in promise.makers),
        measures=tuple(_measure(measure) for measure in promise.measures),
        as_written=promise.as_written,
    )


def _measure(measure: m.Measure) -> SnapshotMeasure:
    return SnapshotMeasure(
        id=measure.id,
        title=measure.title,
        description=measure.description,
        cause=measure.cause,
        responsible_id=measure.responsible_id,
        responsible_name=measure.responsible.name if measure.responsible else "",
        participant_names=tuple(o.name for o in measure.participants),
        focus_area_id=measure.focus_area_id,
        focus_area_name=measure.focus_area.name if measure.focus_area else "",
        start_date=measure.start_date,
        deadline=measure.deadline,
        target_count=measure.target_count,
        target_unit=measure.target_unit,
    )
