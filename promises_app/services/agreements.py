"""Agreements (samverkansöverenskommelser and medborgarlöften), their goals, parties and signatories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from promises_app.domain import periods as period_rules
from promises_app.domain.enums import AgreementKind, AgreementState, ReportingScheme
from promises_app.domain.periods import Period
from promises_app.domain.place_parties import missing_parties
from promises_app.domain.validation import (
    LONG_TEXT_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    TITLE_MAX,
    Checker,
    FieldError,
    ValidationError,
    quoted,
)
from promises_app.services import agreement_list, convert
from promises_app.services.base import (
    FieldValues,
    Service,
    check_version,
    get_row,
    move_to,
    next_position,
    remove_from,
    update_row,
)
from promises_app.services.errors import ServiceError
from promises_app.services.records import (
    AgreementRecord,
    AgreementSummary,
    OrganisationRecord,
    PartyRecord,
    SignatoryRecord,
)
from promises_app.services.register import validate_organisation
from promises_app.storage import models as m

#: Fields a person edits directly. State and revision change only through sign-off.
AGREEMENT_FIELDS = (
    "kind",
    "parent_id",
    "title",
    "municipality",
    "police_area",
    "start_date",
    "end_date",
    "reporting_scheme",
    "case_number",
    "signing_place",
    "signing_date",
    "introduction",
    "situation",
    "intended_effects",
    "follow_up_text",
)
_TEXT_SECTIONS = {
    "introduction": "Inledning",
    "situation": "Lägesbild",
    "intended_effects": "Det här ska vi åstadkomma",
    "follow_up_text": "Följ med hur det går",
}


#: What a new agreement's fields are when not given.
_FIELD_DEFAULTS: dict[str, Any] = {field: "" for field in AGREEMENT_FIELDS} | {"parent_id": None, "signing_date": None}


@dataclass(frozen=True)
class NewParties:
    """What a save added besides the agreement: register organisations made, parties added."""

    organisations: tuple[OrganisationRecord, ...] = ()
    parties: tuple[PartyRecord, ...] = ()


class AgreementService(Service):
    # --- agreements ----------------------------------------------------------------------
    def list_agreements(self) -> list[AgreementSummary]:
        """All agreements, cooperation agreements each followed by the promise documents under them
        (one statement, without the ORM: services/agreement_list.py)."""
        return agreement_list.list_agreements(self.db)

    def get_agreement(self, agreement_id: int) -> AgreementRecord:
        with self.db.read() as s:
            return convert.agreement(get_row(s, m.Agreement, agreement_id, "Överenskommelsen"))

    def find_agreements(self, reference: str) -> list[AgreementSummary]:
        """Agreements matching a command-line reference: an id, or a (part of a) title."""
        reference = reference.strip()
        agreements = self.list_agreements()
        if reference.isascii() and reference.isdigit():  # "²" is a digit too, but no number
            number = int(reference) if len(reference) <= 20 else -1  # no id has more digits
            return [a for a in agreements if a.id == number]
        exact = [a for a in agreements if a.title.casefold() == reference.casefold()]
        if exact:
            return exact
        return [a for a in agreements if reference.casefold() in a.title.casefold()]

    def create_agreement(
        self,
        *,
        kind: AgreementKind | str,
        title: str,
        start_date: date | str,
        end_date: date | str,
        reporting_scheme: ReportingScheme | str,
        parent_id: int | None = None,
        municipality: str = "",
        police_area: str = "",
        case_number: str = "",
        signing_place: str = "",
        signing_date: date | str | None = None,
        introduction: str = "",
        situation: str = "",
        intended_effects: str = "",
        follow_up_text: str = "",
        goals: Sequence[str] = (),
    ) -> AgreementRecord:
        values = {k: v for k, v in locals().items() if k in AGREEMENT_FIELDS}
        with self.db.write() as s:
            return convert.agreement(_create(s, values, goals))

    def update_agreement(
        self,
        agreement_id: int,
        *,
        expected_version: int | None = None,
        goals: Sequence[str] | None = None,
        **changes: Any,
    ) -> AgreementRecord:
        """Change the agreement's own fields and (``goals`` not None) its goals, in one transaction."""
        with self.db.write() as s:
            return convert.agreement(_update(s, agreement_id, expected_version, goals, changes))

    def save_details(
        self,
        agreement_id: int | None,
        *,
        expected_version: int | None = None,
        goals: Sequence[str] = (),
        place_parties: bool = True,
        **values: Any,
    ) -> tuple[AgreementRecord, NewParties]:
        """Create (``agreement_id`` None) or change an agreement from its details form and, with
        ``place_parties``, make its municipality and local police area parties when it has none
        for them (domain/place_parties.py), making register organisations that are missing: all
        in one transaction, so the form's one save is one step to undo."""
        with self.db.write() as s:
            if agreement_id is None:
                row = _create(s, _FIELD_DEFAULTS | values, goals)
            else:
                row = _update(s, agreement_id, expected_version, goals, values)
            added = _add_place_parties(s, row) if place_parties else NewParties()
            return convert.agreement(row), added

    def add_new_party(self, agreement_id: int, *, name: str, kind: str, short_name: str = ""
                      ) -> tuple[OrganisationRecord, PartyRecord]:
        """A new register organisation that is at once a party of the agreement (one transaction:
        "Ny organisation…" in the party chooser)."""
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            values = validate_organisation(s, {"name": name, "kind": kind, "short_name": short_name},
                                           current_id=None)
            organisation = m.Organisation(**values)
            s.add(organisation)
            s.flush()
            party = m.Party(organisation=organisation, position=next_position(agreement.parties))
            agreement.parties.append(party)
            s.flush()
            return convert.organisation(organisation), convert.party(party)

    def recreate_agreement(self, record: AgreementRecord) -> AgreementRecord:
        """Put a deleted draft back under its old id, with its fields and goals (redo of a create)."""
        with self.db.write() as s:
            if s.get(m.Agreement, record.id) is not None:
                raise ValidationError([FieldError("agreement", f"«{record.title}» finns redan.")])
            cleaned = validate_agreement(s, {f: getattr(record, f) for f in AGREEMENT_FIELDS}, current=None)
            texts = validate_goals([g.text for g in sorted(record.goals, key=lambda g: g.position)])
            row = m.Agreement(id=record.id, **cleaned, state=AgreementState.DRAFT, revision=record.revision)
            row.goals = [m.Goal(position=i, text=t) for i, t in enumerate(texts)]
            s.add(row)
            s.flush()
            return convert.agreement(row)

    def set_goals(
        self, agreement_id: int, goals: Sequence[str], *, expected_version: int | None = None
    ) -> AgreementRecord:
        """Replace the overarching goals (övergripande mål), in order."""
        with self.db.write() as s:
            row = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            check_version(row, expected_version, "Överenskommelsen")
            texts = validate_goals(goals)
            row.goals = [m.Goal(position=i, text=t) for i, t in enumerate(texts)]
            s.flush()
            return convert.agreement(row)

    def set_state(
        self,
        agreement_id: int,
        state: AgreementState | str,
        *,
        expected_version: int | None = None,
    ) -> AgreementRecord:
        """Close a signed agreement (avslutad) or reopen a closed one.

        Signing (draft → signed) is a sign-off with place, date and signatories
        (``signoff.sign``), and going back to a draft is a new revision
        (``signoff.new_revision``); neither is a bare change of state.
        """
        with self.db.write() as s:
            row = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            check_version(row, expected_version, "Överenskommelsen")
            target = AgreementState(state)
            if target is row.state:
                return convert.agreement(row)
            if {row.state, target} != {AgreementState.SIGNED, AgreementState.CLOSED}:
                raise ServiceError(_STATE_CHANGE_REFUSED[target].format(title=row.title))
            row.state = target
            s.flush()
            return convert.agreement(row)

    def delete_agreement(self, agreement_id: int) -> None:
        """Delete an agreement with everything under it (not the register's organisations/people)."""
        with self.db.write() as s:
            row = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            signed = s.scalars(
                select(m.SignedRevision.revision).where(m.SignedRevision.agreement_id == agreement_id)
            ).all()
            if signed:
                raise ServiceError(
                    f"«{row.title}» har undertecknats (revision {', '.join(map(str, signed))}) och kan inte "
                    "tas bort: ett undertecknat dokument ska finnas kvar. Lästes den in av misstag, "
                    "återställ säkerhetskopian från före importen."
                )
            adopted = s.scalars(
                select(m.AdoptedReport.period).where(m.AdoptedReport.agreement_id == agreement_id).distinct()
            ).all()
            if adopted:
                raise ServiceError(
                    f"«{row.title}» har fastställda uppföljningar ({', '.join(sorted(adopted))}) och kan inte tas "
                    "bort: ett fastställt dokument ska finnas kvar."
                )
            if row.documents:
                raise ValidationError(
                    [
                        FieldError(
                            "documents",
                            f"{row.title} har {len(row.documents)} medborgarlöften under sig. "
                            "Ta bort eller flytta dem först.",
                        )
                    ]
                )
            s.delete(row)

    def periods(self, agreement_id: int) -> list[Period]:
        """The agreement's reporting periods (uppföljningsperioder), clipped to its dates."""
        record = self.get_agreement(agreement_id)
        return period_rules.periods_for(
            record.start_date, record.end_date, record.reporting_scheme
        )

    # --- parties and signatories ---------------------------------------------------------
    def list_parties(self, agreement_id: int) -> list[PartyRecord]:
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            rows = s.scalars(
                select(m.Party)
                .where(m.Party.agreement_id == agreement_id)
                .options(
                    selectinload(m.Party.organisation),
                    selectinload(m.Party.signatories).selectinload(m.Signatory.person),
                )
                .order_by(m.Party.position)
            )
            return [convert.party(r) for r in rows]

    def add_party(self, agreement_id: int, *, organisation_id: int) -> PartyRecord:
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            organisation = get_row(s, m.Organisation, organisation_id, "Organisationen")
            if any(p.organisation_id == organisation_id for p in agreement.parties):
                raise ValidationError(
                    [FieldError("organisation_id", f"{organisation.name} är redan part i överenskommelsen.")]
                )
            row = m.Party(organisation=organisation, position=next_position(agreement.parties))
            agreement.parties.append(row)
            s.flush()
            return convert.party(row)

    def remove_party(self, party_id: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.Party, party_id, "Parten")
            uses = party_uses(s, row.agreement_id, row.organisation_id)
            if uses:
                raise ValidationError(
                    [
                        FieldError(
                            "party",
                            f"{row.organisation.name} kan inte tas bort som part eftersom den "
                            f"{' och '.join(uses)}.",
                        )
                    ]
                )
            remove_from(row.agreement.parties, row)

    def move_party(self, party_id: int, new_index: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.Party, party_id, "Parten")
            move_to(row.agreement.parties, row, new_index)

    def add_signatory(self, party_id: int, *, person_id: int) -> PartyRecord:
        with self.db.write() as s:
            party = get_row(s, m.Party, party_id, "Parten")
            person = get_row(s, m.Person, person_id, "Personen")
            if any(sig.person_id == person_id for sig in party.signatories):
                raise ValidationError(
                    [FieldError("person_id", f"{person.name} undertecknar redan för {party.organisation.name}.")]
                )
            party.signatories.append(
                m.Signatory(person=person, position=next_position(party.signatories))
            )
            s.flush()
            return convert.party(party)

    def remove_signatory(self, signatory_id: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.Signatory, signatory_id, "Undertecknaren")
            remove_from(row.party.signatories, row)

    def move_signatory(self, signatory_id: int, new_index: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.Signatory, signatory_id, "Undertecknaren")
            move_to(row.party.signatories, row, new_index)

    def restore_party(self, record: PartyRecord) -> PartyRecord:
        """Put a removed party back under its old id and place, with its signatories (undo of a remove)."""
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, record.agreement_id, "Överenskommelsen")
            organisation = get_row(s, m.Organisation, record.organisation_id, "Organisationen")
            if s.get(m.Party, record.id) is not None or any(
                p.organisation_id == record.organisation_id for p in agreement.parties
            ):
                raise ValidationError(
                    [FieldError("organisation_id", f"{organisation.name} är redan part i överenskommelsen.")]
                )
            row = m.Party(id=record.id, organisation=organisation, position=next_position(agreement.parties))
            agreement.parties.append(row)
            for index, signatory in enumerate(sorted(record.signatories, key=lambda sig: sig.position)):
                if s.get(m.Signatory, signatory.id) is not None:
                    raise ValidationError([FieldError("person_id", f"{signatory.name} undertecknar redan.")])
                person = get_row(s, m.Person, signatory.person_id, "Personen")
                row.signatories.append(m.Signatory(id=signatory.id, person=person, position=index))
            s.flush()
            move_to(agreement.parties, row, record.position)
            s.flush()
            return convert.party(row)

    def restore_signatory(self, record: SignatoryRecord) -> PartyRecord:
        """Put a removed signatory back under its old id and place (undo of a remove, redo of an add)."""
        with self.db.write() as s:
            party = get_row(s, m.Party, record.party_id, "Parten")
            person = get_row(s, m.Person, record.person_id, "Personen")
            if s.get(m.Signatory, record.id) is not None or any(
                sig.person_id == record.person_id for sig in party.signatories
            ):
                raise ValidationError(
                    [FieldError("person_id", f"{person.name} undertecknar redan för {party.organisation.name}.")]
                )
            row = m.Signatory(id=record.id, person=person, position=next_position(party.signatories))
            party.signatories.append(row)
            s.flush()
            move_to(party.signatories, row, record.position)
            s.flush()
            return convert.party(party)


_STATE_CHANGE_REFUSED = {
    AgreementState.SIGNED: "«{title}» är ett utkast. Ett utkast blir undertecknat genom att undertecknandet "
    "registreras (ort, datum och undertecknare), inte genom att byta status.",
    AgreementState.DRAFT: "«{title}» blir ett utkast igen genom att en ny revision startas; den undertecknade "
    "revisionen finns då kvar som den var.",
    AgreementState.CLOSED: "«{title}» är ett utkast och kan inte avslutas. Bara en undertecknad "
    "överenskommelse avslutas.",
}


def _create(s: Session, values: dict[str, Any], goals: Sequence[str]) -> m.Agreement:
    cleaned = validate_agreement(s, values, current=None)
    goal_texts = validate_goals(goals)
    row = m.Agreement(**cleaned, state=AgreementState.DRAFT, revision=1)
    row.goals = [m.Goal(position=i, text=t) for i, t in enumerate(goal_texts)]
    s.add(row)
    s.flush()
    return row


def _update(
    s: Session, agreement_id: int, expected_version: int | None, goals: Sequence[str] | None,
    changes: dict[str, Any],
) -> m.Agreement:
    goal_errors: tuple[FieldError, ...] = ()
    texts: list[str] | None = None
    if goals is not None:
        try:
            texts = validate_goals(goals)
        except ValidationError as error:
            goal_errors = error.errors
    try:
        row = update_row(
            s, m.Agreement, agreement_id, "Överenskommelsen",
            expected_version=expected_version, fields=AGREEMENT_FIELDS, changes=changes,
            validate=lambda values, row: validate_agreement(s, values, current=row),
        )
    except ValidationError as error:
        raise ValidationError([*error.errors, *goal_errors]) from None
    if goal_errors:
        raise ValidationError(goal_errors)
    if texts is not None and texts != [g.text for g in row.goals]:
        row.goals = [m.Goal(position=i, text=t) for i, t in enumerate(texts)]
        s.flush()
    return row


def _add_place_parties(s: Session, row: m.Agreement) -> NewParties:
    """The municipality and police area as parties, when the draft has none for them."""
    if row.state is not AgreementState.DRAFT:
        return NewParties()
    register = [(o.id, o.name, o.kind) for o in s.scalars(select(m.Organisation))]
    missing = missing_parties(row.municipality, row.police_area,
                              [(p.organisation.name, p.organisation.kind) for p in row.parties], register)
    made: list[OrganisationRecord] = []
    added: list[m.Party] = []
    for place in missing:
        if place.organisation_id is None:
            values = validate_organisation(s, {"name": place.name, "kind": place.kind, "short_name": ""},
                                           current_id=None, prefix="")
            organisation = m.Organisation(**values)
            s.add(organisation)
            s.flush()
            made.append(convert.organisation(organisation))
        else:
            organisation = get_row(s, m.Organisation, place.organisation_id, "Organisationen")
        party = m.Party(organisation=organisation, position=next_position(row.parties))
        row.parties.append(party)
        s.flush()
        added.append(party)
    return NewParties(tuple(made), tuple(convert.party(p) for p in added))


def validate_agreement(
    session: Session | None, values: FieldValues, *, current: m.Agreement | None, prefix: str = ""
) -> FieldValues:
    """Check an agreement's own fields. ``session`` None skips the checks against other rows."""
    check = Checker(prefix)
    cleaned: FieldValues = {}
    try:
        cleaned["kind"] = AgreementKind(values["kind"])
    except ValueError:
        check.add("kind", f"Typ: okänd typ av överenskommelse {quoted(values['kind'])}.")
        cleaned["kind"] = AgreementKind.CITIZEN_PROMISE
    try:
        cleaned["reporting_scheme"] = ReportingScheme(values["reporting_scheme"])
    except ValueError:
        check.add("reporting_scheme", f"Uppföljningsperioder: okänd indelning {quoted(values['reporting_scheme'])}.")
        cleaned["reporting_scheme"] = None
    cleaned["title"] = check.text("title", values["title"], label="Titel", max_length=TITLE_MAX, required=True)
    cleaned["municipality"] = check.text("municipality", values["municipality"], label="Kommun", max_length=NAME_MAX)
    cleaned["police_area"] = check.text(
        "police_area", values["police_area"], label="Lokalpolisområde", max_length=NAME_MAX
    )
    cleaned["case_number"] = check.text("case_number", values["case_number"], label="Diarienummer", max_length=100)
    cleaned["signing_place"] = check.text(
        "signing_place", values["signing_place"], label="Ort för undertecknande", max_length=NAME_MAX
    )
    for field, label in _TEXT_SECTIONS.items():
        cleaned[field] = check.text(field, values[field], label=label, max_length=LONG_TEXT_MAX, multiline=True)
    start = check.date_value("start_date", values["start_date"], label="Startdatum", required=True)
    end = check.date_value("end_date", values["end_date"], label="Slutdatum", required=True)
    check.dates_in_order(start, end, field="end_date", first_label="Startdatum", second_label="Slutdatum")
    for field, day, label in (("start_date", start, "Startdatum"), ("end_date", end, "Slutdatum")):
        # Periods (and so follow-up, status and export) exist only for these years.
        if day is not None and not period_rules.MIN_YEAR <= day.year <= period_rules.MAX_YEAR:
            check.add(
                field,
                f"{label} ({day.isoformat()}) måste ligga mellan åren "
                f"{period_rules.MIN_YEAR} och {period_rules.MAX_YEAR}.",
            )
    date_fields = {check.prefix + "start_date", check.prefix + "end_date"}
    dates_usable = start is not None and end is not None and not any(e.field in date_fields for e in check.errors)
    cleaned["start_date"], cleaned["end_date"] = start, end
    cleaned["signing_date"] = check.date_value(
        "signing_date", values["signing_date"], label="Datum för undertecknande", required=False
    )
    parent_id = values["parent_id"]
    cleaned["parent_id"] = parent_id
    if parent_id is not None:
        if cleaned["kind"] is not AgreementKind.CITIZEN_PROMISE:
            check.add("parent_id", "En samverkansöverenskommelse kan inte ligga under en annan överenskommelse.")
        elif session is not None:
            parent = session.get(m.Agreement, parent_id)
            if parent is None:
                check.add("parent_id", "Samverkansöverenskommelse: den valda finns inte.")
            elif parent.kind is not AgreementKind.COOPERATION_AGREEMENT:
                check.add("parent_id", "Ett medborgarlöfte kan bara ligga under en samverkansöverenskommelse.")
    if current is not None and current.documents and cleaned["kind"] is AgreementKind.CITIZEN_PROMISE:
        check.add("kind", "Överenskommelsen har medborgarlöften under sig och måste vara en samverkansöverenskommelse.")
    if current is not None and dates_usable and cleaned["reporting_scheme"] and session is not None:
        assert start is not None and end is not None  # dates_usable says so
        _check_follow_ups_still_fit(session, check, current, start, end, cleaned["reporting_scheme"])
    check.raise_if_any()
    return cleaned


def _check_follow_ups_still_fit(
    session: Session, check: Checker, agreement: m.Agreement, start: date, end: date, scheme: ReportingScheme
) -> None:
    """Changing dates or scheme must not strand follow-ups recorded for periods that would vanish."""
    labels = {p.label for p in period_rules.periods_for(start, end, scheme)}
    recorded = session.scalars(
        select(m.FollowUp.period)
        .join(m.Measure)
        .join(m.Promise)
        .where(m.Promise.agreement_id == agreement.id)
        .distinct()
    ).all()
    stranded = sorted(set(recorded) - labels)
    if stranded:
        check.add(
            "reporting_scheme",
            "Det finns uppföljningar för perioder som inte längre skulle finnas "
            f"({', '.join(stranded)}). Ändra eller ta bort dem först.",
        )


def validate_goals(goals: Sequence[str], *, prefix: str = "goals") -> list[str]:
    check = Checker()
    texts = [
        check.text(f"{prefix}[{i}]", goal, label=f"Mål {i + 1}", max_length=SHORT_TEXT_MAX, required=True)
        for i, goal in enumerate(goals)
    ]
    check.raise_if_any()
    return texts


def party_uses(session: Session, agreement_id: int, organisation_id: int) -> list[str]:
    """Why an organisation cannot stop being a party of an agreement (empty if it can)."""
    uses = []
    promise_ids = select(m.Promise.id).where(m.Promise.agreement_id == agreement_id)
    if session.scalar(
        select(m.promise_makers.c.promise_id)
        .where(m.promise_makers.c.organisation_id == organisation_id)
        .where(m.promise_makers.c.promise_id.in_(promise_ids))
        .limit(1)
    ):
        uses.append("ger ett löfte")
    measure_ids = select(m.Measure.id).where(m.Measure.promise_id.in_(promise_ids))
    if session.scalar(
        select(m.Measure.id)
        .where(m.Measure.id.in_(measure_ids), m.Measure.responsible_id == organisation_id)
        .limit(1)
    ) or session.scalar(
        select(m.measure_participants.c.measure_id)
        .where(m.measure_participants.c.organisation_id == organisation_id)
        .where(m.measure_participants.c.measure_id.in_(measure_ids))
        .limit(1)
    ):
        uses.append("är ansvarig för eller deltar i en åtgärd")
    return uses
