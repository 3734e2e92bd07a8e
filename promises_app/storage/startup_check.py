"""The start-up check of an open database, run beside the window (docs/data-safety.md, P6).

Every start checks the file: SQLite's ``quick_check``, or the full ``integrity_check`` when the
last session crashed. Both read every page, so on a big file they take a second or more, and
that time grows with the file. The window may show while the check runs, but nothing may be
written until it has passed, because a damaged file is never written to. So the window opens
its database with ``open_database(..., check_later=True)``: the check runs in a thread of its
own, on a connection of its own (SQLite lets go of Python's interpreter lock while it reads, so
the window builds itself meanwhile), and the :class:`StartupCheck` is handed to the
``Database``, whose every write and every backup first asks :meth:`StartupCheck.hold_writes`.
The window starts the check right after its first paint, so that on a machine with one free
core the check does not hold the window back; whatever needs its result first (a write, a
backup, ``wait``) starts it if nobody has:

* while the check runs, the write waits for it (at most ``write_wait_s`` seconds; after that it
  is refused with a Swedish message, nothing written, and the form keeps what was typed);
* when the check failed (damage, or a file that could not be read), every write is refused
  with the check's own message, which names the file and the newest backup, and the window
  offers the restore as it does for a file refused at start;
* when it passed, writes go through as before.

Reads are not held back: showing what is in the file writes nothing. A file another program
holds for a moment is checked again until it lets go (``BUSY_ATTEMPTS``), as a write would wait.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from promises_app.domain.errors import AppError
from promises_app.domain.validation import shown_path
from promises_app.storage.errors import DatabaseBusyError, StorageFailure

#: How long a write waits for a check still running before it is refused (seconds).
WRITE_WAIT_S = 10.0
#: How many times the check starts again while another program holds the file (each attempt
#: waits out SQLite's busy timeout, storage/engine.BUSY_TIMEOUT_MS, so about a minute in all).
BUSY_ATTEMPTS = 12

_log = logging.getLogger(__name__)


class CheckState(enum.Enum):
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"


class DatabaseCheckPending(StorageFailure):
    """A write came while the start-up check was still running, and waited for it in vain."""


class StartupCheck:
    """One start-up check running in the background; the gate every write passes through.

    ``check`` raises an :class:`AppError` naming the file when it finds damage or cannot read
    the file, and returns when the file is whole. Callbacks given to :meth:`when_done` run once,
    in the check's thread (or at once, in the caller's, if it has already ended).
    """

    def __init__(
        self, path: Path, check: Callable[[], None], *, full: bool, write_wait_s: float = WRITE_WAIT_S
    ) -> None:
        self.path = path
        #: True for the full integrity_check (after a crash), False for quick_check.
        self.full = full
        self.write_wait_s = write_wait_s
        #: How long the check took, once it has ended.
        self.seconds: float | None = None
        self._check = check
        self._done = threading.Event()
        self._stopping = threading.Event()
        self._guard = threading.Lock()
        self._failure: AppError | None = None
        self._callbacks: list[Callable[[StartupCheck], None]] = []
        self._started = False
        self._thread = threading.Thread(target=self._run, name="database-startup-check", daemon=True)

    def start(self) -> StartupCheck:
        """Start the check (once; calling again does nothing)."""
        with self._guard:
            if not self._started:
                self._started = True
                self._thread.start()
        return self

    @property
    def started(self) -> bool:
        return self._started

    @property
    def state(self) -> CheckState:
        if not self._done.is_set():
            return CheckState.RUNNING
        return CheckState.FAILED if self._failure is not None else CheckState.PASSED

    @property
    def failure(self) -> AppError | None:
        """What the check found (None while it runs, and when it passed)."""
        return self._failure if self._done.is_set() else None

    def wait(self, timeout: float | None = None) -> CheckState:
        """Wait for the check to end (at most ``timeout`` seconds; it starts now if it had not); its state then."""
        self.start()._done.wait(timeout)
        return self.state

    def hold_writes(self) -> None:
        """Return when a write may go ahead: wait for the check, refuse if it failed or still runs."""
        if not self.start()._done.wait(self.write_wait_s):
            thorough = " (grundligt, eftersom programmet inte avslutades ordentligt förra gången)" if self.full else ""
            raise DatabaseCheckPending(
                self.path,
                f"Databasen {shown_path(self.path)} kontrolleras fortfarande{thorough}, och ingenting sparas "
                "förrän kontrollen är klar. Ändringen sparades inte; försök igen om en stund.",
            )
        if self._failure is not None:
            raise self._failure.with_traceback(None)

    def when_done(self, callback: Callable[[StartupCheck], None]) -> None:
        """Call ``callback(self)`` once the check has ended (at once if it already has)."""
        with self._guard:
            if not self._done.is_set():
                self._callbacks.append(callback)
                return
        callback(self)

    def stop(self) -> None:
        """Let the check end (no further attempts on a busy file) and wait for it: the database closes."""
        self._stopping.set()
        with self._guard:
            started = self._started
        if started and self._thread is not threading.current_thread():
            self._thread.join()

    def _run(self) -> None:
        started = time.monotonic()
        failure: AppError | None = None
        try:
            for _attempt in range(BUSY_ATTEMPTS):
                try:
                    self._check()
                    failure = None
                    break
                except DatabaseBusyError as busy:  # another program holds the file: try again
                    failure = busy
                    if self._stopping.is_set():
                        break
        except AppError as error:
            failure = error
        except Exception as error:  # noqa: BLE001 - a check that breaks must still hold every write back
            _log.exception("Startkontrollen av %s misslyckades oväntat", self.path)
            failure = StorageFailure(
                self.path,
                f"Databasen {shown_path(self.path)} kunde inte kontrolleras ({type(error).__name__}). Ingenting "
                "har skrivits till den. Starta programmet igen; hjälper inte det, kör promises-app check.",
            )
        self.seconds = time.monotonic() - started
        kind = "integrity_check" if self.full else "quick_check"
        if failure is None:
            _log.info("Startkontrollen (%s) av %s godkänd på %.2f s", kind, self.path, self.seconds)
        else:
            _log.warning("Startkontrollen (%s) av %s underkänd: %s", kind, self.path, failure)
        with self._guard:
            self._failure = failure
            self._done.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            try:
                callback(self)
            except Exception:  # noqa: BLE001 - one listener's bug must not hide the result from the rest
                _log.exception("Fel i en mottagare av startkontrollens resultat")
