"""The first window on the demo database, driven like a person would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from promises_app.ui.all_measures.measure_table_model import MeasureTableModel
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot, services) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_measures(window: MainWindow) -> int:
    """The rows of the list of all measures, looked at (it is read when its page is shown)."""
    window.tabs.setCurrentIndex(window.measures_tab)
    return window.all_measures_page.proxy.rowCount()


def test_window_lists_demo_agreements_and_shows_the_promise_measures(qtbot, demo_ui_services, swedish_app):
    window = _window(qtbot, demo_ui_services)

    assert window.windowTitle() == "Medborgarlöften"
    titles = []
    model = window.agreement_model
    for row in range(model.rowCount()):
        top = model.index(row, 0)
        titles.append(top.data().replace("\n", " "))
        titles.extend(model.index(r, 0, top).data().replace("\n", " ") for r in range(model.rowCount(top)))
    assert "Solna – medborgarlöften 2022" in titles
    assert any("Helsingborg 2018–2022" in t for t in titles)

    assert window.title_label.text() == "Solna – medborgarlöften 2022"
    assert "Parter: Solna stad, Lokalpolisområde Solna" in window.details_label.text()
    assert shown_measures(window) == 7


def test_clicking_another_agreement_shows_its_goals_and_measures(qtbot, demo_ui_services, swedish_app):
    window = _window(qtbot, demo_ui_services)
    view = window.agreement_view
    helsingborg = next(
        window.agreement_model.index(r, 0)
        for r in range(window.agreement_model.rowCount())
        if "Helsingborg" in window.agreement_model.index(r, 0).data()
    )
    rect = view.visualRect(window.agreement_proxy.mapFromSource(helsingborg))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert "Helsingborg" in window.title_label.text()
    details = window.details_label.text()
    assert "Att all narkotikahantering aktivt bekämpas." in details
    assert "Samverkansöverenskommelse" in details
    assert shown_measures(window) > 0


def test_the_list_of_all_measures_is_read_when_shown_and_follows_the_selected_agreement(
    qtbot, demo_ui_services, swedish_app  # type: ignore[no-untyped-def]
):
    window = _window(qtbot, demo_ui_services)
    assert window.tabs.currentIndex() != window.measures_tab
    assert shown_measures(window) == 7  # the selected Solna promise's
    window.tabs.setCurrentIndex(window.plan_tab)
    other = next(a for a in demo_ui_services.agreements.list_agreements()
                 if a.id != window.current_agreement_id() and demo_ui_services.plan.list_measures(a.id))
    window.select_agreement(other.id)  # chosen while another page is on show
    page = window.all_measures_page
    assert page.model.total_rows() == 7, "not read while another page is on show"
    expected = sorted(m.title for m in demo_ui_services.plan.list_measures(other.id))
    window.tabs.setCurrentIndex(window.measures_tab)
    page.model.fetch_all()
    assert sorted(page.proxy.index(r, MeasureTableModel.TITLE).data() for r in range(page.proxy.rowCount())) == expected


def test_typing_in_the_filter_narrows_the_measures(qtbot, demo_ui_services, swedish_app):
    window = _window(qtbot, demo_ui_services)
    assert shown_measures(window) == 7
    # QTest types ASCII only (non-ASCII aborts in QTest::asciiToKey); "skogen" matches "Västra skogen".
    qtbot.keyClicks(window.all_measures_page.search_edit, "skogen")
    shown = [window.all_measures_page.proxy.index(r, MeasureTableModel.TITLE).data()
             for r in range(window.all_measures_page.proxy.rowCount())]
    assert 0 < len(shown) < 7
    qtbot.keyClicks(window.all_measures_page.search_edit, "xyz-finns-inte")
    assert window.all_measures_page.proxy.rowCount() == 0
    window.all_measures_page.search_edit.clear()
    assert window.all_measures_page.proxy.rowCount() == 7


def test_empty_database_says_so(qtbot, tmp_path, swedish_app):
    from promises_app.ui.shell.app import open_for_desktop

    services = open_for_desktop(tmp_path / "empty.sqlite", first_run_demo=False)
    try:
        window = _window(qtbot, services)
        assert window.title_label.text() == "Inga överenskommelser ännu"
        assert shown_measures(window) == 0
    finally:
        services.db.close()


def test_the_run_command_opens_the_window_on_the_demo_database_the_first_time(tmp_path):
    """`promises-app` with no subcommand, in a fresh data folder, headless (--smoke quits at once)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDBORGARLOFTEN_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-m", "promises_app", "--smoke"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Solna – medborgarlöften 2022" in result.stdout
    assert "Åtgärder i vald överenskommelse: 7" in result.stdout
    assert (tmp_path / "data" / "medborgarloften.sqlite").exists()


def test_a_foreign_file_is_refused_without_a_window(tmp_path):
    foreign = tmp_path / "not-ours.sqlite"
    foreign.write_bytes(b"%PDF-1.7\n" + b"x" * 200)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "promises_app", "--db", str(foreign), "--smoke"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert str(foreign) in result.stderr
    assert foreign.read_bytes().startswith(b"%PDF-1.7")


def test_typing_in_the_search_narrows_the_agreements_and_keeps_a_promise_with_its_agreement(
    qtbot, demo_ui_services, swedish_app
):
    window = _window(qtbot, demo_ui_services)
    proxy = window.agreement_proxy

    def shown() -> list[str]:
        found = []
        for row in range(proxy.rowCount()):
            top = proxy.index(row, 0)
            found.append(top.data().replace("\n", " "))
            found.extend(proxy.index(r, 0, top).data().replace("\n", " ") for r in range(proxy.rowCount(top)))
        return found

    assert len(shown()) == 3
    qtbot.keyClicks(window.agreement_filter, "medborgarl")
    assert [t for t in shown() if "Solna" in t] == [
        "Samverkansöverenskommelse mellan Solna stad och lokalpolisområde Solna 2022–2024",
        "Solna – medborgarlöften 2022",
    ], "the promise document under its cooperation agreement"
    assert not any("Helsingborg" in t for t in shown())
    qtbot.keyClicks(window.agreement_filter, "xyz")
    assert shown() == []
    helsingborg = next(a.id for a in window.agreement_model.agreements if "Helsingborg" in a.title)
    window.select_agreement(helsingborg)
    assert window.agreement_filter.text() == "", "selecting a hidden agreement clears the search"
    assert window.current_agreement_id() == helsingborg
