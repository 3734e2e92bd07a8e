"""Inställningar: the program's language (used from the next start), and where its files are."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from promises_app.ui.common.formatting import fill
from promises_app.ui.shell.settings import LANGUAGES, AppSettings


class SettingsDialog(QDialog):
    """Edits ``settings`` when accepted; ``language_changed()`` says whether a restart is needed."""

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        database: Path | None = None,
        logs: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._language_at_start = settings.language()
        self.setWindowTitle(self.tr("Settings"))

        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(self._language_at_start))
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language_combo)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language_note.setAccessibleName(self.tr("About changing the language"))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self._language_chosen()

        form = QFormLayout()
        form.addRow(language_label, self.language_combo)
        form.addRow("", self.language_note)
        for caption, path, name in (
            (self.tr("Database:"), database, self.tr("Database file")),
            (self.tr("Settings file:"), settings.path, self.tr("Settings file")),
            (self.tr("Log folder:"), logs, self.tr("Log folder")),
        ):
            if path is None:
                continue
            shown = QLabel(str(path))
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            shown.setAccessibleName(name)
            form.addRow(caption, shown)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def chosen_language(self) -> str:
        return str(self.language_combo.currentData())

    def language_changed(self) -> bool:
        return self.chosen_language() != self._language_at_start

    def accept(self) -> None:
        self.settings.set_language(self.chosen_language())
        self.settings.sync()
        super().accept()

    def _language_chosen(self) -> None:
        if self.language_changed():
            self.language_note.setText(
                fill(self.tr("%1 is used the next time the program starts."), self.language_combo.currentText())
            )
            font = self.language_note.font()
            font.setBold(True)
            self.language_note.setFont(font)
        else:
            self.language_note.setText(self.tr("A new language is used the next time the program starts."))
            font = self.language_note.font()
            font.setBold(False)
            self.language_note.setFont(font)
