"""The benchmark's arithmetic and its one table: medians, percentiles, growth, targets.

Pure Python (no Qt, no database), so the rules that decide "holds: yes/no" are tested.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0–100), linear between the two nearest ranks (NumPy's default)."""
    if not values:
        raise ValueError("no values")
    if not 0 <= p <= 100:
        raise ValueError("p must be within 0..100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def growth_per_10x(cost_small: float, cost_big: float, size_small: float, size_big: float) -> float:
    """How much a cost multiplies when the data grows tenfold, from two measured points.

    ``(cost_big / cost_small) ** (1 / log10(size_big / size_small))``: 1.0 means no growth,
    10.0 means linear growth. Raises ValueError unless both sizes and costs are positive and
    the sizes differ.
    """
    if min(cost_small, cost_big, size_small, size_big) <= 0 or size_big == size_small:
        raise ValueError("growth needs two different positive sizes and positive costs")
    return (cost_big / cost_small) ** (1 / math.log10(size_big / size_small))


@dataclass(frozen=True)
class Figure:
    """One line of the table. ``holds`` is None for a figure without a target (or not measured)."""

    name: str
    value: str
    target: str = "–"
    holds: bool | None = None
    note: str = ""

    @property
    def holds_text(self) -> str:
        return {True: "yes", False: "no", None: "–"}[self.holds]


def at_most(value: float | None, limit: float) -> bool | None:
    """The target rule: the value is at most the limit (None when not measured)."""
    return None if value is None else value <= limit


def seconds(value: float | None) -> str:
    if value is None:
        return "not measured"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def millis(value: float | None) -> str:
    return "not measured" if value is None else f"{value * 1000:.1f} ms"


def ratio(value: float | None) -> str:
    return "not measured" if value is None else f"{value:.2f}×"


def render_table(figures: Sequence[Figure]) -> list[str]:
    """The figures as a Markdown table (readable as plain text too); notes in the last column."""
    header = ("Figure", "Value", "Target", "Holds", "Note")
    rows = [(f.name, f.value, f.target, f.holds_text, f.note) for f in figures]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *(line(r) for r in rows)]
