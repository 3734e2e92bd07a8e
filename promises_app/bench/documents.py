"""Documents timed as a person meets them: each in a fresh process, and the preview's first page.

Typst remembers what it laid out (its memoised layout) for the next documents of the same
process: a report made twice in one process is made the second time from that memory, several
times faster. The first report of a session is the one the bench must time, so each timed
document is made in a new process (``python -m promises_app.bench.documents``), timed from the
moment its modules are imported, its database open and the agreements listed (as the window has
them before a person can print): the content read, laid out, written.

``preview_first_page``: the window's preview of a PDF, from its bytes to page 1 painted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

RESULT = "DOCUMENT-SECONDS "


def cold(kind: str, db: Path, agreement_id: int, period: str = "", *, timeout: float = 300) -> float:
    """Seconds to make one document (``followup``, ``annual`` or ``agreement``) in a fresh process."""
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


def _make(kind: str, db: Path, agreement_id: int, period: str) -> float:
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
        elif kind == "agreement":
            from promises_app.reports.agreement_document import agreement_pdf

            started = time.perf_counter()
            agreement_pdf(services, agreement_id)
        else:
            raise ValueError(kind)
        return time.perf_counter() - started
    finally:
        services.db.close()


if __name__ == "__main__":
    what, path, ident, label = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    print(RESULT + json.dumps({"seconds": _make(what, path, ident, label)}), flush=True)
