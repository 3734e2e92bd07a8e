"""Documents timed as a person meets them: each in a fresh process, and the preview's first page.

Typst remembers what it laid out (its memoised layout) for the next documents of the same
process: a report made twice in one process is made the second time from that memory, several
times faster. The first report of a session is the one the bench must time, so each timed
document is made in a new process (``python -m promises_app.bench.documents``), timed from the
moment its modules are imported, its database open and the agreements listed (as the window has
them before a person can print): the content read, laid out, written.

``floor``: Typst's own floor for a report's measure table: the same rows and columns as plain
text in one tagged table, nothing else (no headings per promise, no colours, no hyphenation),
laid out in a fresh process. It says how far the follow-up report's layout could come down while
Typst lays it out (docs/performance.md).

``preview_first_page``: the window's preview of a PDF, from its bytes to page 1 painted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from promises_app.services import Services

RESULT = "DOCUMENT-SECONDS "


def cold(kind: str, db: Path | str, agreement_id: int, period: str = "", *, timeout: float = 300) -> float:
    """Seconds to make one document (``followup``, ``annual`` or ``agreement``) in a fresh process.
    ``db``: a file, or a PostgreSQL URL (the bench's PostgreSQL figures)."""
    result = subprocess.run(
        [sys.executable, "-m", "promises_app.bench.documents", kind, str(db), str(agreement_id), period],
        capture_output=True, text=True, timeout=timeout, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for line in result.stdout.splitlines():
        if line.startswith(RESULT):
            return float(json.loads(line[len(RESULT):])["seconds"])
    raise RuntimeError(f"{kind} in a new process failed ({result.returncode}): {result.stderr.strip()[-300:]}")


def preview_first_page(pdf: bytes) -> float:
    """Seconds from a PDF's bytes to the preview dialog shown with its first page painted."""
    from PySide6.QtWidgets import QApplication

    from promises_app.ui.common.pdf_preview import PdfPreviewDialog

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    dialog = PdfPreviewDialog(pdf, "rapport.pdf", database=None)
    dialog.show()
    dialog.page_labels[0].repaint()  # painted now, not at the next turn of the event loop
    elapsed = time.perf_counter() - started
    dialog.reject()
    dialog.deleteLater()
    app.processEvents()
    return elapsed


def _make(kind: str, db: Path | str, agreement_id: int, period: str) -> float:
    from promises_app.bench.measure import REPORT_DAY
    from promises_app.services import open_services

    services = open_services(db, create=False)
    try:
        # What the window has done before anyone can print: listed the agreements (the database
        # read once, its mappings set up). Typst has laid out nothing yet in this process.
        services.agreements.list_agreements()
        if kind == "followup":
            from promises_app.reports.followup_content import build_followup_content
            from promises_app.reports.followup_pdf import render_followup_pdf
            from promises_app.reports.report_options import FollowUpOptions

            options = FollowUpOptions()
            started = time.perf_counter()
            content = build_followup_content(services, agreement_id, period, today=REPORT_DAY, options=options)
            render_followup_pdf(content, options)
        elif kind == "annual":
            from promises_app.reports.annual_content import build_annual_content
            from promises_app.reports.annual_pdf import render_annual_pdf
            from promises_app.reports.report_options import AnnualOptions

            annual = AnnualOptions()
            started = time.perf_counter()
            render_annual_pdf(build_annual_content(services, agreement_id, today=REPORT_DAY, options=annual), annual)
        elif kind == "floor":
            started = _floor(services, agreement_id, period)
        elif kind == "agreement":
            from promises_app.reports.agreement_document import agreement_pdf

            started = time.perf_counter()
            agreement_pdf(services, agreement_id)
        else:
            raise ValueError(kind)
        return time.perf_counter() - started
    finally:
        services.db.close()


#: The floor document: one tagged table of plain-text cells, its header row repeated on each page.
FLOOR_TEMPLATE = """#let d = json(bytes(sys.inputs.data))
#set document(title: "Golv")
#set text(lang: "sv", font: "DejaVu Sans", size: 7.5pt)
#set page(paper: "a4", flipped: true, margin: 1.5cm)
#table(columns: d.widths.map(w => w * 1pt), inset: 3pt, table.header(..d.header), ..d.cells)
"""


def _floor(services: Services, agreement_id: int, period: str) -> float:
    """Lay out the report's measure table as plain text; returns the moment the layout started."""
    import tempfile

    import typst

    from promises_app.bench.measure import REPORT_DAY
    from promises_app.paths import resource
    from promises_app.reports.document_data import plain_text
    from promises_app.reports.followup_content import build_followup_content
    from promises_app.reports.followup_pdf import followup_data
    from promises_app.reports.report_options import FollowUpOptions

    options = FollowUpOptions()
    content = build_followup_content(services, agreement_id, period, today=REPORT_DAY, options=options)
    data, _files = followup_data(content, options)
    columns = data["measure_columns"]
    cells = [plain_text(row[key]) for group in data["groups"] for row in group["rows"] for _h, key, _w in columns]
    payload = json.dumps({"header": [c[0] for c in columns], "widths": [c[2] for c in columns], "cells": cells},
                         ensure_ascii=False)
    with tempfile.TemporaryDirectory() as root:
        main = Path(root, "floor.typ")
        main.write_text(FLOOR_TEMPLATE, encoding="utf-8")
        compiler = typst.Compiler(font_paths=[str(resource("fonts"))], ignore_system_fonts=True)
        started = time.perf_counter()
        # Tagged PDF/UA-1, as every document (typst_engine.ACCESSIBLE).
        compiler.compile(input=str(main), root=root, sys_inputs={"data": payload}, pdf_standards=["ua-1"])
    return started


if __name__ == "__main__":
    from promises_app.storage.server import is_server_address

    what, ident, label = sys.argv[1], int(sys.argv[3]), sys.argv[4]
    where = sys.argv[2] if is_server_address(sys.argv[2]) else Path(sys.argv[2])
    print(RESULT + json.dumps({"seconds": _make(what, where, ident, label)}), flush=True)
