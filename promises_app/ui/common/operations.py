"""The operations runner: every user action, its undo step, its errors and one ``changed`` signal.

Modelled on Anki's ``CollectionOp``/``OpChanges`` (docs/architecture.md, "One edit, from key
press to database and back"). :class:`Operations` *is* the window's one ``QUndoStack``, so every
page, dialog and the Edit menu keep the stack they had, and gains what the stack alone lacked:

* **What changed.** The database tells the runner the rows of every committed write
  transaction (``Database.listeners``; ``domain/changes.Changes``: tables, ids, new versions,
  foreign keys). The changes of one user action are emitted once, as ``changed(Changes)``:
  when its undo command is pushed, when :meth:`perform` ends, when an undo or redo ends, or,
  for a write no command follows (signing, an import), when control returns to the event loop.
  Pages refresh only the rows it names (targeted ``dataChanged``), never everything.
* **Undo that never overwrites.** The runner remembers, for every row this window wrote, the
  version it wrote. An undo or redo first checks, inside its own write transaction, that the
  rows its command touched are still at those versions (``storage.change_capture.expecting``);
  if someone else changed one meanwhile, nothing is written; the conflict dialog shows theirs
  beside what the step would write (Ta deras / Behåll mitt / Avbryt) when the command can say
  it, else the conflict is reported and the command leaves the stack (``DoneOnPush``).
* **Errors in one place.** :meth:`perform` catches every :class:`AppError` (the one root of
  user-facing errors, ``domain/errors.py``) and shows its Swedish message, logging the
  details; anything else is a bug and reaches the unexpected-error dialog.
* **Reads shared by the pages.** While ``changed`` is being delivered, :meth:`shared` computes a
  read once for every page that asks for it (the follow-ups of the measures an edit touched are
  read once for the grid, the plan and the measure list).
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from promises_app.domain.changes import Action, Changes, RowChange
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.changes import RowChangedError, collecting, expecting, listen, merged, stop_listening
from promises_app.services.errors import ConflictError
from promises_app.services.records import RowNow
from promises_app.ui.common.conflict_dialog import Choice
from promises_app.ui.common.conflict_dialog import ask as ask_conflict

if TYPE_CHECKING:
    from promises_app.ui.common.undo_commands import DoneOnPush

T = TypeVar("T")
RowKey = tuple[str, int]

_log = logging.getLogger(__name__)


class Operations(QUndoStack):
    """The window's one undo stack and the runner every user action goes through."""

    #: The Changes of one user action (or of an undo/redo), once.
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self._gui_thread = threading.get_ident()
        self._lock = threading.Lock()
        #: The version this window last wrote of each row (None: it deleted the row).
        self._versions: dict[RowKey, int | None] = {}
        #: Changes committed on the GUI thread outside perform/replay, not yet emitted.
        self._pending: list[Changes] = []
        self._busy = 0
        self._memo: dict[Hashable, Any] | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush_pending)

    # --- the database ---------------------------------------------------------------------
    def watch(self, services: Services) -> None:
        """Follow the writes of ``services``'s database (the window opened it); forgets the last one's."""
        if self._services is services:
            return
        if self._services is not None:
            stop_listening(self._services.db, self._learn)
        self._services = services
        with self._lock:
            self._versions.clear()
        self._pending.clear()
        listen(services.db, self._learn)

    def shut_down(self) -> None:
        """The window closes and lets go of its database: the history goes, and no one hears of
        this stack again. (QUndoStack's destructor clears a stack that still holds commands, and so
        emits ``indexChanged`` while the window's widgets are half taken down: their slots raised
        "Internal C++ object … already deleted". Cleared here with the signals blocked, it has
        nothing left to say; what still follows it is disconnected.)"""
        self._flush_timer.stop()
        self._pending.clear()
        if self._services is not None:
            stop_listening(self._services.db, self._learn)
            self._services = None
        self.blockSignals(True)
        try:
            self.clear()
        finally:
            self.blockSignals(False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # PySide warns of a signal nothing follows
            for signal in (self.changed, self.indexChanged, self.cleanChanged, self.canUndoChanged,
                           self.canRedoChanged, self.undoTextChanged, self.redoTextChanged):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):  # nothing connected to it
                    pass

    def _learn(self, changes: Changes) -> None:
        """Database listener (any thread): remember the versions; queue GUI-thread writes."""
        with self._lock:
            self._versions.update(changes.latest_versions())
        if self._busy or threading.get_ident() != self._gui_thread:
            return  # collected by perform/replay, or carried back by the background task
        self._pending.append(changes)
        self._flush_timer.start()

    def known_version(self, table: str, row_id: int) -> int | None:
        with self._lock:
            return self._versions.get((table, row_id))

    def expected_for(self, rows: set[RowKey]) -> dict[RowKey, int | None]:
        """What each of ``rows`` must still be for an undo to go ahead (rows never seen: unchecked)."""
        with self._lock:
            return {key: self._versions[key] for key in rows if key in self._versions}

    # --- running an action --------------------------------------------------------------------
    def perform(
        self,
        action: Callable[[], T],
        *,
        parent: QWidget | None,
        title: str,
        undo: Callable[[T], DoneOnPush] | None = None,
        raise_errors: bool = False,
    ) -> T | None:
        """Run one user action: the service call, its undo command, its errors, one ``changed``.

        Returns the action's result, or None when it failed (the message was shown). With
        ``raise_errors`` a form that shows errors at its fields gets the AppError instead.
        """
        self._flush_pending()
        failure: AppError | None = None
        self._busy += 1
        try:
            with collecting() as collected:
                try:
                    result = action()
                except AppError as error:
                    failure = error
        finally:
            self._busy -= 1
        changes = merged(collected)
        if failure is not None:
            self.emit_changes(changes)  # an action of several transactions may have saved a part
            if raise_errors:
                raise failure
            self.report(parent, title, failure)
            return None
        if undo is not None:
            command = undo(result)
            self._push_with(command, changes)
        else:
            self.emit_changes(changes)
        return result

    def perform_long(
        self,
        action: Callable[[], T],
        *,
        parent: QWidget | None,
        title: str,
        label: str,
        undo: Callable[[T], DoneOnPush] | None = None,
    ) -> T:
        """:meth:`perform` for work that can take long (an import, an agreement carried over):
        the action runs in a pool thread while a busy dialog shows and the window keeps
        painting; then, back on the GUI thread, the undo command and one ``changed``. AppErrors
        come back raised here (the caller's form shows them where they belong), after the
        changes of any transaction that did commit were emitted."""
        self._flush_pending()
        task = _LongTask(action)
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setCancelButton(None)  # a write transaction is not stopped halfway
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(300)
        loop = QEventLoop()
        task.signals.done.connect(loop.quit)
        QThreadPool.globalInstance().start(task)
        if not task.finished:
            loop.exec()
        dialog.close()
        dialog.deleteLater()
        if task.error is not None:
            self.emit_changes(task.changes)
            if isinstance(task.error, AppError):
                log_error(title, task.error)
            raise task.error
        result: T = task.result
        if undo is not None:
            self._push_with(undo(result), task.changes)
        else:
            self.emit_changes(task.changes)
        return result

    def push(self, cmd: QUndoCommand) -> None:
        """Push a command whose action was just carried out; emits what that action changed."""
        pending = merged(self._pending)
        self._pending.clear()
        self._flush_timer.stop()
        self._push_with(cmd, pending)

    def _push_with(self, cmd: QUndoCommand, changes: Changes) -> None:
        from promises_app.ui.common.undo_commands import DoneOnPush

        if isinstance(cmd, DoneOnPush):
            cmd.attach(self, changes)
        super().push(cmd)
        self.emit_changes(changes)

    def replay(self, command: DoneOnPush, action: Callable[[], None], *, undoing: bool = True) -> bool:
        """Undo (``undoing``) or redo ``command`` (``action`` is its revert or apply): checked,
        collected, emitted.

        A row changed by someone else since this window wrote it refuses the step before anything is
        written. If the command can say what it would write (``DoneOnPush.conflict``), the conflict
        dialog asks: Ta deras (the step leaves the stack, the rows are read again), Behåll mitt (the
        step is done over their version, still one step) or Avbryt (nothing written, the step stays
        where it was on the stack). Otherwise, and for any other AppError, False: nothing was
        written by it, the command is made obsolete (the stack drops it) and the reason reported."""
        self._flush_pending()
        self._busy += 1
        ok = True
        choice: Choice | None = None
        seen: RowNow | None = None
        try:
            with collecting() as collected:
                while True:
                    try:
                        with expecting(self.expected_for(command.touched)):
                            action()
                        break
                    except AppError as error:
                        now = self._row_now(error)
                        conflict = command.conflict(now, undoing=undoing) if now is not None else None
                        if now is None or conflict is None:
                            ok = False
                            command.refused(error)
                            break
                        log_error(command.text(), error)
                        seen = now
                        choice = ask_conflict(conflict, self._dialog_parent())
                        if choice is not Choice.MINE:
                            ok = False
                            break
                        self._take_version(command, now)
            changes = merged(collected)
        finally:
            self._busy -= 1
        if choice is Choice.THEIRS:
            command.setObsolete(True)  # their version stays; this step no longer describes it
        elif choice is Choice.CANCEL:
            command.skip_once()  # put back on the stack where it was, once the stack has moved on
            QTimer.singleShot(0, lambda: self._put_back(command, undoing=undoing))
        if ok:
            command.touched |= set(changes.latest_versions()) | {(r.table, r.row_id) for r in changes.rows}
        elif not changes:
            # The rows are not what this window showed: read the ones the command touches again.
            changes = Changes.of(_updated(command.touched) + _seen(seen))
        self.emit_changes(changes)
        return ok

    def _row_now(self, error: AppError) -> RowNow | None:
        """The row someone else changed, as it is now (None: ``error`` is no such conflict)."""
        if isinstance(error, ConflictError):
            return error.now
        if isinstance(error, RowChangedError) and self._services is not None:
            try:
                return self._services.rows_now.row(error.table, error.row_id)
            except AppError as failure:
                log_error("rows_now", failure)
        return None

    def _take_version(self, command: DoneOnPush, now: RowNow) -> None:
        """Behåll mitt: expect the row as it is now from here on."""
        if now.row_id is not None:
            with self._lock:
                self._versions[(now.table, now.row_id)] = now.version if now.record is not None else None
        command.take_version(now)

    def _put_back(self, command: DoneOnPush, *, undoing: bool) -> None:
        """After Avbryt: the stack's index back to before the cancelled undo (redo), writing nothing."""
        at = self.index() if undoing else self.index() - 1
        if 0 <= at < self.count() and self.command(at) is command:
            if undoing:
                self.redo()
            else:
                self.undo()
        else:
            command.skip_once(False)  # (the stack moved on meanwhile: nothing to put back)

    def _dialog_parent(self) -> QWidget | None:
        parent = self.parent()
        return QApplication.activeWindow() or (parent if isinstance(parent, QWidget) else None)

    def _flush_pending(self) -> None:
        self._flush_timer.stop()
        if self._pending:
            changes = merged(self._pending)
            self._pending.clear()
            self.emit_changes(changes)

    def emit_changes(self, changes: Changes) -> None:
        """Tell every page once (nothing when nothing changed)."""
        if not changes:
            return
        self._memo = {}
        try:
            self.changed.emit(changes)
        finally:
            self._memo = None

    def take_in(self, changes: Changes) -> None:
        """What someone else saved in a shared database (ui/shell/live_updates.py): one ``changed``,
        so every page refreshes the rows it names, as after an edit of this window's own.

        The versions this window wrote are left as they are: an undo of a row someone else has
        changed since is then refused, never written over their work. While an action of this
        window is under way (a message box shown inside an undo), it waits for the action to end."""
        if self._services is None or not changes:
            return
        if self._busy:
            QTimer.singleShot(50, self, lambda: self.take_in(changes))
            return
        self._flush_pending()
        self.emit_changes(changes)

    def emit_everything(self) -> None:
        """Another database, a restore: every page reads what it shows again."""
        self._pending.clear()
        self.emit_changes(Changes.everything())

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` once per ``changed`` delivery for all pages asking with the same key."""
        if self._memo is None:
            return compute()
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def do_then_push(
        self, command: DoneOnPush, *, parent: QWidget | None, title: str,
        on_error: Callable[[AppError], None] | None = None,
    ) -> bool:
        """Carry out a command that needs no form (delete, move), then push it already done."""

        def action() -> bool:
            command.apply()
            return True

        try:
            done = self.perform(action, parent=parent, title=title, undo=lambda _done: command,
                                raise_errors=on_error is not None)
        except AppError as error:
            assert on_error is not None
            log_error(title, error)
            on_error(error)
            return False
        return done is not None

    # --- errors ----------------------------------------------------------------------------------
    def report(self, parent: QWidget | None, title: str, error: AppError) -> None:
        report_error(parent, title, error)


class _LongTaskSignals(QObject):
    done = Signal()


class _LongTask(QRunnable):
    """One action in a pool thread, with the Changes of what it committed there."""

    def __init__(self, action: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _LongTaskSignals()
        self._action = action
        self.result: Any = None
        self.error: BaseException | None = None
        self.changes = Changes()
        self.finished = False

    def run(self) -> None:
        with collecting() as collected:
            try:
                self.result = self._action()
            except BaseException as error:  # noqa: BLE001 - raised again on the GUI thread
                self.error = error
        self.changes = merged(collected)
        self.finished = True
        self.signals.done.emit()


def log_error(title: str, error: AppError) -> None:
    """Every user-facing error is logged with its details (the kind and the chain of causes)."""
    _log.info("%s: %s", title, error.details())


def report_error(parent: QWidget | None, title: str, error: AppError) -> None:
    """The one place a user-facing error is shown in a message box (and logged)."""
    log_error(title, error)
    QMessageBox.warning(parent, title, error.message)


def run_command(
    stack: QUndoStack, command: DoneOnPush, *, parent: QWidget | None, title: str,
    on_error: Callable[[AppError], None] | None = None,
) -> bool:
    """``Operations.do_then_push`` on the window's stack; the same steps on a bare stack (a test of
    one page): False, with the error shown (or handed to ``on_error``), when it was refused."""
    if isinstance(stack, Operations):
        return stack.do_then_push(command, parent=parent, title=title, on_error=on_error)
    try:
        command.apply()
    except AppError as error:
        log_error(title, error)
        if on_error is not None:
            on_error(error)
        else:
            report_error(parent, title, error)
        return False
    stack.push(command)
    return True


def _updated(rows: set[RowKey]) -> list[RowChange]:
    return [RowChange(table, row_id, Action.UPDATE) for table, row_id in sorted(rows)]


def _seen(now: RowNow | None) -> list[RowChange]:
    """The row a conflict showed, with the foreign keys its record names (a follow-up's
    ``measure_id``), so the pages find what to read again without a read of their own."""
    if now is None or now.row_id is None or now.record is None:
        return []
    keys = {name: value for name, value in vars(now.record).items()
            if name.endswith("_id") and (value is None or isinstance(value, int))}
    return [RowChange(now.table, now.row_id, Action.UPDATE, now.version, keys)]


def perform_long(
    stack: QUndoStack | None, action: Callable[[], T], *, parent: QWidget | None, title: str, label: str
) -> T:
    """``Operations.perform_long`` on the window's runner; without one (a dialog tested alone), directly."""
    if isinstance(stack, Operations):
        return stack.perform_long(action, parent=parent, title=title, label=label)
    return action()
