"""What the publication for citizens says ("Så går det med medborgarlöftena"), as plain data.

The builder half of the publication (docs/publication.md): ``publication_content_from`` turns
the one read of a report (``services.reports.source``, services/report_source.py) into a
``PublicationContent`` whose every string is final Swedish text, and the renderers
(``publication_html``, ``publication_data``) only lay it out: the page with Jinja2, the open
data with ``csv`` and ``json``. No Qt, no database after the one read.

The facts are the follow-up report's (``reports/followup_content.py``, the same
``PeriodSummary`` behind the window's overview and the printed report): the status, traffic
light, count and comment reported FOR the period, overdue judged on the period's report day.
So the page, the open data and the PDF published beside them never disagree.

What a citizen is never shown: contact persons, e-mail addresses, telephone numbers, the
participants of safety walks. Nothing here reads them: the measures are owned by
organisations (``responsible``), and the only people named are the signatories, by name and
title, as the signed agreement names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from promises_app.domain import periods as period_rules
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.findings import FindingCount, count_dealt, findings_sentence
from promises_app.domain.period_summary import MeasureInPeriod, PeriodSummary
from promises_app.domain.snapshot import AgreementSnapshot
from promises_app.domain.vocabulary import swedish
from promises_app.reports.agreement_content import promise_wordings
from promises_app.reports.followup_content import NO_LIGHT, measure_row
from promises_app.reports.formatting import date_range, join_words, long_date

if TYPE_CHECKING:  # the builder needs only the data one read returns
    from promises_app.services.report_source import ReportSource

#: The page's title (its <title> and <h1>).
PAGE_TITLE = "Så går det med medborgarlöftena"
#: The open data's format, written into data.json ("format") and named by schema.json.
DATA_FORMAT = "medborgarloften-publicering-1"

#: A status in plain words, for a reader who never saw the action plan.
STATUS_WORDS: dict[FollowUpStatus | None, str] = {
    FollowUpStatus.NOT_STARTED: "Inte påbörjad",
    FollowUpStatus.IN_PROGRESS: "Pågår",
    FollowUpStatus.DONE: "Genomförd",
    FollowUpStatus.PARTLY_DONE: "Delvis genomförd",
    FollowUpStatus.NOT_DONE: "Inte genomförd",
    FollowUpStatus.CANCELLED_OR_POSTPONED: "Inställd eller framflyttad",
    None: "Ingen uppgift för perioden",
}
#: What a traffic light means, in plain words (the colour alone never carries the meaning).
LIGHT_WORDS: dict[TrafficLight | None, str] = {
    TrafficLight.GREEN: "Går enligt plan",
    TrafficLight.YELLOW: "Vissa svårigheter",
    TrafficLight.RED: "Stora svårigheter",
    TrafficLight.NOT_ASSESSED: "Inte bedömd",
    None: "Inte bedömd",
}
NO_REASON = "Ingen förklaring har lämnats för perioden."


@dataclass(frozen=True)
class PublishedMeasure:
    """One measure as reported for the period: a row of the page's tables and of the open data."""

    measure_id: int
    title: str
    #: The organisation that answers for the measure (never a person).
    responsible: str
    deadline: str  # ISO "2022-12-31" or ""
    deadline_text: str  # "31 december 2022" or ""
    #: The status code reported for the period ("" when none was), and in plain words.
    status: str
    status_text: str
    #: The latest status reported up to the period (its code), when none was for the period itself.
    latest_status: str
    light: str  # the light's code, or "none" when not reported
    light_text: str  # in plain words: "Går enligt plan"
    target_count: int | None
    target_unit: str
    #: The count achieved so far (cumulative), as reported for the period or the latest before it.
    count_so_far: int | None
    #: "37 av 150 kontroller", "37 av 150 kontroller (rapporterat T1 2023)", or "".
    result_text: str
    comment: str
    overdue: bool
    reported: bool


@dataclass(frozen=True)
class PublishedPromise:
    number: int
    #: Who promises: "Polisen och kommunen lovar att …" (as the agreement prints it; "" when written whole).
    heading: str
    #: The promise as the agreement prints it (``as_written`` respected).
    text: str
    measures: tuple[PublishedMeasure, ...]


@dataclass(frozen=True)
class Count:
    """"4 Pågår": one line of a count table. ``key``: the status or light code ("none": not reported)."""

    label: str
    count: int
    key: str


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str
    organisation: str


@dataclass(frozen=True)
class PublicationContent:
    page_title: str
    agreement_id: int
    agreement_title: str
    municipality: str
    police_area: str
    case_number: str
    period_label: str  # "2022-T2"
    period_name: str  # "Tertial 2 2022"
    period_dates: str  # "1 maj – 31 augusti 2022"
    period_start: str  # ISO
    period_end: str  # ISO
    agreement_dates: str  # "1 januari – 31 december 2022"
    published_on: str  # ISO: the report date the page is made as of
    published_text: str  # "1 september 2022"
    overdue_as_of: str  # "31 augusti 2022": the day "late" is judged on
    overdue_as_of_date: str  # the same day, ISO
    total: int
    done: int
    #: "2 av 7 åtgärder är genomförda." and the like: the summary in sentences.
    summary: tuple[str, ...]
    by_status: tuple[Count, ...]
    by_light: tuple[Count, ...]
    promises: tuple[PublishedPromise, ...]
    #: Late (deadline passed, not done or cancelled) as of ``overdue_as_of``; why: their comment.
    late: tuple[PublishedMeasure, ...]
    #: Expected to be reported for the period but not.
    not_reported: tuple[PublishedMeasure, ...]
    next_steps: str
    #: How the agreement is followed up, as the agreement says it ("Följ med hur det går").
    follow_up_text: str
    #: The parties, by name, in party order.
    parties: tuple[str, ...]
    signatories: tuple[Signatory, ...]
    #: The safety walks' findings as they stood at the period's end ("Från trygghetsvandringarna:
    #: 7 av 9 åtgärdade", as in the follow-up report); None when the agreement's walks found nothing.
    walk_findings: FindingCount | None
    #: The follow-up report published beside the page (its file name) and its fingerprint.
    pdf_file: str
    report_fingerprint: str

    @property
    def measures(self) -> tuple[PublishedMeasure, ...]:
        return tuple(measure for promise in self.promises for measure in promise.measures)

    @property
    def walk_findings_text(self) -> str:
        """"Från trygghetsvandringarna: 7 av 9 åtgärdade." ("" without findings)."""
        return "" if self.walk_findings is None else findings_sentence(self.walk_findings)


def pdf_file_name(period_label: str) -> str:
    """"uppfoljning-2022-T2.pdf": a web-safe name (ASCII, no spaces) for the published report."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in period_label)
    return f"uppfoljning-{safe}.pdf"


def publication_content_from(
    source: ReportSource,
    period: str,
    *,
    today: date,
    report_date: date | None = None,
    next_steps: str = "",
    report_fingerprint: str = "",
) -> PublicationContent:
    """The publication of ``period`` ("2022-T2") as of ``report_date`` (default ``today``), on data
    already read. Raises the services' ValidationError (field "period") for a period the agreement lacks.

    ``report_fingerprint``: the fingerprint of the follow-up report published beside the page.
    """
    day = report_date or today
    summary = source.period_summary(period, today=day)
    snapshot = source.snapshot
    promises = _promises(summary, snapshot)
    measures = [m for p in promises for m in p.measures]
    by_id = {m.measure_id: m for m in measures}
    findings = count_dealt(source.findings, summary.period.end)  # as the follow-up report counts them
    done = sum(1 for m in summary.measures if m.reported is not None and m.reported.status is FollowUpStatus.DONE)
    return PublicationContent(
        page_title=PAGE_TITLE,
        agreement_id=source.facts.agreement.id,
        agreement_title=snapshot.title,
        municipality=snapshot.municipality.strip(),
        police_area=snapshot.police_area.strip(),
        case_number=snapshot.case_number.strip(),
        period_label=summary.period.label,
        period_name=period_rules.describe(summary.period),
        period_dates=date_range(summary.period.start, summary.period.end),
        period_start=summary.period.start.isoformat(),
        period_end=summary.period.end.isoformat(),
        agreement_dates=date_range(snapshot.start_date, snapshot.end_date),
        published_on=day.isoformat(),
        published_text=long_date(day),
        overdue_as_of=long_date(summary.as_of),
        overdue_as_of_date=summary.as_of.isoformat(),
        total=summary.total,
        done=done,
        summary=_summary_sentences(summary, done),
        by_status=tuple(Count(STATUS_WORDS[s], n, s.value if s else NO_LIGHT) for s, n in summary.by_status),
        by_light=tuple(Count(LIGHT_WORDS[light], n, light.value if light else NO_LIGHT)
                       for light, n in summary.by_light),
        promises=promises,
        late=tuple(by_id[m.facts.measure_id] for m in summary.overdue),
        not_reported=tuple(by_id[m.facts.measure_id] for m in summary.missing),
        next_steps=next_steps.strip("\n") if next_steps.strip() else "",
        follow_up_text=snapshot.follow_up_text.strip(),
        parties=tuple(party.organisation.name for party in snapshot.parties),
        signatories=tuple(
            Signatory(s.name, s.title, party.organisation.name) for party in snapshot.parties for s in party.signatories
        ),
        walk_findings=findings if findings.total else None,
        pdf_file=pdf_file_name(summary.period.label),
        report_fingerprint=report_fingerprint,
    )


def _summary_sentences(summary: PeriodSummary, done: int) -> tuple[str, ...]:
    total = summary.total
    if total == 0:
        return ("Överenskommelsen har inga åtgärder ännu.",)
    sentences = [f"{done} av {total} {'åtgärd' if total == 1 else 'åtgärder'} är genomförda."]
    late = len(summary.overdue)
    sentences.append(
        f"{late} {'åtgärd är försenad' if late == 1 else 'åtgärder är försenade'} "
        f"(bedömt per {long_date(summary.as_of)})." if late else "Ingen åtgärd är försenad."
    )
    missing = len(summary.missing)
    if missing:
        sentences.append(f"För {missing} {'åtgärd' if missing == 1 else 'åtgärder'} har ingen uppföljning "
                         "lämnats för perioden.")
    return tuple(sentences)


def _promises(summary: PeriodSummary, snapshot: AgreementSnapshot) -> tuple[PublishedPromise, ...]:
    """The measures in the agreement's order, under the promise they belong to, numbered from 1."""
    promise_of = {measure.id: promise for promise in snapshot.promises for measure in promise.measures}
    wordings = promise_wordings(snapshot)  # the heading and text exactly as the agreement prints them
    groups: list[tuple[str, str, list[PublishedMeasure]]] = []
    last_key: object = None
    for m in summary.measures:  # already in promise order (period_summary keeps the agreement's order)
        promise = promise_of.get(m.facts.measure_id)
        key = promise.id if promise is not None else ("text", m.facts.promise_text)
        if key != last_key:
            if promise is not None:
                groups.append((wordings[promise.id].heading, wordings[promise.id].text, []))
            else:
                groups.append(("", m.facts.promise_text, []))
            last_key = key
        groups[-1][2].append(published_measure(m))
    return tuple(PublishedPromise(number, heading, text, tuple(rows))
                 for number, (heading, text, rows) in enumerate(groups, start=1))


def published_measure(m: MeasureInPeriod) -> PublishedMeasure:
    """One measure's facts for the period: the follow-up report's row (``measure_row``) in plain words."""
    row = measure_row(m, period_counts=False)  # the page heads the figure "Resultat hittills"
    facts = m.facts
    status = m.reported.status if m.reported else None
    light = m.reported.light if m.reported else None
    status_text = STATUS_WORDS[status]
    if status is None and m.standing is not None:
        status_text = f"{status_text} (senast: {STATUS_WORDS[m.standing].lower()})"
    return PublishedMeasure(
        measure_id=facts.measure_id,
        title=facts.title,
        responsible=facts.responsible_name,
        deadline=row.deadline,
        deadline_text=long_date(facts.deadline) if facts.deadline else "",
        status=status.value if status else "",
        status_text=status_text,
        latest_status=m.standing.value if m.standing else "",
        light=row.light,
        light_text=LIGHT_WORDS[light],
        target_count=facts.target_count,
        target_unit=facts.target_unit,
        count_so_far=m.count_so_far,
        result_text=row.target,
        comment=row.comment,
        overdue=m.overdue,
        reported=m.reported is not None,
    )


def parties_text(content: PublicationContent) -> str:
    """"Solna stad och Lokalpolisområde Solna"."""
    return join_words(list(content.parties))


def status_word(status: str) -> str:
    """The domain's word for a status code (the open data's ``status_sv``); "" for none."""
    return swedish(FollowUpStatus(status)) if status else ""
