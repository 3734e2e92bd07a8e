"""What the printed agreement says, as plain data (no ReportLab): the builder half of the report.

``content_from_snapshot(snapshot)`` turns an agreement's content (domain/snapshot.py: the live
draft, or a signed revision's frozen snapshot) into an ``AgreementContent`` in the usual order of
a Swedish agreement document: title, Inledning, Situationen idag, overarching goals,
Prioriterade fokusområden, "Det här ska vi göra" (promises grouped by who makes them, each
with its measures), "Det här ska vi åstadkomma tillsammans", "Följ med hur det går",
Giltighetstid and diarienummer, place and date, one signature block per party, and the action
plan appendix. Every string is final printed text; the renderer only lays it out.

``content_sha256`` is the SHA-256 of the snapshot's canonical JSON: for a signed revision, the
hash stored with it. ``fingerprint`` (its first 12 hex characters) is printed in the footer,
so a printed page can be matched to exactly the content it was made from. Content made by
hand (tests) gets its fingerprint from its own canonical JSON instead (``with_fingerprint``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

from promises_app.domain.enums import AgreementState
from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.snapshot import (
    AgreementSnapshot,
    SnapshotMeasure,
    content_sha256,
)
from promises_app.domain.vocabulary import swedish
from promises_app.domain.who_promises import (
    Maker,
    MakersForm,
    continues_under,
    heading_continues,
    maker_names,
    makers_form,
)
from promises_app.reports.formatting import (
    date_range,
    join_words,
    long_date,
    place_and_date,
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

#: How a heading ends when its promises continue it, and when it only groups them (domain/who_promises.py).
LOVAR_ATT = "lovar att …"
LOVAR = "lovar"


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
    """The promises made by one set of organisations, under "Polisen och kommunen lovar att …"
    (or "Polisen lovar" when a promise under it stands as written)."""

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
    #: The SHA-256 of the snapshot this was made from ("" for content made by hand).
    content_sha256: str = field(default="")
    #: The change log's head the document carries (domain/log_anchor.py); not part of the content.
    log_anchor: LogAnchor | None = field(default=None)
    #: Where the agreement applies, printed under its title: ("Kommun", …), ("Lokalpolisområde", …).
    place_facts: tuple[tuple[str, str], ...] = field(default=())
    #: The day the document is dated by (ISO): a signed revision's signing day (its start when
    #: imported without one), so its PDF is the same whenever it is made; "" for a draft (the day printed).
    document_date: str = field(default="")

    @property
    def is_draft(self) -> bool:
        return self.state == swedish(AgreementState.DRAFT)


def canonical_json(content: AgreementContent) -> str:
    """The content (without its fingerprint) as canonical JSON: the input of the fingerprint."""
    data = asdict(content)
    data.pop("fingerprint")
    data.pop("content_sha256")
    data.pop("log_anchor")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def compute_fingerprint(content: AgreementContent) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()[:12]


def with_fingerprint(content: AgreementContent) -> AgreementContent:
    """The same content with ``fingerprint`` set from everything else in it."""
    return replace(content, fingerprint=compute_fingerprint(content))


def build_agreement_content(services: Services, agreement_id: int) -> AgreementContent:
    """What the agreement says now (its live content, draft or signed), read in one transaction."""
    return content_from_snapshot(services.signoff.current_snapshot(agreement_id),
                                 log_anchor=services.maintenance.log_anchor())


def content_from_snapshot(snapshot: AgreementSnapshot, *, log_anchor: LogAnchor | None = None) -> AgreementContent:
    """Everything the printed agreement says, from the agreement's content as plain data."""
    digest = content_sha256(snapshot)
    return AgreementContent(
        agreement_id=snapshot.agreement_id,
        title=snapshot.title,
        kind=swedish(snapshot.kind),
        state=swedish(snapshot.state),
        revision=snapshot.revision,
        introduction=snapshot.introduction,
        situation=snapshot.situation,
        goals=snapshot.goals,
        focus_areas=tuple(FocusAreaItem(f.name, f.description) for f in snapshot.focus_areas),
        promise_groups=_promise_groups(snapshot),
        intended_effects=snapshot.intended_effects,
        follow_up_text=snapshot.follow_up_text,
        validity=date_range(snapshot.start_date, snapshot.end_date),
        case_number=snapshot.case_number,
        place_and_date=place_and_date(snapshot.signing_place, snapshot.signing_date),
        signature_blocks=tuple(
            SignatureBlock(
                party=party.organisation.name,
                signatories=tuple(SignatoryLine(s.name, s.title) for s in party.signatories),
            )
            for party in snapshot.parties
        ),
        action_plan=tuple(_action_plan_row(m) for m in snapshot.measures),
        party_organisation_ids=tuple(party.organisation.id for party in snapshot.parties),
        fingerprint=digest[:12],
        content_sha256=digest,
        log_anchor=log_anchor,
        place_facts=place_facts(snapshot),
        document_date=_document_date(snapshot),
    )


def place_facts(snapshot: AgreementSnapshot) -> tuple[tuple[str, str], ...]:
    """Where the agreement applies: the municipality and the local police area ("LPO Norrstad"),
    each when the agreement names it (printed on the agreement and on every report)."""
    return tuple((label, value.strip()) for label, value in (
        ("Kommun", snapshot.municipality), ("Lokalpolisområde", snapshot.police_area),
    ) if value.strip())


def _document_date(snapshot: AgreementSnapshot) -> str:
    if snapshot.state is AgreementState.DRAFT:
        return ""
    return (snapshot.signing_date or snapshot.start_date).isoformat()


def snapshot_logos(snapshot: AgreementSnapshot) -> dict[str, bytes]:
    """The parties' logos (PNG bytes) by party name, in party order; parties without one left out."""
    return {
        party.organisation.name: base64.b64decode(party.logo_png_base64)
        for party in snapshot.parties
        if party.logo_png_base64
    }


# --- who promises ---------------------------------------------------------------------------
def makers_words(makers: Sequence[Maker], parties: Sequence[Maker] = ()) -> str:
    """"Polisen", "Kommunen", "Polisen och kommunen" where those words point at one party each,
    otherwise every maker by name in the promise's order ("Norrstads parkeringsbolag och Norrstads
    kommun"); domain/who_promises.py decides which. ``parties``: the agreement's parties."""
    form = makers_form(makers, parties)
    if form is MakersForm.NAMES:
        return join_words(maker_names(makers))
    return {
        MakersForm.POLICE: "Polisen",
        MakersForm.MUNICIPALITY: "Kommunen",
        MakersForm.POLICE_AND_MUNICIPALITY: "Polisen och kommunen",
    }[form]


def promise_heading(makers: Sequence[Maker], parties: Sequence[Maker] = (), *, continues: bool = True) -> str:
    """"Polisen lovar att …" for promises that continue the heading; "Polisen lovar" when it only
    groups them (a promise under it stands as written)."""
    return f"{makers_words(makers, parties)} {LOVAR_ATT if continues else LOVAR}"


def printed_promise(text: str, *, as_written: bool, group_continues: bool) -> str:
    """The promise as printed under its heading: as written, or continuing it ("att öka …" under a
    heading that only groups)."""
    return f"att {text}" if continues_under(as_written, group_continues) else text


@dataclass(frozen=True)
class PromiseWording:
    """One promise as every document prints it: its group's heading and its own text."""

    heading: str
    text: str


def promise_wordings(snapshot: AgreementSnapshot) -> dict[int, PromiseWording]:
    """Each promise's heading and printed text by promise id, the same in the agreement, the
    follow-up and the annual report: a group is the promises of one set of makers."""
    parties = [party.organisation for party in snapshot.parties]
    as_written: dict[frozenset[int], list[bool]] = {}
    for promise in snapshot.promises:
        as_written.setdefault(frozenset(o.id for o in promise.makers), []).append(promise.as_written)
    wordings = {}
    for promise in snapshot.promises:
        group_continues = heading_continues(as_written[frozenset(o.id for o in promise.makers)])
        wordings[promise.id] = PromiseWording(
            heading=promise_heading(promise.makers, parties, continues=group_continues),
            text=printed_promise(promise.text, as_written=promise.as_written, group_continues=group_continues),
        )
    return wordings


def _promise_groups(snapshot: AgreementSnapshot) -> tuple[PromiseGroup, ...]:
    """Promises grouped by the set of organisations making them, groups in order of first promise."""
    wordings = promise_wordings(snapshot)
    groups: dict[frozenset[int], tuple[str, list[PromiseItem]]] = {}
    for promise in snapshot.promises:
        key = frozenset(o.id for o in promise.makers)
        if key not in groups:
            groups[key] = (wordings[promise.id].heading, [])
        groups[key][1].append(
            PromiseItem(
                text=wordings[promise.id].text,
                description=promise.description,
                measures=tuple(_measure_item(m) for m in promise.measures),
            )
        )
    return tuple(PromiseGroup(heading, tuple(items)) for heading, items in groups.values())


def target_text(measure: SnapshotMeasure) -> str:
    """"4 trygghetsvandringar" for a counted measure, "" otherwise."""
    if measure.target_count is None:
        return ""
    return f"{measure.target_count} {measure.target_unit}".strip()


def _measure_item(measure: SnapshotMeasure) -> MeasureItem:
    details = []
    if measure.target_count is not None:
        details.append(f"Mål: {target_text(measure)}")
    if measure.responsible_name:
        details.append(f"Ansvarig: {measure.responsible_name}")
    if measure.deadline is not None:
        details.append(f"Klart senast: {long_date(measure.deadline)}")
    return MeasureItem(title=measure.title, description=measure.description, details=tuple(details))


def _action_plan_row(measure: SnapshotMeasure) -> ActionPlanRow:
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
