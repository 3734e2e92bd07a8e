"""Has the plan of a signed agreement moved away from what was signed? (``verify-db``)

While an agreement is signed or closed its plan cannot change (the ORM guard and the
database's triggers refuse it), so its live rows must say exactly what its newest signed
revision says. Someone who dropped the triggers and edited the file directly leaves a
difference here, named field by field in the words of the versions list
(domain/snapshot_diff.py).

What is not the plan is left out, as it may change after signing: the register's names,
logos and titles (an organisation renamed in the register is still the same party), and
signatories who were not present at signing (only those present are in the signed text).
"""

from __future__ import annotations

from dataclasses import replace

from promises_app.domain.snapshot import (
    AgreementSnapshot,
    SnapshotMeasure,
    SnapshotOrganisation,
    SnapshotParty,
    SnapshotPromise,
)
from promises_app.domain.snapshot_diff import ChangeKind, Difference, differences
from promises_app.domain.validation import shorten
from promises_app.domain.vocabulary import ENTITY_WORDS, FIELD_WORDS

_QUOTE = 80


def drift(signed: AgreementSnapshot, live: AgreementSnapshot) -> list[Difference]:
    """Every difference in the plan between the signed revision and the live rows."""
    return differences(signed, as_registered_at_signing(live, signed))


def as_registered_at_signing(live: AgreementSnapshot, signed: AgreementSnapshot) -> AgreementSnapshot:
    """``live`` with the register's words (names, logos, titles) as ``signed`` has them, by id.

    Only what the plan says is then left to compare: which organisations and people, not
    what the register calls them today.
    """
    organisations = _organisations(signed)
    live_names_to_ids = {party.organisation.name: party.organisation.id for party in live.parties}
    signed_parties = {party.organisation.id: party for party in signed.parties}
    focus_names = {area.id: area.name for area in signed.focus_areas}

    def organisation(row: SnapshotOrganisation) -> SnapshotOrganisation:
        return organisations.get(row.id, row)

    def party(row: SnapshotParty) -> SnapshotParty:
        before = signed_parties.get(row.organisation.id)
        if before is None:
            return row
        present = {s.person_id: s for s in before.signatories}
        return replace(
            row,
            organisation=before.organisation,
            logo_png_base64=before.logo_png_base64,
            signatories=tuple(present[s.person_id] for s in row.signatories if s.person_id in present),
        )

    def measure(row: SnapshotMeasure) -> SnapshotMeasure:
        names = []
        for name in row.participant_names:
            org_id = live_names_to_ids.get(name)
            names.append(organisations[org_id].name if org_id in organisations else name)
        return replace(
            row,
            responsible_name=organisations[row.responsible_id].name
            if row.responsible_id in organisations
            else row.responsible_name,
            participant_names=tuple(names),
            focus_area_name=focus_names.get(row.focus_area_id or -1, row.focus_area_name),
        )

    def promise(row: SnapshotPromise) -> SnapshotPromise:
        return replace(
            row,
            makers=tuple(organisation(o) for o in row.makers),
            measures=tuple(measure(x) for x in row.measures),
        )

    return replace(
        live,
        parties=tuple(party(p) for p in live.parties),
        promises=tuple(promise(p) for p in live.promises),
    )


def _organisations(snapshot: AgreementSnapshot) -> dict[int, SnapshotOrganisation]:
    """Every organisation the snapshot names with its id, as it names it."""
    found = {party.organisation.id: party.organisation for party in snapshot.parties}
    for promise in snapshot.promises:
        found.update((o.id, o) for o in promise.makers)
    return found


def describe(difference: Difference) -> str:
    """One difference as a sentence: what is there now, against what was signed."""
    what = ENTITY_WORDS.get(difference.entity, difference.entity)
    if difference.label:
        what = f"{what} «{_cut(difference.label)}»"
    if difference.change is ChangeKind.ADDED:
        return f"{what} finns nu men fanns inte när den undertecknades."
    if difference.change is ChangeKind.REMOVED:
        return f"{what} undertecknades men finns inte längre."
    if difference.change is ChangeKind.REORDERED:
        return f"{what}: ordningen är nu {_cut(difference.new)}, men undertecknades som {_cut(difference.old)}."
    field = FIELD_WORDS.get(difference.field or "", difference.field or "")
    return f"{what}, {field}: nu «{_cut(difference.new)}», undertecknades som «{_cut(difference.old)}»."


def _cut(text: str) -> str:
    return shorten(" ".join(text.split()), _QUOTE)  # the one quoting helper (domain/validation)
