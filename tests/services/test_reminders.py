"""Reminders: who has something due for a period, and the .eml and .ics files made for them.

Hand-made data on a real database; the files are read back with Python's ``email`` package
(default policy) and with ``icalendar``, as a mail program and a calendar would read them.
"""

from __future__ import annotations

import email
import email.policy
import io
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from email.message import EmailMessage
from typing import Any

import icalendar
import openpyxl
import pytest

from promises_app.domain.enums import FollowUpStatus
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.reminder_files import (
    XLSX_TYPE,
    calendar_file_name,
    reminder_calendar,
    reminder_files,
)
from promises_app.services.reminders import (
    Contact,
    DueKind,
    Recipient,
    ReminderMeasure,
    ReminderPlan,
    default_reply_by,
    usable_address,
)

M, SOON, LATE = DueKind.MISSING, DueKind.DUE_SOON, DueKind.OVERDUE
TODAY = date(2022, 6, 15)  # in 2022-T2 (May–August)
STAMP = datetime(2022, 6, 15, 8, 30, tzinfo=UTC)


@dataclass
class Data:
    agreement_id: int
    ids: dict[str, int]
    people: dict[str, int]


@pytest.fixture
def data(services: Services) -> Data:
    """A tertial agreement for 2022: measures around TODAY, three contact persons and one measure without."""
    reg, agr = services.register, services.agreements
    police = reg.create_organisation(name="LPO Exempelstad", kind="police")
    town = reg.create_organisation(name="Exempelstads kommun", kind="municipality")
    agreement = agr.create_agreement(
        kind="citizen_promise", title="Exempelstad – medborgarlöften 2022",
        start_date="2022-01-01", end_date="2022-12-31", reporting_scheme="tertial",
    )
    agr.add_party(agreement.id, organisation_id=police.id)
    agr.add_party(agreement.id, organisation_id=town.id)
    promise = services.plan.create_promise(agreement.id, text="öka tryggheten i centrum", maker_ids=[police.id])
    people = {
        "åsa": reg.create_person(name="Åsa Öberg", organisation_id=town.id, email="asa.oberg@exempelstad.example").id,
        "per": reg.create_person(name="Per Polis", organisation_id=police.id, email="per.polis@polisen.example").id,
        "utan": reg.create_person(name="Ulla Utanpost", organisation_id=town.id).id,
        "dålig": reg.create_person(name="Bo Komma", email="bo@x.example,evil@example.com").id,
    }

    def measure(title: str, owner: Any, contact: str | None, **dates: Any) -> int:
        return services.plan.create_measure(
            promise_id=promise.id, title=title, responsible_id=owner.id,
            contact_id=people[contact] if contact else None, **dates,
        ).id

    ids = {
        "A": measure("A: en dag sen", police, "per", deadline="2022-06-14"),
        "B": measure("B: sista dag i dag", police, "per", deadline="2022-06-15"),
        "C": measure("C: om 14 dagar", town, "åsa", deadline="2022-06-29"),
        "D": measure("D: om 15 dagar", town, "åsa", deadline="2022-06-30"),
        "E": measure("E: genomförd i T1", town, "åsa", deadline="2022-03-01"),
        "F": measure("F: rapporterad i T2", town, "utan", deadline="2022-12-01"),
        "G": measure("G: börjar i T3", town, "utan", start_date="2022-09-10"),
        "H": measure("H: ingen kontaktperson", town, None, deadline="2022-05-31"),
        "I": measure("I: adressen duger inte", town, "dålig"),
    }
    record = services.follow_ups.record
    record(ids["A"], period="2022-T1", status="in_progress")
    record(ids["B"], period="2022-T2", status="in_progress")
    record(ids["E"], period="2022-T1", status="done")
    record(ids["F"], period="2022-T2", status="in_progress")
    return Data(agreement.id, ids, people)


def _plan(services: Services, data: Data, **options: Any) -> ReminderPlan:
    return services.reminders.plan(data.agreement_id, "2022-T2", today=TODAY, **options)


def _kinds(recipient: Recipient) -> dict[str, tuple[DueKind, ...]]:
    return {item.title[0]: item.kinds for item in recipient.measures}


def _by_name(plan: ReminderPlan) -> dict[str, Recipient]:
    return {r.contact.name: r for r in plan.recipients}


def _parse(content: bytes) -> EmailMessage:
    message = email.message_from_bytes(content, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def _xlsx(title: str) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = title
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- who gets what --------------------------------------------------------------------------------
def test_measures_are_grouped_by_contact_person_with_what_is_due(services: Services, data: Data) -> None:
    plan = _plan(services, data)
    people = _by_name(plan)
    assert list(people) == ["Bo Komma", "Per Polis", "Åsa Öberg"]  # by name; Ulla has nothing due
    # A: late and not reported for T2; B: reported for T2, due today; C: due in 14 days; D: in 15 (not
    # soon, but no T2 report); E: done in T1 (nothing due); F: reported; G: starts after T2.
    assert _kinds(people["Per Polis"]) == {"A": (M, LATE), "B": (SOON,)}
    assert _kinds(people["Åsa Öberg"]) == {"C": (M, SOON), "D": (M,)}
    assert _kinds(people["Bo Komma"]) == {"I": (M,)}
    assert [x.title[0] for x in plan.without_contact] == ["H"]
    assert plan.without_contact[0].kinds == (M, LATE)
    assert people["Per Polis"].count(M) == 1 and people["Per Polis"].count(LATE) == 1
    assert [x.title[0] for x in plan.measures] == ["A", "B", "C", "D", "H", "I"]  # plan order, once each
    assert plan.measures[0].status is FollowUpStatus.IN_PROGRESS  # the latest reported (T1)


def test_the_window_of_days_is_an_option(services: Services, data: Data) -> None:
    assert _kinds(_by_name(_plan(services, data, days=15))["Åsa Öberg"])["D"] == (DueKind.MISSING, DueKind.DUE_SOON)
    assert _kinds(_by_name(_plan(services, data, days=0))["Per Polis"]) == {
        "A": (DueKind.MISSING, DueKind.OVERDUE), "B": (DueKind.DUE_SOON,)}


def test_reply_by_defaults_to_a_week_after_the_period_and_never_sooner_than_a_week_from_today(
    services: Services, data: Data
) -> None:
    plan = _plan(services, data)
    assert plan.reply_by == date(2022, 9, 7)  # T2 ends 31 August
    assert default_reply_by(plan.period, date(2022, 10, 20)) == date(2022, 10, 27)
    assert _plan(services, data, reply_by=date(2022, 9, 15)).reply_by == date(2022, 9, 15)


def test_bad_options_are_refused_naming_the_field(services: Services, data: Data) -> None:
    with pytest.raises(ValidationError) as refused:
        services.reminders.plan(data.agreement_id, "2022-T9", today=TODAY, days=-1, reply_by=date(2022, 6, 1))
    assert [e.field for e in refused.value.errors] == ["period", "days", "reply_by"]
    assert "redan passerat" in str(refused.value)


def test_a_person_without_a_usable_address_is_flagged(services: Services, data: Data) -> None:
    people = _by_name(_plan(services, data))
    assert people["Per Polis"].has_address
    assert not people["Bo Komma"].has_address  # two addresses in one field: never in a To header
    assert usable_address(" a@b.example ") == "a@b.example"
    for bad in ("", "ingen", "a@b@c", "a b@c", "a@b,c@d", "<a@b>", "a@b\nBcc: c@d"):
        assert usable_address(bad) == "", bad


# --- the e-mails ----------------------------------------------------------------------------------
def test_each_eml_parses_with_the_right_recipient_measures_and_attachment(services: Services, data: Data) -> None:
    plan = _plan(services, data)
    per = data.people["per"]
    pack = _xlsx("Rapportunderlag för Per")
    files = reminder_files(plan, {per: ("Rapportunderlag 2022-T2 Per Polis.xlsx", pack)}, stamp=STAMP)
    assert [f.file_name for f in files] == [
        "Påminnelse 2022-T2 Bo Komma.eml", "Påminnelse 2022-T2 Per Polis.eml",
        "Påminnelse 2022-T2 Åsa Öberg.eml", "Rapportdatum och sista dagar 2022-T2.ics",
    ]
    bo, per_file, asa, _calendar = files
    assert bo.without_address and not per_file.without_address
    assert per_file.attached == "Rapportunderlag 2022-T2 Per Polis.xlsx" and asa.attached == ""

    message = _parse(per_file.content)
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_type() == "multipart/mixed"
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses[0].addr_spec == "per.polis@polisen.example"
    assert message["To"].addresses[0].display_name == "Per Polis"
    assert message["Subject"] == "Påminnelse: uppföljning tertial 2 2022 – Exempelstad – medborgarlöften 2022"
    raw_headers = per_file.content.split(b"\r\n\r\n", 1)[0]
    assert b"Subject: =?utf-8?" in raw_headers  # the Swedish subject encoded, headers pure ASCII
    assert raw_headers.isascii()
    assert "From" not in message  # the data names no secretary: the mail program fills it in

    text = _text(message)
    assert text.startswith("Hej Per Polis!")
    assert "Skicka din rapport senast 7 september 2022." in text
    assert "Rapportunderlaget är bifogat (Rapportunderlag 2022-T2 Per Polis.xlsx)" in text
    missing = text.index("Uppföljning saknas för perioden:")
    soon = text.index("Sista dag närmar sig (inom 14 dagar):")
    late = text.index("Försenade åtgärder")
    assert missing < soon < late
    assert text.index("A: en dag sen", missing) < soon  # A under missing …
    assert text.index("B: sista dag i dag", soon) < late  # … B under soon …
    assert "A: en dag sen" in text[late:]  # … and A again under overdue
    assert "sista dag 14 juni 2022 (i går)" in text and "sista dag 15 juni 2022 (i dag)" in text
    assert "C: om 14 dagar" not in text  # Åsa's measure, in Åsa's mail

    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == XLSX_TYPE
    assert attachment.get_filename() == "Rapportunderlag 2022-T2 Per Polis.xlsx"
    content = attachment.get_content()
    assert content == pack
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    assert workbook.active is not None and workbook.active["A1"].value == "Rapportunderlag för Per"

    asa_message = _parse(asa.content)
    assert asa_message.get_content_type() == "multipart/mixed"
    assert list(asa_message.iter_attachments()) == []
    assert "Svara på det här meddelandet" in _text(asa_message)
    assert "sista dag 29 juni 2022 (om 14 dagar)" in _text(asa_message)


def test_a_person_without_an_address_gets_an_eml_without_to(services: Services, data: Data) -> None:
    plan = _plan(services, data)
    bo = next(f for f in reminder_files(plan, {}, stamp=STAMP) if f.file_name.endswith("Bo Komma.eml"))
    message = _parse(bo.content)
    assert "To" not in message and "Bcc" not in message and "Cc" not in message
    assert b"evil@example.com" not in bo.content
    assert _text(message).startswith("Hej Bo Komma!")


def _hostile_plan(plan: ReminderPlan) -> ReminderPlan:
    evil = "x\nBcc: evil@example.com\r\nX-Evil: 1"
    recipient = Recipient(
        Contact(1, f"Eve {evil}", "", "", "eve@example.org"),
        (ReminderMeasure(7, evil, f"löfte {evil}", "Org\nCc: evil@example.com", date(2022, 6, 20),
                         None, (DueKind.MISSING, DueKind.DUE_SOON)),),
    )
    return replace(plan, agreement_title=f"Titel {evil}", recipients=(recipient,), without_contact=(),
                   plan_order=(7,))


def test_hostile_text_never_makes_a_header(services: Services, data: Data) -> None:
    plan = _hostile_plan(_plan(services, data))
    files = reminder_files(plan, {1: ("evil\nBcc: x@y.xlsx", _xlsx("x"))}, stamp=STAMP)
    message = _parse(files[0].content)
    assert set(message.keys()) == {"Subject", "To", "X-Unsent", "MIME-Version", "Content-Type"}
    assert [a.addr_spec for a in message["To"].addresses] == ["eve@example.org"]
    assert "Bcc" not in message and "X-Evil" not in message
    assert message["Subject"] == "Påminnelse: uppföljning tertial 2 2022 – Titel x Bcc: evil@example.com X-Evil: 1"
    text = _text(message)
    assert "\nBcc:" not in text and "- x Bcc: evil@example.com X-Evil: 1" in text  # one line in the list
    for part in message.walk():
        assert "Bcc" not in part and "X-Evil" not in part
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "evil Bcc- x@y.xlsx"

    calendar = icalendar.Calendar.from_ical(files[-1].content)
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert "Sista dag: x Bcc: evil@example.com X-Evil: 1" in summaries
    assert b"\r\nX-EVIL" not in files[-1].content.upper() and b"\r\nBCC" not in files[-1].content.upper()


# --- the calendar ---------------------------------------------------------------------------------
def test_the_calendar_holds_the_reply_day_and_each_listed_deadline(services: Services, data: Data) -> None:
    plan = _plan(services, data)
    content = reminder_calendar(plan, stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(content)
    assert str(calendar["VERSION"]) == "2.0"
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Rapport om tertial 2 2022 senast i dag: Exempelstad – medborgarlöften 2022",
        "Sista dag: A: en dag sen", "Sista dag: B: sista dag i dag", "Sista dag: C: om 14 dagar",
        "Sista dag: D: om 15 dagar", "Sista dag: H: ingen kontaktperson",  # I has no deadline
    }
    reply = events["Rapport om tertial 2 2022 senast i dag: Exempelstad – medborgarlöften 2022"]
    assert reply.decoded("DTSTART") == date(2022, 9, 7)  # an all-day event: a date, not a time
    assert reply.decoded("DTEND") == date(2022, 9, 8)
    assert events["Sista dag: A: en dag sen"].decoded("DTSTART") == date(2022, 6, 14)
    assert "Ansvarig: LPO Exempelstad" in str(events["Sista dag: A: en dag sen"]["DESCRIPTION"])
    # No personal data: no contact person's name or address anywhere in the calendar.
    for personal in (b"Per Polis", b"polisen.example", "Åsa".encode(), b"exempelstad.example", b"Komma"):
        assert personal not in content
    assert calendar_file_name(plan) == "Rapportdatum och sista dagar 2022-T2.ics"


def test_the_calendars_uids_are_stable_and_unique(services: Services, data: Data) -> None:
    plan = _plan(services, data)
    later = services.reminders.plan(data.agreement_id, "2022-T2", today=date(2022, 6, 20))
    first = icalendar.Calendar.from_ical(reminder_calendar(plan, stamp=STAMP))
    again = icalendar.Calendar.from_ical(reminder_calendar(later, stamp=datetime(2022, 6, 20, tzinfo=UTC)))

    def uids(calendar: Any) -> dict[str, str]:
        return {str(e["SUMMARY"]): str(e["UID"]) for e in calendar.walk("VEVENT")}

    assert len(set(uids(first).values())) == len(uids(first))
    assert uids(first)["Sista dag: C: om 14 dagar"] == uids(again)["Sista dag: C: om 14 dagar"]
    database_id = plan.database_id
    assert database_id and all(database_id in uid for uid in uids(first).values())
    t3 = services.reminders.plan(data.agreement_id, "2022-T3", today=TODAY)
    reply_uids = {uid for summary, uid in uids(icalendar.Calendar.from_ical(reminder_calendar(t3, stamp=STAMP))).items()
                  if summary.startswith("Rapport om")}
    assert reply_uids.isdisjoint(uids(first).values())  # another period's report day is another event
