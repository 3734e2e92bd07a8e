"""What the window asks of every page of an agreement (Översikt, Plan, Uppföljning, Parter,
Lägesbild, Versioner, Alla åtgärder).

The window holds its pages as ``list[AgreementPage]`` instead of a union of the seven classes,
so it can show, reload and switch databases for a page it does not know by name, and a new page
only has to offer these members (mypy checks each page against them where the window lists it).
A structural ``Protocol`` rather than a base class: the pages are ``QWidget`` subclasses with
their own layouts, and Qt's metaclass does not mix with ``abc.ABC``.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction

from promises_app.services import Services
from promises_app.ui.common.write_access import WriteAccess


class AgreementPage(Protocol):
    #: The agreement the page shows (None: none selected, or not read since the page was hidden).
    agreement_id: int | None
    #: The page's actions that write, greyed out as one for an account that may not (the window sets it).
    write_access: WriteAccess

    def set_services(self, services: Services) -> None:
        """The window works in another database (opened, or reopened after a restore): forget
        every id and cached row of the old one."""

    def set_agreement(self, agreement_id: int | None) -> None:
        """Show ``agreement_id`` (None: nothing), reading it again even if it is the one shown."""

    def refresh(self) -> None:
        """Read the shown agreement again (after an edit, an undo or a redo)."""

    def actions_for_menu(self) -> list[QAction | None]:
        """The page's actions for the window's menus, in order (None: a separator)."""
