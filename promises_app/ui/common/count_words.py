"""A counted measure's count as every view says it: "hittills 3 av 12", "denna period 1 (inskrivet)".

The numbers come from the one count rule (domain/counts.py, docs/counts.md); this module only
words them, once, so the follow-up grid and form, the plan, the list of all measures, the
overview and the occurrence log never word the same count differently.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from promises_app.domain.counts import CountSource, PeriodCount
from promises_app.ui.common.formatting import fill


def source_text(source: CountSource | None) -> str:
    """"från loggade tillfällen" / "inskrivet" ("" without a result for the period)."""
    if source is CountSource.LOGGED:
        return QCoreApplication.translate("CountWords", "from logged occurrences")
    if source is CountSource.TYPED:
        return QCoreApplication.translate("CountWords", "typed in")
    return ""


def so_far_text(count: PeriodCount | None, target: int | None, unit: str = "") -> str:
    """"hittills 3 av 12 kontroller"; "hittills – av 12" before anything was counted; "" without a target
    and a count."""
    so_far = count.so_far if count is not None else None
    if target is None:
        if so_far is None:
            return ""
        return fill(QCoreApplication.translate("CountWords", "so far %1 %2"), so_far, unit).rstrip()
    shown = "–" if so_far is None else so_far
    return fill(QCoreApplication.translate("CountWords", "so far %1 of %2 %3"), shown, target, unit).rstrip()


def this_period_text(count: PeriodCount | None, *, with_source: bool = True) -> str:
    """"denna period 1 (från loggade tillfällen)", "denna period 2 (inskrivet)", "denna period –"."""
    if count is None or count.this_period is None:
        return QCoreApplication.translate("CountWords", "this period –")
    text = fill(QCoreApplication.translate("CountWords", "this period %1"), count.this_period)
    source = source_text(count.source) if with_source else ""
    return fill(QCoreApplication.translate("CountWords", "%1 (%2)"), text, source) if source else text


def count_line(count: PeriodCount | None, target: int | None, unit: str = "", *, with_source: bool = True) -> str:
    """"hittills 3 av 12 kontroller, denna period 1 (inskrivet)"; "" for a measure not counted."""
    so_far = so_far_text(count, target, unit)
    if not so_far:
        return ""
    this_period = this_period_text(count, with_source=with_source)
    return fill(QCoreApplication.translate("CountWords", "%1, %2"), so_far, this_period)
