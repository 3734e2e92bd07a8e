"""A PDF shown as page images before it is saved (Qt's own PDF module is not in PySide6-Essentials).

The pages are rasterised with pypdfium2 at a modest scale: enough to read the text and see the
layout, small enough that a ten-page agreement opens at once. The bytes saved are the PDF's
own, not the pictures.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.files import write_atomically
from promises_app.services.output_paths import OutputPathRefused
from promises_app.ui.common.formatting import fill, format_size
from promises_app.ui.common.save_target import ask_save_path, with_suffix

#: Pixels per PDF point (1.0 = 72 dpi): an A4 page becomes about 740 × 1050 pixels.
PREVIEW_SCALE = 1.25
PAGE_BACKGROUND = "#7a7a7a"


def page_images(data: bytes, scale: float = PREVIEW_SCALE) -> list[QImage]:
    """Every page of the PDF ``data`` as an image (pypdfium2, loaded only when a preview is made)."""
    import pypdfium2

    images: list[QImage] = []
    document = pypdfium2.PdfDocument(bytes(data))
    try:
        for number in range(len(document)):
            page = document[number]
            try:
                bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
                image = QImage(
                    bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                )
                images.append(image.copy())  # its own pixels: the buffer above goes away
                bitmap.close()
            finally:
                page.close()
    finally:
        document.close()
    return images


class PdfPreviewDialog(QDialog):
    """The pages of ``data`` one under the other, with "Save as…" and "Close"."""

    def __init__(self, data: bytes, file_name: str, parent: QWidget | None = None, *, database: Path | None) -> None:
        super().__init__(parent)
        self.data = bytes(data)
        self.file_name = file_name
        #: The open database: "Save as…" never writes over it or what belongs to it.
        self.database = database
        self.saved_path: Path | None = None
        self.setWindowTitle(fill(self.tr("Preview: %1"), file_name))

        ratio = self.devicePixelRatioF() or 1.0
        pages = QWidget()
        pages.setObjectName("pages")
        pages.setStyleSheet(f"QWidget#pages {{ background: {PAGE_BACKGROUND}; }}")
        column = QVBoxLayout(pages)
        column.setSpacing(16)
        column.setContentsMargins(16, 16, 16, 16)
        images = page_images(self.data, PREVIEW_SCALE * ratio)
        self.page_labels: list[QLabel] = []
        for number, image in enumerate(images, start=1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            page = QLabel()
            page.setPixmap(pixmap)
            page.setAccessibleName(fill(self.tr("Page %1 of %2"), number, len(images)))
            column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(page)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(pages)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Pages"))

        pages_text = self.tr("1 page") if len(images) == 1 else fill(self.tr("%1 pages"), len(images))
        self.info_label = QLabel(f"{pages_text} · {format_size(len(self.data))}")
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setAccessibleName(self.tr("Save the PDF as a file"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info_label, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        # As wide as the widest page (an appendix may be landscape), within the window beside it.
        width, height = int(max((image.width() / ratio for image in images), default=600)) + 80, 720
        if parent is not None:
            width = min(width, max(640, parent.window().width() - 40))
            height = min(height, max(480, parent.window().height() - 40))
        self.resize(width, height)

    def save_as(self) -> Path | None:
        """Ask where, then write the PDF's bytes there (atomically). Returns the path, or None."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path = ask_save_path(
            self, self.tr("Save PDF as"), Path(folder) / self.file_name, self.tr("PDF files (*.pdf)"),
            database=self.database, complete=with_suffix(".pdf"),
        )
        if path is None:
            return None
        try:
            write_atomically(path, self.data, database=self.database)
        except OutputPathRefused as error:
            QMessageBox.warning(self, self.tr("Save PDF as"), str(error))
            return None
        except OSError as error:
            reason = os_errors.reason(error)
            QMessageBox.warning(
                self, self.tr("Save PDF as"), fill(self.tr("The PDF could not be saved as %1: %2"), path, reason)
            )
            return None
        self.saved_path = path
        self.info_label.setText(fill(self.tr("Saved as %1"), path))
        return path
