"""Render the main window on the demo data to PNG files (offscreen), for the README and review.

    python -m promises_app.ui.shell.screenshots OUTPUT_FOLDER

"Today" is fixed at 2022-09-01 (just after the demo's second tertial) so the pictures are
reproducible and show the demo's overdue measure.

Every page of the window is pictured: Översikt (main-window.png), Plan with the measure form,
Uppföljning with its editor, Parter och undertecknare, Lägesbild och indikatorer, Versioner,
Alla åtgärder, and the new-agreement wizard at its last step.

The versions pictures show the demo's citizen promise after a new revision was started and one
measure's deadline moved (through the services, as an edit would), and the sign-off dialog for
that draft over the window; the report picture the report dialog over the window, with the
follow-up report for the second tertial chosen (the latest period ended by "today").
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QWidget

SCREEN_SIZE = (1366, 768)
DEMO_TODAY = date(2022, 9, 1)
DEMO_PROMISE = "Solna – medborgarlöften 2022"
#: The edit made to the new draft: the overdue lighting measure gets a later deadline.
MOVED_MEASURE = "belysning"
NEW_DEADLINE = date(2022, 10, 31)
#: What the report dialog's picture has typed under "Nästa steg".
NEXT_STEPS = "Belysningen i Solna centrum prioriteras under hösten; ny trygghetsvandring i oktober."


def render(output: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from promises_app.ui.shell.app import application, install_translators, open_for_desktop
    from promises_app.ui.shell.main_window import MainWindow

    app = application()
    install_translators(app)
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        services = open_for_desktop(Path(folder) / "demo.sqlite", first_run_demo=True)
        window = MainWindow(services, today=lambda: DEMO_TODAY)
        window.resize(*SCREEN_SIZE)
        window.show()
        app.processEvents()
        written = [output / "main-window.png"]  # the start page: Översikt
        window.grab().save(str(written[0]))

        agreement_id = next(a.id for a in services.agreements.list_agreements() if a.title == DEMO_PROMISE)
        overdue = window.overview_page.overdue_list.model.record_at(0)
        window.tabs.setCurrentIndex(window.followup_tab)
        window.followup_page.select_cell(overdue.measure_id, "2022-T2")
        app.processEvents()
        written.append(output / "followup-page.png")
        window.grab().save(str(written[-1]))
        editor = window.followup_page.edit_follow_up()
        assert editor is not None
        app.processEvents()
        written.append(output / "followup-editor.png")
        _over_window(window, editor).save(str(written[-1]))
        editor.reject()

        window.tabs.setCurrentIndex(window.parties_tab)
        app.processEvents()
        written.append(output / "parties-page.png")
        window.grab().save(str(written[-1]))

        window.tabs.setCurrentIndex(window.measures_tab)
        app.processEvents()
        written.append(output / "all-measures-page.png")
        window.grab().save(str(written[-1]))

        from promises_app.ui.agreements.new_agreement_wizard import NewAgreementWizard

        wizard = NewAgreementWizard(services, window.undo_stack, agreement_id, parent=window)
        wizard.show()
        wizard.next()
        wizard.next()
        app.processEvents()
        written.append(output / "new-agreement-wizard.png")
        _over_window(window, wizard).save(str(written[-1]))
        wizard.reject()

        services.signoff.new_revision(agreement_id)
        measure = next(m for m in services.plan.list_measures(agreement_id) if MOVED_MEASURE in m.title)
        services.plan.update_measure(measure.id, expected_version=measure.version, deadline=NEW_DEADLINE)
        window.reload()
        window.select_agreement(agreement_id)
        window.tabs.setCurrentIndex(window.plan_tab)
        window.plan_page.select_measure(measure.id)
        app.processEvents()
        written.append(output / "plan-page.png")
        window.grab().save(str(written[-1]))
        form = window.plan_page.edit_measure()
        assert form is not None
        app.processEvents()
        written.append(output / "measure-dialog.png")
        _over_window(window, form).save(str(written[-1]))
        form.reject()
        window.tabs.setCurrentIndex(window.versions_tab)
        app.processEvents()
        written.append(output / "versions-page.png")
        window.grab().save(str(written[-1]))

        dialog = window.versions_page.sign()
        assert dialog is not None
        app.processEvents()
        written.append(output / "signoff-dialog.png")
        _over_window(window, dialog).save(str(written[-1]))
        dialog.reject()

        window.tabs.setCurrentIndex(window.measures_tab)
        report = window.open_report_dialog()
        assert report is not None
        report.next_steps_edit.setPlainText(NEXT_STEPS)
        app.processEvents()
        written.append(output / "report-dialog.png")
        _over_window(window, report).save(str(written[-1]))
        report.reject()
        publish = window.open_publish_dialog()
        assert publish is not None
        publish.next_steps_edit.setPlainText(NEXT_STEPS)
        publish.folder_edit.setText(str(Path.home() / "Publicering" / "medborgarloften-2022-T2"))
        app.processEvents()
        written.append(output / "publish-dialog.png")
        _over_window(window, publish).save(str(written[-1]))
        publish.reject()

        from promises_app.ui.shell.situation_screenshot import fill_demo

        fill_demo(services, agreement_id)
        window.reload()
        window.select_agreement(agreement_id)
        window.tabs.setCurrentIndex(window.situation_tab)
        page = window.situation_page
        page.select_finding(page.finding_model.records()[-1].id)  # the one not made into a measure yet
        app.processEvents()
        written.append(output / "situation-page.png")
        window.grab().save(str(written[-1]))
        window.close()
        services.db.close()
    return written


def _over_window(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window with the dialog drawn centred over it, framed, as a person sees it (offscreen
    windows have no decorations, and a dialog is a window of its own)."""
    from PySide6.QtGui import QColor, QPainter, QPen

    picture = window.grab()
    shot = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))  # the window behind is dimmed
    x = (picture.width() - shot.width()) // 2
    y = (picture.height() - shot.height()) // 2
    painter.drawPixmap(x, y, shot)
    painter.setPen(QPen(QColor("#555555"), 1))
    painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    return picture


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
