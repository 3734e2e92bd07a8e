"""The change log's head as printed on a document: the anchor outside the database.

Anyone who can write the database file can also rewrite its change log and compute the hash
chain again: an unkeyed chain only proves what is inside the file. So every PDF the program
writes carries the log's head at that moment (the database's id, how many entries the log
had, and the hash of the last one), in its metadata and, shortened, in its footer. Later,
``promises-app verify-db --against FILE.pdf`` (or ``--against 1234:9f2c1a0b7e3d``, typed from
a printed footer) checks that the database still holds that entry with that hash, and that
the chain up to it is whole: a log rewritten or cut short before it shows (docs/data-safety.md).

No SQLAlchemy and no Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: In a PDF's keywords: ``medborgarloften-log:<database id>:<entries>:<sha256 of the last entry>``.
KEYWORD = "medborgarloften-log:"
#: How many hex digits of the head the footer shows (and the least a typed anchor must give).
SHORT_HEX = 12

_KEYWORD = re.compile(re.escape(KEYWORD) + r"([0-9a-f-]{36}):(\d{1,12}):([0-9a-f]{64})")
_TYPED = re.compile(rf"\s*(?:logg\s*)?(\d{{1,12}})\s*[:·]\s*([0-9a-fA-F]{{{SHORT_HEX},64}})\s*", re.IGNORECASE)


@dataclass(frozen=True)
class LogAnchor:
    """The log's head: ``entries`` entries, the last with hash ``head`` (a prefix, when typed)."""

    entries: int
    head: str
    #: The database the log is in; "" when the anchor was typed from a printed footer.
    database_id: str = ""

    def keyword(self) -> str:
        """The form kept in a PDF's keywords."""
        return f"{KEYWORD}{self.database_id}:{self.entries}:{self.head}"

    def short(self) -> str:
        """The form printed in a footer and typed back: ``1234:9f2c1a0b7e3d``."""
        return f"{self.entries}:{self.head[:SHORT_HEX]}"

    @property
    def complete(self) -> bool:
        """Whether the whole head is known (not only the printed prefix)."""
        return len(self.head) == 64


def find_in_text(text: str) -> LogAnchor | None:
    """The anchor in a PDF's keywords (or any text holding the keyword form), if there is one."""
    match = _KEYWORD.search(text)
    if match is None:
        return None
    return LogAnchor(entries=int(match[2]), head=match[3], database_id=match[1])


def parse_typed(text: str) -> LogAnchor | None:
    """An anchor typed from a printed footer (``1234:9f2c1a0b7e3d``, "Logg 1234 · 9f2c…"), or None."""
    match = _TYPED.fullmatch(text)
    if match is None:
        return None
    return LogAnchor(entries=int(match[1]), head=match[2].lower())
