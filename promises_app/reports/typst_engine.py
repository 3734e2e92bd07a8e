"""Typst: the engine that lays out every printed document (docs/architecture.md, "Documents").

Each document's layout is a Typst template in ``resources/documents`` (``followup.typ``,
``annual.typ``, ``agreement.typ``, all built on ``common.typ``). Python hands a template its
content as data, never as markup: the content is JSON in the ``data`` input, read by the
template with ``json(bytes(sys.inputs.data))``, so a comment that says ``#image("/etc/passwd")``
or ``*bold*`` prints as those characters (docs/reliability.md, P12). Pictures (the parties'
logos, the charts drawn by ``charts`` as SVG) are files written beside the template in a
temporary folder that is the compilation's root: a template can read nothing outside it.

A character none of the bundled fonts draws (a CJK ideograph, say) prints as U+FFFD: a tagged
PDF may not show text it cannot display, and the document must still come out.

Every PDF is tagged PDF/UA-1 (title, language ``sv``, headings, table headers, running header
and footer as artifacts); a signed agreement is PDF/A-2a as well. ``timestamp`` is the date the
document carries: the same content and date give the same bytes.

Fonts are the bundled ones only (DejaVu Sans, and Noto Emoji for emoji), never the system's:
a document looks the same on every machine.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

import typst

from promises_app.paths import resource

#: Every PDF: tagged, PDF/UA-1.
ACCESSIBLE: tuple[str, ...] = ("ua-1",)
#: The signed agreement: archival PDF/A-2 (level a, "accessible") and PDF/UA-1 together.
ARCHIVAL: tuple[str, ...] = ("a-2a", "ua-1")

_lock = threading.Lock()
_compiler: typst.Compiler | None = None


class DocumentError(RuntimeError):
    """A template could not be laid out (a fault in a template, not in the user's data)."""


def _shared_compiler() -> typst.Compiler:
    """One compiler for the process: the fonts are read once, not for every document."""
    global _compiler
    if _compiler is None:
        _compiler = typst.Compiler(font_paths=[str(resource("fonts"))], ignore_system_fonts=True)
    return _compiler


#: What prints in place of a character none of the bundled fonts has (a CJK ideograph, say):
#: a tagged PDF may not show text it cannot display, and the document must still be written.
MISSING_CHARACTER = "\ufffd"
_LAYOUT_CHARACTERS = frozenset("\n\t\r")


@cache
def printable_characters() -> frozenset[str]:
    """Every character the bundled fonts draw: in DejaVu Sans's regular and bold faces, or in Noto Emoji."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    def cmap(name: str) -> set[int]:
        return set(TTFontFile(str(resource("fonts", name))).charToGlyph)

    points = (cmap("DejaVuSans.ttf") & cmap("DejaVuSans-Bold.ttf")) | cmap("NotoEmoji-Regular.ttf")
    return frozenset(map(chr, points)) | _LAYOUT_CHARACTERS


def safe_text(text: str) -> str:
    """``text`` with each character no bundled font draws replaced by U+FFFD (the rest untouched)."""
    printable = printable_characters()
    if printable.issuperset(text):
        return text
    return "".join(ch if ch in printable else MISSING_CHARACTER for ch in text)


def printable_data(value: Any) -> Any:
    """``value`` (JSON-like) with ``safe_text`` applied to every string in it."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, Mapping):
        return {key: printable_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable_data(item) for item in value]
    return value


#: The characters common.typ's `emoji` pattern gives to Noto Emoji (the same ranges, kept in step).
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u200D\uFE0F\u20E3\U000E0020-\U000E007F]")


def emoji_input(payload: str) -> str:
    """The template's ``emoji`` input: "no" where the data holds no character of ``EMOJI``, and the
    template then sets all text in DejaVu Sans alone, matching no text against its emoji pattern
    (the same pages: the emoji font draws only those characters). A tenth of a long report's layout."""
    return "yes" if EMOJI.search(payload) else "no"


#: What Typst says of text that no font draws (a tagged PDF may not show such text).
UNDRAWABLE = "could not be displayed"


def _compile(
    main: Path, data: Mapping[str, Any], standards: Sequence[str], dated: date | str
) -> bytes | list[bytes] | None:
    payload = json.dumps(data, ensure_ascii=False)
    with _lock:
        return _shared_compiler().compile(
            input=str(main),
            root=str(main.parent),
            sys_inputs={"data": payload, "emoji": emoji_input(payload)},
            pdf_standards=list(standards),  # type: ignore[arg-type]  # checked by Typst itself
            timestamp=document_date(dated),
        )


def document_date(day: date | str) -> datetime:
    """The moment a document is dated by: noon UTC of ``day`` (the same calendar day everywhere)."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return datetime.combine(day, time(12), tzinfo=UTC)


def render(
    template: str,
    data: Mapping[str, Any],
    *,
    dated: date | str,
    files: Mapping[str, bytes] | None = None,
    standards: Sequence[str] = ACCESSIBLE,
) -> bytes:
    """The PDF of ``template`` (a file name in ``resources/documents``) laid out with ``data``.

    ``files`` are written beside the template under their names (logos, charts); ``dated`` is
    the document's own date (its metadata's creation date, which PDF/A requires).
    """
    folder = resource("documents")
    with tempfile.TemporaryDirectory(prefix="medborgarloften-doc-") as root:
        base = Path(root)
        for source in folder.glob("*.typ"):
            (base / source.name).write_bytes(source.read_bytes())
        for name, content in (files or {}).items():
            target = base / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        try:
            pdf = _compile(base / template, data, standards, dated)
        except typst.TypstError as error:
            if UNDRAWABLE not in error.message:
                raise DocumentError(f"{template}: {error.message}") from error
            # A character no bundled font has (rare: looking for them in every document costs more
            # than laying one out twice): laid out again with each such character replaced.
            try:
                pdf = _compile(base / template, printable_data(data), standards, dated)
            except typst.TypstError as again:
                raise DocumentError(f"{template}: {again.message}") from again
    if not isinstance(pdf, bytes):  # a PDF is one file; a list comes only for page images
        raise DocumentError(f"{template}: Typst returned no PDF")
    return pdf
