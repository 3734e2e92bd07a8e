"""What the printed agreement says, as plain data (no ReportLab): the builder half of the report.

``build_agreement_content(services, agreement_id)`` reads the agreement through the services
and returns an ``AgreementContent`` in the order of a Swedish agreement document (DOMAIN.md,
"What an agreement document contains"): title, Inledning, Situationen idag, overarching goals,
Prioriterade fokusområden, "Det här ska vi göra" (promises grouped by who makes them, each
with its measures), "Det här ska vi åstadkomma tillsammans", "Följ med hur det går",
Giltighetstid and diarienummer, place and date, one signature block per party, and the action
plan appendix. Every string is final printed text; the renderer only lays it out.

``fingerprint`` is the first 12 hex characters of the SHA-256 of the content's canonical JSON,
so a printed page can be matched to exactly the content it was made from.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

from promises_app.domain.enums import AgreementState, OrganisationKind
from promises_app.domain.vocabulary import swedish
from promises_app.reports.formatting import (
    date_range,
    join_words,
    long_date,
    place_and_date,
)
from promises_app.services.records import (
    MeasureRecord,
    OrganisationRecord,
    PromiseRecord,
)

if TYPE_CHECKING:  # the builder only needs the services' public methods
    from promises_app.services import Services

# The section headings, in the order they are printed.
HEADING_INTRODUCTION = "Inledning"
HEADING_SITUATION = "Situationen idag"
HEADING_GOALS = "Övergripande mål"
HEADING_FOCUS_AREAS = "Prioriterade fokusområden"
HEADING_PROMISES = "Det här ska vi göra"
HEADING_EFFECTS = "Det här ska vi åstadkomma tillsammans"
HEADING_FOLLOW_UP = "Följ med hur det går"
HEADING_VALIDITY = "Giltighetstid"
HEADING_SIGNATURES = "Underskrifter"
HEADING_ACTION_PLAN = "Bilaga: Handlingsplan"

#: The action plan's columns (Brå: Orsak → Åtgärd → Operativt mål → När → Vem).
ACTION_PLAN_COLUMNS = ("Problem eller orsak", "Åtgärd", "Mål", "När", "Vem")

LOVAR_ATT = "lovar att …"


@dataclass(frozen=True)
class FocusAreaItem:
    name: str
    description: str


@dataclass(frozen=True)
class MeasureItem:
    """One measure under its promise: title, description, then detail lines ("Mål: 4 …")."""

    title: str
    description: str
    details: tuple[str, ...]


@dataclass(frozen=True)
class PromiseItem:
    text: str
    description: str
    measures: tuple[MeasureItem, ...]


@dataclass(frozen=True)
class PromiseGroup:
    """The promises made by one set of organisations, under "Polisen och kommunen lovar att …"."""

    heading: str
    promises: tuple[PromiseItem, ...]


@dataclass(frozen=True)
class SignatoryLine:
    name: str
    title: str


@dataclass(frozen=True)
class SignatureBlock:
    """One party's column on the signature page."""

    party: str
    signatories: tuple[SignatoryLine, ...]


@dataclass(frozen=True)
class ActionPlanRow:
    cause: str
    measure: str
    target: str
    when: str
    who: str


@dataclass(frozen=True)
class AgreementContent:
    agreement_id: int
    title: str
    kind: str  # "Medborgarlöfte" / "Samverkansöverenskommelse"
    state: str  # "Utkast" / "Undertecknad" / "Avslutad"
    revision: int
    introduction: str
    situation: str
    goals: tuple[str, ...]
    focus_areas: tuple[FocusAreaItem, ...]
    promise_groups: tuple[PromiseGroup, ...]
    intended_effects: str
    follow_up_text: str
    validity: str  # "1 januari – 31 december 2022"
    case_number: str
    place_and_date: str  # "Solna den 18 januari 2022" or "Ort och datum: ________"
    signature_blocks: tuple[SignatureBlock, ...]
    action_plan: tuple[ActionPlanRow, ...]
    #: The parties' organisation ids in party order (whose logos stand in the header).
    party_organisation_ids: tuple[int, ...]
    fingerprint: str = field(default="")

    @property
    def is_draft(self) -> bool:
        return self.state == swedish(AgreementState.DRAFT)


def canonical_json(content: AgreementContent) -> str:
    """The content (without its fingerprint) as canonical JSON: the input of the fingerprint."""
    data = asdict(content)
    data.pop("fingerprint")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def compute_fingerprint(content: AgreementContent) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()[:12]


def with_fingerprint(content: AgreementContent) -> AgreementContent:
    """The same content with ``fingerprint`` set from everything else in it."""
    return replace(content, fingerprint=compute_fingerprint(content))


def build_agreement_content(services: Services, agreement_id: int) -> AgreementContent:
    """Everything the printed agreement says, read through the services (one read each)."""
    agreement = services.agreements.get_agreement(agreement_id)
    parties = services.agreements.list_parties(agreement_id)
    focus_areas = services.plan.list_focus_areas(agreement_id)
    promises = services.plan.list_promises(agreement_id)
    measures = services.plan.list_measures(agreement_id)
    organisations = {o.id: o for o in services.register.list_organisations()}

    measures_by_promise: dict[int, list[MeasureRecord]] = {}
    for measure in measures:
        measures_by_promise.setdefault(measure.promise_id, []).append(measure)

    content = AgreementContent(
        agreement_id=agreement.id,
        title=agreement.title,
        kind=swedish(agreement.kind),
        state=swedish(agreement.state),
        revision=agreement.revision,
        introduction=agreement.introduction,
        situation=agreement.situation,
        goals=tuple(goal.text for goal in agreement.goals),
        focus_areas=tuple(FocusAreaItem(f.name, f.description) for f in focus_areas),
        promise_groups=_promise_groups(promises, measures_by_promise, organisations),
        intended_effects=agreement.intended_effects,
        follow_up_text=agreement.follow_up_text,
        validity=date_range(agreement.start_date, agreement.end_date),
        case_number=agreement.case_number,
        place_and_date=place_and_date(agreement.signing_place, agreement.signing_date),
        signature_blocks=tuple(
            SignatureBlock(
                party=party.organisation_name,
                signatories=tuple(SignatoryLine(s.name, s.title) for s in party.signatories),
            )
            for party in parties
        ),
        action_plan=tuple(_action_plan_row(m) for m in measures),
        party_organisation_ids=tuple(party.organisation_id for party in parties),
    )
    return with_fingerprint(content)


def party_logos(services: Services, content: AgreementContent) -> dict[str, bytes]:
    """The parties' stored logos (PNG bytes) by party name, in party order; parties without one left out."""
    logos: dict[str, bytes] = {}
    for organisation_id, block in zip(content.party_organisation_ids, content.signature_blocks, strict=True):
        png = services.logos.get_logo(organisation_id)
        if png:
            logos[block.party] = png
    return logos


# --- who promises ---------------------------------------------------------------------------
def promise_heading(makers: list[OrganisationRecord]) -> str:
    """"Polisen lovar att …", "Kommunen lovar att …", "Polisen och kommunen lovar att …",
    otherwise the makers' names ("Polisen, kommunen och Bostadsbolaget lovar att …")."""
    kinds = [o.kind for o in makers]
    police = kinds.count(OrganisationKind.POLICE)
    municipality = kinds.count(OrganisationKind.MUNICIPALITY)
    if kinds == [OrganisationKind.POLICE]:
        return f"Polisen {LOVAR_ATT}"
    if kinds == [OrganisationKind.MUNICIPALITY]:
        return f"Kommunen {LOVAR_ATT}"
    if len(kinds) == 2 and police == 1 and municipality == 1:
        return f"Polisen och kommunen {LOVAR_ATT}"
    words = []
    for organisation in makers:
        if organisation.kind is OrganisationKind.POLICE and police == 1:
            words.append("polisen")
        elif organisation.kind is OrganisationKind.MUNICIPALITY and municipality == 1:
            words.append("kommunen")
        else:  # a housing company, or one of two municipalities: say which
            words.append(organisation.short_name or organisation.name)
    # "Polisen" first, as in the usual heading, the others in the promise's own order.
    words.sort(key=lambda w: w != "polisen")
    text = join_words(words)
    return f"{text[:1].upper()}{text[1:]} {LOVAR_ATT}"


def _promise_groups(
    promises: list[PromiseRecord],
    measures_by_promise: dict[int, list[MeasureRecord]],
    organisations: dict[int, OrganisationRecord],
) -> tuple[PromiseGroup, ...]:
    """Promises grouped by the set of organisations making them, groups in order of first promise."""
    groups: dict[frozenset[int], tuple[str, list[PromiseItem]]] = {}
    for promise in promises:
        key = frozenset(promise.maker_ids)
        if key not in groups:
            makers = [organisations[i] for i in promise.maker_ids if i in organisations]
            groups[key] = (promise_heading(makers), [])
        groups[key][1].append(
            PromiseItem(
                text=promise.text,
                description=promise.description,
                measures=tuple(_measure_item(m) for m in measures_by_promise.get(promise.id, [])),
            )
        )
    return tuple(PromiseGroup(heading, tuple(items)) for heading, items in groups.values())


def target_text(measure: MeasureRecord) -> str:
    """"4 trygghetsvandringar" for a counted measure, "" otherwise."""
    if measure.target_count is None:
        return ""
    return f"{measure.target_count} {measure.target_unit}".strip()


def _measure_item(measure: MeasureRecord) -> MeasureItem:
    details = []
    if measure.target_count is not None:
        details.append(f"Mål: {target_text(measure)}")
    if measure.responsible_name:
        details.append(f"Ansvarig: {measure.responsible_name}")
    if measure.deadline is not None:
        details.append(f"Klart senast: {long_date(measure.deadline)}")
    return MeasureItem(title=measure.title, description=measure.description, details=tuple(details))


def _action_plan_row(measure: MeasureRecord) -> ActionPlanRow:
    who = []
    if measure.responsible_name:
        who.append(f"{measure.responsible_name} (ansvarig)")
    who.extend(name for name in measure.participant_names if name != measure.responsible_name)
    return ActionPlanRow(
        cause=measure.cause,
        measure=measure.title,
        target=target_text(measure),
        when=date_range(measure.start_date, measure.deadline),
        who=", ".join(who),
    )
