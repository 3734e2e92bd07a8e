"""One person's data: export it, erase it, or pseudonymise it (docs/reliability.md, P15).

A person in the register may ask what the program holds about them, or to be removed.
The program is the only place that can answer completely, so the answer is computed here
from the database rather than pieced together in the window.

What is covered
    The person's own row (name, title, e-mail, phone, organisation); every place that
    refers to the row (signatory of a party, contact person of a measure); and the free
    text of follow-up comments, occurrence notes (and places) and safety walks (participants,
    place, findings) that mention the person's name or e-mail address (case-insensitive, whole
    words, any run of spaces between name parts).

What is not covered
    Other free text (agreement sections, goals, promise and measure texts), mentions by
    first name or nickname only, and everything outside this database: backups, exported
    files, printed or published PDFs. Those have to be handled by hand; the export lists the
    free-text mentions so the secretary can find and edit them. Erasing and pseudonymising
    change only the register row and its references, never free text.

Which records protect a person
    A signed (or closed, which was signed before) agreement is a document several people put
    their names to: its signature block must keep the names of those who signed, so a
    signatory of such an agreement, or of any signed revision of it (frozen, even after a new
    draft revision dropped them), can be neither erased nor pseudonymised
    (``PersonInSignedRecordError``). The contact person of a measure is not part of the
    signature block, so being a contact in a signed agreement does not protect anyone: the
    contact is cleared (erase) or shows the pseudonym (pseudonymise).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from promises_app.domain import snapshot
from promises_app.domain.enums import AgreementState
from promises_app.domain.vocabulary import swedish
from promises_app.services import convert
from promises_app.services.base import Service, get_row, remove_from
from promises_app.services.errors import ServiceError
from promises_app.services.records import PersonRecord
from promises_app.storage import models as m

#: States in which an agreement has been signed and its signature block is a record.
PROTECTED_STATES = (AgreementState.SIGNED, AgreementState.CLOSED)

EXPORT_FORMAT = "medborgarloften-person-export"
EXPORT_ABOUT = (
    "Allt som programmets databas innehåller om personen: uppgifterna i registret, var "
    "personen är undertecknare eller kontaktperson, samt uppföljningskommentarer, "
    "anteckningar om genomförda tillfällen och trygghetsvandringar (deltagare, plats, "
    "iakttagelser) där namnet eller e-postadressen förekommer. "
    "Annan fritext, säkerhetskopior, exporterade filer och utskrivna eller publicerade "
    "dokument ingår inte."
)


class PersonInSignedRecordError(ServiceError):
    """The person signed an agreement that is signed or closed; its signature block keeps them."""


class PrivacyService(Service):
    def export_person(self, person_id: int) -> dict[str, object]:
        """Everything the database holds about one person, as a JSON-able dict (see module doc)."""
        with self.db.read() as s:
            person = get_row(s, m.Person, person_id, "Personen")
            return {
                "format": EXPORT_FORMAT,
                "format_version": 1,
                "about": EXPORT_ABOUT,
                "person": {
                    "id": person.id,
                    "name": person.name,
                    "title": person.title,
                    "email": person.email,
                    "phone": person.phone,
                    "organisation": person.organisation.name if person.organisation else None,
                },
                "signatory_of": [_signatory_item(row) for row in _signatories(s, person.id)],
                "contact_for": [_contact_item(row) for row in _contact_measures(s, person.id)],
                "mentioned_in_follow_ups": _follow_up_mentions(s, person),
                "mentioned_in_occurrences": _occurrence_mentions(s, person),
                "mentioned_in_safety_walks": _walk_mentions(s, person),
            }

    def export_person_json(self, person_id: int) -> str:
        """``export_person`` as UTF-8 JSON text (Swedish letters kept as they are, indented)."""
        return json.dumps(self.export_person(person_id), ensure_ascii=False, indent=2) + "\n"

    def erase_person(self, person_id: int) -> None:
        """Delete the person, their signatures on unsigned agreements and their contact roles.

        One transaction: refused as a whole (``PersonInSignedRecordError``) when a signed or
        closed agreement has them as signatory. Measures they were contact for keep going,
        without a contact person. Free-text mentions are left alone (see module doc): show
        ``export_person``'s mentions first, since afterwards there is no name to search for.
        """
        with self.db.write() as s:
            person = get_row(s, m.Person, person_id, "Personen")
            signatories = _signatories(s, person.id)
            _refuse_if_signed(s, person, signatories)
            for signatory in signatories:
                remove_from(signatory.party.signatories, signatory)
            for measure in _contact_measures(s, person.id):
                measure.contact = None
            s.flush()  # the references go before the row they point at (foreign keys RESTRICT)
            s.delete(person)

    def pseudonymise_person(self, person_id: int) -> PersonRecord:
        """Replace the name with "Person N" (N the id) and clear title, e-mail and phone.

        The row and every reference stay, so measures keep a (now anonymous) contact and
        unsigned agreements keep a signatory to be replaced. The organisation is kept: it
        says which party the contact belongs to, not who they are. Same refusal as erase.
        """
        with self.db.write() as s:
            person = get_row(s, m.Person, person_id, "Personen")
            _refuse_if_signed(s, person, _signatories(s, person.id))
            person.name = pseudonym(person.id)
            person.title = ""
            person.email = ""
            person.phone = ""
            s.flush()
            return convert.person(person)


def pseudonym(person_id: int) -> str:
    """The stable stand-in name for a person: derived from the id, so the same every time."""
    return f"Person {person_id}"


def _refuse_if_signed(session: Session, person: m.Person, signatories: Sequence[m.Signatory]) -> None:
    signed = _unique(
        [
            (sig.party.agreement.title, sig.party.agreement.revision)
            for sig in signatories
            if sig.party.agreement.state in PROTECTED_STATES
        ]
        + _signed_revisions_naming(session, person.id)
    )
    if not signed:
        return
    quoted = [f'"{title}" (revision {revision})' for title, revision in signed]
    names = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " och " + quoted[-1]
    which = (
        "den undertecknade överenskommelsen" if len(signed) == 1
        else "de undertecknade överenskommelserna"
    )
    raise PersonInSignedRecordError(
        f"{person.name} är undertecknare av {which} {names}. Undertecknade versioner behåller "
        "namnen på dem som skrev under; personen kan inte raderas eller pseudonymiseras. "
        "E-post och telefonnummer kan tas bort i registret."
    )


def _signed_revisions_naming(session: Session, person_id: int) -> list[tuple[str, int]]:
    """(title, revision) of every signed revision whose frozen signature block names the person.

    A signed revision stays as it was signed even after the agreement went on to a new
    draft revision without them, so it is read from the frozen content, not the live rows.
    """
    found = []
    rows = session.execute(
        select(m.SignedRevision.content, m.SignedRevision.revision).order_by(m.SignedRevision.id)
    )
    for content_text, revision in rows:
        content = snapshot.from_json(content_text)
        if any(sig.person_id == person_id for party in content.parties for sig in party.signatories):
            found.append((content.title, revision))
    return found


def _unique(items: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    return list(dict.fromkeys(items))


def _signatories(session: Session, person_id: int) -> list[m.Signatory]:
    query = (
        select(m.Signatory)
        .join(m.Party)
        .join(m.Agreement)
        .where(m.Signatory.person_id == person_id)
        .options(
            selectinload(m.Signatory.party).selectinload(m.Party.agreement),
            selectinload(m.Signatory.party).selectinload(m.Party.organisation),
            selectinload(m.Signatory.party).selectinload(m.Party.signatories),
        )
        .order_by(m.Agreement.start_date, m.Agreement.id, m.Party.position)
    )
    return list(session.scalars(query))


def _contact_measures(session: Session, person_id: int) -> list[m.Measure]:
    query = (
        select(m.Measure)
        .join(m.Promise)
        .join(m.Agreement)
        .where(m.Measure.contact_id == person_id)
        .options(selectinload(m.Measure.promise).selectinload(m.Promise.agreement))
        .order_by(m.Agreement.start_date, m.Agreement.id, m.Promise.position, m.Measure.position)
    )
    return list(session.scalars(query))


def _agreement_item(agreement: m.Agreement) -> dict[str, object]:
    return {
        "agreement_id": agreement.id,
        "agreement_title": agreement.title,
        "agreement_state": agreement.state.value,
        "agreement_state_label": swedish(agreement.state),
        "agreement_revision": agreement.revision,
    }


def _signatory_item(row: m.Signatory) -> dict[str, object]:
    return _agreement_item(row.party.agreement) | {
        "party_organisation": row.party.organisation.name,
        "position": row.position,
    }


def _contact_item(row: m.Measure) -> dict[str, object]:
    return _agreement_item(row.promise.agreement) | {
        "measure_id": row.id,
        "measure_title": row.title,
    }


def mention_pattern(person: m.Person) -> re.Pattern[str] | None:
    """Matches the person's name (or e-mail) as whole words, in any letter case.

    Whole words, so "Person 7" does not match "Person 70" and "Eva" not "Evald"; the Swedish
    genitive s is allowed ("Pehr Granfalks förslag"); any run of white space between the
    parts, since typed text wraps and doubles spaces.
    """
    parts: list[str] = []
    if name := person.name.strip():
        parts.append(r"\s+".join(re.escape(word) for word in name.split()) + "s?")
    if email := person.email.strip():
        parts.append(re.escape(email))
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _under_measure(measure_fk: InstrumentedAttribute[int], *columns: InstrumentedAttribute[Any]) -> Select[Any]:
    """SELECT agreement id/title, measure id/title and ``columns`` of rows that hang on a measure."""
    return (
        select(m.Agreement.id, m.Agreement.title, m.Measure.id, m.Measure.title, *columns)
        .join(m.Measure, measure_fk == m.Measure.id)
        .join(m.Promise, m.Measure.promise_id == m.Promise.id)
        .join(m.Agreement, m.Promise.agreement_id == m.Agreement.id)
    )


def _follow_up_mentions(session: Session, person: m.Person) -> list[dict[str, object]]:
    pattern = mention_pattern(person)
    if pattern is None:
        return []
    rows = session.execute(
        _under_measure(
            m.FollowUp.measure_id,
            m.FollowUp.id, m.FollowUp.period, m.FollowUp.comment,
        )
        .order_by(m.Agreement.start_date, m.Agreement.id, m.Measure.id, m.FollowUp.period)
    )
    return [
        {
            "agreement_id": agreement_id,
            "agreement_title": agreement_title,
            "measure_id": measure_id,
            "measure_title": measure_title,
            "follow_up_id": follow_up_id,
            "period": period,
            "comment": comment,
        }
        for agreement_id, agreement_title, measure_id, measure_title, follow_up_id, period, comment in rows
        if pattern.search(comment)
    ]


def _occurrence_mentions(session: Session, person: m.Person) -> list[dict[str, object]]:
    pattern = mention_pattern(person)
    if pattern is None:
        return []
    rows = session.execute(
        _under_measure(
            m.Occurrence.measure_id,
            m.Occurrence.id, m.Occurrence.occurred_on, m.Occurrence.place, m.Occurrence.note,
        )
        .order_by(m.Agreement.start_date, m.Agreement.id, m.Measure.id, m.Occurrence.occurred_on)
    )
    return [
        {
            "agreement_id": agreement_id,
            "agreement_title": agreement_title,
            "measure_id": measure_id,
            "measure_title": measure_title,
            "occurrence_id": occurrence_id,
            "date": occurred_on.isoformat(),
            "place": place,
            "note": note,
        }
        for agreement_id, agreement_title, measure_id, measure_title, occurrence_id, occurred_on, place, note in rows
        if pattern.search(note) or pattern.search(place)
    ]


def _walk_mentions(session: Session, person: m.Person) -> list[dict[str, object]]:
    """Safety walks whose participants, place or findings (text, place, reason) name the person (free text)."""
    pattern = mention_pattern(person)
    if pattern is None:
        return []
    walks = session.scalars(
        select(m.SafetyWalk)
        .options(selectinload(m.SafetyWalk.findings))
        .order_by(m.SafetyWalk.walked_on, m.SafetyWalk.id)
    )
    titles = {row.id: row.title for row in session.execute(select(m.Agreement.id, m.Agreement.title))}
    found = []
    for walk in walks:
        # A finding's place and the reason it was declined are free text too ("vid Annas kiosk").
        findings = [f.text for f in walk.findings if any(pattern.search(t) for t in (f.text, f.place, f.reason))]
        if findings or pattern.search(walk.participants) or pattern.search(walk.place):
            found.append({
                "agreement_id": walk.agreement_id,
                "agreement_title": titles.get(walk.agreement_id, ""),
                "walk_id": walk.id,
                "date": walk.walked_on.isoformat(),
                "place": walk.place,
                "participants": walk.participants,
                "findings": findings,
            })
    return found
