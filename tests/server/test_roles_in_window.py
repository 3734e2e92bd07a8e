"""The window on a shared database shows who is connected and greys out what the account may not do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from promises_app.services import Services
from promises_app.storage.database import open_database
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import AppSettings
from tests.server.conftest import Shared
from tests.services.test_signoff import SOLNA
from tests.ui.conftest import DEMO_TODAY, swedish_app  # noqa: F401 - the fixture, for these tests

LEFT = Qt.MouseButton.LeftButton
#: Set to a folder to keep the screenshots (docs/screenshots is where the docs take theirs from).
SCREENSHOTS = os.environ.get("ROLES_SCREENSHOTS")


@pytest.fixture
def open_window(qtbot, swedish_app, tmp_path: Path, shared: Shared, monkeypatch):  # type: ignore[no-untyped-def]  # noqa: F811
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: warnings.append(text))
    windows: list[MainWindow] = []

    def open_as(account: str) -> tuple[MainWindow, list[str]]:
        settings = AppSettings(QSettings(str(tmp_path / f"{account}.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Services(shared.open_as(account)), today=lambda: DEMO_TODAY, settings=settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window, warnings

    yield open_as
    for window in windows:
        window.close()
        window.services.db.close()


def _draft(shared: Shared) -> int:
    """Solna's agreement made a draft again by its owner: a plan where everything could be edited."""
    database = open_database(shared.server.url(shared.name))
    try:
        services = Services(database)
        agreement_id = services.agreements.find_agreements(SOLNA)[0].id
        services.signoff.new_revision(agreement_id)
        return agreement_id
    finally:
        database.close()


def _plan_edits(window: MainWindow) -> list:  # type: ignore[type-arg]
    page = window.plan_page
    return [page.new_measure_action, page.new_promise_action, page.edit_action, page.delete_action]


def test_a_reader_sees_who_is_connected_and_every_edit_greyed_out(open_window: object, shared: Shared,
                                                                  qtbot) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(shared)
    window, warnings = open_window(shared.reader)  # type: ignore[operator]
    assert window.account_label.isVisible()
    assert window.account_label.text() == f"Ansluten som {shared.reader} (läsa)"
    assert f"rollen {shared.roles.editor}" in window.account_label.toolTip()
    assert window.windowTitle().startswith("Medborgarlöften – postgresql")  # the shared database it is on
    assert window.windowTitle().endswith("(skrivskyddad)")
    assert not window.read_only_label.isVisible()  # the account's label says it
    assert window.agreement_model.rowCount() == 2  # everything reads

    for action in (window.new_agreement_action, window.import_json_action, window.carry_over_action):
        assert not action.isEnabled(), action.text()
    # A draft agreement's plan, where everything could be edited: a measure selected, still nothing.
    window.select_agreement(draft)
    window.tabs.setCurrentIndex(window.plan_tab)
    window.plan_page.select_measure(window.services.plan.list_measures(draft)[0].id)
    for action in _plan_edits(window):
        assert not action.isEnabled(), action.text()
        assert f"rollen {shared.roles.editor}" in action.toolTip()
    followup = window.followup_page
    assert not followup.edit_action.isEnabled()
    assert followup.view.editTriggers() == followup.view.EditTrigger.NoEditTriggers
    parties = window.parties_page
    assert not parties.add_party_action.isEnabled()
    situation = window.situation_page
    assert not situation.new_walk_action.isEnabled()
    versions = window.versions_page
    for action in (versions.sign_action, versions.new_revision_action, versions.attach_action, versions.adopt_action):
        assert not action.isEnabled(), action.text()
    assert versions.preview_action.isEnabled()  # looking is allowed
    assert warnings == []
    if SCREENSHOTS:
        window.tabs.setCurrentIndex(window.plan_tab)
        qtbot.wait(50)
        window.grab().save(str(Path(SCREENSHOTS) / "window-as-reader.png"))


def test_an_editor_edits_but_signing_is_greyed_out_naming_the_signers_role(open_window: object,
                                                                            shared: Shared) -> None:
    draft = _draft(shared)
    window, _warnings = open_window(shared.editor)  # type: ignore[operator]
    assert window.account_label.text() == f"Ansluten som {shared.editor} (redigera)"
    assert window.windowTitle().startswith("Medborgarlöften – postgresql") and "skrivskyddad" not in window.windowTitle()
    assert window.new_agreement_action.isEnabled()
    window.select_agreement(draft)
    window.tabs.setCurrentIndex(window.versions_tab)
    versions = window.versions_page
    for action in (versions.sign_action, versions.adopt_action):
        assert not action.isEnabled(), action.text()
        assert f"Att underteckna och fastställa kräver rollen {shared.roles.signer}." in action.toolTip()
    assert not versions.sign_button.isEnabled()  # the button says it too, where the person points
    assert f"kräver rollen {shared.roles.signer}" in versions.sign_button.toolTip()
    window.tabs.setCurrentIndex(window.plan_tab)
    assert window.plan_page.new_promise_action.isEnabled()


def test_a_signer_may_sign(open_window: object, shared: Shared) -> None:
    draft = _draft(shared)
    window, _warnings = open_window(shared.signer)  # type: ignore[operator]
    assert window.account_label.text() == f"Ansluten som {shared.signer} (underteckna)"
    window.select_agreement(draft)
    window.tabs.setCurrentIndex(window.versions_tab)
    assert window.versions_page.sign_action.isEnabled()
    assert window.versions_page.adopt_action.isEnabled()
