"""One follow-up cell recorded with every page visited: the time until the grid shows it, and
the read transactions it takes (issue 15's figure; docs/architecture.md, "One edit").

The window is open on an agreement of 10 000 measures; every page of it has been shown once
(so each holds the agreement, as after a morning's work), then the Uppföljning page is in
front. Each run records one cell the way the follow-up editor's Save does (the service call,
then the undo command pushed on the window's runner) and processes events until the grid's
cell shows the new status: that whole span is timed, and the read transactions counted.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from promises_app.domain.enums import FollowUpStatus


@dataclass(frozen=True)
class OneEdit:
    seconds: list[float]
    reads: list[int]


def record_cells(window: Any, runs: int) -> OneEdit:
    """Record ``runs`` cells (a different measure each time) and time each until the grid shows it."""
    from PySide6.QtWidgets import QApplication

    from promises_app.ui.followup.followup_commands import RecordFollowUpCommand

    app = QApplication.instance()
    assert app is not None  # the window is open
    for index in range(window.tabs.count()):  # every page visited
        window.tabs.setCurrentIndex(index)
        app.processEvents()
    window.tabs.setCurrentIndex(window.followup_tab)
    app.processEvents()
    page = window.followup_page
    services = window.services
    grid = page.model.grid()
    period = grid.current_period or grid.periods[-1].label
    column = page.model.period_column(period)
    seconds: list[float] = []
    reads: list[int] = []
    statuses = [FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE]
    for run, item in enumerate(grid.measures[: runs + 1]):
        measure = item.measure
        before = page.model.follow_up(measure.id, period)
        status = statuses[run % 2] if before is None or before.status != statuses[run % 2] else statuses[(run + 1) % 2]
        counter = [0]
        with _counting_reads(services, counter):
            started = time.perf_counter()
            after = services.follow_ups.record(measure.id, period=period, status=status,
                                               expected_version=before.version if before else 0)
            window.undo_stack.push(RecordFollowUpCommand(services, measure.title, before, after))
            while not str(page.model.index_of(measure.id, column).data() or "").startswith(_word(status)):
                app.processEvents()
                if time.perf_counter() - started > 10:
                    raise RuntimeError("the grid did not show the recorded follow-up within 10 s")
            elapsed = time.perf_counter() - started
        if run:  # the first is a warm-up
            seconds.append(elapsed)
            reads.append(counter[0])
    return OneEdit(seconds, reads)


def _word(status: FollowUpStatus) -> str:
    from promises_app.ui.common.labels import label

    return str(label(status))


@contextlib.contextmanager
def _counting_reads(services: Any, counter: list[int]) -> Iterator[None]:
    original = services.db.read

    @contextlib.contextmanager
    def counted() -> Iterator[Any]:
        counter[0] += 1
        with original() as session:
            yield session

    services.db.read = counted
    try:
        yield
    finally:
        services.db.read = original
