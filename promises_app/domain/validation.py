"""Validation of what a person types or imports (docs/reliability.md, P13).

Pure functions: they return the cleaned value or record an error that names the field, so
the form (or the import report) can point at the right place while keeping what was typed.
Messages are Swedish, the product's language; ``field`` is the stable attribute name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from promises_app.domain.errors import AppError

#: Lone surrogates (U+D800–U+DFFF) are refused too: they cannot be stored as UTF-8.
#: Bidirectional override and isolate characters: they can make text read differently from
#: what is stored (U+202A–U+202E, U+2066–U+2069).
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

NAME_MAX = 200
TITLE_MAX = 300
SHORT_TEXT_MAX = 2000
LONG_TEXT_MAX = 20000

#: The whole numbers a database column holds (64-bit): an id or a count outside this range
#: cannot be stored or looked up, and is refused as such rather than reaching the driver.
INTEGER_MIN = -(2**63)
INTEGER_MAX = 2**63 - 1

#: The most characters of a value any message quotes: a 10 MB field is not echoed whole.
QUOTE_LIMIT = 80


def shorten(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` as text for a message: one line, at most ``limit`` characters ("…" where cut).

    Characters that could make a message read differently or garble a terminal (line breaks,
    control, direction and other non-printable characters) are shown escaped (``\\n``,
    ``\\x1b``, ``\\u202e``). The one helper every message uses to quote what a person typed or a
    file held: domain and services use it, and so do the command line and the window.
    """
    text = value if isinstance(value, str) else _text_of(value)
    pieces: list[str] = []
    length = 0
    for char in text:  # stops at limit + 1: a 10 MB value costs no more than a short one
        piece = char if char.isprintable() else repr(char)[1:-1]
        pieces.append(piece)
        length += len(piece)
        if length > limit:
            return "".join(pieces)[: limit - 1] + "…"
    return "".join(pieces)


def _text_of(value: object) -> str:
    try:
        return repr(value)
    except ValueError:  # an int of more than 4 300 digits cannot be written out
        return "(ett tal med tusentals siffror)"


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` quoted for a message as ``repr`` would (``'Kiruna'``), but shortened by :func:`shorten`."""
    return f"'{shorten(value, limit)}'" if isinstance(value, str) else shorten(value, limit)


def shown_path(path: object, limit: int = QUOTE_LIMIT) -> str:
    """A file path for a message, at most about ``limit`` characters: cut from the left when
    longer ("…/mapp/rapport.json"), so the file's own name stays whole; escaped as by
    :func:`shorten`."""
    text = str(path)
    if len(text) > limit:
        text = text[-limit * 4:]  # enough for the tail however much escaping it needs
    escaped = shorten(text, limit=len(text) * 4 + 1)
    if len(escaped) <= limit and len(text) == len(str(path)):
        return escaped
    return "…" + escaped[-(limit - 1):]


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(AppError):
    """One or more fields are wrong; nothing was saved."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(error.message for error in self.errors))

    def for_field(self, field: str) -> list[str]:
        return [error.message for error in self.errors if error.field == field]


def forbidden_characters(value: str, *, multiline: bool) -> list[str]:
    """The characters of ``value`` that must not be stored, described for a message."""
    found: list[str] = []
    for char in value:
        if char in BIDI_CONTROLS or _CONTROL.match(char) or "\ud800" <= char <= "\udfff":
            found.append(f"U+{ord(char):04X}")
        elif not multiline and char in "\n\t\r":
            found.append({"\n": "radbrytning", "\t": "tabb", "\r": "radbrytning"}[char])
        elif multiline and char == "\r":
            continue  # normalised away below
    return sorted(set(found))


class Checker:
    """Collects field errors for one form or one imported object, then raises them together."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.errors: list[FieldError] = []

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(self.prefix + field, message))

    def text(
        self,
        field: str,
        value: object,
        *,
        label: str,
        max_length: int,
        required: bool = False,
        multiline: bool = False,
    ) -> str:
        """Return the cleaned text (trimmed; CR LF → LF in multi-line text), or record an error."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(field, f"{label}: måste vara text.")
            return ""
        if multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        # Look before trimming: a control character at either end is refused, not dropped.
        bad = forbidden_characters(value, multiline=multiline)
        cleaned = value.strip()
        if bad:
            self.add(field, f"{label}: otillåtna tecken ({', '.join(bad)}).")
        if required and not cleaned:
            self.add(field, f"{label} måste fyllas i.")
        if len(cleaned) > max_length:
            self.add(field, f"{label}: högst {max_length} tecken (nu {len(cleaned)}).")
        return cleaned

    def optional_int(
        self, field: str, value: object, *, label: str, minimum: int, maximum: int = 1_000_000
    ) -> int | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(field, f"{label}: måste vara ett heltal.")
            return None
        if not minimum <= value <= maximum:
            self.add(field, f"{label}: måste vara mellan {minimum} och {maximum}.")
        return value

    def date_value(self, field: str, value: object, *, label: str, required: bool) -> date | None:
        if value is None or value == "":
            if required:
                self.add(field, f"{label} måste fyllas i.")
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.add(field, f"{label}: ogiltigt datum {quoted(value)} (skriv ÅÅÅÅ-MM-DD).")
        return None

    def dates_in_order(
        self,
        first: date | None,
        second: date | None,
        *,
        field: str,
        first_label: str,
        second_label: str,
    ) -> None:
        if first is not None and second is not None and first > second:
            self.add(
                field,
                f"{second_label} ({second.isoformat()}) får inte vara före "
                f"{first_label.lower()} ({first.isoformat()}).",
            )

    def within(
        self,
        value: date | None,
        start: date,
        end: date,
        *,
        field: str,
        label: str,
        what: str = "överenskommelsens giltighetstid",
    ) -> None:
        if value is not None and not start <= value <= end:
            self.add(
                field,
                f"{label} ({value.isoformat()}) ligger utanför {what} "
                f"({start.isoformat()} – {end.isoformat()}).",
            )

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
