"""The change log's head a PDF of ours carries (``promises-app verify-db --against FILE.pdf``).

Every PDF the program writes names the log's head in its keywords (domain/log_anchor.py). It
is found in the raw bytes when the metadata is written plainly, and otherwise through
pyHanko's reader (imported only then), which also reads compressed object streams.
"""

from __future__ import annotations

import io

from promises_app.domain.log_anchor import LogAnchor, find_in_text


def anchor_of_pdf(data: bytes) -> LogAnchor | None:
    """The log head in the PDF's metadata, or None (not ours, or made before schema 6)."""
    found = find_in_text(data.decode("latin-1"))
    if found is not None or not data.lstrip()[:5] == b"%PDF-":
        return found
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader

        keywords = PdfFileReader(io.BytesIO(data), strict=False).trailer_view["/Info"]["/Keywords"]
    except Exception:  # noqa: BLE001 - any unreadable or foreign PDF simply has no anchor
        return None
    return find_in_text(str(keywords))
