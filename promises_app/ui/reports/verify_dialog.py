"""Arkiv → Kontrollera databasen…: is the database what the program wrote? (``verify-db`` in the window)

The same check as ``promises-app verify-db`` (services.maintenance.verify_database): the change
log's chain and head, the signed revisions, each signed agreement's plan against what was
signed, every row against the log. Printed documents can be added as anchors outside the
database (a PDF the program wrote, or the "Logg 1234:9f2c1a0b7e3d" at the end of a printed
footer): the check then proves the log still holds the head they carry (docs/data-safety.md).
The check reads the database on the GUI thread, as every service call does; re-making the
signed PDFs, which takes longer, is left to the command line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.domain.log_anchor import LogAnchor, parse_typed
from promises_app.services import Services
from promises_app.ui.common.formatting import fill

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class VerifyDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Check the database"))
        self.resize(760, 520)
        intro = QLabel(self.tr(
            "Checks that the database is what the program wrote: the change log and its checksums, the "
            "signed revisions, the plan of every signed agreement, and every row against the change log. "
            "Add printed documents to prove that the change log is still as it was when they were printed."
        ))
        intro.setWordWrap(True)
        self.documents = QListWidget()
        self.documents.setAccessibleName(self.tr("Printed documents to check against"))
        self.documents.setMaximumHeight(90)
        add = QPushButton(self.tr("&Add PDF…"))
        add.clicked.connect(self._add_pdfs)
        self.typed_edit = QLineEdit()
        self.typed_edit.setPlaceholderText(self.tr("e.g. 1234:9f2c1a0b7e3d"))
        self.typed_edit.setAccessibleName(self.tr("Log value from a printed footer"))
        typed_label = QLabel(self.tr("Log value from a paper &copy:"))
        typed_label.setBuddy(self.typed_edit)
        row = QHBoxLayout()
        row.addWidget(typed_label)
        row.addWidget(self.typed_edit, 1)
        row.addWidget(add)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Result of the check"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = buttons.addButton(self.tr("C&heck"), QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.run_check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.documents)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)

    def add_pdf(self, path: Path) -> None:
        if any(self.documents.item(i).data(PATH_ROLE) == str(path) for i in range(self.documents.count())):
            return
        self.documents.addItem(path.name)
        item = self.documents.item(self.documents.count() - 1)
        item.setData(PATH_ROLE, str(path))
        item.setToolTip(str(path))

    def _add_pdfs(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Printed documents to check against"), "", self.tr("PDF files (*.pdf)")
        )
        for name in chosen:
            self.add_pdf(Path(name))

    def _anchors(self) -> list[tuple[str, LogAnchor]] | None:
        """The anchors asked for; None (with the reason shown) when one cannot be read."""
        from promises_app.reports.pdf_anchor import anchor_of_pdf  # pyHanko only if needed

        anchors: list[tuple[str, LogAnchor]] = []
        this_database = self.services.maintenance.log_anchor().database_id
        for i in range(self.documents.count()):
            path = Path(self.documents.item(i).data(PATH_ROLE))
            try:
                found = anchor_of_pdf(path.read_bytes())
            except OSError as error:
                self._show(False, fill(self.tr("%1 cannot be read (%2)."), path.name, error.strerror or error), [])
                return None
            if found is None:
                self._show(False, fill(self.tr("%1 carries no value of the change log (it was not written by "
                                               "this program, or by an older version)."), path.name), [])
                return None
            if found.database_id and found.database_id != this_database:
                self._show(False, fill(self.tr("%1 was printed from another database, so it cannot prove "
                                               "anything about this one. Choose a printout of this database."),
                                       path.name), [])
                return None
            anchors.append((path.name, found))
        text = self.typed_edit.text().strip()
        if text:
            typed = parse_typed(text)
            if typed is None:
                self._show(False, fill(self.tr("«%1» is not a log value like 1234:9f2c1a0b7e3d (it is at the "
                                               "end of the footer of a printout)."), text[:80]), [])
                return None
            anchors.append((fill(self.tr("Log value %1"), typed.short()), typed))
        return anchors

    def run_check(self) -> bool | None:
        """Run the check; True when the database is as written, False when not, None when not run."""
        anchors = self._anchors()
        if anchors is None:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.services.maintenance.verify_database(anchors=anchors)
        except AppError as error:
            self._show(False, str(error), [])
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not result.ok:
            self._show(False, self.tr("The database has been changed outside the program. The first problem "
                                      "comes first:"), list(result.problems))
            return False
        lines = [
            fill(self.tr("The change log is unbroken (%1 entries, every checksum right, and it ends where it "
                         "should)."), result.entries),
            fill(self.tr("The signed revisions are unchanged (%1, every checksum right)."), result.revisions),
            *([fill(self.tr("The adopted follow-ups are unchanged (%1, every checksum right)."), result.adopted)]
              if result.adopted else []),
            fill(self.tr("The plan of the %1 signed or closed agreements is the one that was signed."),
                 result.signed_agreements),
            self.tr("Every row agrees with the change log."),
            *(fill(self.tr("%1: the database still has the change log as it was when it was written."), label)
              for label, _reason in result.anchors),
        ]
        self._show(True, self.tr("The database is what the program wrote."), lines)
        return True

    def _show(self, ok: bool, verdict: str, lines: list[str]) -> None:
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet("color: #1b5e20; font-weight: bold;" if ok else "color: #b71c1c; font-weight: bold;")
        self.report.setPlainText("\n".join(lines))
