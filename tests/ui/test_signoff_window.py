"""Signing off from the window: the Versions tab, the sign-off dialog, the hand-signed copy, the PDF.

Driven like a person would (mouse clicks on the buttons, keys in the dialog); only the
system's file dialogs and confirmation boxes are replaced, since they block.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from promises_app.domain.enums import AgreementState
from promises_app.reports.agreement_document import agreement_pdf, signed_revision_pdf
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.versions import versions_page as versions_module
from promises_app.ui.versions.changes_table_model import DIFFERENCE_ROLE, ChangesTableModel
from promises_app.ui.versions.revision_table_model import RevisionTableModel
from promises_app.ui.versions.versions_page import VersionsPage
from tests.reports.builders import sign_as_before_schema_7
from tests.ui.conftest import DEMO_TODAY

SOLNA_PROMISE = "Solna – medborgarlöften 2022"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.title_label.text() == SOLNA_PROMISE
    tab_bar = shown.tabs.tabBar()
    qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(shown.versions_tab).center())
    assert shown.tabs.currentWidget() is shown.versions_page
    yield shown
    shown.versions_page.wait_for_background_work()


@pytest.fixture
def answer_yes(monkeypatch):  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def warnings(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: shown.append(text))
    return shown


def _agreement_id(window: MainWindow) -> int:
    agreement_id = window.current_agreement_id()
    assert agreement_id is not None
    return agreement_id


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def _click_revision_row(qtbot, page: VersionsPage, revision: int) -> None:  # type: ignore[no-untyped-def]
    index = page.revision_model.index(page.revision_model.row_of(revision), RevisionTableModel.PLACE)
    rect = page.revision_view.visualRect(index)
    qtbot.mouseClick(page.revision_view.viewport(), LEFT, pos=rect.center())
    assert page.selected_revision() is not None and page.selected_revision().revision == revision


def _start_new_revision(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, window.versions_page.new_revision_button)


def _tiny_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    drawing.drawString(72, 720, "Undertecknad överenskommelse (inskannad)")
    drawing.save()
    return path


class _Marker(QUndoCommand):
    """An edit on the stack from before the signing (undo/redo do nothing here)."""

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass


# --- the page and a new revision -----------------------------------------------------------------
def test_versions_tab_shows_the_signed_revision(qtbot, window):  # type: ignore[no-untyped-def]
    page = window.versions_page
    assert window.tabs.tabText(window.measures_tab) == "Alla åtgärder"
    assert window.tabs.tabText(window.versions_tab) == "Versioner"
    assert page.status_label.text() == "Revision 1 – undertecknad i Solna den 18 januari 2022."
    assert page.revision_model.rowCount() == 1
    assert page.changes_model.rowCount() == 0
    assert page.changes_note.text() == "Ingenting har ändrats sedan undertecknad revision 1."
    assert not page.sign_button.isEnabled()
    assert page.new_revision_button.isEnabled()
    assert not page.attach_button.isEnabled(), "no revision selected yet"
    assert page.sign_action.shortcut().toString() == "Ctrl+Shift+S"
    assert page.new_revision_button.accessibleName() == "Ny revision"
    assert page.preview_button.text() == "Förhandsgranska PDF…"


def test_new_revision_then_one_edit_lists_exactly_that_change(qtbot, window, answer_yes):  # type: ignore[no-untyped-def]
    page = window.versions_page
    services = window.services
    agreement_id = _agreement_id(window)
    window.undo_stack.push(_Marker("an earlier edit"))

    _start_new_revision(qtbot, window)

    assert len(answer_yes) == 1
    assert "Undertecknad revision 1 finns kvar precis som den undertecknades" in answer_yes[0]
    assert page.status_label.text() == "Revision 2 – utkast. Inga ändringar sedan undertecknad revision 1."
    assert services.agreements.get_agreement(agreement_id).state is AgreementState.DRAFT
    assert "Utkast, revision 2" in window.details_label.text()
    assert "Utkast, revision 2" in window.agreement_model.index_of(agreement_id).data(Qt.ItemDataRole.ToolTipRole)
    assert window.current_agreement_id() == agreement_id, "the same agreement stays selected"
    assert window.undo_stack.count() == 0, "a new revision cannot be undone, nor the edits before it"
    assert page.sign_button.isEnabled() and not page.new_revision_button.isEnabled()
    assert [r.revision for r in services.signoff.list_revisions(agreement_id)] == [1], "revision 1 is kept"

    measure = services.plan.list_measures(agreement_id)[0]
    services.plan.update_measure(measure.id, expected_version=measure.version, title="Fotpatrullering på torget")
    page.refresh()

    assert page.status_label.text() == "Revision 2 – utkast. 1 ändring sedan undertecknad revision 1."
    assert page.changes_box.title() == "Ändringar sedan undertecknad revision 1"
    assert page.changes_model.rowCount() == 1
    difference = page.changes_model.index(0, 0).data(DIFFERENCE_ROLE)
    assert (difference.entity, difference.entity_id, difference.field) == ("measure", measure.id, "title")
    assert (difference.old, difference.new) == (measure.title, "Fotpatrullering på torget")
    assert page.changes_model.index(0, ChangesTableModel.FIELD).data() == "Titel"
    assert page.changes_model.index(0, ChangesTableModel.AFTER).data() == "Fotpatrullering på torget"


def test_new_revision_is_not_started_when_the_person_says_no(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    _start_new_revision(qtbot, window)
    agreement = window.services.agreements.get_agreement(_agreement_id(window))
    assert (agreement.state, agreement.revision) == (AgreementState.SIGNED, 1)


def test_new_revision_by_its_shortcut(qtbot, window, answer_yes):  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(answer_yes) == 1
    assert window.services.agreements.get_agreement(_agreement_id(window)).revision == 2


# --- the sign-off dialog -----------------------------------------------------------------------
def test_sign_off_dialog_shows_refusals_at_their_fields_then_signs(qtbot, window, answer_yes):  # type: ignore[no-untyped-def]
    page = window.versions_page
    services = window.services
    agreement_id = _agreement_id(window)
    _start_new_revision(qtbot, window)
    window.undo_stack.push(_Marker("an edit to the draft"))
    before = services.signoff.list_revisions(agreement_id)

    _click(qtbot, page.sign_button)
    dialog = page.signoff_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.place_edit.text() == "Solna", "prefilled from where it was signed before"
    assert dialog.date_edit.text() == "2022-09-01", "today, by default"
    assert dialog.date_edit.calendar_button.isVisible(), "typed, or picked in the calendar"
    assert "undertecknad revision 2" in dialog.explanation.text()
    assert len(dialog.signatory_boxes) == 2 and all(b.isChecked() for b in dialog.signatory_boxes.values())

    # An empty place: the message at the place field, the typed date kept, nothing saved.
    dialog.place_edit.clear()
    qtbot.mouseClick(dialog.date_edit.line_edit, LEFT)
    qtbot.keyClicks(dialog.date_edit.line_edit, "30/8 2022")
    _click(qtbot, dialog.sign_button)

    place_error = dialog.field_errors["place"]
    assert place_error.isVisible()
    assert place_error.text() == "Ort måste fyllas i."
    assert not dialog.field_errors["signatories"].isVisible()
    assert dialog.isVisible()
    assert dialog.date_edit.text() == "30/8 2022", "what was typed, as typed"
    assert dialog.focusWidget() is dialog.place_edit
    assert services.signoff.list_revisions(agreement_id) == before
    assert services.agreements.get_agreement(agreement_id).state is AgreementState.DRAFT

    # Nobody present for Solna stad: the message under the signatories.
    first_box = next(iter(dialog.signatory_boxes.values()))
    qtbot.mouseClick(first_box, LEFT)
    assert not first_box.isChecked()
    qtbot.keyClicks(dialog.place_edit, "Solna")
    _click(qtbot, dialog.sign_button)
    assert "Ingen undertecknare för Solna stad" in dialog.field_errors["signatories"].text()
    assert not dialog.field_errors["place"].isVisible()
    assert services.signoff.list_revisions(agreement_id) == before

    # Everyone present, Enter signs.
    qtbot.mouseClick(first_box, LEFT)
    assert first_box.isChecked()
    qtbot.keyClick(dialog.place_edit, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    revisions = services.signoff.list_revisions(agreement_id)
    assert [r.revision for r in revisions] == [1, 2]
    assert (revisions[1].signed_place, revisions[1].signed_on.isoformat(), revisions[1].source) == (
        "Solna", "2022-08-30", "signed",
    )
    assert services.agreements.get_agreement(agreement_id).state is AgreementState.SIGNED
    assert page.revision_model.rowCount() == 2
    assert page.status_label.text() == "Revision 2 – undertecknad i Solna den 30 augusti 2022."
    assert window.undo_stack.count() == 0, "signing cannot be undone, nor the edits before it"
    assert page.selected_revision() is not None and page.selected_revision().revision == 2
    assert revisions[1].content_sha256 in page.notice_label.text()
    assert "Undertecknad, revision 2" in window.details_label.text()


def test_the_preview_of_a_revision_signed_here_is_the_pdf_kept_at_signing(  # type: ignore[no-untyped-def]
    qtbot, window, answer_yes, monkeypatch
):
    page = window.versions_page
    agreement_id = _agreement_id(window)
    _start_new_revision(qtbot, window)
    _click(qtbot, page.sign_button)
    dialog = page.signoff_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.place_edit, Qt.Key.Key_Return)  # signed in Solna, today
    assert not dialog.isVisible()
    stored = agreement_pdf(window.services, agreement_id, revision=2)[0]
    # A later version renders documents differently: the preview still shows what was signed.
    monkeypatch.setattr(versions_module, "render_pdf", lambda *_args: b"%PDF-1.7 another engine")
    _click_revision_row(qtbot, page, 2)
    _click(qtbot, page.preview_button)
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=30_000)
    assert page.preview_dialog.data == stored


def test_the_preview_of_a_revision_signed_before_schema_7_is_made_as_it_was_signed(demo_ui_services) -> None:  # type: ignore[no-untyped-def]
    """Such a revision kept only its PDF's hash: the pool makes it with the renderer of that time."""
    agreement_id = demo_ui_services.agreements.find_agreements(SOLNA_PROMISE)[0].id
    demo_ui_services.signoff.new_revision(agreement_id)
    sign_as_before_schema_7(demo_ui_services, agreement_id, place="Solna", day=DEMO_TODAY)
    printable = demo_ui_services.signoff.printable(agreement_id, revision=2)
    assert printable.pdf is None and printable.legacy
    pdf = versions_module.render_pdf(printable)
    assert hashlib.sha256(pdf).hexdigest() == demo_ui_services.signoff.get_revision(agreement_id, 2).pdf_sha256


def test_sign_button_is_only_for_a_draft(qtbot, window):  # type: ignore[no-untyped-def]
    page = window.versions_page
    assert not page.sign_button.isEnabled()
    assert not page.sign_action.isEnabled()


# --- the hand-signed copy ------------------------------------------------------------------------
def test_attach_a_hand_signed_copy_then_save_it_again(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    page = window.versions_page
    scan = _tiny_pdf(tmp_path / "solna-undertecknad.pdf")
    opened: list[str] = []

    def open_file(_parent, caption, _folder, file_filter, *_a, **_k):  # type: ignore[no-untyped-def]
        opened.append(f"{caption} | {file_filter}")
        return str(scan), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    _click_revision_row(qtbot, page, 1)
    assert not page.save_copy_button.isEnabled(), "nothing attached yet"
    _click(qtbot, page.attach_button)

    assert opened == ["Undertecknad kopia av revision 1 | PDF-filer (*.pdf)"]
    copy = window.services.signoff.list_revisions(_agreement_id(window))[0].copies[0]
    cell = page.revision_model.index(0, RevisionTableModel.COPY)
    assert cell.data() == f"solna-undertecknad.pdf ({copy.sha256[:12]})"
    assert copy.sha256 in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert copy.sha256 in page.notice_label.text()
    assert page.notice_label.isVisible()
    assert page.selected_revision().revision == 1, "the selection stays on the revision"

    target = tmp_path / "ut" / "kopia.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    _click(qtbot, page.save_copy_button)
    assert target.read_bytes() == scan.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["kopia.pdf"], "no temporary file left behind"


def test_attaching_a_file_that_is_not_a_pdf_shows_the_swedish_error(qtbot, window, tmp_path, monkeypatch, warnings):  # type: ignore[no-untyped-def]
    page = window.versions_page
    text_file = tmp_path / "anteckningar.txt"
    text_file.write_text("inte en pdf", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(text_file), ""))
    _click_revision_row(qtbot, page, 1)
    _click(qtbot, page.attach_button)

    assert len(warnings) == 1
    assert "Filen är inte en PDF" in warnings[0]
    assert window.services.signoff.list_revisions(_agreement_id(window))[0].copies == ()
    assert page.revision_model.index(0, RevisionTableModel.COPY).data() == ""


# --- the PDF preview ------------------------------------------------------------------------------
def test_preview_renders_in_the_background_and_saves_the_signed_pdf(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    page = window.versions_page
    agreement_id = _agreement_id(window)
    threads: list[threading.Thread] = []
    real_render = versions_module.render_pdf

    def render_and_note(printable):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real_render(printable)

    monkeypatch.setattr(versions_module, "render_pdf", render_and_note)
    _click_revision_row(qtbot, page, 1)
    _click(qtbot, page.preview_button)

    assert page.progress_dialog is not None
    assert page.progress_dialog.labelText() == "Skapar PDF…"
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=30_000)
    assert threads and threads[0] is not threading.main_thread()

    preview = page.preview_dialog
    qtbot.waitExposed(preview)
    assert len(preview.page_labels) >= 1
    assert not preview.page_labels[0].pixmap().isNull()
    assert preview.windowTitle() == f"Förhandsgranskning: {SOLNA_PROMISE} rev 1.pdf"

    suggested: list[str] = []
    target = tmp_path / "exporterad"

    def save_file(_parent, _caption, proposed, _filter, *_a, **_k):  # type: ignore[no-untyped-def]
        suggested.append(proposed)
        return str(target), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)
    _click(qtbot, preview.save_button)

    assert Path(suggested[0]).name == f"{SOLNA_PROMISE} rev 1.pdf"
    saved = tmp_path / "exporterad.pdf"
    assert preview.saved_path == saved
    assert saved.read_bytes() == signed_revision_pdf(window.services, agreement_id, 1)
    _click(qtbot, preview.close_button)
    assert not preview.isVisible()


def test_preview_without_a_selection_shows_the_draft(qtbot, window, answer_yes):  # type: ignore[no-untyped-def]
    page = window.versions_page
    _start_new_revision(qtbot, window)
    assert page.selected_revision() is None
    _click(qtbot, page.preview_button)
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=30_000)
    assert page.preview_dialog.file_name == f"{SOLNA_PROMISE} rev 2 utkast.pdf"
    assert page.preview_dialog.data.startswith(b"%PDF-")


def test_cancelling_the_progress_hides_the_result(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    page = window.versions_page
    release = threading.Event()
    real_render = versions_module.render_pdf

    def slow_render(printable):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_render(printable)

    monkeypatch.setattr(versions_module, "render_pdf", slow_render)
    _click(qtbot, page.preview_button)
    progress = page.progress_dialog
    qtbot.waitUntil(progress.isVisible, timeout=5_000)  # shown while the PDF takes its time
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Avbryt")
    qtbot.mouseClick(cancel, LEFT)
    assert not progress.isVisible()
    release.set()
    assert page.wait_for_background_work()
    qtbot.wait(50)  # the queued "finished" arrives, and is dropped
    assert page.preview_dialog is None
