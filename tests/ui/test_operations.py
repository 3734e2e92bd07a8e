"""The operations runner (ui/common/operations.py) on its own: one ``changed`` per action, long work off
the GUI thread, errors back where they belong, and undo on the window's one stack."""

from __future__ import annotations

import threading

import pytest

from promises_app.domain.changes import Action, Changes
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.records import OrganisationRecord
from promises_app.ui.common.operations import Operations
from promises_app.ui.common.undo_commands import CreateOrganisationCommand


@pytest.fixture
def ops(qapp, services: Services) -> Operations:  # type: ignore[no-untyped-def]
    made = Operations()
    made.watch(services)
    return made


def test_long_work_runs_off_the_gui_thread_and_its_changes_arrive_once(ops: Operations, services: Services) -> None:
    heard: list[Changes] = []
    ops.changed.connect(heard.append)
    threads: list[int] = []

    def action() -> OrganisationRecord:
        threads.append(threading.get_ident())
        return services.register.create_organisation(name="Bostadsbolaget", kind="housing_company")

    made = ops.perform_long(action, parent=None, title="Test", label="Arbetar…",
                            undo=lambda record: CreateOrganisationCommand(services, record))
    assert threads and threads[0] != threading.get_ident(), "the service call ran in a pool thread"
    assert made.name == "Bostadsbolaget"
    assert len(heard) == 1 and [(r.table, r.row_id, r.action) for r in heard[0].rows] == [
        ("organisations", made.id, Action.INSERT)
    ]
    assert ops.count() == 1
    ops.undo()
    assert all(o.id != made.id for o in services.register.list_organisations())
    assert len(heard) == 2 and heard[1].rows[0].action is Action.DELETE


def test_a_refusal_in_long_work_comes_back_raised_and_nothing_is_pushed(ops: Operations, services: Services) -> None:
    with pytest.raises(ValidationError) as refused:
        ops.perform_long(lambda: services.register.create_organisation(name="", kind="housing_company"),
                         parent=None, title="Test", label="Arbetar…",
                         undo=lambda record: CreateOrganisationCommand(services, record))
    assert "Namn" in str(refused.value)
    assert ops.count() == 0


def test_a_write_no_command_follows_is_still_emitted_once_when_control_returns(qtbot, ops: Operations,  # type: ignore[no-untyped-def]
                                                                             services: Services) -> None:
    heard: list[Changes] = []
    ops.changed.connect(heard.append)
    services.register.create_organisation(name="A", kind="housing_company")
    services.register.create_organisation(name="B", kind="housing_company")
    assert heard == []
    qtbot.waitUntil(lambda: len(heard) == 1)
    assert {r.table for r in heard[0].rows} == {"organisations"} and len(heard[0].rows) == 2
