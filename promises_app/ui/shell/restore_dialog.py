"""Choose a backup to restore: each listed with its date, why it was made, and what it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from promises_app.services.backups import BackupInfo

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(640, 360)
        intro = QLabel(
            self.tr(
                "Choose the backup to restore. The database as it is now is saved as a backup "
                "first, so nothing is lost."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        for backup in backups:
            item = QListWidgetItem(self._text(backup))
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip("\n".join([str(backup.path), *backup.newest_titles]))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _text(self, backup: BackupInfo) -> str:
        return (
            self.tr("%1 (%2): %3 agreements, %4 measures, %5 follow-ups")
            .replace("%1", f"{backup.made:%Y-%m-%d %H:%M}")
            .replace("%2", backup.reason_text)
            .replace("%3", str(backup.agreements))
            .replace("%4", str(backup.measures))
            .replace("%5", str(backup.follow_ups))
        )

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None
