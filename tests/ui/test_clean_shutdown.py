"""A clean shutdown: closing the window after a day's work writes nothing to stderr.

The window's undo stack outlives every dialog and is taken down with the window; its destructor
clears what it still holds and so emits ``indexChanged``. Slots of a closed register dialog (and
of pages half taken down) then ran against deleted widgets: "libshiboken: Internal C++ object …
already deleted" on stderr at every close. Now every such connection ends with its owner
(ui/common/connections.py) and the stack falls silent when the window closes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QDialog

from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY

SOLNA = "Solna – medborgarlöften 2022"
REPO = Path(__file__).resolve().parents[2]


def visible(kind: type[QDialog]) -> QDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def take_down(window: MainWindow) -> None:
    """As the program does once its event loop has ended (``app.take_down``)."""
    shiboken6.delete(window)
    QApplication.processEvents()


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app) -> MainWindow:  # type: ignore[no-untyped-def]
    solna = next(a for a in demo_ui_services.agreements.list_agreements() if a.title == SOLNA)
    demo_ui_services.signoff.new_revision(solna.id)  # a draft: its plan can be edited
    made = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    made.show()
    qtbot.waitExposed(made)
    made.complete()
    made.select_agreement(solna.id)
    return made


def a_day_of_work(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Every page shown, the register and the focus areas opened and closed, one measure renamed."""
    from promises_app.ui.parties.register_dialog import RegisterDialog
    from promises_app.ui.plan.focus_area_dialog import FocusAreaListDialog

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    window.open_register()
    visible(RegisterDialog).reject()
    window.open_people()
    visible(RegisterDialog).accept()
    report = window.open_report_dialog()
    assert report is not None
    report.reject()
    plan = window.plan_page
    window.tabs.setCurrentWidget(plan)
    plan.open_focus_areas()
    visible(FocusAreaListDialog).reject()
    node = next(n for g in plan.model.groups() for p in g.children for n in p.children if n.status is not None)
    plan.select_measure(node.status.measure.id)
    plan.edit_selected()
    form = visible(MeasureForm)
    form.title_edit.selectAll()
    qtbot.keyClicks(form.title_edit, "Fotpatrullering i centrum")
    form.try_save()
    assert window.undo_stack.count() == 1
    QApplication.processEvents()


def test_closing_after_edits_and_dialogs_leaves_no_traceback(qtbot, capfd, window):
    """The window taken down with its history: the stack's destructor used to tell the closed
    register dialog, whose widgets were gone ("Internal C++ object … already deleted")."""
    a_day_of_work(qtbot, window)
    window.close()
    take_down(window)
    _out, err = capfd.readouterr()
    assert "Traceback" not in err
    assert "already deleted" not in err


def test_undo_and_clear_after_the_close_reach_no_one(qtbot, capfd, window):
    a_day_of_work(qtbot, window)
    stack = window.undo_stack
    window.close()
    assert stack.count() == 0, "the history went with the database"
    stack.undo()
    stack.clear()
    QApplication.processEvents()
    take_down(window)
    _out, err = capfd.readouterr()
    assert "Traceback" not in err


def test_a_closed_register_dialog_no_longer_follows_the_stack(qtbot, window):
    """The register dialog used to refresh on every undo long after it was closed."""
    from promises_app.ui.parties.register_dialog import RegisterDialog

    window.open_register()
    dialog = visible(RegisterDialog)
    refreshed: list[int] = []
    dialog.model.modelReset.connect(lambda: refreshed.append(1))
    window.undo_stack.indexChanged.emit(0)
    assert refreshed, "open, it follows the undo stack"
    dialog.reject()
    refreshed.clear()
    window.undo_stack.indexChanged.emit(0)
    assert refreshed == []
    window.close()
    take_down(window)


def test_the_real_program_closes_without_a_word_on_stderr(tmp_path):
    """``run_desktop`` as the program runs it, in its own process: the window opened on the demo,
    the register opened and closed, a follow-up recorded, then the window closed from the event loop."""
    driver = textwrap.dedent("""
        import sys
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from promises_app.ui.shell import app as shell
        from promises_app.ui.shell.main_window import MainWindow

        def work():
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
            window.complete()
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
            window.open_register().reject()
            window.open_people().accept()
            page = window.followup_page
            window.tabs.setCurrentWidget(page)
            page.copy_previous_period()
            assert window.undo_stack.count() == 1
            window.close()

        QTimer.singleShot(0, work)
        sys.exit(shell.run_desktop(Path(sys.argv[1]), first_run_demo=True))
    """)
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", driver, str(tmp_path / "demo.sqlite")], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if "propagateSizeHints" not in line]
    assert lines == []


def test_the_log_takes_an_error_at_close_not_stderr(capfd, caplog):
    from promises_app.ui.shell.app import ExceptionHook

    hook = ExceptionHook()
    hook.closing = True
    try:
        raise RuntimeError("Internal C++ object (QPushButton) already deleted.")
    except RuntimeError as error:
        hook(type(error), error, error.__traceback__)
    assert "already deleted" in caplog.text
    assert hook.dialog is None, "no dialog once the window has closed"
    assert capfd.readouterr().err == ""
