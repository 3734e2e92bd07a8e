"""The register of organisations and people that agreements, parties and measures refer to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from promises_app.domain.enums import OrganisationKind
from promises_app.domain.validation import NAME_MAX, Checker, FieldError, ValidationError, quoted
from promises_app.services import convert
from promises_app.services.base import FieldValues, Service, get_row, update_row
from promises_app.services.records import OrganisationRecord, PersonRecord
from promises_app.storage import models as m

ORGANISATION_FIELDS = ("name", "kind", "short_name")
PERSON_FIELDS = ("name", "title", "organisation_id", "email", "phone")
_EMAIL_SHAPE = "@"


class RegisterService(Service):
    # --- organisations -------------------------------------------------------------------
    def list_organisations(self) -> list[OrganisationRecord]:
        with self.db.read() as s:
            rows = s.scalars(select(m.Organisation).order_by(m.Organisation.name, m.Organisation.id))
            return [convert.organisation(r) for r in rows]

    def get_organisation(self, organisation_id: int) -> OrganisationRecord:
        with self.db.read() as s:
            return convert.organisation(get_row(s, m.Organisation, organisation_id, "Organisationen"))

    def create_organisation(
        self, *, name: str, kind: OrganisationKind | str, short_name: str = ""
    ) -> OrganisationRecord:
        with self.db.write() as s:
            values = validate_organisation(
                s, {"name": name, "kind": kind, "short_name": short_name}, current_id=None
            )
            row = m.Organisation(**values)
            s.add(row)
            s.flush()
            return convert.organisation(row)

    def recreate_organisation(self, record: OrganisationRecord) -> OrganisationRecord:
        """Put a deleted organisation back under its old id (undo of a delete, redo of a create)."""
        with self.db.write() as s:
            if s.get(m.Organisation, record.id) is not None:
                raise ValidationError([FieldError("organisation", f"{record.name} finns redan.")])
            values = validate_organisation(
                s, {"name": record.name, "kind": record.kind, "short_name": record.short_name},
                current_id=None,
            )
            row = m.Organisation(id=record.id, **values)
            s.add(row)
            s.flush()
            return convert.organisation(row)

    def update_organisation(
        self, organisation_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> OrganisationRecord:
        with self.db.write() as s:
            row = update_row(
                s, m.Organisation, organisation_id, "Organisationen",
                expected_version=expected_version, fields=ORGANISATION_FIELDS, changes=changes,
                validate=lambda values, row: validate_organisation(s, values, current_id=row.id),
            )
            return convert.organisation(row)

    def delete_organisation(self, organisation_id: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.Organisation, organisation_id, "Organisationen")
            uses = organisation_uses(s, row.id)
            if uses:
                raise ValidationError(
                    [
                        FieldError(
                            "organisation",
                            f"{row.name} kan inte tas bort eftersom den används: {', '.join(uses)}.",
                        )
                    ]
                )
            s.delete(row)

    # --- people --------------------------------------------------------------------------
    def list_people(self, *, organisation_id: int | None = None) -> list[PersonRecord]:
        with self.db.read() as s:
            query = select(m.Person).options(selectinload(m.Person.organisation))
            if organisation_id is not None:
                query = query.where(m.Person.organisation_id == organisation_id)
            rows = s.scalars(query.order_by(m.Person.name, m.Person.id))
            return [convert.person(r) for r in rows]

    def get_person(self, person_id: int) -> PersonRecord:
        with self.db.read() as s:
            return convert.person(get_row(s, m.Person, person_id, "Personen"))

    def create_person(
        self,
        *,
        name: str,
        title: str = "",
        organisation_id: int | None = None,
        email: str = "",
        phone: str = "",
    ) -> PersonRecord:
        with self.db.write() as s:
            values = validate_person(
                s,
                {
                    "name": name,
                    "title": title,
                    "organisation_id": organisation_id,
                    "email": email,
                    "phone": phone,
                },
            )
            row = m.Person(**values)
            s.add(row)
            s.flush()
            return convert.person(row)

    def recreate_person(self, record: PersonRecord) -> PersonRecord:
        """Put a deleted person back under their old id (undo of a delete, redo of a create)."""
        with self.db.write() as s:
            if s.get(m.Person, record.id) is not None:
                raise ValidationError([FieldError("person", f"{record.name} finns redan.")])
            values = validate_person(
                s,
                {
                    "name": record.name,
                    "title": record.title,
                    "organisation_id": record.organisation_id,
                    "email": record.email,
                    "phone": record.phone,
                },
            )
            row = m.Person(id=record.id, **values)
            s.add(row)
            s.flush()
            return convert.person(row)

    def update_person(
        self, person_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> PersonRecord:
        with self.db.write() as s:
            row = update_row(
                s, m.Person, person_id, "Personen",
                expected_version=expected_version, fields=PERSON_FIELDS, changes=changes,
                validate=lambda values, _row: validate_person(s, values),
            )
            return convert.person(row)

    def delete_person(self, person_id: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.Person, person_id, "Personen")
            used = s.scalar(
                select(
                    exists().where(m.Signatory.person_id == row.id)
                    | exists().where(m.Measure.contact_id == row.id)
                )
            )
            if used:
                raise ValidationError(
                    [
                        FieldError(
                            "person",
                            f"{row.name} kan inte tas bort eftersom personen är undertecknare "
                            "eller kontaktperson för en åtgärd.",
                        )
                    ]
                )
            s.delete(row)


def validate_organisation(
    session: Session, values: FieldValues, *, current_id: int | None, prefix: str = ""
) -> FieldValues:
    check = Checker(prefix)
    name = check.text("name", values["name"], label="Namn", max_length=NAME_MAX, required=True)
    short_name = check.text("short_name", values["short_name"], label="Kortnamn", max_length=60)
    try:
        kind = OrganisationKind(values["kind"])
    except ValueError:
        check.add("kind", f"Typ av organisation: okänd typ {quoted(values['kind'])}.")
        kind = OrganisationKind.OTHER
    if name and not check.errors:
        clash = session.scalar(
            select(m.Organisation.id).where(m.Organisation.name == name, m.Organisation.kind == kind).limit(1)
        )
        if clash is not None and clash != current_id:
            check.add("name", f"Namn: det finns redan en organisation som heter {name}.")
    check.raise_if_any()
    return {"name": name, "kind": kind, "short_name": short_name}


def validate_person(session: Session, values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    cleaned = {
        "name": check.text("name", values["name"], label="Namn", max_length=NAME_MAX, required=True),
        "title": check.text("title", values["title"], label="Titel", max_length=NAME_MAX),
        "email": check.text("email", values["email"], label="E-post", max_length=254),
        "phone": check.text("phone", values["phone"], label="Telefon", max_length=60),
        "organisation_id": values["organisation_id"],
    }
    if cleaned["email"] and (_EMAIL_SHAPE not in cleaned["email"] or " " in cleaned["email"]):
        check.add("email", f"E-post: {quoted(cleaned['email'])} ser inte ut som en e-postadress.")
    if cleaned["organisation_id"] is not None and session.get(
        m.Organisation, cleaned["organisation_id"]
    ) is None:
        check.add("organisation_id", "Organisation: den valda organisationen finns inte.")
    check.raise_if_any()
    return cleaned


def organisation_uses(session: Session, organisation_id: int) -> list[str]:
    """Human descriptions of where an organisation is referred to (empty if nowhere)."""
    uses: list[str] = []
    checks = [
        ("part i en överenskommelse", select(m.Party.id).where(m.Party.organisation_id == organisation_id)),
        (
            "ger ett löfte",
            select(m.promise_makers.c.promise_id).where(
                m.promise_makers.c.organisation_id == organisation_id
            ),
        ),
        (
            "ansvarig eller deltagare i en åtgärd",
            select(m.Measure.id).where(
                or_(
                    m.Measure.responsible_id == organisation_id,
                    m.Measure.id.in_(
                        select(m.measure_participants.c.measure_id).where(
                            m.measure_participants.c.organisation_id == organisation_id
                        )
                    ),
                )
            ),
        ),
        ("har personer i registret", select(m.Person.id).where(m.Person.organisation_id == organisation_id)),
        (
            "äger en iakttagelse från en trygghetsvandring",
            select(m.WalkFinding.id).where(m.WalkFinding.owner_id == organisation_id),
        ),
    ]
    for description, query in checks:
        if session.scalar(query.limit(1)) is not None:
            uses.append(description)
    return uses

