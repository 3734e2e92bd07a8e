"""Reading a rendered PDF back: its text per page, text with positions, and the page furniture removed."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

FOOTER = re.compile(r"Sida \d+ av \d+ · Revision \d+ · Fingeravtryck [0-9a-f]{12}(?: · Logg (\d+):([0-9a-f]{12}))?")


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


#: A word Typst hyphenated at a line's end ("plat-" / "ser"), and its soft hyphens.
_HYPHENATED = re.compile(r"(?<=\w)[-\u00ad]\n(?=\w)")


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text as a reader gets it, words hyphenated at a line's end joined again."""
    return [_HYPHENATED.sub("", page.extract_text()).replace("\u00ad", "") for page in reader(pdf).pages]


def normalise(text: str) -> str:
    """Whitespace (line breaks from wrapping included) collapsed to single spaces."""
    return " ".join(text.split())


def flat_text(pdf: bytes) -> str:
    return normalise("\n".join(page_texts(pdf)))


def body_text(pdf: bytes, *, repeated: tuple[str, ...] = ()) -> str:
    """The text without footers, the draft mark and ``repeated`` lines (a table's repeated header).

    The page furniture goes first, so that a word hyphenated at the end of a page (a long table
    cell going on over the next) is joined again with its end on the next page.
    """
    pages = []
    for page in reader(pdf).pages:
        lines = FOOTER.sub("", page.extract_text()).split("\n")
        pages.append("\n".join(line for line in lines if line.strip() not in {"UTKAST", *repeated}).strip())
    flat = _HYPHENATED.sub("", "\n".join(pages)).replace("\u00ad", "")
    flat = normalise(flat)
    for line in repeated:
        flat = flat.replace(line, " ")
    return normalise(flat)


def positioned_lines(pdf: bytes, page_index: int) -> list[tuple[float, float, str]]:
    """(x, y, text) of each text line on a page, top to bottom."""
    lines: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            lines.append((round(x, 1), round(y, 1), text.strip()))

    reader(pdf).pages[page_index].extract_text(visitor_text=visit)
    return sorted(lines, key=lambda line: (-line[1], line[0]))


def columns(lines: list[tuple[float, float, str]]) -> dict[float, str]:
    """The lines grouped by their left edge, each column's text top to bottom."""
    grouped: dict[float, list[str]] = {}
    for x, _y, text in lines:
        grouped.setdefault(x, []).append(text)
    return {x: normalise(" ".join(texts)) for x, texts in grouped.items()}


def assert_in_order(text: str, items: list[str]) -> None:
    """Each of ``items`` occurs in ``text``, each after the one before."""
    position = 0
    for item in items:
        found = text.find(item, position)
        assert found >= 0, f"{item!r} not found after position {position} in {text[position:position + 300]!r}"
        position = found + len(item)


def link_annotations(pdf: bytes) -> list[object]:
    links = []
    for page in reader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            obj = annotation.get_object()
            if obj.get("/Subtype") == "/Link":
                links.append(obj)
    return links


def image_count(pdf: bytes) -> int:
    """The images the pages show, summed over the pages: drawn on a page, or in a form it shows."""
    return sum(_images_in(page) for page in reader(pdf).pages)


def _images_in(holder, depth: int = 0) -> int:  # type: ignore[no-untyped-def]
    resources = _resolved(holder.get("/Resources")) or {}
    xobjects = _resolved(resources.get("/XObject")) or {}
    count = 0
    for xobject in xobjects.values():
        obj = xobject.get_object()
        if obj.get("/Subtype") == "/Image":
            count += 1
        elif obj.get("/Subtype") == "/Form" and depth < 8:  # a report's header: drawn once, shown on every page
            count += _images_in(obj, depth + 1)
    return count


def _resolved(value):  # type: ignore[no-untyped-def]
    return value.get_object() if hasattr(value, "get_object") else value
