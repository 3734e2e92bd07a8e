"""What the annual (final) report says, as plain data: every reporting period of an agreement side by side.

The builder half (no ReportLab). One read transaction (``services.reports.source``: the
measure facts, the agreement's content, the first signed revision, the indicators, the logos and
the log's head, services/report_source.py) and, per period, the same computation as the
follow-up report and the window's overview (``domain.period_summary.summarise``, which
``services.follow_ups.period_summary`` wraps): each matrix cell is the status and light
reported FOR that period, "–" when nothing was.

* the status matrix: one row per measure (grouped by promise), one column per period;
* counts per period (status, and traffic light as a chart);
* Genomfört: measures whose latest reported status is Genomförd;
* Förs över: every other measure (not done, cancelled or postponed, or never reported): the
  candidates for next year's promises;
* what moved since signing, the indicators' trends, and "Nästa steg".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from promises_app.domain import periods as period_rules
from promises_app.domain.enums import FollowUpStatus
from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.period_summary import (
    LIGHT_ORDER,
    STATUS_ORDER,
    MeasureInPeriod,
    PeriodSummary,
    Reported,
    summarise,
)
from promises_app.domain.snapshot import AgreementSnapshot
from promises_app.domain.validation import FieldError, ValidationError
from promises_app.domain.vocabulary import swedish
from promises_app.reports import followup_content as f
from promises_app.reports.followup_content import (
    NO_LIGHT,
    NOT_DUE_KEY,
    BarChartData,
    BarSeries,
    ChangeRow,
    IndicatorItem,
    ListedMeasure,
    iso,
    light_key,
    light_word,
    place_facts,
    short_period,
    status_word,
    target_against_actual,
    with_fingerprint,
)
from promises_app.reports.formatting import date_range, long_date
from promises_app.reports.report_options import AnnualOptions, AnnualSection, Grouping

if TYPE_CHECKING:
    from promises_app.services import Services
    from promises_app.services.report_source import ReportSource

KIND = "Uppföljningsrapport"
NOT_REPORTED_CELL = "–"

HEADING_SUMMARY = "Sammanfattning per period"
HEADING_CHART = "Trafikljus per period"
HEADING_MATRIX = "Status per åtgärd och period"
HEADING_COMPLETED = "Genomfört"
HEADING_CARRY_OVER = "Förs över till nästa år"
HEADING_MOVED = f.HEADING_MOVED
HEADING_INDICATORS = f.HEADING_INDICATORS
HEADING_NEXT_STEPS = f.HEADING_NEXT_STEPS

MATRIX_LEAD_COLUMNS = ("Åtgärd", "Ansvarig", "Klart senast")
#: The matrix's column of counted results (left out when no measure is counted).
MATRIX_RESULT_COLUMN = "Utfall"
COMPLETED_COLUMNS = ("Åtgärd", "Ansvarig", "Klart senast", "Rapporterad genomförd")
CARRY_OVER_COLUMNS = ("Åtgärd", "Ansvarig", "Klart senast", "Senast rapporterat", "Senaste kommentar")

#: The matrix writes full status words up to this many periods, short ones (with a legend) beyond.
FULL_WORDS_UP_TO = 6
SHORT_STATUS: dict[FollowUpStatus, str] = {
    FollowUpStatus.NOT_STARTED: "Ej påb.",
    FollowUpStatus.IN_PROGRESS: "Pågår",
    FollowUpStatus.DONE: "Klar",
    FollowUpStatus.PARTLY_DONE: "Delvis",
    FollowUpStatus.NOT_DONE: "Ej genomf.",
    FollowUpStatus.CANCELLED_OR_POSTPONED: "Inställd",
}


@dataclass(frozen=True)
class PeriodColumn:
    label: str  # "2022-T1"
    short: str  # "T1 2022"
    name: str  # "Tertial 1 2022"
    dates: str  # "1 januari – 30 april 2022"


@dataclass(frozen=True)
class MatrixCell:
    text: str  # the status word, or "–"
    light: str  # light_key ("none": not reported)
    #: A counted measure's result for the period (domain/counts.py): "denna period 12"; "".
    count: str = ""


@dataclass(frozen=True)
class MatrixRow:
    measure_id: int
    title: str
    responsible: str
    deadline: str
    cells: tuple[MatrixCell, ...]
    #: The count so far at the report's last period, against the target, and that period's own result:
    #: "hittills 37 av 150 kontroller\ndenna period 12 (inskrivet)" (with the period the total was
    #: reported for, if earlier); "" for a measure that is not counted.
    result: str = ""


@dataclass(frozen=True)
class MatrixGroup:
    heading: str
    title: str
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class CountLine:
    """One status (or "Ej rapporterad", or "Totalt") with its count in each period."""

    label: str
    key: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class AnnualContent:
    agreement_id: int
    agreement_title: str
    kind: str
    heading: str  # "Årsrapport 2022" / "Slutrapport 2018–2022"
    report_date: str  # ISO, for the footer
    facts: tuple[tuple[str, str], ...]
    sections: tuple[str, ...]
    periods: tuple[PeriodColumn, ...]
    total: int
    status_counts: tuple[CountLine, ...]
    chart: BarChartData
    matrix: tuple[MatrixGroup, ...]
    #: "Klar = Genomförd, …" when the matrix uses short words; "" otherwise.
    matrix_legend: str
    completed: tuple[ListedMeasure, ...]
    carry_over: tuple[ListedMeasure, ...]
    moved: tuple[ChangeRow, ...]
    indicators: tuple[IndicatorItem, ...]
    next_steps: str
    #: The parties' logos for the header (PNG bytes as stored), in party order; () without logos.
    logos: tuple[bytes, ...]
    fingerprint: str = field(default="")
    #: The change log's head the report carries (domain/log_anchor.py); not part of the content.
    log_anchor: LogAnchor | None = field(default=None)

    def has(self, section: AnnualSection) -> bool:
        return section.value in self.sections


#: A running period's cell for a measure not yet reported on: not due until the period has ended.
NOT_DUE_CELL = "ej ännu"
NOT_DUE = "Ej ännu rapporterad (perioden pågår)"
#: Shorter than this, an agreement (one summer, say) is reported on by its dates, never as a year.
WHOLE_YEAR_DAYS = 360


@dataclass(frozen=True)
class ReportScope:
    """What an annual report covers: its heading, the periods shown (those that have begun by the
    report day), and the one among them still running (its unreported measures are not yet due)."""

    heading: str
    covers: str  # "2023", or the agreement's dates
    periods: tuple[period_rules.Period, ...]
    running: period_rules.Period | None


def report_scope(
    periods: tuple[period_rules.Period, ...], start: date, end: date, day: date, year: int | None
) -> ReportScope:
    """The report's scope (``periods``: the agreement's, in order; ``day``: the report day).

    - ``year`` given: "Årsrapport 2023", the periods of that calendar year.
    - An agreement of a year or more that runs past the report day: "Årsrapport" of the report
      day's year (a report in the middle of a two-year agreement is not its final report).
    - One that has ended: "Årsrapport 2022" if it kept to one calendar year, "Slutrapport
      2018–2020" over all its periods if it did not.
    - One shorter than a year (one summer): by its dates, "Slutrapport 1 juni – 31 augusti 2025"
      once ended, "Lägesrapport …" before.
    """
    years = range(start.year, end.year + 1)
    if year is not None and year not in years:
        raise ValidationError([FieldError(
            "year", f"Året {year} ligger utanför överenskommelsen, som gäller {date_range(start, end)}: "
            f"välj ett år från {years[0]} till {years[-1]}.",
        )])
    ended = day >= end
    if (end - start).days + 1 < WHOLE_YEAR_DAYS:
        covers = date_range(start, end)
        heading = f"{'Slutrapport' if ended else 'Lägesrapport'} {covers}"
        chosen = periods
    elif year is None and ended:
        covers = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        heading = f"Årsrapport {covers}" if start.year == end.year else f"Slutrapport {covers}"
        chosen = periods
    else:
        if year is None:
            year = min(max(day.year, start.year), end.year)
        first, last = date(year, 1, 1), date(year, 12, 31)
        heading, covers = f"Årsrapport {year}", str(year)
        chosen = tuple(p for p in periods if p.start <= last and p.end >= first)
    begun = tuple(p for p in chosen if p.start <= day) or chosen[:1]
    running = begun[-1] if day < begun[-1].end else None
    return ReportScope(heading, covers, begun, running)


def build_annual_content(
    services: Services, agreement_id: int, *, today: date, options: AnnualOptions
) -> AnnualContent:
    """The annual report of an agreement as of the report date (``options`` or ``today``), from one
    read transaction."""
    source = services.reports.source(
        agreement_id, logos=options.logos, indicators=AnnualSection.INDICATORS in options.sections
    )
    return annual_content_from(source, today=today, options=options)


def annual_content_from(source: ReportSource, *, today: date, options: AnnualOptions) -> AnnualContent:
    """``build_annual_content`` on data already read: no database."""
    day = options.report_day(today)
    facts = source.facts
    agreement = facts.agreement
    scope = report_scope(facts.periods, agreement.start_date, agreement.end_date, day, options.year)
    summaries = [summarise(p, facts.periods, facts.measures, today=day, signed=facts.signed) for p in scope.periods]
    last = summaries[-1]
    snapshot = source.snapshot
    sections = tuple(s.value for s in AnnualSection if s in options.sections)
    next_steps = options.next_steps.strip("\n") if options.next_steps.strip() else ""
    if not next_steps:
        sections = tuple(s for s in sections if s != AnnualSection.NEXT_STEPS.value)
    wanted = set(sections)
    full_words = len(summaries) <= FULL_WORDS_UP_TO
    completed = [m for m in last.measures if m.standing is FollowUpStatus.DONE]
    carried = [m for m in last.measures if m.standing is not FollowUpStatus.DONE]
    content = AnnualContent(
        agreement_id=agreement.id,
        agreement_title=agreement.title,
        kind=KIND,
        heading=scope.heading,
        report_date=day.isoformat(),
        facts=(
            ("Överenskommelsen gäller", date_range(agreement.start_date, agreement.end_date)),
            ("Rapporten gäller", scope.covers),
            *place_facts(snapshot),
            ("Uppföljningsperioder", _periods_text(scope.periods)),
            ("Rapportdatum", long_date(day)),
            ("Antal åtgärder", str(last.total)),
            ("Genomförda", str(len(completed))),
            ("Förs över", str(len(carried))),
        ),
        sections=sections,
        periods=tuple(
            PeriodColumn(p.label, short_period(p.label) + (" (pågår)" if p == scope.running else ""),
                         period_rules.describe(p), date_range(p.start, p.end))
            for p in scope.periods
        ),
        total=last.total,
        status_counts=status_counts(summaries, scope.running),
        chart=light_chart(summaries, scope.running),
        matrix=matrix_groups(summaries, snapshot, full_words=full_words, running=scope.running)
        if "matrix" in wanted
        else (),
        matrix_legend="" if full_words else "Förkortningar: " + ", ".join(
            f"{short} = {swedish(status)}" for status, short in SHORT_STATUS.items()
        ) + f", {NOT_REPORTED_CELL} = {f.NOT_REPORTED}.",
        completed=tuple(_completed(m, summaries) for m in completed) if "completed" in wanted else (),
        carry_over=tuple(_carried(m, summaries) for m in carried) if "carry_over" in wanted else (),
        moved=f.moved_rows(last.measures, source.first_signed) if "moved" in wanted else (),
        indicators=f.indicator_items(source.indicators, until=agreement.end_date)
        if "indicators" in wanted
        else (),
        next_steps=next_steps,
        logos=source.logos if options.logos else (),
        log_anchor=source.log_anchor,
    )
    return with_fingerprint(content)


def _periods_text(periods: tuple[period_rules.Period, ...]) -> str:
    scheme = swedish(periods[0].scheme)
    if len(periods) == 1:
        return f"{scheme}, en period ({period_rules.describe(periods[0])})"
    return f"{scheme}, {len(periods)} perioder ({periods[0].label} – {periods[-1].label})"


def status_counts(summaries: list[PeriodSummary], running: period_rules.Period | None = None) -> tuple[CountLine, ...]:
    """Per status (those reported in any period, in the usual order), its count in each period.
    In a period still running, measures not reported on yet are not due: counted on a line of their
    own, not as "Ej rapporterad"."""
    per_period = [dict(s.by_status) for s in summaries]
    not_due = [counts.pop(None, 0) if summary.period == running else 0
               for summary, counts in zip(summaries, per_period, strict=True)]
    lines = [
        CountLine(status_word(status), status.value if status is not None else NO_LIGHT,
                  tuple(counts.get(status, 0) for counts in per_period))
        for status in STATUS_ORDER
        if any(status in counts for counts in per_period)
    ]
    if any(not_due):
        lines.append(CountLine(NOT_DUE, NOT_DUE_KEY, tuple(not_due)))
    lines.append(CountLine(f.TOTAL, "total", tuple(s.total for s in summaries)))
    return tuple(lines)


def light_chart(summaries: list[PeriodSummary], running: period_rules.Period | None = None) -> BarChartData:
    """Per period, how many measures have each light; in a period still running, those not reported
    on yet are a bar part of their own (not yet due)."""
    per_period = [dict(s.by_light) for s in summaries]
    not_due = [counts.pop(None, 0) if summary.period == running else 0
               for summary, counts in zip(summaries, per_period, strict=True)]
    series = tuple(
        BarSeries(light_word(light), light_key(light), tuple(counts.get(light, 0) for counts in per_period))
        for light in LIGHT_ORDER
        if any(light in counts for counts in per_period)
    )
    if any(not_due):
        series += (BarSeries("Ej ännu rapporterad", NOT_DUE_KEY, tuple(not_due)),)
    return BarChartData(tuple(short_period(s.period.label) for s in summaries), series)


def _cell(m: MeasureInPeriod, *, full_words: bool, due: bool = True) -> MatrixCell:
    if m.reported is None:
        return MatrixCell(NOT_REPORTED_CELL if due else NOT_DUE_CELL, NO_LIGHT)
    word = swedish(m.reported.status) if full_words else SHORT_STATUS[m.reported.status]
    # The period's own result by the one count rule (domain/counts.py); the running total is the
    # result column's.
    counted = m.count_this_period
    count = f"{f.THIS_PERIOD} {counted}" if counted is not None and m.count_source is not None else ""
    return MatrixCell(word, light_key(m.reported.light), count)


def matrix_groups(
    summaries: list[PeriodSummary], snapshot: AgreementSnapshot, *, full_words: bool,
    running: period_rules.Period | None = None,
) -> tuple[MatrixGroup, ...]:
    """The status matrix, grouped by promise like the follow-up report's measure tables."""
    last = summaries[-1]
    # The follow-up report's grouping of the last period gives the groups and their order.
    groups = f.measure_groups(last, snapshot, Grouping.PROMISE)
    by_id = {}
    for index, m in enumerate(last.measures):
        by_id[m.facts.measure_id] = MatrixRow(
            measure_id=m.facts.measure_id,
            title=m.facts.title,
            responsible=m.facts.responsible_name,
            deadline=iso(m.facts.deadline),
            cells=tuple(_cell(s.measures[index], full_words=full_words, due=s.period != running)
                        for s in summaries),
            result="\n".join(filter(None, (target_against_actual(m, so_far_word=True), f.this_period_text(m))))
            if m.facts.target_count is not None or m.count_so_far is not None
            else "",
        )
    return tuple(
        MatrixGroup(group.heading, group.title, tuple(by_id[row.measure_id] for row in group.rows))
        for group in groups
    )


def _latest_reported(m: MeasureInPeriod, summaries: list[PeriodSummary]) -> tuple[str, Reported | None]:
    """The label of the last period with a follow-up for the measure, and that follow-up."""
    for summary in reversed(summaries):
        reported = m.facts.follow_ups.get(summary.period.label)
        if reported is not None:
            return summary.period.label, reported
    return "", None


def _completed(m: MeasureInPeriod, summaries: list[PeriodSummary]) -> ListedMeasure:
    label, reported = _latest_reported(m, summaries)
    return ListedMeasure(
        title=m.facts.title,
        responsible=m.facts.responsible_name,
        deadline=iso(m.facts.deadline),
        status=short_period(label) if label else "",
        light=light_key(reported.light if reported else None),
    )


def _carried(m: MeasureInPeriod, summaries: list[PeriodSummary]) -> ListedMeasure:
    label, reported = _latest_reported(m, summaries)
    status = f"{status_word(m.standing)} ({short_period(label)})" if label else f.NOT_REPORTED
    return ListedMeasure(
        title=m.facts.title,
        responsible=m.facts.responsible_name,
        deadline=iso(m.facts.deadline),
        status=status,
        light=light_key(reported.light if reported else None),
        note=reported.comment if reported else "",
    )
