"""The user guide behind F1 (Hjälp → Användarguide): docs/anvandarguide.md, shown as it is written.

The guide is Swedish Markdown kept in the repository's ``docs/`` (bundled into the packaged app,
build.spec), so the text a secretary reads in the program is the one reviewed with the code.
A QTextBrowser renders it (``setMarkdown``); links to web pages open in the system's browser.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from promises_app.paths import user_guide


def guide_text() -> str:
    """The guide's Markdown, or a short Swedish note naming the file when it cannot be read."""
    path = user_guide()
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        return f"# Användarguide\n\nGuiden kunde inte läsas från {path}: {error.strerror or error}."


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.resize(760, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def headings(self) -> list[str]:
        """The guide's headings as shown (the blocks laid out as headings), in order."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block.text())
            block = block.next()
        return found
