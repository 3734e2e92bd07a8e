from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

DEMO_TODAY = date(2022, 9, 1)


@pytest.fixture
def swedish_app(qapp):  # type: ignore[no-untyped-def]
    """The QApplication with the Swedish catalogues installed, removed again afterwards."""
    from promises_app.ui.shell.app import install_translators

    translators = install_translators(qapp, "sv")
    assert translators, "the Swedish catalogue (resources/translations/*.qm) is not built: run `make translations`"
    yield qapp
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def demo_ui_services(tmp_path: Path, _templates: dict[str, Path]) -> Iterator[object]:
    """The demo database opened as the window opens it (with the one-writer lock): a copy of the
    run's demo template (tests/conftest.py), so the demo is loaded once per run, not per test."""
    from promises_app.ui.shell.app import open_for_desktop

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_templates["demo"], path)
    services = open_for_desktop(path, first_run_demo=True)
    yield services
    services.db.close()
