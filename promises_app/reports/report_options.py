"""What a person chooses when printing a follow-up or an annual report (the report dialog, the CLI).

Plain frozen data, no ReportLab: the content builders read the choices that change what the
report says (sections, grouping, report date, the "Nästa steg" text, whether logos are
included), the renderers the ones that change only how it looks (orientation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Orientation(StrEnum):
    PORTRAIT = "portrait"  # stående
    LANDSCAPE = "landscape"  # liggande


class Grouping(StrEnum):
    """How the follow-up report groups its measure tables."""

    PROMISE = "promise"  # per löfte, in the agreement's order
    FOCUS_AREA = "focus_area"  # per fokusområde, in the agreement's order


class FollowUpSection(StrEnum):
    """The parts of a follow-up report (uppföljningsrapport) for one reporting period."""

    SUMMARY = "summary"  # Sammanfattning: counts, chart, overdue, missing
    MEASURES = "measures"  # the measures as reported for the period, per promise
    MOVED = "moved"  # Ändrat sedan undertecknandet
    INDICATORS = "indicators"  # Indikatorer
    NEXT_STEPS = "next_steps"  # Nästa steg (only printed when a text is given)


class AnnualSection(StrEnum):
    """The parts of an annual (final) report over every period of the agreement."""

    SUMMARY = "summary"  # counts per period and a chart
    MATRIX = "matrix"  # status per measure and period
    COMPLETED = "completed"  # Genomfört
    CARRY_OVER = "carry_over"  # Förs över till nästa år
    MOVED = "moved"  # Ändrat sedan undertecknandet
    INDICATORS = "indicators"  # Indikatorer
    NEXT_STEPS = "next_steps"  # Nästa steg


@dataclass(frozen=True)
class ReportOptions:
    """Choices common to both reports."""

    orientation: Orientation = Orientation.PORTRAIT
    #: The parties' logos in the page header (as in the signed agreement).
    logos: bool = True
    #: The day the report is made "as of" and dated (None: today).
    report_date: date | None = None
    #: "Nästa steg", typed in the report dialog (``--next-steps``); printed when not blank.
    next_steps: str = ""

    @property
    def landscape(self) -> bool:
        return self.orientation is Orientation.LANDSCAPE

    def report_day(self, today: date) -> date:
        return self.report_date or today


@dataclass(frozen=True)
class FollowUpOptions(ReportOptions):
    sections: frozenset[FollowUpSection] = field(default_factory=lambda: frozenset(FollowUpSection))
    group_by: Grouping = Grouping.PROMISE
    #: A counted measure's row says "hittills X av Y" and "denna period Z" (docs/counts.md). False
    #: only for a report adopted before that was printed, made again with the choices kept with it
    #: (reports/adopted_document.py), so its content and hash stay what they were.
    period_counts: bool = True


@dataclass(frozen=True)
class AnnualOptions(ReportOptions):
    #: The status matrix has one column per period: landscape gives it room.
    orientation: Orientation = Orientation.LANDSCAPE
    sections: frozenset[AnnualSection] = field(default_factory=lambda: frozenset(AnnualSection))
    #: The calendar year reported on (``--year``); None: the report day's year while the agreement
    #: runs, the whole agreement once it has ended (reports/annual_content.py, ``report_scope``).
    year: int | None = None
