"""No N+1 queries behind the window: the SQL statements per screen do not grow with the data.

The same window is opened on two generated databases with the same agreements, one with
twenty times the measures and forty times the follow-ups of the other; every statement
SQLAlchemy sends is counted (``before_cursor_execute``). Opening the window, and selecting
the agreement with the most measures, must send the same number of statements on both,
and no more than a fixed bound.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from promises_app.bench.generator import Size, generate
from promises_app.bench.startup import largest_agreement
from promises_app.ui.shell.app import check_result, open_for_desktop
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY

FEWER = Size(agreements=3, measures=30, follow_ups=60, indicators=2)
MORE = Size(agreements=3, measures=600, follow_ups=2400, indicators=2)
#: Generous bounds: the point is that they do not depend on the number of rows. Selecting an
#: agreement reads the page on show and the versions page (the others read theirs when shown).
MAX_OPENING = 120
MAX_SELECTING = 80


class Counted:
    """The window on a generated database, with every SQL statement it sends counted."""

    def __init__(self, qtbot, path: Path, size: Size) -> None:  # type: ignore[no-untyped-def]
        generate(path, size, seed=7)
        self.services = open_for_desktop(path, first_run_demo=False)
        assert check_result(self.services) is None  # the start-up check's own statements are not the window's
        self.statements: list[str] = []
        event.listen(self.services.db.engine, "before_cursor_execute", self._count)
        self.largest = largest_agreement(self.services)
        self.statements.clear()
        self.window = MainWindow(self.services, today=lambda: DEMO_TODAY)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.opening = len(self.statements)
        others = [a.id for a in self.services.agreements.list_agreements() if a.id != self.largest]
        self.window.select_agreement(others[0])
        qtbot.wait(10)
        self.statements.clear()
        self.window.select_agreement(self.largest)
        qtbot.wait(10)
        self.selecting = len(self.statements)
        self.window.tabs.setCurrentIndex(self.window.measures_tab)  # the list of all measures, read when shown
        self.shown = self.window.all_measures_page.model.total_rows()

    def _count(self, _conn, _cursor, statement, _parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        self.statements.append(statement)


@pytest.fixture
def fewer_and_more(qtbot, tmp_path: Path, swedish_app) -> Iterator[tuple[Counted, Counted]]:  # type: ignore[no-untyped-def]
    yield Counted(qtbot, tmp_path / "fewer.sqlite", FEWER), Counted(qtbot, tmp_path / "more.sqlite", MORE)


def test_selecting_the_biggest_agreement_shows_all_its_measures(fewer_and_more):
    fewer, more = fewer_and_more
    assert fewer.shown < more.shown
    assert more.shown == max(
        len(more.services.plan.list_measures(a.id)) for a in more.services.agreements.list_agreements()
    )


def test_opening_the_window_sends_as_many_statements_however_many_measures(fewer_and_more):
    fewer, more = fewer_and_more
    assert more.opening == fewer.opening, _difference(fewer, more, "opening")
    assert fewer.opening <= MAX_OPENING


def test_selecting_an_agreement_sends_as_many_statements_however_many_measures(fewer_and_more):
    fewer, more = fewer_and_more
    assert more.selecting == fewer.selecting, _difference(fewer, more, "selecting")
    assert fewer.selecting <= MAX_SELECTING


def _difference(fewer: Counted, more: Counted, what: str) -> str:
    """The statements the bigger database sent more often (what to look at when this fails)."""
    from collections import Counter

    extra = Counter(s.split(" WHERE")[0][:120] for s in more.statements)
    extra.subtract(Counter(s.split(" WHERE")[0][:120] for s in fewer.statements))
    worst = [f"{n}× {s}" for s, n in extra.most_common(3) if n > 0]
    return f"{what}: {getattr(fewer, what)} vs {getattr(more, what)} statements; more often: {worst}"
