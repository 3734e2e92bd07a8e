"""What other people save in a shared database shows in the open window, with who saved it.

On a PostgreSQL server several coordinators keep the same agreements at once. The change log
announces every committed write (storage/server_notify.py); a follower on its own thread and
connection reads which rows another person's write touched (storage/live_changes.py) and hands
them here as the same ``Changes`` the window's own edits produce. This object brings them to
the window's thread (a queued signal) and gives them to the operations runner
(``Operations.take_in``), so every open page refreshes exactly those rows, as after an edit of
its own; the status bar says who changed it and when ("Ändrat av anna.berg kl. 14.03").

A dropped connection is taken up again by the follower without a word. The follower stops when
the window lets go of its database (closing, or opening another one) and its thread ends
before the database is closed. A SQLite file has one writer, so nothing is followed there.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTime, Signal
from PySide6.QtWidgets import QLabel

from promises_app.services import Services
from promises_app.services.changes import follow_others
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.operations import Operations

if TYPE_CHECKING:  # loaded with the follower, only for a shared database
    from promises_app.services.changes import ChangeFollower, OthersChanges


class LiveUpdates(QObject):
    """Follows the shared database behind the window's services; ``label`` is for the status bar."""

    #: (follower number, OthersChanges), emitted on the follower's thread, taken on the window's.
    _arrived = Signal(int, object)

    def __init__(self, runner: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._follower: ChangeFollower | None = None
        #: Which follower is current: what an earlier one still sends is dropped.
        self._number = 0
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setVisible(False)
        self._arrived.connect(self._take, Qt.ConnectionType.QueuedConnection)

    @property
    def follower(self) -> ChangeFollower | None:
        """The running follower (None: a SQLite file, or stopped)."""
        return self._follower

    def follow(self, services: Services) -> None:
        """Follow what others save in ``services``'s database from now on (nothing for a file)."""
        self.stop()
        self._number += 1
        number = self._number
        self.label.setText("")
        self.label.setVisible(False)
        self._follower = follow_others(services.db, lambda others: self._arrived.emit(number, others))

    def stop(self) -> None:
        """Stop following (the thread ends and its connection closes) before the database is closed."""
        follower, self._follower = self._follower, None
        self._number += 1
        if follower is not None:
            follower.stop()

    def _take(self, number: int, others: OthersChanges) -> None:
        if number != self._number:
            return  # from a follower stopped meanwhile (another database)
        self._runner.take_in(others.changes)
        local = others.at.astimezone()
        time = self._time(local)
        if others.user is None:
            self.label.setText(fill(self.tr("Changed by others while the connection was lost, last at %1"), time))
            tip = self.tr("Saved by others in the shared database while the connection was lost, last on %1 "
                          "at %2. The pages show it.")
            self.label.setToolTip(fill(tip, format_date(local.date()), time))
        else:
            self.label.setText(fill(self.tr("Changed by %1 at %2"), others.user, time))
            tip = self.tr("Saved by %1 in the shared database on %2 at %3. The pages show it.")
            self.label.setToolTip(fill(tip, others.user, format_date(local.date()), time))
        self.label.setVisible(True)

    def _time(self, moment: datetime) -> str:
        # Translators: the time of day in the status bar, as a Qt time format (Swedish: "HH.mm").
        return QTime(moment.hour, moment.minute).toString(self.tr("HH:mm"))
