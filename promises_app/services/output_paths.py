"""Which files an export may be written to: the window and the command line ask here (storage/output_guard.py).

The rule lives in storage, beside the database, lock and backup-folder names it protects; this
is the way up to the callers, who reach storage only through the services.
"""

from __future__ import annotations

from promises_app.domain.validation import shown_path
from promises_app.storage.output_guard import (
    OutputPathRefused,
    Refusal,
    check_output_path,
    refuse_protected,
)

__all__ = ["OutputPathRefused", "Refusal", "check_output_path", "refuse_protected", "shown_path"]
