"""What a follow-up report (uppföljningsrapport) for one reporting period says, as plain data.

The builder half of the report (docs/style.md, Reports): ``build_followup_content`` reads
everything it needs in one read transaction (``services.reports.source``,
services/report_source.py) and ``followup_content_from`` turns that into a ``FollowUpContent``
whose every string is final printed Swedish text; the renderer (``followup_pdf``) only lays it
out. No ReportLab here, and no database after the one read.

Every number comes from the one computation behind the window's overview too,
``services.follow_ups.period_summary`` (domain/period_summary.py), so screen and paper never
disagree: the statuses, lights, counts and comments as reported FOR the period (never a
later period's), overdue judged on the period's report day (``PeriodSummary.as_of``), the
measures missing a follow-up, and what moved since signing.

``fingerprint`` is the first 12 hex characters of the SHA-256 of the content's canonical
JSON (everything but the fingerprint), printed in the footer so a page can be matched to
the data it was made from. The logos enter it by their SHA-256 (``canonical_json``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from promises_app.domain import periods as period_rules
from promises_app.domain.counts import CountSource
from promises_app.domain.enums import FollowUpStatus, ReportingScheme, TrafficLight
from promises_app.domain.findings import count_dealt, findings_sentence
from promises_app.domain.indicators import Sex, Verdict, period_sort_key, trend
from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.period_summary import LIGHT_ORDER, MeasureInPeriod, PeriodSummary
from promises_app.domain.snapshot import AgreementSnapshot
from promises_app.domain.vocabulary import swedish
from promises_app.reports.agreement_content import place_facts, promise_wordings
from promises_app.reports.formatting import date_range, log_footer, long_date
from promises_app.reports.report_options import FollowUpOptions, FollowUpSection, Grouping

if TYPE_CHECKING:  # the builder only needs the services' public methods and the data they return
    from _typeshed import DataclassInstance

    from promises_app.services import Services
    from promises_app.services.records import AgreementIndicatorRecord
    from promises_app.services.report_source import ReportSource

KIND = "Uppföljningsrapport"
NOT_REPORTED = "Ej rapporterad"
#: A running period's measure not reported on yet: not due until the period has ended (the annual
#: report's running period).
NOT_DUE_KEY = "not_due"
NO_FOCUS_AREA = "Utan fokusområde"

HEADING_SUMMARY = "Sammanfattning"
HEADING_BY_STATUS = "Status"
HEADING_BY_LIGHT = "Trafikljus"
HEADING_CHART = "Status och trafikljus"
HEADING_OVERDUE = "Försenade åtgärder"
HEADING_MISSING = "Åtgärder som saknar uppföljning för perioden"
HEADING_MEASURES = "Åtgärderna under perioden"
HEADING_MOVED = "Ändrat sedan undertecknandet"
HEADING_INDICATORS = "Indikatorer"
HEADING_NEXT_STEPS = "Nästa steg"

COUNT_COLUMNS = ("Antal",)
TOTAL = "Totalt"
#: The measure tables' columns, as printed.
MEASURE_COLUMNS = ("Åtgärd", "Ansvarig", "Klart senast", "Mål mot utfall", "Status", "Trafikljus", "Kommentar")
#: The overdue and missing lists' columns.
LIST_COLUMNS = ("Åtgärd", "Ansvarig", "Klart senast", "Senast rapporterat")
CHANGE_COLUMNS = ("Åtgärd", "Ansvarig", "Ändring", "Vid undertecknandet", "Nu")
OVERDUE_MARK = "Försenad"

#: The key a light is known by in the content (and coloured by in the renderer): its code,
#: or "none" for a measure not reported for the period.
NO_LIGHT = "none"


def light_key(light: TrafficLight | None) -> str:
    return light.value if light is not None else NO_LIGHT


def light_word(light: TrafficLight | None) -> str:
    return swedish(light) if light is not None else NOT_REPORTED


def status_word(status: FollowUpStatus | None) -> str:
    return swedish(status) if status is not None else NOT_REPORTED


# --- the content ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CountRow:
    """One line of a count table: "Pågående 4". ``key``: the status or light code ("none": not reported)."""

    label: str
    count: int
    key: str


@dataclass(frozen=True)
class BarSeries:
    """One colour of a stacked bar chart: a light (``key``) and its count per category."""

    label: str
    key: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class BarChartData:
    categories: tuple[str, ...]
    series: tuple[BarSeries, ...]
    #: What the value axis counts ("Antal åtgärder").
    value_label: str = "Antal åtgärder"


@dataclass(frozen=True)
class MeasureRow:
    """One measure as reported for the period: one row of a measure table."""

    measure_id: int
    title: str
    responsible: str
    deadline: str  # "2022-12-31" or ""
    target: str  # "hittills 2 av 4 trygghetsvandringar" (before: "2 av 4 trygghetsvandringar") or ""
    status: str
    light: str  # light_key
    light_text: str
    comment: str
    overdue: bool
    #: "denna period 2 (från loggade tillfällen)" for a counted measure ("" in a report made before
    #: the period figure was printed: an adopted one made again, ``FollowUpOptions.period_counts``).
    this_period: str = ""


@dataclass(frozen=True)
class MeasureGroup:
    """The measures under one promise (or focus area). ``heading``: "Polisen och kommunen lovar att …";
    ``title``: the promise as the agreement prints it (reports/agreement_content.promise_wordings)."""

    heading: str
    title: str
    rows: tuple[MeasureRow, ...]


@dataclass(frozen=True)
class ListedMeasure:
    """A measure in a short list (overdue, missing, completed, carried over)."""

    title: str
    responsible: str
    deadline: str
    status: str
    light: str = NO_LIGHT
    note: str = ""


@dataclass(frozen=True)
class ChangeRow:
    """Planned at signing against now, for one measure and one thing that changed."""

    title: str
    responsible: str
    change: str  # "Klart senast", "Mål", "Tillagd efter undertecknandet", …
    planned: str
    now: str


@dataclass(frozen=True)
class IndicatorPoint:
    label: str  # "2022-T1", "2021"
    value: float | None
    text: str  # "57 %", "–"


@dataclass(frozen=True)
class IndicatorItem:
    """One indicator (the lägesbild in numbers): its values over the periods, baseline, target and trend."""

    name: str
    unit: str
    source: str
    direction: str  # "Lägre är bättre" / "Högre är bättre"
    area: str
    baseline: str  # "57 % (2021)" or ""
    target: str  # "67 %" or the target in words, or ""
    trend: str  # "Bättre: 57 % (2021) → 67 % (2022-T2). Målet är nått." or ""
    baseline_value: float | None
    target_value: float | None
    #: The totals in period order (what the chart draws).
    points: tuple[IndicatorPoint, ...]
    #: The table: its periods, then one row per series ("Totalt", and "Kvinnor"/"Män" when split by sex).
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class FollowUpContent:
    agreement_id: int
    agreement_title: str
    kind: str
    heading: str  # "Uppföljning Tertial 2 2022"
    period_label: str  # "2022-T2"
    period_dates: str  # "1 maj – 31 augusti 2022"
    report_date: str  # "2022-09-01": the date the footer prints
    #: The facts under the heading: (label, value), e.g. ("Rapportdatum", "1 september 2022").
    facts: tuple[tuple[str, str], ...]
    #: Which sections are printed (FollowUpSection values, in print order).
    sections: tuple[str, ...]
    total: int
    by_status: tuple[CountRow, ...]
    by_light: tuple[CountRow, ...]
    chart: BarChartData
    #: As of ``overdue_as_of`` (the period's report day).
    overdue_as_of: str
    overdue: tuple[ListedMeasure, ...]
    missing: tuple[ListedMeasure, ...]
    groups: tuple[MeasureGroup, ...]
    moved: tuple[ChangeRow, ...]
    indicators: tuple[IndicatorItem, ...]
    next_steps: str
    #: The parties' logos for the header (PNG bytes as stored), in party order; () without logos.
    logos: tuple[bytes, ...]
    #: "Från trygghetsvandringarna: 7 av 9 åtgärdade." as of the period's end; "" without findings.
    walk_findings: str = field(default="")
    fingerprint: str = field(default="")
    #: The change log's head the report carries (domain/log_anchor.py); not part of the content.
    log_anchor: LogAnchor | None = field(default=None)

    def has(self, section: FollowUpSection) -> bool:
        return section.value in self.sections


_Content = TypeVar("_Content", bound="DataclassInstance")
_Coded = TypeVar("_Coded", bound=StrEnum)


# --- fingerprint ------------------------------------------------------------------------------
#: Fields added after reports were adopted and kept: left out of the canonical JSON while empty
#: (at any depth: ``this_period`` is a measure row's), so a report adopted before (whose hash was
#: taken without them) still matches its data.
_OMITTED_WHEN_EMPTY = frozenset({"walk_findings", "this_period"})


def canonical_json(content: DataclassInstance) -> str:
    """A content dataclass (without its fingerprint) as canonical JSON: the fingerprint's input.

    Bytes (the logos) stand in it as their SHA-256, so the fingerprint follows every pixel of a
    logo without the picture being encoded into text for it.
    """
    data = {name: value for name, value in _plain(content).items() if name not in ("fingerprint", "log_anchor")}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_bytes_digest)


def _plain(value: object) -> Any:
    """``value`` as JSON-like data, as ``dataclasses.asdict`` gives it but without copying each leaf
    (a report of 10 000 measures has 300 000 of them); tuples become lists, as in JSON."""
    if is_dataclass(value) and not isinstance(value, type):
        return {
            item.name: _plain(getattr(value, item.name)) for item in fields(value)
            if not (item.name in _OMITTED_WHEN_EMPTY and not getattr(value, item.name))
        }
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _bytes_digest(value: object) -> str:
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    raise TypeError(f"{type(value).__name__} has no place in a report's content")


def compute_fingerprint(content: DataclassInstance) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()[:12]


def with_fingerprint(content: _Content) -> _Content:
    return replace(content, fingerprint=compute_fingerprint(content))


def footer_text(report_date: str, fingerprint: str, log_anchor: LogAnchor | None = None) -> str:
    """What follows "Sida X av Y · " in a report's footer (with the log's head, when it has one)."""
    return f"Rapportdatum {report_date} · Fingeravtryck {fingerprint}" + log_footer(log_anchor)


# --- the builder ------------------------------------------------------------------------------
def build_followup_content(
    services: Services, agreement_id: int, period: str, *, today: date, options: FollowUpOptions
) -> FollowUpContent:
    """The follow-up report of ``period`` ("2022-T2") as of the report date (``options`` or ``today``),
    from one read transaction.

    Raises the services' ValidationError (field "period", a Swedish message naming the
    period and the agreement's first and last period) for a period the agreement lacks.
    """
    source = services.reports.source(
        agreement_id, logos=options.logos, indicators=FollowUpSection.INDICATORS in options.sections
    )
    return followup_content_from(source, period, today=today, options=options)


def followup_content_from(
    source: ReportSource, period: str, *, today: date, options: FollowUpOptions
) -> FollowUpContent:
    """``build_followup_content`` on data already read: no database."""
    day = options.report_day(today)
    summary = source.period_summary(period, today=day)
    snapshot = source.snapshot
    sections = tuple(s.value for s in FollowUpSection if s in options.sections)
    wanted = set(sections)
    next_steps = options.next_steps.strip("\n") if options.next_steps.strip() else ""
    if not next_steps:
        sections = tuple(s for s in sections if s != FollowUpSection.NEXT_STEPS.value)
    content = FollowUpContent(
        agreement_id=source.facts.agreement.id,
        agreement_title=snapshot.title,
        kind=KIND,
        heading=f"Uppföljning {period_rules.describe(summary.period)}",
        period_label=summary.period.label,
        period_dates=date_range(summary.period.start, summary.period.end),
        report_date=day.isoformat(),
        facts=(
            ("Period", _period_fact(summary.period)),
            ("Rapportdatum", long_date(day)),
            ("Försenat bedöms per", long_date(summary.as_of)),
            ("Överenskommelsen gäller", date_range(snapshot.start_date, snapshot.end_date)),
            *place_facts(snapshot),
            ("Antal åtgärder", str(summary.total)),
        ),
        sections=sections,
        total=summary.total,
        by_status=count_rows(summary.by_status, status_word),
        by_light=count_rows(summary.by_light, light_word),
        chart=status_light_chart(summary),
        overdue_as_of=long_date(summary.as_of),
        overdue=tuple(listed(m) for m in summary.overdue) if "summary" in wanted else (),
        missing=tuple(listed(m) for m in summary.missing) if "summary" in wanted else (),
        groups=measure_groups(summary, snapshot, options.group_by, period_counts=options.period_counts)
        if "measures" in wanted
        else (),
        moved=moved_rows(summary.measures, source.first_signed) if "moved" in wanted else (),
        indicators=indicator_items(source.indicators, until=summary.period.end)
        if "indicators" in wanted
        else (),
        next_steps=next_steps,
        logos=source.logos if options.logos else (),
        walk_findings=findings_sentence(count_dealt(source.findings, summary.period.end))
        if "summary" in wanted
        else "",
        log_anchor=source.log_anchor,
    )
    return with_fingerprint(content)


def count_rows(
    counts: Iterable[tuple[_Coded | None, int]], word: Callable[[_Coded | None], str]
) -> tuple[CountRow, ...]:
    return tuple(
        CountRow(word(value), count, value.value if value is not None else NO_LIGHT) for value, count in counts
    )


def status_light_chart(summary: PeriodSummary) -> BarChartData:
    """One bar per status reported for the period (as in ``by_status``), split by traffic light."""
    statuses = [status for status, _count in summary.by_status]
    series = []
    for light in LIGHT_ORDER:
        values = tuple(
            sum(
                1
                for m in summary.measures
                if (m.reported.status if m.reported else None) == status
                and (m.reported.light if m.reported else None) == light
            )
            for status in statuses
        )
        if any(values):
            series.append(BarSeries(light_word(light), light_key(light), values))
    return BarChartData(tuple(status_word(s) for s in statuses), tuple(series))


def _period_fact(period: period_rules.Period) -> str:
    """"1 maj – 31 augusti 2022 (2022-T2)"; a whole-period report by its dates alone (its label is
    those dates again, as an ISO interval)."""
    dates = date_range(period.start, period.end)
    return dates if period.scheme is ReportingScheme.WHOLE_PERIOD else f"{dates} ({period.label})"


def iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def target_text(count: int | None, unit: str) -> str:
    return f"{count} {unit}".strip() if count is not None else ""


#: The words around a counted measure's figures (docs/counts.md): the running total, the period's own
#: result, and where that came from.
SO_FAR = "hittills"
THIS_PERIOD = "denna period"
FROM_LOGGED = "från loggade tillfällen"
TYPED_IN = "inskrivet"
SOURCE_WORDS: dict[CountSource, str] = {CountSource.LOGGED: FROM_LOGGED, CountSource.TYPED: TYPED_IN}


def target_against_actual(m: MeasureInPeriod, *, so_far_word: bool = False) -> str:
    """"2 av 4 trygghetsvandringar": the count so far (cumulative, domain/counts.py) against the target;
    with ``so_far_word`` "hittills 2 av 4 trygghetsvandringar". Not set in this period, it is the latest
    total before it, said so: "37 av 150 kontroller (rapporterat T1 2023)", never "– av 150" while 37
    are known."""
    facts = m.facts
    achieved = m.count_so_far
    prefix = f"{SO_FAR} " if so_far_word else ""
    if achieved is None:
        return (f"{prefix}– av {target_text(facts.target_count, facts.target_unit)}"
                if facts.target_count is not None else "")
    text = (f"{achieved} av {target_text(facts.target_count, facts.target_unit)}" if facts.target_count is not None
            else target_text(achieved, facts.target_unit))
    if m.count_earlier is not None:
        text += f" (rapporterat {short_period(m.count_earlier)})"
    return prefix + text


def this_period_text(m: MeasureInPeriod) -> str:
    """"denna period 3 (från loggade tillfällen)", "denna period 2 (inskrivet)", "denna period –";
    "" for a measure that is not counted."""
    if m.facts.target_count is None and m.count_so_far is None:
        return ""
    if m.count_this_period is None:
        return f"{THIS_PERIOD} –"
    source = f" ({SOURCE_WORDS[m.count_source]})" if m.count_source is not None else ""
    return f"{THIS_PERIOD} {m.count_this_period}{source}"


def short_period(label: str) -> str:
    """"2022-T1" → "T1 2022", "2022" → "2022", an ISO interval → "Hela perioden"."""
    lettered = re.fullmatch(r"([0-9]{4})-([A-Z][0-9]+)", label)
    if lettered:
        return f"{lettered.group(2)} {lettered.group(1)}"
    return label if re.fullmatch(r"[0-9]{4}", label) else "Hela perioden"


def reported_status(m: MeasureInPeriod) -> str:
    """The status reported for the period; when none was, the latest one reported before it."""
    if m.reported is not None:
        return swedish(m.reported.status)
    if m.standing is not None:
        return f"{NOT_REPORTED} (senast: {swedish(m.standing)})"
    return NOT_REPORTED


def measure_row(m: MeasureInPeriod, *, period_counts: bool = True) -> MeasureRow:
    """One measure's row; ``period_counts`` False makes it as reports did before they printed
    "hittills" and "denna period" (an adopted report made again with its own choices)."""
    light = m.reported.light if m.reported else None
    return MeasureRow(
        measure_id=m.facts.measure_id,
        title=m.facts.title,
        responsible=m.facts.responsible_name,
        deadline=iso(m.facts.deadline),
        target=target_against_actual(m, so_far_word=period_counts),
        status=reported_status(m),
        light=light_key(light),
        light_text=swedish(light) if light is not None else "–",
        comment=m.reported.comment if m.reported else "",
        overdue=m.overdue,
        this_period=this_period_text(m) if period_counts else "",
    )


def listed(m: MeasureInPeriod) -> ListedMeasure:
    """A measure in the overdue or missing list: its latest status up to the period."""
    return ListedMeasure(
        title=m.facts.title,
        responsible=m.facts.responsible_name,
        deadline=iso(m.facts.deadline),
        status=status_word(m.standing),
    )


def measure_groups(
    summary: PeriodSummary, snapshot: AgreementSnapshot, grouping: Grouping, *, period_counts: bool = True
) -> tuple[MeasureGroup, ...]:
    """The measures in the agreement's order, grouped by promise (or focus area)."""
    if grouping is Grouping.FOCUS_AREA:
        return _by_focus_area(summary.measures, snapshot, period_counts)
    return _by_promise(summary.measures, snapshot, period_counts)


def _by_promise(
    measures: Sequence[MeasureInPeriod], snapshot: AgreementSnapshot, period_counts: bool
) -> tuple[MeasureGroup, ...]:
    promise_of = {measure.id: promise for promise in snapshot.promises for measure in promise.measures}
    wordings = promise_wordings(snapshot)  # the heading and text exactly as the agreement prints them
    groups: list[tuple[str, str, list[MeasureRow]]] = []
    last_key: object = None
    for m in measures:  # already in promise order (period_summary keeps the agreement's order)
        promise = promise_of.get(m.facts.measure_id)
        key = promise.id if promise is not None else ("text", m.facts.promise_text)
        if key != last_key:
            if promise is not None:
                groups.append((wordings[promise.id].heading, wordings[promise.id].text, []))
            else:
                groups.append(("", m.facts.promise_text, []))
            last_key = key
        groups[-1][2].append(measure_row(m, period_counts=period_counts))
    return tuple(MeasureGroup(heading, title, tuple(rows)) for heading, title, rows in groups)


def _by_focus_area(
    measures: Sequence[MeasureInPeriod], snapshot: AgreementSnapshot, period_counts: bool
) -> tuple[MeasureGroup, ...]:
    order = [area.name for area in snapshot.focus_areas]
    grouped: dict[str, list[MeasureRow]] = {}
    for m in measures:
        grouped.setdefault(m.facts.focus_area_name, []).append(measure_row(m, period_counts=period_counts))
    names = [n for n in order if n in grouped] + [n for n in grouped if n not in order and n]
    result = [MeasureGroup("Fokusområde", name, tuple(grouped[name])) for name in names]
    if "" in grouped:
        result.append(MeasureGroup("Fokusområde", NO_FOCUS_AREA, tuple(grouped[""])))
    return tuple(result)


def moved_rows(
    measures: Sequence[MeasureInPeriod], first_signed: AgreementSnapshot | None
) -> tuple[ChangeRow, ...]:
    """Deadlines moved and targets changed since signing, measures added since, and measures removed
    (those in ``first_signed``, the first signed revision, that ``measures`` lacks)."""
    rows = []
    for m in measures:
        facts, planned = m.facts, m.facts.planned
        if m.added_since_signing:
            now = ", ".join(
                filter(None, [target_text(facts.target_count, facts.target_unit), _deadline_text(facts.deadline)])
            )
            rows.append(ChangeRow(facts.title, facts.responsible_name, "Tillagd efter undertecknandet", "–",
                                  now or "–"))
            continue
        if planned is None:
            continue
        if m.deadline_moved:
            rows.append(ChangeRow(facts.title, facts.responsible_name, "Klart senast",
                                  iso(planned.deadline) or "–", iso(facts.deadline) or "–"))
        if m.target_changed:
            rows.append(ChangeRow(facts.title, facts.responsible_name, "Mål",
                                  target_text(planned.target_count, planned.target_unit) or "–",
                                  target_text(facts.target_count, facts.target_unit) or "–"))
    rows.extend(_removed_rows(first_signed, {m.facts.measure_id for m in measures}))
    return tuple(rows)


def _deadline_text(deadline: date | None) -> str:
    return f"klart senast {deadline.isoformat()}" if deadline is not None else ""


def _removed_rows(signed: AgreementSnapshot | None, present: set[int]) -> list[ChangeRow]:
    """Measures in the first signed revision that the agreement no longer has."""
    if signed is None:
        return []
    return [
        ChangeRow(
            measure.title, measure.responsible_name, "Borttagen efter undertecknandet",
            ", ".join(filter(None, [target_text(measure.target_count, measure.target_unit),
                                    _deadline_text(measure.deadline)])) or "–",
            "–",
        )
        for measure in signed.measures
        if measure.id not in present
    ]


# --- indicators ---------------------------------------------------------------------------------
def number_text(value: float, unit: str = "") -> str:
    """Swedish: "1 234,5", and "57 %" for a share in per cent."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",")
    return f"{text} %" if unit.strip() == "%" else text


def indicator_items(links: Iterable[AgreementIndicatorRecord], *, until: date) -> tuple[IndicatorItem, ...]:
    """The indicators the agreement follows (``links``), with the values of periods ending by ``until``.

    The trend (domain/indicators.trend: latest against the baseline, and the target) is judged
    on those values, so a report for 2022-T2 says what was known then.
    """
    items = []
    for link in links:
        indicator = link.indicator
        unit = indicator.unit
        values = [v for v in link.values if period_sort_key(v.period)[0] <= until]
        columns = sorted({v.period for v in values}, key=period_sort_key)
        series: dict[object, dict[str, float]] = {}
        for v in values:
            series.setdefault(v.sex, {})[v.period] = v.value
        totals = series.get(Sex.TOTAL, {})
        verdict = trend(totals.items(), indicator.direction, baseline_period=link.baseline_period,
                        baseline_value=link.baseline_value, target=link.target_value)
        trend_text = ""
        if verdict.verdict is not Verdict.UNKNOWN and verdict.baseline is not None and verdict.latest is not None:
            trend_text = (
                f"{swedish(verdict.verdict)}: {number_text(verdict.baseline, unit)} ({verdict.baseline_period})"
                f" → {number_text(verdict.latest, unit)} ({verdict.latest_period})."
            )
        elif totals:
            trend_text = f"{swedish(Verdict.UNKNOWN)} ännu."
        if verdict.target_reached is not None:
            trend_text = f"{trend_text} {'Målet är nått.' if verdict.target_reached else 'Målet är inte nått.'}"
        baseline_value = link.baseline_value if link.baseline_value is not None else verdict.baseline
        baseline = ""
        if baseline_value is not None:
            when = link.baseline_period or verdict.baseline_period
            baseline = f"{number_text(baseline_value, unit)}" + (f" ({when})" if when else "")
        target = number_text(link.target_value, unit) if link.target_value is not None else ""
        if link.target_text:
            target = f"{target} ({link.target_text})" if target else link.target_text
        rows = tuple(
            (swedish(sex), tuple(number_text(series[sex][p], unit) if p in series[sex] else "–" for p in columns))
            for sex in (Sex.TOTAL, Sex.WOMEN, Sex.MEN)
            if sex in series
        )
        items.append(IndicatorItem(
            name=indicator.name,
            unit=unit,
            source=swedish(indicator.source),
            direction=swedish(indicator.direction),
            area=indicator.area,
            baseline=baseline,
            target=target,
            trend=trend_text.strip(),
            baseline_value=baseline_value,
            target_value=link.target_value,
            points=tuple(IndicatorPoint(p, totals[p], number_text(totals[p], unit))
                         for p in columns if p in totals),
            columns=tuple(columns),
            rows=rows,
        ))
    return tuple(items)
