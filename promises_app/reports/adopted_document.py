"""A period's follow-up report as adopted (fastställd): made, kept, printed, and compared with the data now.

When a council or the board adopts a period's follow-up, ``adopt_followup`` keeps the report
as version N (services/adoptions.py): the follow-up report (``followup_content`` +
``followup_pdf``) with the adoption among its facts ("Fastställd av Kommunstyrelsen 12 oktober
2022, § 45, dnr KS 2022/123"), laid out as archival PDF/A-2a with PDF/UA-1
(``typst_engine.ARCHIVAL``), dated by the day it was adopted, its metadata naming the whole
SHA-256 of its content (``ADOPTED_HASH_KEYWORD``, which ``verify`` reads back). Its stored bytes
are what every later print of version N gives (``adopted_pdf``), whatever renders documents then.

Follow-ups of the period can still be corrected afterwards. ``compare_with_data`` makes each
period's latest adopted version again from the data now, with the choices and the adoption it
was made with, and compares the content's hash: a difference means the adopted report no longer
shows the data, and what differs is said in words (``differences``). The adopted version stays
as it was: the correction is published by adopting the period again, as version N+1.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from promises_app.domain.errors import AppError
from promises_app.reports import followup_content as c
from promises_app.reports.formatting import long_date
from promises_app.reports.report_options import FollowUpOptions, FollowUpSection, Grouping, Orientation
from promises_app.services.adoptions import AdoptedPdf, Adoption, RenderedAdoption
from promises_app.services.records import AdoptedReportRecord

if TYPE_CHECKING:
    from promises_app.services import Services
    from promises_app.services.report_source import ReportSource

#: In an adopted report's metadata: the whole SHA-256 of its content (``verify`` finds the version by it).
ADOPTED_HASH_KEYWORD = "medborgarloften-adopted-sha256:"
#: What an adopted report is, above its title (and its metadata's subject).
KIND = "Fastställd uppföljningsrapport"
#: The facts an adoption adds under the report's heading.
ADOPTED_BY = "Fastställd av"
VERSION = "Version"
#: The most differences said of one version (the rest are counted).
MAX_DIFFERENCES = 20


# --- the report's choices, kept with each version ---------------------------------------------
def options_json(options: FollowUpOptions) -> str:
    """The choices that shape the report (the report date is kept in its own column)."""
    return json.dumps(
        {
            "orientation": options.orientation.value,
            "logos": options.logos,
            "sections": sorted(section.value for section in options.sections),
            "group_by": options.group_by.value,
            "next_steps": options.next_steps,
            # Absent from the choices of versions adopted before the period figure was printed.
            **({"counts": "period"} if options.period_counts else {}),
        },
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )


def options_from_json(text: str, report_date: date) -> FollowUpOptions:
    """The choices a version was made with; ValueError when the kept text is not what ``options_json`` wrote."""
    try:
        data = json.loads(text)
        return FollowUpOptions(
            orientation=Orientation(data["orientation"]),
            logos=bool(data["logos"]),
            report_date=report_date,
            next_steps=str(data["next_steps"]),
            sections=frozenset(FollowUpSection(value) for value in data["sections"]),
            group_by=Grouping(data["group_by"]),
            period_counts=data.get("counts") == "period",
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"rapportens val går inte att läsa ({error})") from None


# --- the adopted report -------------------------------------------------------------------------
def adoption_text(adopted_by: str, adopted_on: date, paragraph: str, case_number: str) -> str:
    """"Kommunstyrelsen 12 oktober 2022, § 45, dnr KS 2022/123" (what follows "Fastställd av")."""
    text = f"{adopted_by} {long_date(adopted_on)}, {paragraph}"
    return f"{text}, dnr {case_number}" if case_number else text


def adoption_facts(adoption: Adoption) -> tuple[tuple[str, str], ...]:
    """The facts an adoption adds: by whom, when, § and dnr; the version, and which one it corrects."""
    version = str(adoption.report_version)
    if adoption.earlier:
        before = adoption.earlier[-1]
        version += (f" (ersätter version {before.report_version}, fastställd {long_date(before.adopted_on)}, "
                    f"{before.paragraph})")
    return (
        (ADOPTED_BY, adoption_text(adoption.adopted_by, adoption.adopted_on, adoption.paragraph, adoption.case_number)),
        (VERSION, version),
    )


def adopted_content(source: ReportSource, adoption: Adoption) -> c.FollowUpContent:
    """The follow-up report of the adoption's period made from ``source``, the adoption among its facts."""
    options = options_from_json(adoption.options, adoption.report_date)
    content = c.followup_content_from(source, adoption.period, today=adoption.report_date, options=options)
    labels = [label for label, _value in content.facts]
    after = labels.index("Rapportdatum") + 1 if "Rapportdatum" in labels else len(labels)
    facts = (*content.facts[:after], *adoption_facts(adoption), *content.facts[after:])
    return c.with_fingerprint(replace(content, kind=KIND, facts=facts))


def render_adopted(source: ReportSource, adoption: Adoption) -> RenderedAdoption:
    """The adopted report's content (canonical JSON) and its PDF/A (the services' ``AdoptedRenderer``)."""
    from promises_app.reports import typst_engine
    from promises_app.reports.followup_pdf import render_followup_pdf

    content = adopted_content(source, adoption)
    text = c.canonical_json(content)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    pdf = render_followup_pdf(
        content,
        options_from_json(adoption.options, adoption.report_date),
        standards=typst_engine.ARCHIVAL,
        dated=adoption.adopted_on,
        keywords=[f"{ADOPTED_HASH_KEYWORD}{digest} period:{adoption.period} version:{adoption.report_version}"],
    )
    return RenderedAdoption(content=text, pdf=pdf)


def adopt_followup(
    services: Services,
    agreement_id: int,
    period: str,
    *,
    adopted_by: str,
    adopted_on: date | str,
    paragraph: str,
    case_number: str = "",
    report_date: date | str | None = None,
    options: FollowUpOptions | None = None,
    today: date | None = None,
) -> AdoptedReportRecord:
    """Record the adoption of the period's follow-up and keep the report as its next version."""
    return services.adoptions.adopt(
        agreement_id, period, adopted_by=adopted_by, adopted_on=adopted_on, paragraph=paragraph,
        case_number=case_number, report_date=report_date, options=options_json(options or FollowUpOptions()),
        render=render_adopted, today=today,
    )


def adopted_pdf(services: Services, agreement_id: int, period: str, version: int | None = None) -> AdoptedPdf:
    """Version ``version`` (None: the latest) of the period's adopted report: exactly the bytes kept."""
    return services.adoptions.printable(agreement_id, period, version)


# --- the adopted version against the data now ---------------------------------------------------
@dataclass(frozen=True)
class AdoptedState:
    """Does a period's latest adopted version still show the data? ``matches`` None: it cannot be told."""

    record: AdoptedReportRecord
    matches: bool | None
    #: What differs, in words (at most MAX_DIFFERENCES, then a count), when it does not match.
    differences: tuple[str, ...] = ()
    #: Why it cannot be told (the period is no longer one of the agreement's, say).
    problem: str = ""


def compare_with_data(services: Services, agreement_id: int) -> dict[str, AdoptedState]:
    """Each adopted period's latest version against the report made from the data now, by period."""
    records = services.adoptions.list_adopted(agreement_id)
    if not records:
        return {}
    source = services.reports.source(agreement_id)
    by_period: dict[str, list[AdoptedReportRecord]] = {}
    for record in records:
        by_period.setdefault(record.period, []).append(record)
    states = {}
    for period, versions in by_period.items():
        states[period] = state_of(services, source, versions[-1], tuple(versions[:-1]))
    return states


def state_of(
    services: Services, source: ReportSource, record: AdoptedReportRecord, earlier: tuple[AdoptedReportRecord, ...]
) -> AdoptedState:
    """``record`` made again from ``source`` (with its choices and adoption) and compared with what was kept."""
    try:
        now = adopted_content(source, Adoption.of(record, earlier))
    except (AppError, ValueError) as error:
        return AdoptedState(record, None, problem=str(error))
    text = c.canonical_json(now)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() == record.content_sha256:
        return AdoptedState(record, True)
    said = differences(services.adoptions.content_text(record.id), text)
    return AdoptedState(record, False, tuple(said))


#: A measure row's fields as the measure table heads them ("Status", "Kommentar" …).
_FIELDS = dict(zip(("title", "responsible", "deadline", "target", "status", "light_text", "comment"),
                   c.MEASURE_COLUMNS, strict=True))
_PARTS = {
    "agreement_title": "Överenskommelsens titel", "heading": "Rubriken", "period_dates": "Perioden",
    "by_status": "Antal per status", "by_light": "Antal per trafikljus", "overdue": c.HEADING_OVERDUE,
    "missing": c.HEADING_MISSING, "moved": c.HEADING_MOVED, "indicators": c.HEADING_INDICATORS,
    "next_steps": c.HEADING_NEXT_STEPS, "logos": "Logotyperna", "sections": "Rapportens delar",
    "walk_findings": "Trygghetsvandringarnas fynd",
}
_NOT_COMPARED = {"facts", "groups", "by_status", "by_light", "total", "chart", "fingerprint", "log_anchor",
                 "report_date", "overdue_as_of", "kind", "agreement_id", "period_label"}


def differences(adopted: str, now: str) -> list[str]:
    """What the report made now says differently from the adopted one (both canonical JSON), in Swedish.

    Measures are matched by their id: a changed status, light, count, comment, deadline or title
    is named with the old and the new value; the adoption's own facts are not compared.
    """
    before, after = json.loads(adopted), json.loads(now)
    said: list[str] = []
    facts_before = {label: value for label, value in before.get("facts", []) if label not in (ADOPTED_BY, VERSION)}
    facts_after = {label: value for label, value in after.get("facts", []) if label not in (ADOPTED_BY, VERSION)}
    for label in sorted(facts_before.keys() | facts_after.keys()):
        if facts_before.get(label) != facts_after.get(label):
            said.append(f"{label}: {_value(facts_before.get(label))} → {_value(facts_after.get(label))}")
    said += _measure_differences(_rows(before), _rows(after))
    for key in ("by_status", "by_light"):
        said += _count_differences(_PARTS[key], before.get(key) or [], after.get(key) or [])
    for key in sorted(before.keys() | after.keys()):
        if key in _NOT_COMPARED or before.get(key) == after.get(key):
            continue
        said.append(f"{_PARTS.get(key, key)} har ändrats.")
    if not said and _without_adoption(before) != _without_adoption(after):
        said.append("Rapportens innehåll har ändrats.")
    if len(said) > MAX_DIFFERENCES:
        rest = len(said) - MAX_DIFFERENCES
        said = [*said[:MAX_DIFFERENCES], f"… och {rest} ändring{'ar' if rest > 1 else ''} till."]
    return said


def _count_differences(what: str, before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> list[str]:
    """"Antal per status: Pågående 4 → 3, Genomförd 2 → 3" (a count table's rows by label)."""
    old = {row["label"]: row["count"] for row in before}
    new = {row["label"]: row["count"] for row in after}
    labels = [*old, *(label for label in new if label not in old)]
    changed = [f"{label} {old.get(label, 0)} → {new.get(label, 0)}"
               for label in labels if old.get(label) != new.get(label)]
    return [f"{what}: {', '.join(changed)}."] if changed else []


def _without_adoption(content: Mapping[str, Any]) -> dict[str, Any]:
    """The content without what the adoption itself adds (its facts; the fingerprint follows them)."""
    rest = {key: value for key, value in content.items() if key != "fingerprint"}
    rest["facts"] = [fact for fact in content.get("facts", []) if fact[0] not in (ADOPTED_BY, VERSION)]
    return rest


def _rows(content: Mapping[str, Any]) -> dict[int, Mapping[str, Any]]:
    return {row["measure_id"]: row for group in content.get("groups", []) for row in group.get("rows", [])}


def _measure_differences(before: Mapping[int, Mapping[str, Any]], after: Mapping[int, Mapping[str, Any]]) -> list[str]:
    said = []
    for measure_id in sorted(before.keys() | after.keys(), key=lambda key: _order(key, before, after)):
        old, new = before.get(measure_id), after.get(measure_id)
        if old is None and new is not None:
            said.append(f"Åtgärden «{_short(new['title'])}» har tillkommit.")
        elif new is None and old is not None:
            said.append(f"Åtgärden «{_short(old['title'])}» finns inte längre med.")
        elif old is not None and new is not None:
            changed = [
                f"{label} {_value(old.get(field))} → {_value(new.get(field))}"
                for field, label in _FIELDS.items()
                if old.get(field) != new.get(field)
            ]
            if changed:
                said.append(f"Åtgärden «{_short(old['title'])}»: {'; '.join(changed)}.")
    return said


def _order(key: int, *sides: Mapping[int, Any]) -> tuple[int, int]:
    """Measures in the report's order: the adopted one's first, then those added."""
    for number, side in enumerate(sides):
        if key in side:
            return number, list(side).index(key)
    return len(sides), 0


def _short(text: object, limit: int = 60) -> str:
    words = " ".join(str(text).split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def _value(value: object) -> str:
    return f"«{_short(value)}»" if value not in (None, "") else "tomt"
