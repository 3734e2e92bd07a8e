"""A follow-up conflict in the person's words: status, light, count and comment, theirs and yours.

Used by the follow-up form, the typed-into grid and the undo of a follow-up edit, so the three
show the same dialog (``ui/common/conflict_dialog.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services.base import FieldValues
from promises_app.services.records import FollowUpRecord, LastChange
from promises_app.ui.common.conflict_dialog import Conflict, ConflictField
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.labels import label
from promises_app.ui.common.undo_commands import short


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpConflict", text)


def values_of(record: FollowUpRecord | None) -> FieldValues:
    """A follow-up's fields as the form holds them (none recorded: as a new form starts)."""
    if record is None:
        return {"status": FollowUpStatus.IN_PROGRESS.value, "light": TrafficLight.NOT_ASSESSED.value,
                "count_achieved": None, "comment": ""}
    return {"status": record.status.value, "light": record.light.value,
            "count_achieved": record.count_achieved, "comment": record.comment}


def _status(value: object) -> str:
    try:
        return label(FollowUpStatus(str(value)))
    except ValueError:
        return str(value)


def _light(value: object) -> str:
    try:
        return label(TrafficLight(str(value)))
    except ValueError:
        return str(value)


def _count(value: object) -> str:
    return "–" if value is None or value == "" else str(value)


def follow_up_conflict(
    measure_title: str, period: str, theirs: FollowUpRecord | None, mine: FieldValues, *,
    counted: bool, last_change: LastChange | None, gone: bool = False, mine_gone: bool = False,
    step: bool = False,
) -> Conflict:
    """The dialog's content: ``theirs`` as saved now (None: none recorded), ``mine`` as typed."""
    saved = values_of(theirs)
    fields = [
        ConflictField(_tr("Status"), _status(saved["status"]), _status(mine["status"])),
        ConflictField(_tr("Traffic light"), _light(saved["light"]), _light(mine["light"])),
    ]
    if counted:
        fields.append(ConflictField(_tr("Achieved so far"), _count(saved["count_achieved"]),
                                    _count(mine["count_achieved"])))
    fields.append(ConflictField(_tr("Comment"), str(saved["comment"]), str(mine["comment"])))
    return Conflict(
        what=fill(_tr("The follow-up of «%1» for %2"), short(measure_title), period),
        fields=tuple(fields),
        last_change=last_change,
        gone=gone or theirs is None,
        mine_gone=mine_gone,
        step=step,
    )
