"""The one dialog for what went wrong unexpectedly: a message, and the details for whoever helps.

The message is for the person (Swedish); the details (the traceback, the program's version,
the open database, Python and Qt) are for support: "Kopiera detaljer" puts them on the
clipboard and "Öppna loggmappen" shows the folder of the rotating log they were written to.
"""

from __future__ import annotations

import platform
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from promises_app import __version__
from promises_app.logging_setup import current_log_file, log_folder
from promises_app.ui.shell.settings import data_folder

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def unexpected_message() -> str:
    """What the person is told when the program itself failed."""
    return QCoreApplication.translate(
        "ErrorDialog",
        "Something went wrong that the program did not expect. What you just did may not have "
        "been saved; what was saved before is safe.\n\nThe details are written to the log. Copy "
        "them and send them to whoever supports the program.",
    )


def error_details(
    error: BaseException | ExcInfo | None = None, *, database: Path | None = None, now: datetime | None = None
) -> str:
    """The text "Kopiera detaljer" copies: when, which version, which database, the traceback."""
    lines = [
        f"Medborgarlöften {__version__}",
        QCoreApplication.translate("ErrorDialog", "Time: %1").replace(
            "%1", f"{(now or datetime.now()):%Y-%m-%d %H:%M:%S}"
        ),
        QCoreApplication.translate("ErrorDialog", "Database: %1").replace(
            "%1", str(database) if database else "–"
        ),
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, {platform.platform()}",
    ]
    if isinstance(error, tuple):
        lines += ["", "".join(traceback.format_exception(*error)).rstrip()]
    elif error is not None:
        lines += ["", "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip()]
    return "\n".join(lines)


class ErrorDialog(QDialog):
    """``message`` for the person, ``details`` (see ``error_details``) behind a button and copyable."""

    def __init__(
        self,
        message: str,
        details: str = "",
        parent: QWidget | None = None,
        *,
        title: str = "",
        logs: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Something went wrong"))
        self._details = details
        self._logs = logs if logs is not None else current_log_folder()

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAccessibleName(self.tr("Error"))
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setAccessibleName(self.tr("Error message"))
        self.message_label.setMinimumWidth(420)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setAccessibleName(self.tr("Error details"))
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_view.setVisible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.details_button = QPushButton(self.tr("Show &details"))
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName(self.tr("Show details"))
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.copy_button.setToolTip(self.tr("Copy the details to the clipboard (Ctrl+Shift+C)"))
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_button.clicked.connect(self.copy_details)
        self.logs_button = QPushButton(self.tr("Open the &log folder"))
        self.logs_button.setAccessibleName(self.tr("Open the log folder"))
        self.logs_button.setToolTip(str(self._logs))
        self.logs_button.clicked.connect(self.open_log_folder)
        for button in (self.details_button, self.copy_button, self.logs_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.details_button.setEnabled(bool(details))
        self.copy_button.setEnabled(bool(details))

        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addWidget(self.message_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def details(self) -> str:
        return self._details

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)
        self.copy_button.setText(self.tr("&Copied"))

    def open_log_folder(self) -> bool:
        self._logs.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._logs)))

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.details_button.setText(self.tr("Hide &details") if shown else self.tr("Show &details"))
        self.adjustSize()


def current_log_folder() -> Path:
    """The folder the log goes to (or will, once configured)."""
    current = current_log_file()
    return current.parent if current is not None else log_folder(data_folder())


def show_error(
    parent: QWidget | None,
    message: str | None = None,
    *,
    error: BaseException | ExcInfo | None = None,
    database: Path | None = None,
    title: str = "",
) -> ErrorDialog:
    """Show the error dialog without blocking (window-modal over ``parent``); returns it."""
    dialog = ErrorDialog(
        message or unexpected_message(), error_details(error, database=database), parent, title=title
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
