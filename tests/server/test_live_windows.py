"""Two main windows on one shared database: what one saves shows in the other within 2 s.

Each window is built as the program builds it (``open_services`` as ui/shell/app.open_for_desktop
opens a database, then ``MainWindow``), each with its own connections; the first connects as
another database user, "anna.berg", whom the second's status bar names. Every wait is a wait
for what a person would see, with the issue's 2-second limit (``qtbot.waitUntil``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from promises_app.domain.changes import Changes
from promises_app.domain.enums import OrganisationKind
from promises_app.services import Services, open_services
from promises_app.storage.models import Organisation
from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.shell.main_window import MainWindow
from tests.pg_server import PgServer
from tests.ui.conftest import DEMO_TODAY, demo_ui_services, swedish_app  # noqa: F401 - fixtures for window tests
from tests.ui.test_followup_page import measure_id, shown_text
from tests.ui.test_one_edit import record_done
from tests.ui.test_plan_page import click, tree_rows, type_into, visible
from tests.ui.test_situation_models import solna

#: The issue's promise: another user's save shows within 2 s.
WITHIN_MS = 2000
ANNA = "anna.berg"
WHO = re.compile(r"Ändrat av anna\.berg kl\. \d\d\.\d\d")
#: Where the screenshot goes (MEDBORGARLOFTEN_SCREENSHOTS names a folder to keep it in).
SHOTS = os.environ.get("MEDBORGARLOFTEN_SCREENSHOTS")


@pytest.fixture
def shared_url(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[str]:
    """A database of the test's own with the demo, and the login role "anna.berg" on the server."""
    pg_server.sql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anna.berg') THEN "
        'CREATE ROLE "anna.berg" LOGIN SUPERUSER; END IF; END $$'
    )
    name = pg_server.new_name("windows")
    pg_server.create_database(name, template=_pg_templates["demo"])
    yield name
    pg_server.drop_database(name)


def open_window(qtbot, url: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """A main window on the shared database, as the program opens one."""
    services = open_services(url, exclusive=True, allow_read_only=True, check_later=True)
    window = MainWindow(services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)  # closed after the test: the window lets go of its database
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.select_agreement(solna(services))
    return window


@pytest.fixture
def windows(qtbot, pg_server: PgServer, shared_url: str, swedish_app) -> tuple[MainWindow, MainWindow]:  # type: ignore[no-untyped-def]  # noqa: F811
    """Anna's window and ours, both on the Solna promise, both following the shared database."""
    annas = open_window(qtbot, pg_server.url(shared_url, user=ANNA))
    ours = open_window(qtbot, pg_server.url(shared_url))
    for window in (annas, ours):
        assert window.live_updates.follower is not None
        assert window.live_updates.follower.listening.wait(10)
    return annas, ours


def follow_up_tab(qtbot, *windows: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for window in windows:
        window.tabs.setCurrentIndex(window.followup_tab)
        qtbot.wait(5)


def test_a_follow_up_recorded_in_one_window_shows_in_the_other_with_who_recorded_it(
    qtbot, windows: tuple[MainWindow, MainWindow], tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    annas, ours = windows
    follow_up_tab(qtbot, annas, ours)
    walks = measure_id(ours.followup_page, "trygghetsvandringar")
    assert not shown_text(ours.followup_page, walks, "2022-T3").startswith("Genomförd")
    heard: list[Changes] = []
    ours.undo_stack.changed.connect(heard.append)

    record_done(qtbot, annas, walks, "2022-T3", "Alla fyra klara.")

    qtbot.waitUntil(lambda: shown_text(ours.followup_page, walks, "2022-T3").startswith("Genomförd"),
                    timeout=WITHIN_MS)
    assert WHO.fullmatch(ours.live_updates.label.text()), ours.live_updates.label.text()
    assert ours.live_updates.label.isVisible()
    assert "anna.berg" in ours.live_updates.label.toolTip()
    assert heard[0].keys_of("follow_ups", "measure_id") == {walks}, "the grid repaints the measure's row"
    assert ours.undo_stack.count() == 0, "another person's edit is not ours to undo"
    assert not annas.live_updates.label.isVisible(), "nobody else changed anything for Anna"
    save_screenshot(ours, tmp_path, "live-update-followup.png")


def test_a_measure_title_changed_in_one_plan_shows_in_the_other(
    qtbot, windows: tuple[MainWindow, MainWindow], tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    annas, ours = windows
    services = annas.services
    agreement = solna(services)
    services.signoff.new_revision(agreement)  # a draft again: its plan can be changed
    for window in (annas, ours):  # (a change both windows have seen by now)
        qtbot.waitUntil(lambda window=window: window.versions_page.agreement_id == agreement, timeout=WITHIN_MS)
        window.tabs.setCurrentIndex(window.plan_tab)
        qtbot.wait(5)
    qtbot.waitUntil(lambda: not ours.plan_page.locked(), timeout=WITHIN_MS)
    measure = next(m for m in services.plan.list_measures(agreement) if "trygghetsvandringar" in m.title)
    new_title = "Trygghetsvandringar i Hagalund och Centrum"  # typed: ASCII only (QTest)

    annas.plan_page.select_measure(measure.id)
    annas.plan_page.tree.setFocus()
    qtbot.keyClick(annas.plan_page.tree, Qt.Key.Key_Return)
    form = visible(annas.plan_page, MeasureForm)
    type_into(qtbot, form.title_edit, new_title)
    click(qtbot, form.save_button)
    assert not form.isVisible()

    qtbot.waitUntil(lambda: any(row.strip() == new_title for row in tree_rows(ours.plan_page)), timeout=WITHIN_MS)
    assert WHO.fullmatch(ours.live_updates.label.text())
    save_screenshot(ours, tmp_path, "live-update-plan.png")


def test_a_rolled_back_write_reaches_no_other_window(
    qtbot, windows: tuple[MainWindow, MainWindow]  # type: ignore[no-untyped-def]
) -> None:
    annas, ours = windows
    heard: list[Changes] = []
    ours.undo_stack.changed.connect(heard.append)

    class Refused(Exception):
        pass

    with pytest.raises(Refused), annas.services.db.write() as session:
        session.add(Organisation(name="Ångrat", kind=OrganisationKind.MUNICIPALITY, short_name=""))
        session.flush()  # logged (the change log's trigger ran) …
        raise Refused  # … and rolled back
    saved = annas.services.register.create_organisation(name="Sparat", kind=OrganisationKind.POLICE)

    qtbot.waitUntil(lambda: bool(heard), timeout=WITHIN_MS)
    assert [(row.table, row.row_id) for changes in heard for row in changes.rows] == [("organisations", saved.id)]


def test_the_listener_ends_when_the_window_closes(qtbot, windows: tuple[MainWindow, MainWindow]) -> None:  # type: ignore[no-untyped-def]
    annas, ours = windows
    follower = ours.live_updates.follower
    assert follower is not None and follower.thread.is_alive()
    ours.close()
    assert not follower.thread.is_alive()
    assert ours.live_updates.follower is None
    # Anna's window goes on following; what she saves is no one's concern in the closed window.
    annas.services.register.create_organisation(name="Efter stängningen", kind=OrganisationKind.POLICE)
    assert annas.live_updates.follower is not None and annas.live_updates.follower.thread.is_alive()


def test_a_window_on_a_sqlite_file_follows_nothing(qtbot, demo_ui_services: Services, swedish_app) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    window = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    assert window.live_updates.follower is None
    assert not window.live_updates.label.isVisible()


def save_screenshot(window: MainWindow, tmp_path: Path, name: str) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(folder / name))
