"""Printing from the PDF preview: the system's printer dialog (its exec patched to choose a PDF printer),
then the printed file read back."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import typst
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from promises_app.ui.common.pdf_preview import PdfPreviewDialog
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.versions.revision_table_model import RevisionTableModel
from promises_app.ui.versions.versions_page import VersionsPage
from tests.ui.conftest import DEMO_TODAY

PAGES = 3


def small_pdf(pages: int = PAGES) -> bytes:
    source = '#set page(paper: "a4")\n' + "\n#pagebreak()\n".join(
        f"#text(size: 40pt)[Sida {number}]" for number in range(1, pages + 1)
    )
    pdf = typst.compile(source.encode("utf-8"))
    assert isinstance(pdf, bytes)
    return pdf


def choose_pdf_printer(monkeypatch, target: Path, *, first: int = 0, last: int = 0, accept: bool = True) -> list[QPrinter]:  # type: ignore[no-untyped-def]
    """The person picks "Print to file (PDF)" in the printer dialog (and a page range, if given)."""
    seen: list[QPrinter] = []

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        seen.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        if first:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(first, last)
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return seen


def ink_on(pdf: Path, page: int) -> int:
    """How many dark pixels the printed page has (pypdfium2 draws it)."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[page].render(scale=0.5).to_pil().convert("L")
        return sum(1 for value in image.get_flattened_data() if value < 128)
    finally:
        document.close()


def test_print_button_prints_every_page_to_a_pdf_printer(qtbot, swedish_app, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "utskrift.pdf"
    seen = choose_pdf_printer(monkeypatch, target)
    dialog = PdfPreviewDialog(small_pdf(), "överenskommelse.pdf", database=None)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    assert seen and seen[0].docName() == "överenskommelse.pdf"
    assert target.is_file()
    printed = pypdf.PdfReader(target)
    assert len(printed.pages) == PAGES
    assert all(ink_on(target, page) > 100 for page in range(PAGES)), "every printed page has the text drawn on it"
    assert dialog.last_print is not None and dialog.last_print.pages == (1, 2, 3)
    assert dialog.info_label.text() == "3 sidor skickades till skrivaren"


def test_ctrl_p_prints_the_chosen_page_range_only(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "sida2.pdf"
    choose_pdf_printer(monkeypatch, target, first=2, last=2)
    dialog = PdfPreviewDialog(small_pdf(), "rapport.pdf", database=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # so its shortcut works

    qtbot.keyClick(dialog.scroll_area, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert len(pypdf.PdfReader(target).pages) == 1
    assert dialog.last_print is not None and dialog.last_print.pages == (2,)


def test_cancelling_the_printer_dialog_prints_nothing(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "inget.pdf"
    choose_pdf_printer(monkeypatch, target, accept=False)
    dialog = PdfPreviewDialog(small_pdf(), "rapport.pdf", database=None)
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    assert not target.exists()
    assert dialog.last_print is None


# --- the agreement: Ctrl+P in the window, and which revision the preview shows -------------------
SOLNA_PROMISE = "Solna – medborgarlöften 2022"


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)  # so its shortcuts work
    assert shown.title_label.text() == SOLNA_PROMISE
    yield shown
    shown.versions_page.wait_for_background_work()


def _click_tab(qtbot, window: MainWindow, index: int) -> None:  # type: ignore[no-untyped-def]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def _preview(qtbot, page: VersionsPage) -> PdfPreviewDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=30_000)
    assert page.preview_dialog is not None
    return page.preview_dialog


def test_ctrl_p_in_the_window_prints_the_agreement_through_the_preview(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "överenskommelse.pdf"
    choose_pdf_printer(monkeypatch, target)
    _click_tab(qtbot, window, window.plan_tab)
    assert window.print_action.text() == "Skriv &ut överenskommelsen…"

    qtbot.keyClick(window.agreement_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    preview = _preview(qtbot, window.versions_page)
    qtbot.waitUntil(lambda: target.is_file(), timeout=30_000)
    assert preview.heading_label.text() == "Undertecknad revision 1, 18 januari 2022"
    printed = pypdf.PdfReader(target)
    assert len(printed.pages) == len(pypdf.PdfReader(io.BytesIO(preview.data)).pages) >= 1
    assert ink_on(target, 0) > 100


def test_preview_says_which_revision_and_offers_the_draft(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page = window.versions_page
    _click_tab(qtbot, window, window.versions_tab)
    # The signed revision's row selected, then "Ny revision": the preview shows the new draft.
    index = page.revision_model.index(page.revision_model.row_of(1), RevisionTableModel.PLACE)
    qtbot.mouseClick(page.revision_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.revision_view.visualRect(index).center())
    assert page.selected_revision() is not None
    qtbot.mouseClick(page.new_revision_button, Qt.MouseButton.LeftButton)
    assert page.selected_revision() is None, "the signed row no longer stays selected"

    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    draft = _preview(qtbot, page)
    assert draft.heading_label.text() == "Utkast (revision 2, ej undertecknad)"
    assert draft.file_name == f"{SOLNA_PROMISE} rev 2 utkast.pdf"
    assert page.show_draft_button is None, "the draft itself offers no other draft"
    draft.reject()

    # The signed revision chosen on purpose: the preview says so and offers the draft.
    qtbot.mouseClick(page.revision_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.revision_view.visualRect(index).center())
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    signed = _preview(qtbot, page)
    assert signed.heading_label.text() == "Undertecknad revision 1, 18 januari 2022"
    assert signed.file_name == f"{SOLNA_PROMISE} rev 1.pdf"
    button = page.show_draft_button
    assert button is not None and button.text() == "&Visa utkastet" and button.isVisible()
    closed: list[int] = []
    signed.finished.connect(closed.append)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed and page.preview_dialog is not None
                    and page.preview_dialog.isVisible(), timeout=30_000)
    shown = page.preview_dialog
    assert shown.heading_label.text() == "Utkast (revision 2, ej undertecknad)"
    assert closed, "the signed revision's preview closed"
    assert page.selected_revision() is None
