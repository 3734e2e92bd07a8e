"""A PDF shown as page images before it is saved (Qt's own PDF module is not in PySide6-Essentials).

The pages are rasterised with pypdfium2 at a modest scale: enough to read the text and see the
layout. A report of a hundred pages opens at once: the first page is drawn before the dialog
shows, every other page stands as a blank sheet of its size and is drawn afterwards, one page
per turn of the event loop, the pages in view first (the window stays responsive while they
come). The bytes saved are the PDF's own, not the pictures.

"Print…" (Ctrl+P) prints the PDF on the system's printer dialog (ui/common/pdf_printing.py). A
``heading`` above the pages says what the PDF is (e.g. which revision of the agreement);
``add_button`` puts a caller's own button beside "Save as…" (e.g. "Show the draft").
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.files import write_atomically
from promises_app.services.output_paths import OutputPathRefused
from promises_app.ui.common.formatting import fill, format_size
from promises_app.ui.common.save_target import ask_save_path, with_suffix

if TYPE_CHECKING:  # the print support is loaded when something is printed
    from PySide6.QtPrintSupport import QPrinter

    from promises_app.ui.common.pdf_printing import PrintResult

#: Pixels per PDF point (1.0 = 72 dpi): an A4 page becomes about 740 × 1050 pixels.
PREVIEW_SCALE = 1.25
PAGE_BACKGROUND = "#7a7a7a"


PAGE_BLANK = "#ffffff"


class PdfPages:
    """An open PDF whose pages are drawn one at a time (pypdfium2, loaded only when a preview is made)."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        self._document = pypdfium2.PdfDocument(bytes(data))
        #: Each page's size in points (width, height): known without drawing it.
        self.sizes: list[tuple[float, float]] = [
            self._document.get_page_size(number) for number in range(len(self._document))
        ]

    def __len__(self) -> int:
        return len(self.sizes)

    def image(self, number: int, scale: float) -> QImage:
        """Page ``number`` (from 0) as an image."""
        page = self._document[number]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                image = QImage(
                    bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                )
                return image.copy()  # its own pixels: the buffer goes away
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        self._document.close()


class PdfPreviewDialog(QDialog):
    """The pages of ``data`` one under the other, with "Save as…" and "Close"."""

    def __init__(
        self, data: bytes, file_name: str, parent: QWidget | None = None, *, database: Path | None,
        heading: str = "",
    ) -> None:
        super().__init__(parent)
        self.data = bytes(data)
        self.file_name = file_name
        #: The printer the print dialog configures; kept, so a second print starts from the first's choices.
        self.printer: QPrinter | None = None
        self.last_print: PrintResult | None = None
        #: The open database: "Save as…" never writes over it or what belongs to it.
        self.database = database
        self.saved_path: Path | None = None
        self.setWindowTitle(fill(self.tr("Preview: %1"), file_name))

        self._ratio = ratio = self.devicePixelRatioF() or 1.0
        pages = QWidget()
        pages.setObjectName("pages")
        pages.setStyleSheet(f"QWidget#pages {{ background: {PAGE_BACKGROUND}; }}")
        column = QVBoxLayout(pages)
        column.setSpacing(16)
        column.setContentsMargins(16, 16, 16, 16)
        self._pages: PdfPages | None = PdfPages(self.data)
        count = len(self._pages)
        self.page_labels: list[QLabel] = []
        self._drawn: list[bool] = [False] * count
        for number, (points_wide, points_high) in enumerate(self._pages.sizes, start=1):
            page = QLabel()
            # pdfium rounds a page's pixels up: the blank sheet is exactly as large as the page drawn later.
            scale = PREVIEW_SCALE * ratio
            blank = QPixmap(math.ceil(points_wide * scale), math.ceil(points_high * scale))
            blank.fill(QColor(PAGE_BLANK))
            blank.setDevicePixelRatio(ratio)
            page.setPixmap(blank)
            page.setAccessibleName(fill(self.tr("Page %1 of %2"), number, count))
            column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(page)
        if count:
            self._draw(0)  # the first page is there when the dialog shows
        #: The pages still to draw come one per turn of the event loop.
        self._next_page = QTimer(self)
        self._next_page.setInterval(0)
        self._next_page.timeout.connect(self._draw_next)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(pages)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Pages"))

        pages_text = self.tr("1 page") if count == 1 else fill(self.tr("%1 pages"), count)
        self.info_label = QLabel(f"{pages_text} · {format_size(len(self.data))}")
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setAccessibleName(self.tr("Save the PDF as a file"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the PDF"))
        self.print_button.setToolTip(self.tr("Print on a printer chosen in the printer dialog (Ctrl+P)"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda _checked=False: self.print_pdf())
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self)
        self.print_shortcut.activated.connect(lambda: self.print_pdf())
        self._buttons = buttons
        buttons.rejected.connect(self.reject)

        self.heading_label = QLabel(heading)
        self.heading_label.setTextFormat(Qt.TextFormat.PlainText)
        self.heading_label.setWordWrap(True)
        self.heading_label.setAccessibleName(self.tr("What the preview shows"))
        font = self.heading_label.font()
        font.setBold(True)
        self.heading_label.setFont(font)
        self.heading_label.setVisible(bool(heading))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.scroll_area, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info_label, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        # As wide as the widest page (an appendix may be landscape), within the window beside it.
        width = int(max((size[0] * PREVIEW_SCALE for size in self._pages.sizes), default=600)) + 80
        height = 720
        if parent is not None:
            width = min(width, max(640, parent.window().width() - 40))
            height = min(height, max(480, parent.window().height() - 40))
        self.resize(width, height)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._in_view_first)
        if not all(self._drawn):
            self._next_page.start()
        else:
            self._finish()

    def add_button(self, text: str, slot: Callable[[], object], *, accessible_name: str = "") -> QPushButton:
        """A button of the caller's beside "Save as…" (e.g. "Show the draft")."""
        button = QPushButton(text)
        if accessible_name:
            button.setAccessibleName(accessible_name)
        self._buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def print_pdf(self) -> PrintResult | None:
        """The system's printer dialog; if the person prints, the PDF's pages go to the printer."""
        from promises_app.ui.common.pdf_printing import PrintFailed, ask_and_print, make_printer

        if self.printer is None:
            self.printer = make_printer()
        try:
            result = ask_and_print(self.data, self.file_name, self.printer, self)
        except PrintFailed as error:
            QMessageBox.warning(self, self.tr("Print"), fill(self.tr("The printer %1 could not be opened."),
                                                              error.args[0] if error.args else ""))
            return None
        if result is None:
            return None
        self.last_print = result
        count = len(result.pages)
        self.info_label.setText(self.tr("1 page sent to the printer") if count == 1
                                else fill(self.tr("%1 pages sent to the printer"), count))
        return result

    #: Emitted once every page has been drawn.
    all_pages_drawn = Signal()

    @property
    def pages_drawn(self) -> int:
        return sum(self._drawn)

    def _draw(self, number: int) -> None:
        if self._pages is None or self._drawn[number]:
            return
        pixmap = QPixmap.fromImage(self._pages.image(number, PREVIEW_SCALE * self._ratio))
        pixmap.setDevicePixelRatio(self._ratio)
        self.page_labels[number].setPixmap(pixmap)
        self._drawn[number] = True

    def _pages_in_view(self) -> list[int]:
        viewport = self.scroll_area.viewport()
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + viewport.height()
        return [number for number, label in enumerate(self.page_labels)
                if label.y() < bottom and label.y() + label.height() > top]

    def _in_view_first(self, _value: int = 0) -> None:
        for number in self._pages_in_view():
            self._draw(number)
        if all(self._drawn):
            self._finish()

    def _draw_next(self) -> None:
        undrawn = [number for number in self._pages_in_view() if not self._drawn[number]]
        if not undrawn:
            undrawn = [self._drawn.index(False)] if not all(self._drawn) else []
        for number in undrawn[:1]:
            self._draw(number)
        if all(self._drawn):
            self._finish()

    def _finish(self) -> None:
        self._next_page.stop()
        if self._pages is not None:
            self._pages.close()
            self._pages = None
            self.all_pages_drawn.emit()

    def done(self, result: int) -> None:
        self._next_page.stop()
        if self._pages is not None:  # closed before every page came: nothing more to draw
            self._pages.close()
            self._pages = None
        super().done(result)

    def save_as(self) -> Path | None:
        """Ask where, then write the PDF's bytes there (atomically). Returns the path, or None."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path = ask_save_path(
            self, self.tr("Save PDF as"), Path(folder) / self.file_name, self.tr("PDF files (*.pdf)"),
            database=self.database, complete=with_suffix(".pdf"),
        )
        if path is None:
            return None
        try:
            write_atomically(path, self.data, database=self.database)
        except OutputPathRefused as error:
            QMessageBox.warning(self, self.tr("Save PDF as"), str(error))
            return None
        except OSError as error:
            reason = os_errors.reason(error)
            QMessageBox.warning(
                self, self.tr("Save PDF as"), fill(self.tr("The PDF could not be saved as %1: %2"), path, reason)
            )
            return None
        self.saved_path = path
        self.info_label.setText(fill(self.tr("Saved as %1"), path))
        return path
