"""The bundled fonts' advance widths, for measuring text (the documents' column widths).

The Typst documents measure words in Python to choose their column widths (``page_layout``).
Reading a TrueType file with ReportLab to learn its widths takes about 45 ms a face, a good part
of an agreement PDF's time; the widths are therefore kept in ``resources/fonts/metrics.json``,
read in a few milliseconds. That file is made from the TTF files themselves with ReportLab
(``python -m promises_app.reports.font_metrics``); a test makes it again and compares, so it
cannot drift from the fonts it describes (docs/performance.md, "Documents").

Widths are in font units; a width in points is ``units * size / units_per_em``, exactly what
ReportLab's ``stringWidth`` gives for the same face.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

from promises_app.paths import resource
from promises_app.reports.fonts import BOLD, FILES, REGULAR

METRICS_FILE = "metrics.json"
#: The faces the documents measure with (the oblique face draws nothing in a Typst document).
MEASURED = (REGULAR, BOLD)


@dataclass(frozen=True)
class FaceMetrics:
    units_per_em: int
    ascent: int
    descent: int  # negative: below the baseline
    default: int  # the width of a character the face has no glyph for
    widths: dict[int, int]  # code point -> advance width, in font units

    def text_width(self, text: str, size: float) -> float:
        get, default = self.widths.get, self.default
        return sum(get(ord(ch), default) for ch in text) * size / self.units_per_em


class MeasuringFont:
    """A face for ReportLab's graphics that measures but cannot be embedded: what the charts need.

    The charts are drawn as SVG for the Typst documents (``charts``, ``document_data.chart_file``):
    Typst draws their text with the bundled fonts, ReportLab only measures it (label widths,
    centred and right-aligned text, the legend's ascent). It is registered under its own name
    (``CHART_FACES``), so a PDF that ReportLab draws itself (a legacy agreement) still embeds the
    real TrueType face registered by ``fonts.register_fonts``.
    """

    _dynamicFont = 0  # noqa: N815  (ReportLab reads these names)
    _multiByte = 0  # noqa: N815

    def __init__(self, name: str, metrics: FaceMetrics) -> None:
        self.fontName = self.name = name
        self.metrics = metrics
        self.face = self  # ReportLab reads ``font.face.ascent`` (legends)
        self.ascent = metrics.ascent * 1000 / metrics.units_per_em
        self.descent = metrics.descent * 1000 / metrics.units_per_em

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:  # noqa: N802  (ReportLab's name)
        return self.metrics.text_width(text, size)


#: The charts' names for the measured faces: what their SVG gives as the text's font family.
CHART_FACES = {REGULAR: "DejaVu Sans", BOLD: "DejaVu Sans Bold"}


def register_for_measuring() -> None:
    """Make the ``CHART_FACES`` known to ReportLab's graphics (for the charts), from the stored metrics."""
    from reportlab.pdfbase import pdfmetrics

    registered = set(pdfmetrics.getRegisteredFontNames())
    for face, name in CHART_FACES.items():
        if name not in registered:
            pdfmetrics.registerFont(MeasuringFont(name, _faces()[face]))


def text_width(text: str, face: str, size: float) -> float:
    """The width in points of ``text`` set in ``face`` (``fonts.REGULAR`` or ``fonts.BOLD``) at ``size``."""
    return _faces()[face].text_width(text, size)


@cache
def _faces() -> dict[str, FaceMetrics]:
    stored = json.loads(resource("fonts", METRICS_FILE).read_text(encoding="utf-8"))
    return {name: _from_json(face) for name, face in stored["faces"].items()}


def _from_json(face: dict[str, Any]) -> FaceMetrics:
    widths: dict[int, int] = {}
    for start, run in face["runs"]:  # consecutive code points share one entry
        widths.update(zip(range(start, start + len(run)), run, strict=True))
    return FaceMetrics(face["units_per_em"], face["ascent"], face["descent"], face["default"], widths)


def extract() -> dict[str, Any]:
    """The metrics file's content, read from the TTF files with ReportLab (what the stored file must equal)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    faces: dict[str, Any] = {}
    for name in MEASURED:
        font = TTFontFile(str(resource("fonts", FILES[name])))
        per_em = font.unitsPerEm
        units = {code: round(width * per_em / 1000) for code, width in font.charWidths.items()}
        runs: list[list[Any]] = []
        for code in sorted(units):
            if runs and runs[-1][0] + len(runs[-1][1]) == code:
                runs[-1][1].append(units[code])
            else:
                runs.append([code, [units[code]]])
        faces[name] = {"file": FILES[name], "units_per_em": per_em,
                       "ascent": round(font.ascent * per_em / 1000), "descent": round(font.descent * per_em / 1000),
                       "default": round(font.defaultWidth * per_em / 1000), "runs": runs}
    return {"about": "Advance widths of the bundled fonts, made by promises_app/reports/font_metrics.py",
            "faces": faces}


if __name__ == "__main__":  # python -m promises_app.reports.font_metrics: write the metrics file anew
    target = resource("fonts", METRICS_FILE)
    target.write_text(json.dumps(extract(), separators=(",", ":")) + "\n", encoding="utf-8")
    sys.stdout.write(f"{target}\n")
