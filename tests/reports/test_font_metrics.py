"""The stored font widths (resources/fonts/metrics.json) are the fonts' own, as ReportLab reads them."""

from __future__ import annotations

import json

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from promises_app.paths import resource
from promises_app.reports import fonts
from promises_app.reports.font_metrics import MEASURED, METRICS_FILE, extract, text_width


def test_the_stored_metrics_are_made_from_the_bundled_fonts() -> None:
    stored = json.loads(resource("fonts", METRICS_FILE).read_text(encoding="utf-8"))
    assert stored == json.loads(json.dumps(extract()))


@pytest.mark.parametrize("face", MEASURED)
@pytest.mark.parametrize("text", [
    "Trygghetsvandringar", "Åtgärd ÄÖ åäö é", "37 av 150 kontroller – 2025-06-30",
    "Ελληνικά Кириллица עברית", "🙂 emoji 中文", "https://example.org/a/very/long/link",
])
def test_a_width_is_what_reportlab_measures_with_the_real_font(face: str, text: str) -> None:
    fonts.register_fonts()
    for size in (7.5, 10.5):
        assert text_width(text, face, size) == pytest.approx(stringWidth(text, face, size), abs=1e-9)


MEASURE_THEN_DRAW = """
import io
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from promises_app.reports import charts, fonts
from promises_app.reports.followup_content import BarChartData, BarSeries
from promises_app.reports.font_metrics import CHART_FACES, MeasuringFont, text_width

chart = charts.status_light_bars(BarChartData(("Pågående",), (BarSeries("Grön", "green", (3,)),)), 400)
for face, name in CHART_FACES.items():  # the chart measured without reading a TrueType file
    assert isinstance(pdfmetrics.getFont(name), MeasuringFont)
    assert pdfmetrics.stringWidth("Åtgärd", name, 8) == text_width("Åtgärd", face, 8)
assert pdfmetrics.getAscentDescent(CHART_FACES[fonts.BOLD], 10)[0] > 7
assert fonts.REGULAR not in pdfmetrics.getRegisteredFontNames()

fonts.register_fonts()  # then a PDF drawn by ReportLab itself (a legacy agreement)
assert all(isinstance(pdfmetrics.getFont(name), TTFont) for name in fonts.FILES)
out = io.BytesIO()
page = canvas.Canvas(out)
page.setFont(fonts.REGULAR, 10)
page.drawString(72, 72, "Åtgärd")
page.save()
assert b"DejaVuSans" in out.getvalue()
print("ok")
"""


def test_charts_measure_without_the_fonts_and_a_reportlab_pdf_still_embeds_them() -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", MEASURE_THEN_DRAW], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": os.getcwd()}, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr
