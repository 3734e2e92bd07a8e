"""The agreement's versions: its signed revisions, what changed since the last one, and signing;
and its adopted follow-ups, each period's versions as kept, compared with the data now.

Signing and starting a new revision are not undoable, on purpose: a signed revision is
permanent (its content and fingerprint are frozen, and may already be printed and signed by
hand). So they run outside the window's QUndoStack, and the stack is cleared afterwards: the
edits on it were made to a draft that is now signed (or to the revision before), and undoing
them onto the new state would claim a history that is not so. Attaching a hand-signed copy
adds to a signed revision and is not undoable either; it leaves the stack as it is.

The PDF preview renders off the GUI thread: what to print is read here (on the GUI thread,
through the services), and only the pure ``printed_pdf(printable)`` runs in the pool (which
renderer a revision needs: reports/agreement_document.py).

Adopting a period's follow-up (ui/reports/adopt_dialog.py) is permanent too, and not undoable;
it leaves the undo stack as it is. An adopted version is shown from the bytes kept. Whether each
period's latest version still shows the data is worked out in the pool, and only while the page
is in view: a follow-up corrected on another page marks it to be worked out when the page is
shown again, so an edit elsewhere reads nothing here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QStandardPaths, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.domain.changes import Changes
from promises_app.domain.enums import AgreementState
from promises_app.domain.errors import AppError
from promises_app.files import safe_file_name, write_atomically
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.output_paths import OutputPathRefused
from promises_app.services.records import (
    AdoptedReportRecord,
    AgreementRecord,
    PrintableAgreement,
    SignedCopyRecord,
    SignedRevisionRecord,
)
from promises_app.ui.common.background import BackgroundTask
from promises_app.ui.common.formatting import fill, format_long_date
from promises_app.ui.common.page_changes import follow_changes
from promises_app.ui.common.page_parts import action_button, notice_label
from promises_app.ui.common.pdf_preview import PdfPreviewDialog
from promises_app.ui.common.save_target import ask_save_path
from promises_app.ui.common.write_access import WriteAccess
from promises_app.ui.versions.adopted_table_model import AdoptedTableModel
from promises_app.ui.versions.changes_table_model import ChangesTableModel
from promises_app.ui.versions.revision_table_model import RevisionTableModel, short_hash
from promises_app.ui.versions.signoff_dialog import SignOffDialog

if TYPE_CHECKING:  # the report dialog's module is loaded when a report or an adoption is made
    from promises_app.ui.reports.adopt_dialog import AdoptDialog


def render_pdf(printable: PrintableAgreement) -> bytes:
    """Runs in the pool: the PDF of what was read beforehand (no database, no widgets)."""
    from promises_app.reports.agreement_document import printed_pdf  # the document engines: loaded when used

    return printed_pdf(printable)


#: What a signed revision holds (and so "changes since signing" compares), the revisions, and the
#: adopted follow-ups.
SIGNED_TABLES = ("agreements", "goals", "parties", "signatories", "organisations", "people", "focus_areas",
                 "promises", "measures", "occurrences", "signed_revisions", "signed_copies", "adopted_reports")
#: What else a follow-up report shows: a change there may part an adopted version from the data.
REPORTED_TABLES = ("follow_ups", "indicator_definitions", "indicator_values", "agreement_indicators")


def compare_adopted(services: Services, agreement_id: int) -> object:
    """Runs in the pool: each adopted period's latest version against the data now (one read, no render)."""
    from promises_app.reports.adopted_document import compare_with_data

    return compare_with_data(services, agreement_id)


@dataclass(frozen=True)
class _Pending:
    """The preview awaited: its task, file name, heading, whether it offers the draft, whether to print it."""

    number: int
    file_name: str
    heading: str
    offer_draft: bool
    then_print: bool


class VersionsPage(QWidget):
    #: The agreement's state or revision changed here (signed, new revision): the window updates its list.
    agreementChanged = Signal(int)  # noqa: N815 - Qt's naming

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        follow_changes(undo_stack, self, self.apply_changes)
        self._today = today
        self.agreement_id: int | None = None
        self.agreement: AgreementRecord | None = None
        self.signoff_dialog: SignOffDialog | None = None
        self.adopt_dialog: AdoptDialog | None = None
        #: (task number, agreement) of the comparison awaited; the comparison is due when the page is shown.
        self._comparing: tuple[int, int] | None = None
        self._compare_due = False
        self.progress_dialog: QProgressDialog | None = None
        self.preview_dialog: PdfPreviewDialog | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: list[BackgroundTask] = []
        self._pending: _Pending | None = None  # the preview awaited
        self.show_draft_button: QPushButton | None = None
        self._folder = ""

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Version status"))
        font = self.status_label.font()
        font.setBold(True)
        self.status_label.setFont(font)
        self.notice_label = notice_label()

        self._build_actions()
        self.write_access = WriteAccess(self, edits=[self.new_revision_action],
                                        signing=[self.sign_action, self.attach_action, self.adopt_action])

        self.revision_model = RevisionTableModel(self)
        self.revision_view = QTableView()
        self.revision_view.setModel(self.revision_model)
        self.revision_view.setAccessibleName(self.tr("Signed revisions"))
        self.revision_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.revision_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.revision_view.setWordWrap(True)
        self.revision_view.verticalHeader().setVisible(False)
        self.revision_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.revision_view.verticalHeader().setDefaultSectionSize(
            2 * self.revision_view.fontMetrics().lineSpacing() + 10
        )
        header = self.revision_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RevisionTableModel.SIGNATORIES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RevisionTableModel.COPY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RevisionTableModel.COPY, 240)
        self.revision_view.selectionModel().selectionChanged.connect(self._revision_selected)
        self.revision_view.doubleClicked.connect(lambda _index: self.preview_pdf())

        self.changes_model = ChangesTableModel(self)
        self.changes_view = QTableView()
        self.changes_view.setModel(self.changes_model)
        self.changes_view.setAccessibleName(self.tr("Changes since signing"))
        self.changes_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changes_view.setWordWrap(False)
        self.changes_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.changes_view.verticalHeader().setVisible(False)
        header = self.changes_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ChangesTableModel.WHAT, 420)
        header.setSectionResizeMode(ChangesTableModel.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChangesTableModel.BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ChangesTableModel.AFTER, QHeaderView.ResizeMode.Stretch)
        self.changes_note = QLabel()
        self.changes_note.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_note.setWordWrap(True)

        self.adopted_model = AdoptedTableModel(self)
        self.adopted_view = QTableView()
        self.adopted_view.setModel(self.adopted_model)
        self.adopted_view.setAccessibleName(self.tr("Adopted follow-ups"))
        self.adopted_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.adopted_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.adopted_view.setWordWrap(False)
        self.adopted_view.verticalHeader().setVisible(False)
        header = self.adopted_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AdoptedTableModel.NOW, QHeaderView.ResizeMode.Stretch)
        self.adopted_view.selectionModel().selectionChanged.connect(self._revision_selected)
        self.adopted_view.doubleClicked.connect(lambda _index: self.preview_adopted())

        self.sign_button = action_button(self.sign_action)
        self.new_revision_button = action_button(self.new_revision_action)
        self.preview_button = action_button(self.preview_action)
        self.attach_button = action_button(self.attach_action)
        self.save_copy_button = action_button(self.save_copy_action)

        top_buttons = QHBoxLayout()
        for button in (self.sign_button, self.new_revision_button, self.preview_button):
            top_buttons.addWidget(button)
        top_buttons.addStretch(1)

        self.revisions_box = QGroupBox(self.tr("Signed revisions"))
        revisions_layout = QVBoxLayout(self.revisions_box)
        revisions_layout.addWidget(self.revision_view, 1)
        copy_buttons = QHBoxLayout()
        copy_buttons.addWidget(self.attach_button)
        copy_buttons.addWidget(self.save_copy_button)
        copy_buttons.addStretch(1)
        revisions_layout.addLayout(copy_buttons)

        self.adopt_button = action_button(self.adopt_action)
        self.preview_adopted_button = action_button(self.preview_adopted_action)
        self.adopted_box = QGroupBox(self.tr("Adopted follow-ups"))
        adopted_layout = QVBoxLayout(self.adopted_box)
        adopted_layout.addWidget(self.adopted_view, 1)
        adopted_buttons = QHBoxLayout()
        adopted_buttons.addWidget(self.adopt_button)
        adopted_buttons.addWidget(self.preview_adopted_button)
        adopted_buttons.addStretch(1)
        adopted_layout.addLayout(adopted_buttons)

        self.changes_box = QGroupBox(self.tr("Changes since signing"))
        changes_layout = QVBoxLayout(self.changes_box)
        changes_layout.addWidget(self.changes_note)
        changes_layout.addWidget(self.changes_view, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.revisions_box)
        splitter.addWidget(self.changes_box)
        splitter.addWidget(self.adopted_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([180, 200, 220])

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.notice_label)
        layout.addLayout(top_buttons)
        layout.addWidget(splitter, 1)
        self._update_actions()

    # --- actions ------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text: str, shortcut: str, tip: str, slot: Callable[[], object]) -> QAction:
            made = QAction(text, self)
            made.setShortcut(QKeySequence(shortcut))
            keys = made.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            made.setToolTip(f"{tip} ({keys})" if keys else tip)
            made.setStatusTip(tip)
            made.triggered.connect(lambda _checked=False: slot())
            self.addAction(made)
            return made

        self.sign_action = action(
            self.tr("&Sign…"), "Ctrl+Shift+S",
            self.tr("Record the signing of the draft: place, date and the signatories present"), self.sign,
        )
        self.new_revision_action = action(
            self.tr("&New revision"), "Ctrl+Shift+N",
            self.tr("Make the signed agreement a draft again, as the next revision"), self.start_new_revision,
        )
        self.attach_action = action(
            self.tr("&Attach hand-signed copy…"), "Ctrl+Shift+A",
            self.tr("Keep the scanned, hand-signed PDF with the selected revision"), self.attach_copy,
        )
        self.save_copy_action = action(
            self.tr("Sa&ve hand-signed copy…"), "Ctrl+Shift+E",
            self.tr("Save the hand-signed copy of the selected revision as a file"), self.save_copy,
        )
        self.preview_action = action(
            self.tr("&Preview PDF…"), "Ctrl+Shift+V",
            self.tr("The PDF of the selected signed revision or, with none selected, of the agreement as it is now"),
            self.preview_pdf,
        )

        self.adopt_action = action(
            self.tr("A&dopt follow-up…"), "",
            self.tr("Record that a council or the board adopted a period's follow-up, and keep the report as it "
                    "is now"),
            self.adopt,
        )
        self.preview_adopted_action = action(
            self.tr("Preview adopted &report…"), "",
            self.tr("The selected adopted follow-up report, exactly as it was kept"), self.preview_adopted,
        )

    def actions_for_menu(self) -> list[QAction | None]:
        """The page's actions for the window's menu (None: a separator)."""
        return [self.sign_action, self.new_revision_action, None, self.preview_action, None,
                self.attach_action, self.save_copy_action, None, self.adopt_action, self.preview_adopted_action]


    def _update_actions(self) -> None:
        state = self.agreement.state if self.agreement else None
        selected = self.selected_revision()
        self.sign_action.setEnabled(state is AgreementState.DRAFT)
        self.new_revision_action.setEnabled(state is AgreementState.SIGNED)
        self.attach_action.setEnabled(selected is not None)
        self.save_copy_action.setEnabled(selected is not None and bool(selected.copies))
        self.preview_action.setEnabled(self.agreement is not None)
        self.adopt_action.setEnabled(self.agreement is not None)
        self.preview_adopted_action.setEnabled(self.selected_adopted() is not None)

    # --- showing ------------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        """The window opened the database again (after a restore)."""
        self.services = services
        self.agreement_id = None
        self.agreement = None

    def apply_changes(self, changes: Changes) -> None:
        """After an edit, undo or redo: the revisions and "changes since signing" are read again
        when what was signed may have changed (never for a follow-up). Read even behind another
        tab: the page's keys (sign, new revision) work on every page."""
        if self.agreement_id is not None and changes.touches(*SIGNED_TABLES):
            self.refresh()
        elif self.agreement_id is not None and self.adopted_model.rowCount() and changes.touches(*REPORTED_TABLES):
            self.compare_adopted()  # a follow-up corrected: does the adopted version still show the data?

    def set_agreement(self, agreement_id: int | None) -> None:
        if agreement_id != self.agreement_id:
            self.agreement_id = agreement_id
            self.show_notice("")
            self.revision_model.set_rows([])
            self.adopted_model.set_rows([])
        self.refresh()

    def refresh(self) -> None:
        """Read the agreement, its signed revisions and the changes since the last one again."""
        keep = self.selected_revision()
        keep_adopted = self.selected_adopted()
        self.agreement = None
        revisions: list[SignedRevisionRecord] = []
        adopted: list[AdoptedReportRecord] = []
        changes = []
        if self.agreement_id is not None:
            try:
                self.agreement = self.services.agreements.get_agreement(self.agreement_id)
                revisions = self.services.signoff.list_revisions(self.agreement_id)
                changes = self.services.signoff.changes_since_signing(self.agreement_id) if revisions else []
                adopted = self.services.adoptions.list_adopted(self.agreement_id)
            except AppError as error:
                self.agreement = None
                self.show_notice(str(error))
        self.revision_model.set_rows(revisions)
        self.changes_model.set_rows(changes)
        if [r.id for r in adopted] != [r.id for r in self.adopted_model.rows()] or not adopted:
            self.adopted_model.set_rows(adopted)
            if keep_adopted is not None:
                self.select_adopted(keep_adopted.period, keep_adopted.report_version)
        self.compare_adopted()
        if keep is not None and self.selected_revision() is None:
            row = self.revision_model.row_of(keep.revision)
            if row >= 0:
                self.revision_view.selectRow(row)
        self.status_label.setText(self._status(self.agreement, revisions, len(changes)))
        latest = revisions[-1].revision if revisions else None
        if latest is None:
            self.changes_box.setTitle(self.tr("Changes since signing"))
            self.changes_note.setText(
                self.tr("The agreement has not been signed yet, so there is nothing to compare with.")
                if self.agreement else ""
            )
        else:
            self.changes_box.setTitle(fill(self.tr("Changes since signed revision %1"), latest))
            self.changes_note.setText(
                fill(self.tr("Nothing has changed since signed revision %1."), latest) if not changes else ""
            )
        self.changes_note.setVisible(bool(self.changes_note.text()))
        self._update_actions()

    def _status(self, agreement: AgreementRecord | None, revisions: list[SignedRevisionRecord], changes: int) -> str:
        if agreement is None:
            return ""
        revision = agreement.revision
        if agreement.state is AgreementState.DRAFT:
            if not revisions:
                return fill(self.tr("Revision %1 – draft, not signed yet."), revision)
            latest = revisions[-1].revision
            if changes == 0:
                return fill(self.tr("Revision %1 – draft. No changes since signed revision %2."), revision, latest)
            if changes == 1:
                return fill(self.tr("Revision %1 – draft. 1 change since signed revision %2."), revision, latest)
            return fill(
                self.tr("Revision %1 – draft. %3 changes since signed revision %2."), revision, latest, changes
            )
        if agreement.state is AgreementState.CLOSED:
            return fill(self.tr("Revision %1 – closed."), revision)
        signed = next((r for r in revisions if r.revision == revision), None)
        place = signed.signed_place if signed else agreement.signing_place
        day = signed.signed_on if signed else agreement.signing_date
        if place and day:
            return fill(self.tr("Revision %1 – signed in %2 on %3."), revision, place, format_long_date(day))
        if place:
            return fill(self.tr("Revision %1 – signed in %2 (date not recorded)."), revision, place)
        if day:
            return fill(self.tr("Revision %1 – signed on %2."), revision, format_long_date(day))
        return fill(self.tr("Revision %1 – signed."), revision)

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def selected_revision(self) -> SignedRevisionRecord | None:
        rows = self.revision_view.selectionModel().selectedRows()
        return self.revision_model.record_at(rows[0].row()) if rows else None

    def select_revision(self, revision: int) -> None:
        row = self.revision_model.row_of(revision)
        if row >= 0:
            self.revision_view.selectRow(row)

    def selected_adopted(self) -> AdoptedReportRecord | None:
        rows = self.adopted_view.selectionModel().selectedRows()
        return self.adopted_model.record_at(rows[0].row()) if rows else None

    def select_adopted(self, period: str, version: int) -> None:
        row = self.adopted_model.row_of(period, version)
        if row >= 0:
            self.adopted_view.selectRow(row)

    def _revision_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # --- signing and new revisions (not undoable; see the module docstring) ----------------------
    def sign(self) -> SignOffDialog | None:
        """Open the sign-off dialog for the draft (window-modal, not blocking); returns it."""
        if self.agreement_id is None:
            return None
        # Signing renders the PDF on this thread; a cancelled preview may still be rendering in
        # the pool, and ReportLab is not promised to be thread-safe: let it finish first (≈1 s).
        self.wait_for_background_work()
        dialog = SignOffDialog(self.services, self.agreement_id, today=self._today(), parent=self)
        dialog.accepted.connect(lambda: self._signed(dialog))
        self.signoff_dialog = dialog
        dialog.open()
        return dialog

    def _signed(self, dialog: SignOffDialog) -> None:
        record = dialog.signed
        self._after_permanent_change()
        if record is not None:
            self.select_revision(record.revision)
            self.show_notice(
                fill(
                    self.tr("Signed revision %1 is recorded. Fingerprint %2 (SHA-256 %3)."),
                    record.revision, short_hash(record.content_sha256), record.content_sha256,
                )
            )

    def start_new_revision(self) -> bool:
        """After a confirmation, make the signed agreement a draft again as revision N+1."""
        if self.agreement_id is None:
            return False
        try:
            agreement = self.services.agreements.get_agreement(self.agreement_id)
        except AppError as error:
            self._warn(self.tr("New revision"), str(error))
            return False
        answer = QMessageBox.question(
            self,
            self.tr("New revision"),
            fill(
                self.tr(
                    "Start revision %1 of «%2» as a draft?\n\n"
                    "Signed revision %3 stays exactly as it was signed: its content, its fingerprint and "
                    "any attached hand-signed copy are kept unchanged. The draft can then be edited and "
                    "signed as revision %1.\n\n"
                    "Edits made before this can no longer be undone."
                ),
                agreement.revision + 1, agreement.title, agreement.revision,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            signed = self.services.signoff.new_revision(self.agreement_id, expected_version=agreement.version)
        except AppError as error:
            self._warn(self.tr("New revision"), str(error))
            return False
        # The signed revision's row no longer stays selected: "Preview PDF…" now shows the new draft.
        self.revision_view.clearSelection()
        self.revision_view.setCurrentIndex(QModelIndex())
        self._after_permanent_change()
        self.show_notice(
            fill(
                self.tr("Revision %1 is a draft now. Signed revision %2 is kept as it was signed."),
                signed.revision + 1, signed.revision,
            )
        )
        return True

    def _after_permanent_change(self) -> None:
        """A signing or a new revision is permanent: forget the undo history, then show the new state."""
        self.undo_stack.clear()
        self.refresh()
        if self.agreement_id is not None:
            self.agreementChanged.emit(self.agreement_id)

    # --- adopted follow-ups (not undoable, like signing) --------------------------------------------
    def adopt(self) -> AdoptDialog | None:
        """Open the dialog recording a period's adoption (the selected adopted period's, or the latest ended one)."""
        if self.agreement_id is None:
            return None
        from promises_app.ui.reports.adopt_dialog import AdoptDialog

        self.wait_for_background_work()  # the report's columns are measured with ReportLab's font metrics
        selected = self.selected_adopted()
        try:
            dialog = AdoptDialog(self.services, self.agreement_id, today=self._today(),
                                 period=selected.period if selected else None, parent=self)
        except AppError as error:
            self._warn(self.tr("Adopt the follow-up"), str(error))
            return None
        dialog.accepted.connect(lambda: self._adopted(dialog))
        self.adopt_dialog = dialog
        dialog.open()
        return dialog

    def _adopted(self, dialog: AdoptDialog) -> None:
        record = dialog.adopted
        self.refresh()
        if record is not None:
            self.select_adopted(record.period, record.report_version)
            self.show_notice(fill(
                self.tr("The follow-up %1 is adopted and kept as version %2. Fingerprint %3 (SHA-256 %4)."),
                record.period, record.report_version, record.fingerprint, record.content_sha256,
            ))

    def preview_adopted(self) -> PdfPreviewDialog | None:
        """The selected adopted report, exactly the bytes kept at its adoption ("Save as…" to publish it)."""
        record = self.selected_adopted()
        if self.agreement_id is None or record is None:
            return None
        try:
            kept = self.services.adoptions.printable(self.agreement_id, record.period, record.report_version)
        except AppError as error:
            self._warn(self.tr("Preview adopted report"), str(error))
            return None
        title = safe_file_name(self.agreement.title if self.agreement else "", self.tr("agreement"))
        name = fill(self.tr("%1 follow-up %2 adopted version %3.pdf"), title, record.period, record.report_version)
        dialog = PdfPreviewDialog(kept.pdf, safe_file_name(name, self.tr("report.pdf")), self,
                                  database=self.services.db.path)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def compare_adopted(self) -> int | None:
        """Work out in the pool whether each adopted period's latest version still shows the data.

        Only while the page is in view; otherwise it is done when the page is shown. Returns the task's number.
        """
        if self.agreement_id is None or not self.adopted_model.rowCount():
            self._compare_due = False
            return None
        if not self.isVisible():
            self._compare_due = True
            return None
        self._compare_due = False
        self.adopted_model.set_states(None)
        services, agreement_id = self.services, self.agreement_id
        task = BackgroundTask(lambda: compare_adopted(services, agreement_id))
        task.signals.finished.connect(self._adopted_compared)
        task.signals.failed.connect(self._adopted_not_compared)
        self._tasks = [t for t in self._tasks if not t.done] + [task]
        self._comparing = (task.number, agreement_id)
        self._pool.start(task)
        return task.number

    def _adopted_compared(self, number: int, states: object) -> None:
        if self._comparing != (number, self.agreement_id):
            return  # an older comparison, or another agreement's
        self._comparing = None
        self.adopted_model.set_states(states if isinstance(states, dict) else {})

    def _adopted_not_compared(self, number: int, message: str) -> None:
        if self._comparing != (number, self.agreement_id):
            return
        self._comparing = None
        self.adopted_model.set_states({})
        self.show_notice(fill(self.tr("The adopted follow-ups could not be compared with the data: %1"), message))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._compare_due:
            self.compare_adopted()

    # --- the hand-signed copy -------------------------------------------------------------------
    def _start_folder(self) -> str:
        return self._folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())

    def attach_copy(self) -> SignedCopyRecord | None:
        """Choose the scanned, hand-signed PDF and keep it with the selected signed revision."""
        record = self.selected_revision()
        if self.agreement_id is None or record is None:
            return None
        title = self.tr("Attach hand-signed copy")
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            fill(self.tr("Hand-signed copy of signed revision %1"), record.revision),
            self._start_folder(),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._folder = str(path.parent)
        try:
            data = path.read_bytes()
        except OSError as error:
            self._warn(title, fill(self.tr("%1 could not be read: %2"), path, os_errors.reason(error)))
            return None
        try:
            copy = self.services.signoff.attach_signed_copy(
                self.agreement_id, record.revision, file_name=path.name, data=data
            )
        except ValidationError as error:
            self._warn(title, "\n".join(field_error.message for field_error in error.errors))
            return None
        except AppError as error:
            self._warn(title, str(error))
            return None
        self.refresh()
        self.select_revision(record.revision)
        self.show_notice(
            fill(
                self.tr("Attached «%1» to signed revision %2. Checksum (SHA-256): %3"),
                copy.file_name, record.revision, copy.sha256,
            )
        )
        return copy

    def save_copy(self) -> Path | None:
        """Save the stored hand-signed copy of the selected revision as a file, byte for byte."""
        record = self.selected_revision()
        if record is None or not record.copies:
            return None
        title = self.tr("Save hand-signed copy")
        copy = record.copies[-1]
        if len(record.copies) > 1:
            names = [f"{c.file_name} ({short_hash(c.sha256)})" for c in record.copies]
            name, ok = QInputDialog.getItem(
                self, title, self.tr("Which copy?"), names, len(names) - 1, False
            )
            if not ok:
                return None
            copy = record.copies[names.index(name)]
        try:
            data = self.services.signoff.signed_copy_data(copy.id)
        except AppError as error:
            self._warn(title, str(error))
            return None
        if hashlib.sha256(data).hexdigest() != copy.sha256:
            self._warn(
                title,
                fill(self.tr("The stored copy «%1» no longer matches its checksum; it is not saved."),
                     copy.file_name),
            )
            return None
        path = ask_save_path(
            self, title, Path(self._start_folder()) / copy.file_name, self.tr("PDF files (*.pdf)"),
            database=self.services.db.path,
        )
        if path is None:
            return None
        self._folder = str(path.parent)
        try:
            write_atomically(path, data, database=self.services.db.path)
        except OutputPathRefused as error:
            self._warn(title, str(error))
            return None
        except OSError as error:
            self._warn(title, fill(self.tr("%1 could not be saved: %2"), path, os_errors.reason(error)))
            return None
        self.show_notice(fill(self.tr("Saved «%1» as %2."), copy.file_name, path))
        return path

    # --- the PDF preview ------------------------------------------------------------------------
    def preview_pdf(self, *, current: bool = False, then_print: bool = False) -> int | None:
        """Render the PDF in the background behind a progress dialog, then show it.

        The selected signed revision, or with none selected (or ``current``) the agreement as it
        stands (while it is signed, that is its signed revision exactly). The preview says which
        (``preview_heading``) and, when a signed revision of an agreement whose draft is open is
        shown, offers "Show the draft". ``then_print``: the printer dialog opens over the preview
        (Ctrl+P in the window). Returns the background task's number.
        """
        if self.agreement_id is None:
            return None
        selected = None if current else self.selected_revision()
        try:
            agreement = self.services.agreements.get_agreement(self.agreement_id)
            printable = self.services.signoff.printable(
                self.agreement_id, revision=selected.revision if selected else None
            )
            signed = (selected if selected is not None or printable.revision is None
                      else self.services.signoff.get_revision(self.agreement_id, printable.revision))
        except AppError as error:
            self._warn(self.tr("Preview PDF"), str(error))
            return None
        title = safe_file_name(agreement.title, self.tr("agreement"))
        if printable.revision is None:
            file_name = fill(self.tr("%1 rev %2 draft.pdf"), title, agreement.revision)
        else:
            file_name = fill(self.tr("%1 rev %2.pdf"), title, printable.revision)
        heading = self.preview_heading(agreement, signed if printable.revision is not None else None)
        offer_draft = printable.revision is not None and agreement.state is AgreementState.DRAFT

        kept = printable.pdf  # a revision's PDF as signed, when it was kept: those bytes, not a new render
        task = BackgroundTask(
            lambda: kept if kept is not None else render_pdf(printable)
        )
        task.signals.finished.connect(self._pdf_ready)
        task.signals.failed.connect(self._pdf_failed)
        self._tasks = [t for t in self._tasks if not t.done] + [task]
        self._pending = _Pending(task.number, file_name, heading, offer_draft, then_print)

        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
        progress = QProgressDialog(self.tr("Creating PDF…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Preview PDF"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)  # a quick PDF shows no flash of a dialog
        progress.canceled.connect(self._cancel_preview)
        progress.setValue(0)
        self.progress_dialog = progress
        self._pool.start(task)
        return task.number

    def print_pdf(self, *, current: bool = False) -> int | None:
        """Print (Ctrl+P in the window): the preview, as ``preview_pdf``, with the printer dialog over it."""
        return self.preview_pdf(current=current, then_print=True)

    def preview_heading(self, agreement: AgreementRecord, signed: SignedRevisionRecord | None) -> str:
        """What the preview shows, in words: the draft and its revision, or which signed revision and when."""
        if signed is not None:
            if signed.signed_on is not None:
                return fill(self.tr("Signed revision %1, %2"), signed.revision, format_long_date(signed.signed_on))
            return fill(self.tr("Signed revision %1"), signed.revision)
        if agreement.state is AgreementState.DRAFT:
            return fill(self.tr("Draft (revision %1, not signed)"), agreement.revision)
        return fill(self.tr("Revision %1 as it stands (not signed)"), agreement.revision)

    def show_draft(self) -> int | None:
        """"Show the draft" in the preview of a signed revision: no revision selected, the draft's PDF."""
        if self.preview_dialog is not None:
            self.preview_dialog.reject()
        self.revision_view.clearSelection()
        self.revision_view.setCurrentIndex(QModelIndex())
        return self.preview_pdf(current=True)

    def _cancel_preview(self) -> None:
        """Cancel hides the result: the rendering finishes in the background and is dropped."""
        self._pending = None

    def _finish_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.hide()

    def _still_wanted(self, number: int) -> bool:
        """False for a preview that was cancelled, or an older one overtaken by a newer one."""
        if self.progress_dialog is not None and self.progress_dialog.wasCanceled():
            self._pending = None
        return self._pending is not None and self._pending.number == number

    def _pdf_ready(self, number: int, data: object) -> None:
        if not self._still_wanted(number):
            return
        pending = self._pending
        assert pending is not None  # _still_wanted says so
        self._pending = None
        self._finish_progress()
        assert isinstance(data, bytes)
        if self.preview_dialog is not None:
            self.preview_dialog.deleteLater()
        dialog = PdfPreviewDialog(data, pending.file_name, self, database=self.services.db.path,
                                  heading=pending.heading)
        self.show_draft_button = None
        if pending.offer_draft:
            self.show_draft_button = dialog.add_button(
                self.tr("Show the &draft"), self.show_draft,
                accessible_name=self.tr("Show the draft being edited instead of the signed revision"),
            )
        self.preview_dialog = dialog
        dialog.open()
        if pending.then_print:
            dialog.print_pdf()

    def _pdf_failed(self, number: int, message: str) -> None:
        if not self._still_wanted(number):
            return
        self._pending = None
        self._finish_progress()
        self._warn(self.tr("Preview PDF"), fill(self.tr("The PDF could not be made: %1"), message))

    def wait_for_background_work(self, msecs: int = 30_000) -> bool:
        """Wait for a PDF being rendered (the window does before it closes the database)."""
        return self._pool.waitForDone(msecs)
