"""The printed agreement: ``AgreementContent`` laid out by ``resources/documents/agreement.typ``.

Here the content becomes the template's data (plain strings and widths: user text stays text,
docs/reliability.md P12) and the parties' logos become files beside it; the template does the
layout. Every agreement PDF is tagged PDF/UA-1; a signed one (any state but a draft) is PDF/A-2a
as well (typst_engine.ARCHIVAL), dated by its signing day, so it is the same PDF whenever it is
made and can be archived as signed. A draft is dated by the day it is printed.

Revisions signed before schema 7 keep only their PDF's hash: they are made again by the
renderer of that time (``agreement_pdf_legacy``), never by this one (``agreement_document``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import cm

from promises_app.reports import agreement_content as c
from promises_app.reports import fonts, typst_engine
from promises_app.reports.agreement_content import AgreementContent
from promises_app.reports.document_data import logo_files, page_data
from promises_app.reports.font_metrics import text_width
from promises_app.reports.formatting import log_footer
from promises_app.reports.page_layout import CELL_FONT_SIZE, CELL_PADDING, longest_word

__all__ = [
    "CONTENT_HASH_KEYWORD",
    "agreement_data",
    "content_keywords",
    "document_day",
    "render_agreement_pdf",
    "signature_grid",
]


#: How the content hash is written into the PDF's metadata (ASCII, so it can be found in the
#: raw bytes even of a damaged file): ``promises-app verify`` reads it back.
CONTENT_HASH_KEYWORD = "medborgarloften-content-sha256:"

#: The agreement's side margins, in centimetres (as the agreement was always printed).
MARGIN_CM = 2.2
#: The width of the text on an A4 page, portrait and landscape (the action plan), in points.
BODY_WIDTH = {False: (21.0 - 2 * MARGIN_CM) * cm, True: (29.7 - 2 * MARGIN_CM) * cm}
#: The most parties side by side on the signature page, and the room between two of them.
SIGNATURE_COLUMNS_MAX = 4
SIGNATURE_GUTTER = 12.0
#: The type sizes of the signature block (as in agreement.typ and common.typ): names, titles.
BODY_SIZE = 10.5
DETAIL_SIZE = 9.5
#: What prints under the title of a draft, and in its running header.
DRAFT_NOTE = "Utkast – inte undertecknat"
DRAFT_MARK = "UTKAST"
#: The action plan's columns: each row's field, and how the room left by the snug ones is shared.
ACTION_PLAN_KEYS = dict(zip(c.ACTION_PLAN_COLUMNS, ("cause", "measure", "target", "when", "who"), strict=True))
_FLEX_WEIGHTS = {"cause": 1.0, "measure": 1.0, "who": 1.0}


def content_keywords(content: AgreementContent) -> str:
    """The PDF's keywords: the content hash and revision (``verify``), the log's head (``verify-db``)."""
    words = []
    if content.content_sha256:
        words.append(f"{CONTENT_HASH_KEYWORD}{content.content_sha256} revision:{content.revision}")
    if content.log_anchor is not None:
        words.append(content.log_anchor.keyword())
    return " ".join(words)


def document_day(content: AgreementContent, today: date | None = None) -> date:
    """The day the PDF is dated by: a signed revision's own day, a draft's day of printing."""
    if content.document_date and not content.is_draft:
        return date.fromisoformat(content.document_date)
    return today or date.today()


def render_agreement_pdf(
    content: AgreementContent, *, appendix: bool = True, logos: dict[str, bytes] | None = None,
    dated: date | None = None,
) -> bytes:
    """The agreement as PDF bytes. ``logos``: picture bytes by party name, shown in party order.

    A draft is PDF/UA-1; a signed agreement PDF/A-2a and PDF/UA-1, dated by ``document_day``
    (``dated`` overrides it).
    """
    data, files = agreement_data(content, appendix=appendix, logos=logos or {})
    standards = typst_engine.ACCESSIBLE if content.is_draft else typst_engine.ARCHIVAL
    return typst_engine.render("agreement.typ", data, dated=dated or document_day(content), files=files,
                               standards=standards)


def agreement_data(
    content: AgreementContent, *, appendix: bool = True, logos: dict[str, bytes] | None = None
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The template's data and the files beside it (the logos)."""
    owners = [block.party for block in content.signature_blocks if (logos or {}).get(block.party)]
    logo_entries, files = logo_files([(logos or {})[name] for name in owners], owners)
    footer = f"Revision {content.revision} · Fingeravtryck {content.fingerprint}" + log_footer(content.log_anchor)
    data: dict[str, Any] = {
        "page": page_data(
            title=content.title,
            subject=content.kind,
            footer=footer,
            keywords=[content_keywords(content)],
            logos=logo_entries,
            margin_cm=MARGIN_CM,
            mark=DRAFT_MARK if content.is_draft else "",
        ),
        "kind": content.kind,
        "title": content.title,
        "facts": [list(fact) for fact in content.place_facts],
        "draft_note": DRAFT_NOTE if content.is_draft else "",
        "labels": labels(),
        "introduction": content.introduction,
        "situation": content.situation,
        "goals": list(content.goals),
        "focus_areas": [{"name": area.name, "description": area.description} for area in content.focus_areas],
        "promise_groups": [
            {
                "heading": group.heading,
                "promises": [
                    {
                        "text": promise.text,
                        "description": promise.description,
                        "measures": [
                            {"title": m.title, "description": m.description, "details": list(m.details)}
                            for m in promise.measures
                        ],
                    }
                    for promise in group.promises
                ],
            }
            for group in content.promise_groups
        ],
        "intended_effects": content.intended_effects,
        "follow_up_text": content.follow_up_text,
        "validity": content.validity,
        "case_number": f"Diarienummer: {content.case_number}" if content.case_number else "",
        "place_and_date": content.place_and_date,
        "signatures": signature_grid(content.signature_blocks, BODY_WIDTH[False]),
        "action_plan": action_plan(content.action_plan) if appendix and content.action_plan else None,
    }
    return data, files


def labels() -> dict[str, str]:
    """Every fixed word the template prints (the content module is where the words live)."""
    return {
        "introduction": c.HEADING_INTRODUCTION, "situation": c.HEADING_SITUATION, "goals": c.HEADING_GOALS,
        "focus_areas": c.HEADING_FOCUS_AREAS, "promises": c.HEADING_PROMISES, "effects": c.HEADING_EFFECTS,
        "follow_up": c.HEADING_FOLLOW_UP, "validity": c.HEADING_VALIDITY, "signatures": c.HEADING_SIGNATURES,
        "action_plan": c.HEADING_ACTION_PLAN,
    }


# --- the signatures -------------------------------------------------------------------------------
def signature_rows(parties: int) -> list[int]:
    """How many parties stand in each row of the signature block: at most four in a row, the rows
    as even as they can be, the fuller ones first (5: 3 + 2, 7: 4 + 3, 8: 4 + 4)."""
    if parties <= 0:
        return []
    rows = math.ceil(parties / SIGNATURE_COLUMNS_MAX)
    columns = math.ceil(parties / rows)
    sizes = []
    left = parties
    while left > 0:
        sizes.append(min(columns, left))
        left -= sizes[-1]
    return sizes


def signature_grid(blocks: Sequence[c.SignatureBlock], width: float) -> dict[str, Any]:
    """The signature block's rows of parties, and the columns' width in points.

    Every row has the same columns (as many as the fullest row), so a party stands under the
    one above it; one party alone takes half the width, not all of it.
    """
    sizes = signature_rows(len(blocks))
    columns = max(sizes, default=1)
    column = (width - SIGNATURE_GUTTER * (max(columns, 2) - 1)) / max(columns, 2)

    def too_wide(text: str, font: str, size: float) -> bool:
        return longest_word([text], font, size) > column

    rows: list[list[dict[str, Any]]] = []
    start = 0
    for size in sizes:
        rows.append([
            {
                "party": block.party,
                "hyphenate": too_wide(block.party, fonts.BOLD, BODY_SIZE),
                "signatories": [
                    {
                        "name": s.name, "title": s.title,
                        "hyphenate_name": too_wide(s.name, fonts.REGULAR, BODY_SIZE),
                        "hyphenate_title": too_wide(s.title, fonts.REGULAR, DETAIL_SIZE),
                    }
                    for s in block.signatories
                ],
            }
            for block in blocks[start:start + size]
        ])
        start += size
    return {"columns": columns, "column": column, "gutter": SIGNATURE_GUTTER, "rows": rows}


# --- the action plan ------------------------------------------------------------------------------
def shown_action_plan_columns(rows: Sequence[c.ActionPlanRow]) -> tuple[str, ...]:
    """The action plan's columns without those empty in every row ("Problem eller orsak" when no
    measure names a cause, "Mål" when none is counted); "Åtgärd" always stays."""
    def used(column: str) -> bool:
        key = ACTION_PLAN_KEYS[column]
        return key == "measure" or any(str(getattr(row, key)).strip() for row in rows)

    return tuple(column for column in c.ACTION_PLAN_COLUMNS if used(column))


def action_plan(rows: Sequence[c.ActionPlanRow]) -> dict[str, Any]:
    """The appendix's table: its shown columns as (heading, field, width in points), and the rows."""
    shown = shown_action_plan_columns(rows)
    widths = action_plan_widths(rows, shown, BODY_WIDTH[True])
    return {
        "columns": [[column, ACTION_PLAN_KEYS[column], width] for column, width in zip(shown, widths, strict=True)],
        "rows": [{key: str(getattr(row, key)).strip() for key in ACTION_PLAN_KEYS.values()} for row in rows],
    }


def _cell_need(texts: Sequence[str], header: str) -> float:
    return max(longest_word(texts, fonts.REGULAR), longest_word([header], fonts.BOLD)) + 2 * CELL_PADDING + 1


def action_plan_widths(rows: Sequence[c.ActionPlanRow], shown: Sequence[str], width: float) -> list[float]:
    """Widths for ``shown``: "Mål" snug to its widest word, "När" to the wider half of its dates
    ("1 mars 2023 –" / "31 oktober 2023", so a range breaks only at its dash); the cause, the
    measure and who share the rest."""
    snug: dict[str, float] = {}
    for column in shown:
        key = ACTION_PLAN_KEYS[column]
        texts = [str(getattr(row, key)) for row in rows]
        if key == "target":
            snug[column] = _cell_need(texts, column)
        elif key == "when":
            halves = [half.strip() + " –" for text in texts for half in text.split(" – ")]
            need = max((text_width(half, fonts.REGULAR, CELL_FONT_SIZE) for half in halves), default=0.0)
            snug[column] = max(need + 2 * CELL_PADDING + 1, _cell_need(texts, column))
    cap = width * 0.2
    snug = {column: min(need, cap) for column, need in snug.items()}
    rest = width - sum(snug.values())
    weights = {column: _FLEX_WEIGHTS[ACTION_PLAN_KEYS[column]] for column in shown if column not in snug}
    total = sum(weights.values())
    return [snug[column] if column in snug else rest * weights[column] / total for column in shown]
