"""A dialog's heading, shared by forms.py and conflict_dialog.py (which forms.py imports)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def heading_label(text: str) -> QLabel:
    """A dialog's heading (the agreement's title, say): plain text, bold, a little larger, wrapped."""
    heading = QLabel(text)
    heading.setTextFormat(Qt.TextFormat.PlainText)
    heading.setWordWrap(True)
    font = heading.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    heading.setFont(font)
    return heading
