"""Printing a PDF on the system's printer dialog (QPrintDialog + QPrinter).

Qt's own PDF module (QtPdf) is not in PySide6-Essentials, so the pages are drawn the way the
preview draws them (pypdfium2, ui/common/pdf_preview.py), but at the printer's resolution,
capped at ``MAX_PRINT_DPI`` (an A4 page at 1200 dpi would be half a gigabyte of pixels; 300 dpi
is what office printers print text at). Each page is scaled to fit the printer's paintable
area with its proportions kept and centred on it, so a landscape appendix is printed whole on
a portrait sheet. The page range the person chose in the dialog is honoured; copies and
duplex are the printer driver's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from promises_app.ui.common.pdf_preview import PdfPages

#: The highest resolution a page is drawn at for the printer (dots per inch).
MAX_PRINT_DPI = 300
#: Points per inch: a PDF page's size is in points.
POINTS_PER_INCH = 72.0


class PrintFailed(OSError):
    """The printer (or a PDF printer's output file) could not be opened for printing; ``args[0]`` names it."""


@dataclass(frozen=True)
class PrintResult:
    """What was printed: the pages sent (numbered from 1) and where a PDF printer wrote them."""

    pages: tuple[int, ...]
    output_file: str


def make_printer() -> QPrinter:
    """A printer at its full resolution (what the dialog then configures)."""
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def ask_and_print(data: bytes, document_name: str, printer: QPrinter, parent: QWidget | None) -> PrintResult | None:
    """Show the printer dialog for ``printer``; if the person prints, print ``data``. None when cancelled."""
    printer.setDocName(document_name)
    pages = PdfPages(data)
    try:
        count = len(pages)
        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, max(count, 1))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return print_pages(pages, printer)
    finally:
        pages.close()


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages (from 0) the printer is to print: all, or the range chosen in the dialog."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or count, count)
        return list(range(first - 1, last))
    return list(range(count))


def print_pages(pages: PdfPages, printer: QPrinter) -> PrintResult:
    """Draw the chosen pages of ``pages`` on ``printer``, one sheet each."""
    numbers = chosen_pages(printer, len(pages))
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not numbers:
        return PrintResult((), printer.outputFileName())
    if not painter.begin(printer):
        raise PrintFailed(printer.outputFileName() or printer.printerName())
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for position, number in enumerate(numbers):
            if position:
                printer.newPage()
            image = pages.image(number, dpi / POINTS_PER_INCH)
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            # The paint rectangle's origin is the painter's (0, 0): centre the page within it.
            target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return PrintResult(tuple(n + 1 for n in numbers), printer.outputFileName())
