"""The start view: what an empty database shows instead of empty pages.

A first-time user opens the program to a database with no agreements. Rather than seven empty
tabs, the window shows this view: what to do first, with buttons for it (a new agreement, a look
at the demo in its own database, an import of an exchange file) and the user guide. The window
(ui/shell/main_window.py) shows it while the database has no agreement and wires its signals to
its own actions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class StartView(QWidget):
    newAgreement = Signal()  # noqa: N815 - Qt's naming
    openDemo = Signal()  # noqa: N815 - Qt's naming
    importFile = Signal()  # noqa: N815 - Qt's naming
    showGuide = Signal()  # noqa: N815 - Qt's naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Start"))
        self.heading = QLabel(self.tr("Welcome to Medborgarlöften"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = self._text(self.tr(
            "This database holds no agreements yet. Start with one of these; everything can be changed "
            "later, and Edit → Undo takes back any step."))

        self.new_button = QPushButton(self.tr("&New agreement…"))
        self.new_button.clicked.connect(self.newAgreement)
        self.demo_button = QPushButton(self.tr("Open the &demo"))
        self.demo_button.clicked.connect(self.openDemo)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.clicked.connect(self.importFile)
        self.guide_button = QPushButton(self.tr("User guide (F1)"))
        self.guide_button.clicked.connect(self.showGuide)
        self.read_only_label = self._text("")
        self.read_only_label.setVisible(False)

        rows = [
            (self.new_button, self.tr(
                "Title, period and reporting periods, then the parties and the plan: promises and measures. "
                "An empty plan offers a starter set of common promises, measures and indicators.")),
            (self.demo_button, self.tr(
                "Look first: a separate demo database with Solna and Helsingborg, their follow-ups, "
                "situational picture, indicators and safety walks. This database is not touched; "
                "File → Recent files brings you back.")),
            (self.import_button, self.tr(
                "An agreement in the exchange format (JSON) from a colleague or another database.")),
            (self.guide_button, self.tr("The first steps, from the database to sign-off and backups.")),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        for row, (button, text) in enumerate(rows):
            button.setMinimumHeight(int(button.sizeHint().height() * 1.3))
            grid.addWidget(button, row, 0)
            grid.addWidget(self._text(text), row, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(self.read_only_label)
        layout.addStretch(1)

    @staticmethod
    def _text(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setMaximumWidth(760)
        return label

    def set_read_only(self, reason: str | None) -> None:
        """A database that cannot be written takes no new agreement and no import; the demo and the guide stay."""
        self.new_button.setEnabled(reason is None)
        self.import_button.setEnabled(reason is None)
        self.read_only_label.setText(self.tr("This database cannot be changed: %1").replace("%1", reason or ""))
        self.read_only_label.setVisible(reason is not None)
