"""Undo commands of the Plan page: focus areas, promises, measures and their occurrences.

Every command is a :class:`~promises_app.ui.common.undo_commands.DoneOnPush`: the edit is carried out
through the services first (a refused edit shows its error in the form and never reaches the
stack), then pushed already done; undo and redo call the services again, one transaction each.

A delete returns everything it took away (``services.plan.delete_*``) and the matching
``restore_*`` puts it back in one transaction: a promise with all its measures, their
occurrences and follow-ups, under their old ids where free. Where a restore had to take a new
id, the :class:`~promises_app.ui.situation.situation_commands.Ref` every command holds for that row is
moved, so later commands on the stack follow it. A create is undone by a delete, and redone by
a restore of what that delete returned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.plan import FocusAreaBackup, IdMap, MeasureBackup, PromiseBackup
from promises_app.services.records import FocusAreaRecord, MeasureRecord, OccurrenceRecord, PromiseRecord
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.undo_commands import DoneOnPush, Ref, Refs, Report, short

FOCUS_AREA, PROMISE, MEASURE, OCCURRENCE, FOLLOW_UP = (
    "focus_area",
    "promise",
    "measure",
    "occurrence",
    "follow_up",
)
#: What the measure dialog edits (and so what undo of a change puts back).
MEASURE_EDIT_FIELDS = (
    "promise_id",
    "title",
    "description",
    "cause",
    "responsible_id",
    "contact_id",
    "participant_ids",
    "focus_area_id",
    "start_date",
    "deadline",
    "target_count",
    "target_unit",
)
PROMISE_EDIT_FIELDS = ("text", "description", "maker_ids", "as_written")
FOCUS_AREA_EDIT_FIELDS = ("name", "description")
OCCURRENCE_EDIT_FIELDS = ("occurred_on", "place", "note")


class PlanCommand(DoneOnPush):
    """A plan edit: the services, and the Refs that follow rows made again under new ids."""

    def __init__(self, text: str, services: Services, refs: Refs, report: Report | None) -> None:
        super().__init__(text, report)
        self.services = services
        self.refs = refs
        #: Refs of the rows the last delete took away, by (kind, id at the time).
        self._held: dict[tuple[str, int], Ref] = {}

    def _hold(self, rows: Iterable[tuple[str, int]]) -> None:
        """The rows are deleted: keep their Refs to move when they come back, and forget them as live."""
        self._held = {}
        for kind, row_id in rows:
            ref = self.refs.of(kind, row_id)
            self._held[(kind, row_id)] = ref
            self.refs.forget(kind, ref)

    def _restored(self, ids: IdMap) -> None:
        for (kind, old_id), new_id in ids.items():
            ref = self._held.get((kind, old_id))
            if ref is not None:
                self.refs.moved(kind, ref, new_id)
            else:
                self.refs.of(kind, new_id)


def _measure_rows(backup: MeasureBackup) -> list[tuple[str, int]]:
    return [
        (MEASURE, backup.measure.id),
        *((OCCURRENCE, o.id) for o in backup.occurrences),
        *((FOLLOW_UP, f.id) for f in backup.follow_ups),
    ]


def _promise_rows(backup: PromiseBackup) -> list[tuple[str, int]]:
    rows = [(PROMISE, backup.promise.id)]
    for measure in backup.measures:
        rows.extend(_measure_rows(measure))
    return rows


# --- focus areas ----------------------------------------------------------------------------------
class _FocusAreaLife(PlanCommand):
    """Shared by create (undo deletes) and delete (undo restores)."""

    def __init__(
        self, text: str, services: Services, refs: Refs, record: FocusAreaRecord, report: Report | None
    ) -> None:
        super().__init__(text, services, refs, report)
        self.ref = refs.of(FOCUS_AREA, record.id)
        self.backup: FocusAreaBackup | None = None

    def _delete(self) -> None:
        self.backup = self.services.plan.delete_focus_area(self.ref.id)
        self._hold([(FOCUS_AREA, self.ref.id)])

    def _restore(self) -> None:
        assert self.backup is not None
        made = self.services.plan.restore_focus_area(self.backup)
        self._restored({(FOCUS_AREA, self.backup.focus_area.id): made.id})


class CreateFocusAreaCommand(_FocusAreaLife):
    def __init__(
        self, services: Services, refs: Refs, created: FocusAreaRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Add focus area %1"), short(created.name)),
            services,
            refs,
            created,
            report,
        )

    def revert(self) -> None:
        self._delete()

    def apply(self) -> None:
        self._restore()


class DeleteFocusAreaCommand(_FocusAreaLife):
    """Carried out with ``apply()`` before it is pushed; undo brings it back to its measures."""

    def __init__(
        self, services: Services, refs: Refs, record: FocusAreaRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Delete focus area %1"), short(record.name)),
            services,
            refs,
            record,
            report,
        )

    def apply(self) -> None:
        self._delete()

    def revert(self) -> None:
        self._restore()


class _UpdateCommand(PlanCommand):
    """Changed fields of a row (``FIELDS``); undo puts the old values back, redo the new ones."""

    FIELDS: tuple[str, ...] = ()

    def __init__(
        self,
        text: str,
        services: Services,
        refs: Refs,
        ref: Ref,
        before: Any,
        after: Any,
        report: Report | None,
    ) -> None:
        super().__init__(text, services, refs, report)
        self.ref = ref
        self.before = {f: getattr(before, f) for f in self.FIELDS}
        self.after = {f: getattr(after, f) for f in self.FIELDS}

    def revert(self) -> None:
        self._update(self.ref.id, self.before)

    def apply(self) -> None:
        self._update(self.ref.id, self.after)

    def _update(
        self, row_id: int, values: FieldValues
    ) -> None:  # pragma: no cover - every command overrides it
        raise NotImplementedError


class UpdateFocusAreaCommand(_UpdateCommand):
    FIELDS = FOCUS_AREA_EDIT_FIELDS

    def __init__(
        self,
        services: Services,
        refs: Refs,
        before: FocusAreaRecord,
        after: FocusAreaRecord,
        report: Report | None = None,
    ) -> None:
        text = fill(QCoreApplication.translate("PlanCommands", "Change focus area %1"), short(after.name))
        super().__init__(text, services, refs, refs.of(FOCUS_AREA, after.id), before, after, report)

    def _update(self, row_id: int, values: FieldValues) -> None:
        self.services.plan.update_focus_area(row_id, **values)


class _MoveCommand(PlanCommand):
    """A row to another place among its siblings; undo puts it back at its old one."""

    def __init__(
        self,
        text: str,
        services: Services,
        refs: Refs,
        ref: Ref,
        old_index: int,
        new_index: int,
        report: Report | None,
    ) -> None:
        super().__init__(text, services, refs, report)
        self.ref = ref
        self.old_index, self.new_index = old_index, new_index

    def apply(self) -> None:
        self._move(self.ref.id, self.new_index)

    def revert(self) -> None:
        self._move(self.ref.id, self.old_index)

    def _move(self, row_id: int, index: int) -> None:  # pragma: no cover - every command overrides it
        raise NotImplementedError


class MoveFocusAreaCommand(_MoveCommand):
    """Carried out with ``apply()`` before it is pushed."""

    def __init__(
        self,
        services: Services,
        refs: Refs,
        record: FocusAreaRecord,
        new_index: int,
        report: Report | None = None,
    ) -> None:
        text = fill(QCoreApplication.translate("PlanCommands", "Move focus area %1"), short(record.name))
        super().__init__(
            text, services, refs, refs.of(FOCUS_AREA, record.id), record.position, new_index, report
        )

    def _move(self, row_id: int, index: int) -> None:
        self.services.plan.move_focus_area(row_id, index)


# --- promises -------------------------------------------------------------------------------------
class _PromiseLife(PlanCommand):
    def __init__(
        self, text: str, services: Services, refs: Refs, record: PromiseRecord, report: Report | None
    ) -> None:
        super().__init__(text, services, refs, report)
        self.ref = refs.of(PROMISE, record.id)
        self.backup: PromiseBackup | None = None

    def _delete(self) -> None:
        self.backup = self.services.plan.delete_promise(self.ref.id)
        self._hold(_promise_rows(self.backup))

    def _restore(self) -> None:
        assert self.backup is not None
        _record, ids = self.services.plan.restore_promise(self.backup)
        self._restored(ids)


class CreatePromiseCommand(_PromiseLife):
    def __init__(
        self, services: Services, refs: Refs, created: PromiseRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Add promise «%1»"), short(created.text)),
            services,
            refs,
            created,
            report,
        )

    def revert(self) -> None:
        self._delete()

    def apply(self) -> None:
        self._restore()


class DeletePromiseCommand(_PromiseLife):
    """One command for the promise and all its measures (with their occurrences and follow-ups).

    Carried out with ``apply()`` before it is pushed; undo puts all of it back in one transaction.
    """

    def __init__(
        self, services: Services, refs: Refs, record: PromiseRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Delete promise «%1»"), short(record.text)),
            services,
            refs,
            record,
            report,
        )

    def apply(self) -> None:
        self._delete()

    def revert(self) -> None:
        self._restore()


class UpdatePromiseCommand(_UpdateCommand):
    FIELDS = PROMISE_EDIT_FIELDS

    def __init__(
        self,
        services: Services,
        refs: Refs,
        before: PromiseRecord,
        after: PromiseRecord,
        report: Report | None = None,
    ) -> None:
        text = fill(QCoreApplication.translate("PlanCommands", "Change promise «%1»"), short(after.text))
        super().__init__(text, services, refs, refs.of(PROMISE, after.id), before, after, report)

    def _update(self, row_id: int, values: FieldValues) -> None:
        self.services.plan.update_promise(row_id, **values)


class MovePromiseCommand(_MoveCommand):
    """Carried out with ``apply()`` before it is pushed."""

    def __init__(
        self,
        services: Services,
        refs: Refs,
        record: PromiseRecord,
        new_index: int,
        report: Report | None = None,
    ) -> None:
        text = fill(QCoreApplication.translate("PlanCommands", "Move promise «%1»"), short(record.text))
        super().__init__(
            text, services, refs, refs.of(PROMISE, record.id), record.position, new_index, report
        )

    def _move(self, row_id: int, index: int) -> None:
        self.services.plan.move_promise(row_id, index)


# --- measures -------------------------------------------------------------------------------------
class _MeasureLife(PlanCommand):
    def __init__(
        self, text: str, services: Services, refs: Refs, record: MeasureRecord, report: Report | None
    ) -> None:
        super().__init__(text, services, refs, report)
        self.ref = refs.of(MEASURE, record.id)
        self.promise = refs.of(PROMISE, record.promise_id)
        self.focus_area = (
            refs.of(FOCUS_AREA, record.focus_area_id) if record.focus_area_id is not None else None
        )
        self.backup: MeasureBackup | None = None

    def _delete(self) -> None:
        self.backup = self.services.plan.delete_measure(self.ref.id)
        self._hold(_measure_rows(self.backup))

    def _restore(self) -> None:
        assert self.backup is not None
        measure = replace(
            self.backup.measure,
            promise_id=self.promise.id,
            focus_area_id=self.focus_area.id if self.focus_area is not None else None,
        )
        _record, ids = self.services.plan.restore_measure(replace(self.backup, measure=measure))
        self._restored(ids)


class CreateMeasureCommand(_MeasureLife):
    def __init__(
        self, services: Services, refs: Refs, created: MeasureRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Add measure «%1»"), short(created.title)),
            services,
            refs,
            created,
            report,
        )

    def revert(self) -> None:
        self._delete()

    def apply(self) -> None:
        self._restore()


class PasteMeasuresCommand(PlanCommand):
    """Measures pasted from Excel or Word (paste_measures_dialog.py): one step to undo for all.

    Undo takes them all away, redo puts them all back, each in one transaction."""

    def __init__(self, services: Services, refs: Refs, created: tuple[MeasureRecord, ...],
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Paste %1 measure(s)"), len(created)),
            services, refs, report,
        )
        self.measures = [refs.of(MEASURE, record.id) for record in created]
        self.backups: tuple[MeasureBackup, ...] = ()

    def revert(self) -> None:
        self.backups = self.services.measure_paste.remove([ref.id for ref in self.measures])
        self._hold([row for backup in self.backups for row in _measure_rows(backup)])

    def apply(self) -> None:
        self._restored(self.services.measure_paste.restore(self.backups))


class DeleteMeasureCommand(_MeasureLife):
    """Carried out with ``apply()`` before it is pushed; undo brings back its occurrences and follow-ups too."""

    def __init__(
        self, services: Services, refs: Refs, record: MeasureRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Delete measure «%1»"), short(record.title)),
            services,
            refs,
            record,
            report,
        )

    def apply(self) -> None:
        self._delete()

    def revert(self) -> None:
        self._restore()


class UpdateMeasureCommand(PlanCommand):
    """Undo puts the old values back (and the measure back at its place if it changed promise)."""

    def __init__(
        self,
        services: Services,
        refs: Refs,
        before: MeasureRecord,
        after: MeasureRecord,
        report: Report | None = None,
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Change measure «%1»"), short(after.title)),
            services,
            refs,
            report,
        )
        self.ref = refs.of(MEASURE, after.id)
        self.before, self.after = self._fields(before), self._fields(after)
        self.before_position, self.after_position = before.position, after.position

    def _fields(self, record: MeasureRecord) -> FieldValues:
        values: FieldValues = {f: getattr(record, f) for f in MEASURE_EDIT_FIELDS}
        values["participant_ids"] = list(record.participant_ids)
        values["promise_id"] = self.refs.of(PROMISE, record.promise_id)
        if record.focus_area_id is not None:
            values["focus_area_id"] = self.refs.of(FOCUS_AREA, record.focus_area_id)
        return values

    def _set(self, values: FieldValues, position: int) -> None:
        resolved = {k: (v.id if isinstance(v, Ref) else v) for k, v in values.items()}
        current = self.services.plan.get_measure(self.ref.id)
        self.services.plan.update_measure(self.ref.id, allow_outside_agreement=True, **resolved)
        if current.promise_id != resolved["promise_id"]:
            self.services.plan.move_measure(self.ref.id, position)

    def revert(self) -> None:
        self._set(self.before, self.before_position)

    def apply(self) -> None:
        self._set(self.after, self.after_position)


class MoveMeasureCommand(_MoveCommand):
    """Carried out with ``apply()`` before it is pushed (within its promise)."""

    def __init__(
        self,
        services: Services,
        refs: Refs,
        record: MeasureRecord,
        new_index: int,
        report: Report | None = None,
    ) -> None:
        text = fill(QCoreApplication.translate("PlanCommands", "Move measure «%1»"), short(record.title))
        super().__init__(
            text, services, refs, refs.of(MEASURE, record.id), record.position, new_index, report
        )

    def _move(self, row_id: int, index: int) -> None:
        self.services.plan.move_measure(row_id, index)


# --- occurrences ----------------------------------------------------------------------------------
class _OccurrenceLife(PlanCommand):
    def __init__(
        self, text: str, services: Services, refs: Refs, record: OccurrenceRecord, report: Report | None
    ) -> None:
        super().__init__(text, services, refs, report)
        self.ref = refs.of(OCCURRENCE, record.id)
        self.measure = refs.of(MEASURE, record.measure_id)
        self.record = record

    def _delete(self) -> None:
        self.record = self.services.plan.delete_occurrence(self.ref.id)
        self._hold([(OCCURRENCE, self.ref.id)])

    def _restore(self) -> None:
        made = self.services.plan.restore_occurrence(replace(self.record, measure_id=self.measure.id))
        self._restored({(OCCURRENCE, self.record.id): made.id})


def _occurrence_name(record: OccurrenceRecord) -> str:
    return ", ".join(filter(None, [format_date(record.occurred_on), short(record.place)]))


class AddOccurrenceCommand(_OccurrenceLife):
    def __init__(
        self, services: Services, refs: Refs, created: OccurrenceRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("PlanCommands", "Log occurrence %1"), _occurrence_name(created)),
            services,
            refs,
            created,
            report,
        )

    def revert(self) -> None:
        self._delete()

    def apply(self) -> None:
        self._restore()


class DeleteOccurrenceCommand(_OccurrenceLife):
    """Carried out with ``apply()`` before it is pushed."""

    def __init__(
        self, services: Services, refs: Refs, record: OccurrenceRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(
                QCoreApplication.translate("PlanCommands", "Delete occurrence %1"), _occurrence_name(record)
            ),
            services,
            refs,
            record,
            report,
        )

    def apply(self) -> None:
        self._delete()

    def revert(self) -> None:
        self._restore()


class UpdateOccurrenceCommand(_UpdateCommand):
    FIELDS = OCCURRENCE_EDIT_FIELDS

    def __init__(
        self,
        services: Services,
        refs: Refs,
        before: OccurrenceRecord,
        after: OccurrenceRecord,
        report: Report | None = None,
    ) -> None:
        text = fill(
            QCoreApplication.translate("PlanCommands", "Change occurrence %1"), _occurrence_name(after)
        )
        super().__init__(text, services, refs, refs.of(OCCURRENCE, after.id), before, after, report)

    def _update(self, row_id: int, values: FieldValues) -> None:
        self.services.plan.update_occurrence(row_id, **values)
