"""The PDF preview opens a long report at once: page 1 drawn first, the rest as they come, those in view first."""

from __future__ import annotations

import typst
from PySide6.QtGui import QColor, QImage

from promises_app.ui.common.pdf_preview import PAGE_BLANK, PdfPreviewDialog

PAGES = 60


def long_pdf(pages: int = PAGES) -> bytes:
    source = f'#set page(paper: "a4")\n#for i in range({pages}) {{ if i > 0 {{ pagebreak() }}; text(size: 40pt)[Sida #(i + 1)] }}'
    pdf = typst.compile(source.encode("utf-8"))
    assert isinstance(pdf, bytes)
    return pdf


def is_blank(image: QImage) -> bool:
    """Only the blank sheet's colour on the page (checked on a grid of points: text would show)."""
    blank = QColor(PAGE_BLANK).rgb()
    return all(
        image.pixel(x, y) == blank
        for x in range(0, image.width(), 7)
        for y in range(0, image.height() // 4, 7)
    )


def test_the_first_page_is_drawn_before_the_dialog_shows_and_the_rest_follow(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(long_pdf(), "rapport.pdf", database=None)
    qtbot.addWidget(dialog)

    assert len(dialog.page_labels) == PAGES
    assert dialog.pages_drawn == 1, "only page 1 is drawn before the dialog shows"
    assert not is_blank(dialog.page_labels[0].pixmap().toImage())
    assert is_blank(dialog.page_labels[1].pixmap().toImage())
    # Every page already stands at its own size, so the scroll bar is right from the start.
    assert dialog.page_labels[-1].pixmap().size() == dialog.page_labels[0].pixmap().size()

    with qtbot.waitSignal(dialog.all_pages_drawn, timeout=30_000):
        dialog.show()
    assert dialog.pages_drawn == PAGES
    assert not any(is_blank(label.pixmap().toImage()) for label in dialog.page_labels)


def test_pages_scrolled_into_view_are_drawn_before_the_others(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(long_pdf(), "rapport.pdf", database=None)
    qtbot.addWidget(dialog)
    dialog._next_page.stop()  # hold the background drawing: only what the scrolling asks for is drawn
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())

    assert not is_blank(dialog.page_labels[-1].pixmap().toImage()), "the last page, now in view, is drawn"
    assert dialog.pages_drawn < 5, "the pages between are not drawn for it"


def test_closing_early_stops_the_drawing(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(long_pdf(), "rapport.pdf", database=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    drawn = dialog.pages_drawn
    qtbot.wait(50)
    assert dialog.pages_drawn == drawn < PAGES
