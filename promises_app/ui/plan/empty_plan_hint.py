"""What an empty plan says: what to do first, with the buttons that do it.

A new agreement's Plan page would otherwise be an empty tree. The hint names the first steps in
order (parties, then promises and their measures) and offers the starter set.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from promises_app.ui.common.page_parts import action_button


class EmptyPlanHint(QFrame):
    def __init__(self, starter_action: QAction, new_promise_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("What to do first"))
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.starter_button = action_button(starter_action)
        self.new_promise_button = action_button(new_promise_action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.starter_button)
        buttons.addWidget(self.new_promise_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addLayout(buttons)
        self.setVisible(False)

    def show_for(self, *, agreement: bool, editable: bool, has_parties: bool, has_promises: bool) -> None:
        """Shown for an agreement whose plan is empty and can be edited; says what comes first."""
        shown = agreement and editable and not has_promises
        if shown and not has_parties:
            self.text_label.setText(self.tr(
                "The plan is empty. First add the parties (the page Parties and signatories: the municipality, "
                "the local police area and any others), then come back here to add promises and measures."))
        elif shown:
            self.text_label.setText(self.tr(
                "The plan is empty. Start with a promise (who promises what) and add its measures, each with an "
                "owner and a deadline, or pick common promises, measures and indicators from the starter set."))
        self.setVisible(shown)
