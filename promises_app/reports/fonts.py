"""The DejaVu fonts, embedded from ``resources/fonts`` (never looked up among the system's fonts).

DejaVu Sans covers Swedish (å ä ö é), the typographic dashes and quotes, Greek, Cyrillic and
Hebrew. It has no emoji: a character it lacks prints as an empty box, without an error.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from promises_app.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
FAMILY = REGULAR

FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    OBLIQUE: "DejaVuSans-Oblique.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the three faces and the family (so ``<b>`` and ``<i>`` work); safe to call often."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in FILES.items():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        # No bold-oblique face is shipped: bold italic falls back to bold.
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, OBLIQUE)
        addMapping(FAMILY, 1, 1, BOLD)
        _registered = True
