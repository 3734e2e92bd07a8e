"""What someone else saved in a shared database, handed to the operations runner (``Operations.take_in``,
fed by ui/shell/live_updates.py): pages hear of it as of their own edits, but it never becomes part
of this window's undo history, and it waits for an action of this window that is under way."""

from __future__ import annotations

import pytest

from promises_app.domain.changes import Action, Changes, RowChange
from promises_app.services import Services
from promises_app.ui.common.operations import Operations
from promises_app.ui.common.undo_commands import CreateOrganisationCommand, DoneOnPush

THEIRS = Changes.of([RowChange("follow_ups", 99, Action.UPDATE, 3, {"measure_id": 7})])


@pytest.fixture
def ops(qapp, services: Services) -> Operations:  # type: ignore[no-untyped-def]
    made = Operations()
    made.watch(services)
    return made


def test_others_changes_are_emitted_as_they_are(ops: Operations) -> None:
    heard: list[Changes] = []
    ops.changed.connect(heard.append)
    ops.take_in(THEIRS)
    assert heard == [THEIRS]
    assert heard[0].keys_of("follow_ups", "measure_id") == {7}
    assert ops.known_version("follow_ups", 99) is None, "not a version this window wrote"


def test_others_changes_wait_for_an_action_under_way_and_never_join_its_undo(
    qtbot, ops: Operations, services: Services  # type: ignore[no-untyped-def]
) -> None:
    heard: list[Changes] = []
    ops.changed.connect(heard.append)

    def action():  # type: ignore[no-untyped-def]
        made = services.register.create_organisation(name="Egen", kind="housing_company")
        ops.take_in(THEIRS)  # arrives (a nested event loop) while this window's action is under way
        return made

    made = ops.perform(action, parent=None, title="Test", undo=lambda r: CreateOrganisationCommand(services, r))
    assert made is not None
    assert [(r.table, r.row_id) for c in heard for r in c.rows] == [("organisations", made.id)]
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=2000)
    assert heard[1] == THEIRS
    command = ops.command(0)
    assert isinstance(command, DoneOnPush)
    assert command.touched == {("organisations", made.id)}, "the undo checks only this window's own rows"


def test_nothing_is_taken_in_after_the_window_let_go(ops: Operations) -> None:
    heard: list[Changes] = []
    ops.shut_down()
    ops.changed.connect(heard.append)
    ops.take_in(THEIRS)
    assert heard == []
