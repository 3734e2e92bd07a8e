"""The ReportLab stylesheet: page geometry, colours and every paragraph style of the agreement as
ReportLab laid it out (agreement_pdf_legacy), and the colours of the charts (charts).

Frozen with agreement_pdf_legacy: a revision signed before schema 7 is made again with these
values and must come out byte for byte as signed (its test pins it). The documents' look is in
``resources/documents/common.typ``; change it there.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from promises_app.reports import fonts

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 2.2 * cm
MARGIN_TOP = 3.0 * cm  # room for the logos in the header
MARGIN_BOTTOM = 2.2 * cm
HEADER_LOGO_HEIGHT = 1.3 * cm
HEADER_LOGO_GAP = 0.6 * cm
HEADER_TOP = 1.0 * cm  # from the top edge of the page to the top of the logos
FOOTER_BASELINE = 1.2 * cm
RUNNING_FONT_SIZE = 8

ACCENT = colors.HexColor("#1F3B63")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9AA5B1")
TABLE_HEADER_BACKGROUND = colors.HexColor("#E3E8EF")
TABLE_GRID = colors.HexColor("#B8C0CA")

SIGNATURE_SPACE = 1.6 * cm  # room to sign above each signature line
SIGNATURE_COLUMNS_MAX = 3


class Styles:
    """Named paragraph styles; all built on the embedded DejaVu family."""

    def __init__(self) -> None:
        fonts.register_fonts()
        base = ParagraphStyle(
            "Body",
            fontName=fonts.REGULAR,
            fontSize=10.5,
            leading=14.5,
            spaceAfter=6,
            alignment=TA_LEFT,
            splitLongWords=1,
            bulletFontName=fonts.REGULAR,
            bulletFontSize=10.5,
        )
        self.body = base
        self.kind = ParagraphStyle("Kind", base, fontSize=11, leading=14, textColor=MUTED, spaceAfter=4)
        self.title = ParagraphStyle(
            "Title", base, fontName=fonts.BOLD, fontSize=22, leading=27, textColor=ACCENT, spaceAfter=18
        )
        self.draft_note = ParagraphStyle(
            "DraftNote", base, fontName=fonts.BOLD, textColor=colors.HexColor("#A33A00"), spaceAfter=12
        )
        self.heading1 = ParagraphStyle(
            "Heading1", base, fontName=fonts.BOLD, fontSize=15, leading=19, textColor=ACCENT,
            spaceBefore=14, spaceAfter=6, keepWithNext=1,
        )
        self.heading2 = ParagraphStyle(
            "Heading2", base, fontName=fonts.BOLD, fontSize=12.5, leading=16, textColor=ACCENT,
            spaceBefore=10, spaceAfter=4, keepWithNext=1,
        )
        self.promise = ParagraphStyle(
            "Promise", base, fontName=fonts.BOLD, fontSize=11, leading=15, spaceBefore=6, spaceAfter=3,
            keepWithNext=1,
        )
        self.bullet = ParagraphStyle("Bullet", base, leftIndent=14, bulletIndent=2, spaceAfter=3)
        self.measure_title = ParagraphStyle(
            "MeasureTitle", self.bullet, fontName=fonts.BOLD, spaceBefore=5, spaceAfter=1, keepWithNext=1
        )
        self.measure_text = ParagraphStyle("MeasureText", base, leftIndent=14, spaceAfter=2)
        self.measure_detail = ParagraphStyle(
            "MeasureDetail", base, leftIndent=14, fontSize=9.5, leading=12.5, textColor=MUTED, spaceAfter=1
        )
        self.focus_name = ParagraphStyle("FocusName", self.bullet, fontName=fonts.BOLD, spaceAfter=1)
        self.focus_text = ParagraphStyle("FocusText", base, leftIndent=14, spaceAfter=4)
        self.place_date = ParagraphStyle("PlaceDate", base, spaceBefore=6, spaceAfter=10)
        self.party = ParagraphStyle("Party", base, fontName=fonts.BOLD, spaceAfter=0)
        self.signatory_name = ParagraphStyle("SignatoryName", base, spaceAfter=0, leading=13)
        self.signatory_title = ParagraphStyle(
            "SignatoryTitle", base, fontSize=9.5, leading=12, textColor=MUTED, spaceAfter=0
        )
        self.table_header = ParagraphStyle(
            "TableHeader", base, fontName=fonts.BOLD, fontSize=8.5, leading=10.5, spaceAfter=0
        )
        self.table_cell = ParagraphStyle("TableCell", base, fontSize=8.5, leading=10.5, spaceAfter=0)
        self.centered_note = ParagraphStyle("CenteredNote", base, alignment=TA_CENTER, textColor=MUTED)


@cache
def stylesheet() -> Styles:
    return Styles()
