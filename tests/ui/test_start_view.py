"""A start for beginners: an empty database shows the start view (new agreement, the demo, import,
the guide) instead of empty pages; F1 opens the user guide with its headings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from promises_app.services import open_services
from promises_app.ui.parties.agreement_dialog import AgreementDialog
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import AppSettings
from promises_app.ui.shell.user_guide import UserGuideDialog
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton
pytestmark = pytest.mark.usefixtures("swedish_app")

GUIDE_HEADINGS = [
    "Användarguide: kom i gång med Medborgarlöften", "1. Databasen", "2. En ny överenskommelse",
    "3. Parter och undertecknare", "4. Planen: löften och åtgärder", "5. Uppföljning", "6. Rapporter",
    "7. Underteckna", "8. Säkerhetskopior",
]


@pytest.fixture
def empty_window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = AppSettings(QSettings(str(tmp_path / "settings" / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(open_services(tmp_path / "tom.sqlite", create=True, exclusive=True),
                        today=lambda: DEMO_TODAY, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_an_empty_database_shows_the_start_view_and_its_button_opens_the_new_agreement_form(  # type: ignore[no-untyped-def]
    qtbot, empty_window: MainWindow
) -> None:
    window = empty_window
    view = window.start_view
    assert window.right_stack.currentWidget() is view and view.isVisible()
    assert not window.tabs.isVisible(), "no empty pages"
    assert view.heading.text() == "Välkommen till Medborgarlöften"
    assert [b.text() for b in (view.new_button, view.demo_button, view.import_button, view.guide_button)] == [
        "N&y överenskommelse…", "Öppna &demo", "&Importera…", "Användarguide (F1)"]
    opened: list[object] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        opened.append(dialog)
        assert isinstance(dialog, AgreementDialog)
        dialog.reject()

    QTimer.singleShot(0, fill_in)
    qtbot.mouseClick(view.new_button, LEFT)
    assert len(opened) == 1
    assert window.right_stack.currentWidget() is view, "nothing made: still the start view"

    # An agreement made (here through the services, as the form would) and the pages take over.
    window.services.agreements.create_agreement(kind="citizen_promise", title="Exempelstad 2026",
                                                start_date="2026-01-01", end_date="2026-12-31",
                                                reporting_scheme="tertial")
    window.reload()
    assert window.right_stack.currentIndex() == 0 and window.tabs.isVisible()


def test_open_the_demo_works_in_its_own_database_and_leaves_the_empty_one_alone(  # type: ignore[no-untyped-def]
    qtbot, empty_window: MainWindow, tmp_path: Path
) -> None:
    window = empty_window
    qtbot.mouseClick(window.start_view.demo_button, LEFT)
    assert window.services.db.path is not None and window.services.db.path.name == "demo.sqlite"
    titles = [a.title for a in window.services.agreements.list_agreements()]
    assert "Solna – medborgarlöften 2022" in titles and len(titles) == 3
    assert window.right_stack.currentIndex() == 0, "the demo's pages, not the start view"
    window.database_files.open_database(tmp_path / "tom.sqlite")
    assert window.right_stack.currentWidget() is window.start_view
    assert window.services.agreements.list_agreements() == []


def test_f1_opens_the_user_guide_with_its_headings(qtbot, empty_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = empty_window
    assert window.user_guide_action.text() == "&Användarguide"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.user_guide
    assert isinstance(guide, UserGuideDialog)
    qtbot.waitUntil(guide.isVisible)
    assert guide.windowTitle() == "Användarguide"
    assert guide.headings() == GUIDE_HEADINGS
    assert "Välj ur startpaketet" in guide.browser.toPlainText()
    guide.close()
    qtbot.mouseClick(window.start_view.guide_button, LEFT)
    assert window.user_guide is guide and guide.isVisible()
