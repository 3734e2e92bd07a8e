"""One start-up of the real window (or of the floor), timed from inside a fresh process.

``python -m promises_app.bench.startup DB`` starts the desktop application as the program's
entry point does (``promises_app.cli`` imported, garbage collection paused as ``cli.main`` pauses
it for the window, then as ``run_desktop``: Qt, the Swedish catalogues, the database with its
lock, ``ui.app.first_window``), waits until the window is shown and the agreement list is
filled (its first paint also starts the database's start-up check), and prints one line of JSON: the
seconds since the interpreter started (``seconds``) and the peak resident memory. It then goes
on as the program does and also reports when the pages were built and the selected agreement
shown (``complete_seconds``), and when the start-up check running beside the window had passed
(``checked_seconds``: from then on edits are saved). ``--floor``
only imports PySide6's widgets and SQLAlchemy and shows an empty QMainWindow: the least any
Qt program with a database can do. ``--select-largest`` then selects the agreement with the
most measures (for the peak-memory figure).

The process ends with ``os._exit`` after printing: closing the window would back the file up,
which is not start-up. The clock starts when the parent starts the process: the parent passes
its ``time.monotonic()`` in ``BENCH_STARTED`` (on Linux and Windows that clock is system-wide,
so the child can subtract it; it has no 10-ms steps, unlike the process start time in
``/proc/self/stat``, which is the fallback, then this module's first line).
"""

from __future__ import annotations

import time

_MODULE_START = time.monotonic()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:  # not imported at run time: this module times the start-up
    from promises_app.services import Services

READY = "BENCH-READY "
STARTED = "BENCH_STARTED"


def process_age() -> float:
    """Seconds since the parent started this process (else since its start time in /proc, else
    since this module's import)."""
    started = os.environ.get(STARTED)
    if started:
        try:
            return max(0.0, time.monotonic() - float(started))
        except ValueError:
            pass
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])  # field 22 "starttime", counted after the ")"
        ticks = os.sysconf("SC_CLK_TCK")
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - started_ticks / ticks)
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _MODULE_START


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _report(cleanup: Callable[[], object] | None = None, *, seconds: float | None = None, **extra: float | int) -> None:
    figures = {"seconds": process_age() if seconds is None else seconds, "peak_mb": peak_rss_mb(), **extra}
    if cleanup is not None:
        cleanup()  # release the lock cleanly, so the next start is not treated as after a crash
    print(READY + json.dumps(figures), flush=True)
    os._exit(0)


def floor() -> None:
    import sqlalchemy  # noqa: F401 - the floor pays for this import too
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    _report(shown=int(window.isVisible()))


def application(db_path: Path, *, select_largest: bool) -> None:
    import gc

    import promises_app.cli  # noqa: F401 - what the program's entry point has imported before the window
    gc.disable()  # as cli.main does for the window's start-up (collection resumes when the pages are built)
    from promises_app.ui.shell.app import application as make_app
    from promises_app.ui.shell.app import check_result, first_window, install_translators, open_for_desktop

    app = make_app()
    install_translators(app)
    services = open_for_desktop(db_path, first_run_demo=False)
    window = first_window(services, settings=None)
    if window is None:
        raise SystemExit(f"{db_path}: the window could not be opened")
    window.show()
    app.processEvents()
    shown = process_age()
    agreements = window.agreement_model.rowCount()
    extra: dict[str, float | int] = {"agreements": agreements, "shown": int(window.isVisible()),
                                     "pages_at_first_paint": int(window.pages_built())}
    window.complete()  # what the first paint's timer does, at once
    app.processEvents()
    extra["complete_seconds"] = process_age()
    gc.enable()
    failure = check_result(services)
    extra["checked_seconds"] = process_age()
    if failure is not None:
        raise SystemExit(f"{db_path}: {failure}")
    if select_largest:
        extra["startup_seconds"] = shown
        largest = largest_agreement(services)
        if largest is not None:
            window.tabs.setCurrentIndex(window.measures_tab)  # the list of all measures, read when shown
            window.select_agreement(largest)
            app.processEvents()
            extra["selected_measures"] = window.all_measures_page.model.rowCount()
    _report(services.db.close, seconds=shown, **extra)


def largest_agreement(services: Services) -> int | None:
    """The id of the agreement with the most measures (ties: the lowest id)."""
    from sqlalchemy import func, select

    from promises_app.storage import models as m

    with services.db.read() as s:
        row = s.execute(
            select(m.Promise.agreement_id, func.count(m.Measure.id))
            .join(m.Measure, m.Measure.promise_id == m.Promise.id)
            .group_by(m.Promise.agreement_id)
            .order_by(func.count(m.Measure.id).desc(), m.Promise.agreement_id)
            .limit(1)
        ).first()
    return int(row[0]) if row else None


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "--floor" in args:
        floor()
        return 0
    select = "--select-largest" in args
    paths = [a for a in args if not a.startswith("--")]
    if len(paths) != 1:
        print("usage: python -m promises_app.bench.startup [--floor | [--select-largest] DB]", file=sys.stderr)
        return 2
    application(Path(paths[0]), select_largest=select)
    return 0


if __name__ == "__main__":
    sys.exit(main())
