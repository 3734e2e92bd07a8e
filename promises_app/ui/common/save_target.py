"""The save dialog, asked until the chosen file may be written (never the database or what guards it).

Every "Save as…" of the window goes through ``ask_save_path``: the system's dialog, then the
rule of services/output_paths.py (not the open database, its ``-wal``/``-shm``/``-journal``, its
lock or backups, not another Medborgarlöften database, not a read-only file or a folder). A
refused choice is explained in the window's warning box, with the file and the reason, and the
dialog opens again where the person was, so they can choose another name; nothing is written
until they do. The writer checks once more as it writes (promises_app/files.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from promises_app.services.output_paths import OutputPathRefused, check_output_path, refuse_protected


def with_suffix(suffix: str) -> Callable[[Path], Path]:
    """``name`` → ``name.suffix`` unless it already ends so (in any case): what the exports add."""

    def complete(path: Path) -> Path:
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    return complete


def ask_save_path(
    parent: QWidget,
    title: str,
    proposed: Path,
    file_filter: str,
    *,
    database: Path | None,
    complete: Callable[[Path], Path] = lambda path: path,
    options: QFileDialog.Option = QFileDialog.Option(0),  # noqa: B008 - a flag value, not a mutable default
) -> Path | None:
    """The file to write (``complete`` applied: e.g. ``.json`` added), or None when the person cancels.

    ``database`` is the open database. The name as chosen is checked too when ``complete``
    changes it: picking the database itself in an export dialog is refused even though the
    export would have gone to ``<database>.json``, since it was surely not what was meant.
    """
    while True:
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(proposed), file_filter, options=options)
        if not chosen:
            return None
        picked = Path(chosen).expanduser()
        path = complete(picked)
        try:
            if path != picked:
                refuse_protected(picked, database)
            check_output_path(path, database)
        except OutputPathRefused as error:
            QMessageBox.warning(parent, title, str(error))
            proposed = picked.parent / proposed.name  # again, in the folder the person was in
            continue
        return path
