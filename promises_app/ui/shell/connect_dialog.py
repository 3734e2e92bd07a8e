"""Arkiv → Anslut till delad databas…: the shared database's address, and its password when asked.

``ConnectDialog`` builds the address from its parts (server, port, database, user, TLS mode) or
takes a pasted URL; it never has a password field, so no password can reach the address that is
remembered (docs/shared-database.md). ``PasswordDialog`` asks for the password only when the
server wants one libpq found nowhere (``~/.pgpass``, a service file); what is typed is used for
this connection and kept nowhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from promises_app.services.shared_database import is_server_address, server_address
from promises_app.ui.common.formatting import fill

DEFAULT_PORT = 5432
#: libpq's sslmode values offered, the safest first (verify-full checks the server's name too).
TLS_CHOICES = ("verify-full", "verify-ca", "require", "prefer", "disable")


class ConnectDialog(QDialog):
    """The address of a shared database; ``address()`` once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to shared database"))
        intro = QLabel(self.tr(
            "A shared database lives on a PostgreSQL server run by the municipality's IT. Fill in what "
            "IT gave you, or paste the whole address."
        ))
        intro.setWordWrap(True)

        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("e.g. db.kommun.se"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit()
        self.database_edit.setPlaceholderText(self.tr("e.g. medborgarloften"))
        self.user_edit = QLineEdit()
        self.tls_combo = QComboBox()
        descriptions = {
            "verify-full": self.tr("Encrypted, the server's certificate and name checked (verify-full, recommended)"),
            "verify-ca": self.tr("Encrypted, the server's certificate checked but not its name (verify-ca)"),
            "require": self.tr("Encrypted, the server not checked (require)"),
            "prefer": self.tr("Encrypted if the server can (prefer)"),
            "disable": self.tr("Not encrypted (disable)"),
        }
        for mode in TLS_CHOICES:
            self.tls_combo.addItem(descriptions[mode], mode)
        tls_help = self.tr(
            "verify-full: the connection is encrypted, and the server must show a certificate signed by an "
            "authority you trust (~/.postgresql/root.crt) that carries the server's name, so nobody can pose "
            "as the server. Ask IT for the certificate."
        )
        self.tls_combo.setToolTip(tls_help)
        self.tls_help = QLabel(tls_help)
        self.tls_help.setWordWrap(True)
        self.tls_help.setTextFormat(Qt.TextFormat.PlainText)

        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql://namn@server/databas?sslmode=verify-full")
        self.url_edit.setAccessibleName(self.tr("Address (URL)"))
        password_note = QLabel(self.tr(
            "The password is read from ~/.pgpass or a service file; if none is found the program asks for it "
            "and never saves it."
        ))
        password_note.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        for caption, field, name in (
            (self.tr("&Server:"), self.host_edit, self.tr("Server")),
            (self.tr("&Port:"), self.port_spin, self.tr("Port")),
            (self.tr("&Database:"), self.database_edit, self.tr("Database")),
            (self.tr("&User:"), self.user_edit, self.tr("User")),
            (self.tr("&Encryption:"), self.tls_combo, self.tr("Encryption (TLS)")),
        ):
            label = QLabel(caption)
            label.setBuddy(field)
            field.setAccessibleName(name)
            form.addRow(label, field)
        form.addRow("", self.tls_help)
        url_label = QLabel(self.tr("Or the &address:"))
        url_label.setBuddy(self.url_edit)
        form.addRow(url_label, self.url_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.addButton(self.tr("C&onnect"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(password_note)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.url_edit):
            edit.textChanged.connect(self._update)
        self._update()
        self.resize(620, self.sizeHint().height())

    def address(self) -> str:
        """The shared database's URL (a pasted one as it is; built from the fields otherwise)."""
        pasted = self.url_edit.text().strip()
        if pasted:
            return pasted
        return server_address(
            self.host_edit.text().strip(), self.database_edit.text().strip(), user=self.user_edit.text().strip(),
            port=self.port_spin.value(), sslmode=str(self.tls_combo.currentData()),
        )

    def _problem(self) -> str:
        pasted = self.url_edit.text().strip()
        if pasted:
            return "" if is_server_address(pasted) else self.tr(
                "The address must begin with postgresql:// (for example postgresql://name@server/database).")
        if not self.host_edit.text().strip():
            return self.tr("Fill in the server, or paste the address.")
        if not self.database_edit.text().strip():
            return self.tr("Fill in the database.")
        return ""

    def _update(self) -> None:
        problem = self._problem()
        pasted = bool(self.url_edit.text().strip())
        for field in (self.host_edit, self.port_spin, self.database_edit, self.user_edit, self.tls_combo):
            field.setEnabled(not pasted)
        self.problem_label.setText(problem)
        self.connect_button.setEnabled(not problem)


class PasswordDialog(QDialog):
    """The password for one connection (``password()`` once accepted); never stored."""

    def __init__(self, address: str, *, rejected: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password"))
        text = (self.tr("The server did not accept the password for %1. Try again:") if rejected
                else self.tr("The shared database %1 asks for a password:"))
        question = QLabel(fill(text, address))
        question.setWordWrap(True)
        question.setTextFormat(Qt.TextFormat.PlainText)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        note = QLabel(self.tr(
            "The password is used for this connection only and saved nowhere. To be asked no more, put it "
            "in ~/.pgpass (on Windows %APPDATA%\\postgresql\\pgpass.conf)."
        ))
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.password_edit)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def password(self) -> str:
        return self.password_edit.text()
