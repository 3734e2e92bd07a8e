"""The reminders as files: one ready e-mail (.eml) per contact person and one calendar (.ics).

Built as data from a ``ReminderPlan`` (services/reminders.py), never sent: the program has no
network. The person opens each .eml in their mail program, reads it and presses Send. Outlook
opens a message with ``X-Unsent: 1`` as a draft to send; Thunderbird opens .eml files too
(docs/reminders.md).

What a person typed (titles, names, the agreement's title) is always text: every header is
built through ``email.message.EmailMessage`` with the default policy, from one line of text
(line breaks and control characters removed first), so a title such as "x\\nBcc: evil@…" can
never become a header; the address is one checked plain address or none.

The calendar holds the day the report is wanted and each listed measure's deadline as all-day
events. Their UIDs are made from the database's id and the agreement's, period's or measure's
id, so importing a newer file updates the events instead of adding them again; it names no
person (no contact persons, no addresses).
"""

from __future__ import annotations

import email.policy
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from typing import TYPE_CHECKING

from promises_app.domain.periods import describe
from promises_app.domain.swedish_dates import date_span, long_date
from promises_app.domain.vocabulary import swedish
from promises_app.files import safe_file_name
from promises_app.services.reminders import DueKind, Recipient, ReminderMeasure, ReminderPlan

if TYPE_CHECKING:
    from promises_app.services import Services

__all__ = [
    "XLSX_TYPE",
    "Attachment",
    "ReminderFile",
    "calendar_file_name",
    "reminder_calendar",
    "reminder_files",
    "reminder_message",
]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: The .eml files are written with CRLF line ends, as RFC 5322 has them (Outlook expects them).
EML_POLICY = email.policy.default.clone(linesep="\r\n")
#: The calendar's product id and the right-hand side of every UID.
PRODID = "-//Medborgarlöften//Påminnelser//SV"
UID_DOMAIN = "medborgarloften.invalid"


@dataclass(frozen=True)
class Attachment:
    """The owner's report pack to attach: its file name and the workbook's bytes."""

    file_name: str
    content: bytes


@dataclass(frozen=True)
class ReminderFile:
    """One file to write: its name (no folder) and bytes; ``person_id`` None for the calendar."""

    file_name: str
    content: bytes
    person_id: int | None
    #: The e-mail has no To address (the person has no usable address in the register).
    without_address: bool = False
    attached: str = ""


def pack_attachments(
    services: Services, agreement_id: int, period_label: str, person_ids: Collection[int]
) -> dict[int, tuple[str, bytes]]:
    """Each contact person's report pack to attach (docs/owner-packs.md): person id -> (file name,
    bytes). The one place the command line and the window get them from: every person's pack
    made in one read, as *Skicka ut rapportunderlag…* per contact person makes them."""
    from promises_app.services.owner_packs import PackOwner

    wanted = set(person_ids)
    if not wanted:
        return {}
    made = services.owner_packs.packs(agreement_id, period_label, per=PackOwner.PERSON)
    return {pack.owner_id: (pack.file_name, pack.content) for pack in made.packs if pack.owner_id in wanted}


def one_line(text: str) -> str:
    """``text`` on one line: control characters (line breaks among them) become spaces, runs of
    space one. What every piece of user text in a header or a list line goes through."""
    cleaned = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return " ".join(cleaned.split())


def _days_text(days: int) -> str:
    if days == 0:
        return "i dag"
    if days == 1:
        return "i morgon"
    if days > 0:
        return f"om {days} dagar"
    if days == -1:
        return "i går"
    return f"för {-days} dagar sedan"


def _measure_line(item: ReminderMeasure, kind: DueKind, today: date) -> list[str]:
    """One measure in the e-mail's list: its title, then what it belongs to and its deadline."""
    lines = [f"- {one_line(item.title)}"]
    details = [f"Löfte: {one_line(item.promise_text)}"] if item.promise_text.strip() else []
    if item.deadline is not None:
        when = _days_text((item.deadline - today).days)
        details.append(f"sista dag {long_date(item.deadline)} ({when})")
    if kind is not DueKind.MISSING or item.status is not None:
        details.append(f"senast rapporterad status: {swedish(item.status) if item.status else 'ingen ännu'}")
    lines.extend(f"  {detail}" for detail in details)
    return lines


def subject(plan: ReminderPlan) -> str:
    return one_line(f"Påminnelse: uppföljning {describe(plan.period).lower()} – {plan.agreement_title}")


def message_text(plan: ReminderPlan, recipient: Recipient, attachment: Attachment | None) -> str:
    """The e-mail's text in Swedish: what is due, grouped by kind, and the day the report is wanted."""
    period = describe(plan.period)
    title = one_line(plan.agreement_title)
    lines = [
        f"Hej {one_line(recipient.contact.name)}!",
        "",
        f"Det är dags att följa upp åtgärderna i {title} för perioden {period.lower()} "
        f"({date_span(plan.period.start, plan.period.end)}). Du är kontaktperson för "
        f"{'åtgärden' if len(recipient.measures) == 1 else 'åtgärderna'} nedan.",
        "",
        f"Skicka din rapport senast {long_date(plan.reply_by)}.",
    ]
    if attachment is not None:
        lines += [
            f"Rapportunderlaget är bifogat ({one_line(attachment.file_name)}): fyll i status, trafikljus, "
            "antal och kommentar för varje åtgärd och skicka tillbaka filen som den är, utan att byta namn på den.",
        ]
    else:
        lines += ["Svara på det här meddelandet med status, trafikljus och en kort kommentar för varje åtgärd."]
    for kind in DueKind:
        items = recipient.of_kind(kind)
        if not items:
            continue
        heading = kind.heading
        if kind is DueKind.DUE_SOON:
            heading = f"{heading} (inom {plan.days} dagar)"
        lines += ["", f"{heading}:"]
        for item in items:
            lines += _measure_line(item, kind, plan.today)
    lines += ["", "Tack för hjälpen!", ""]
    return "\n".join(lines)


def reminder_message(plan: ReminderPlan, recipient: Recipient, attachment: Attachment | None = None) -> EmailMessage:
    """The ready e-mail to one contact person: a draft (``X-Unsent: 1``), UTF-8, multipart/mixed."""
    message = EmailMessage(policy=EML_POLICY)
    message["Subject"] = subject(plan)
    address = recipient.contact.usable_email
    if address:
        message["To"] = Address(display_name=one_line(recipient.contact.name), addr_spec=address)
    message["X-Unsent"] = "1"
    message.set_content(message_text(plan, recipient, attachment), charset="utf-8", cte="quoted-printable")
    message.make_mixed()
    if attachment is not None:
        maintype, subtype = XLSX_TYPE.split("/")
        message.add_attachment(
            attachment.content, maintype=maintype, subtype=subtype,
            filename=safe_file_name(one_line(attachment.file_name), "rapportunderlag.xlsx"),
        )
    return message


def calendar_file_name(plan: ReminderPlan) -> str:
    return safe_file_name(f"Rapportdatum och sista dagar {plan.period.label}", "påminnelser") + ".ics"


def _eml_names(plan: ReminderPlan) -> dict[int, str]:
    """Each recipient's file name: "Påminnelse 2022-T2 Anna Andersson.eml", the person's id added
    when two share a name."""
    names = {r.person_id: safe_file_name(f"Påminnelse {plan.period.label} {one_line(r.contact.name)}", "Påminnelse")
             for r in plan.recipients}
    taken = [name.casefold() for name in names.values()]
    return {
        person: (f"{name} ({person})" if taken.count(name.casefold()) > 1 else name) + ".eml"
        for person, name in names.items()
    }


def reminder_files(
    plan: ReminderPlan, attachments: Mapping[int, tuple[str, bytes]], *, stamp: datetime
) -> tuple[ReminderFile, ...]:
    """Every file of the reminders: an .eml per recipient (with their pack from ``attachments``,
    person id -> (file name, bytes), when there is one), then the calendar. ``stamp`` (UTC) is the
    calendar's DTSTAMP."""
    names = _eml_names(plan)
    files = []
    for recipient in plan.recipients:
        given = attachments.get(recipient.person_id)
        attachment = Attachment(*given) if given is not None else None
        message = reminder_message(plan, recipient, attachment)
        files.append(ReminderFile(
            names[recipient.person_id], message.as_bytes(policy=EML_POLICY), recipient.person_id,
            without_address=not recipient.has_address, attached=attachment.file_name if attachment else "",
        ))
    files.append(ReminderFile(calendar_file_name(plan), reminder_calendar(plan, stamp=stamp), None))
    return tuple(files)


def reminder_calendar(plan: ReminderPlan, *, stamp: datetime) -> bytes:
    """The iCalendar file: the day the report is wanted, and each listed measure's deadline."""
    from icalendar import Calendar, Event  # loaded when reminders are written

    title = one_line(plan.agreement_title)
    period = describe(plan.period)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Medborgarlöften: {title}")

    def event(uid: str, day: date, summary: str, description: str) -> Event:
        made = Event()
        made.add("uid", f"{uid}-{plan.database_id or 'databas'}@{UID_DOMAIN}")
        made.add("dtstamp", stamp)
        made.add("last-modified", stamp)
        made.add("dtstart", day)
        made.add("dtend", day + timedelta(days=1))
        made.add("summary", summary)
        made.add("description", description)
        made.add("transp", "TRANSPARENT")  # an all-day reminder: the day is not busy
        return made

    calendar.add_component(event(
        f"rapport-{plan.agreement_id}-{safe_file_name(plan.period.label, 'period')}",
        plan.reply_by,
        f"Rapport om {period.lower()} senast i dag: {title}",
        f"Rapporten om hur det går med åtgärderna under {period.lower()} ska vara inne i dag ({title}).",
    ))
    for item in plan.measures:
        if item.deadline is None:
            continue
        description = [f"Överenskommelse: {title}"]
        if item.promise_text.strip():
            description.append(f"Löfte: {one_line(item.promise_text)}")
        if item.responsible_name.strip():
            description.append(f"Ansvarig: {one_line(item.responsible_name)}")
        calendar.add_component(event(
            f"atgard-{item.measure_id}-sista-dag", item.deadline,
            f"Sista dag: {one_line(item.title)}", "\n".join(description),
        ))
    return bytes(calendar.to_ical())
