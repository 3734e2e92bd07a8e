"""The publication's open data: ``data.csv`` and ``data.json``, and the JSON Schema they follow.

The same facts as the page (docs/publication.md, "Öppna data"): one row per measure as reported
for the period. ``data.json`` is the exact data, with the agreement, the period and the counts
around the rows, and follows ``schema.json`` (resources/schemas/publication-data-1.schema.json,
copied beside it). ``data.csv`` is the rows alone, made for a spreadsheet program as the
project's other CSV files are (reports/spreadsheets.py): UTF-8 with a byte order mark, ``;``
between fields, CRLF line ends, "Ja"/"Nej" for yes and no, and text that a spreadsheet would
take for a formula with a ``'`` in front (the JSON keeps such text exactly as written).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from promises_app.paths import resource
from promises_app.reports.publication_content import (
    DATA_FORMAT,
    PublicationContent,
    PublishedMeasure,
    status_word,
)
from promises_app.reports.spreadsheets import csv_text

SCHEMA_FILE = "publication-data-1.schema.json"

#: The columns of data.csv and the members of each of data.json's "measures", in this order.
MEASURE_COLUMNS = (
    "period", "promise_number", "promise", "measure_id", "measure", "responsible", "deadline", "status",
    "status_sv", "status_text", "latest_status", "light", "light_text", "target_count", "target_unit",
    "count_so_far", "result_text", "overdue", "reported", "comment",
)


def measure_record(content: PublicationContent, number: int, promise: str, m: PublishedMeasure) -> dict[str, Any]:
    """One measure as open data (the keys of ``MEASURE_COLUMNS``)."""
    return {
        "period": content.period_label,
        "promise_number": number,
        "promise": promise,
        "measure_id": m.measure_id,
        "measure": m.title,
        "responsible": m.responsible,
        "deadline": m.deadline or None,
        "status": m.status or None,
        "status_sv": status_word(m.status) or None,
        "status_text": m.status_text,
        "latest_status": m.latest_status or None,
        "light": m.light if m.reported else None,
        "light_text": m.light_text,
        "target_count": m.target_count,
        "target_unit": m.target_unit,
        "count_so_far": m.count_so_far,
        "result_text": m.result_text,
        "overdue": m.overdue,
        "reported": m.reported,
        "comment": m.comment,
    }


def measure_records(content: PublicationContent) -> list[dict[str, Any]]:
    return [
        measure_record(content, promise.number, _promise_words(promise.heading, promise.text), m)
        for promise in content.promises
        for m in promise.measures
    ]


def _promise_words(heading: str, text: str) -> str:
    """"Polisen och kommunen lovar att öka tryggheten …": the heading's "…" filled in by the text."""
    if heading.endswith("…"):
        return f"{heading[:-1].rstrip()} {text}"
    return text


def data_json(content: PublicationContent) -> str:
    """``data.json``: the whole publication as data (schema.json describes it)."""
    data = {
        "format": DATA_FORMAT,
        "schema": "schema.json",
        "title": content.page_title,
        "published_on": content.published_on,
        "agreement": {
            "id": content.agreement_id,
            "title": content.agreement_title,
            "municipality": content.municipality,
            "police_area": content.police_area,
            "case_number": content.case_number,
            "parties": list(content.parties),
            "signatories": [
                {"name": s.name, "title": s.title, "organisation": s.organisation} for s in content.signatories
            ],
        },
        "period": {
            "label": content.period_label,
            "name": content.period_name,
            "start": content.period_start,
            "end": content.period_end,
        },
        "overdue_as_of": content.overdue_as_of_date,
        "summary": {
            "measures": content.total,
            "done": content.done,
            "overdue": len(content.late),
            "not_reported": len(content.not_reported),
            "by_status": [{"status": row.key, "text": row.label, "count": row.count} for row in content.by_status],
            "by_light": [{"light": row.key, "text": row.label, "count": row.count} for row in content.by_light],
            "walk_findings": None if content.walk_findings is None else {
                "dealt_with": content.walk_findings.dealt, "declined": content.walk_findings.declined,
                "found": content.walk_findings.total,
            },
        },
        "promises": [
            {"number": p.number, "heading": p.heading, "text": p.text} for p in content.promises
        ],
        "measures": measure_records(content),
        "next_steps": content.next_steps,
        "report": {"file": content.pdf_file, "fingerprint": content.report_fingerprint},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def data_csv(content: PublicationContent) -> bytes:
    """``data.csv``: one row per measure (``MEASURE_COLUMNS``), for a spreadsheet program (see the module)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(MEASURE_COLUMNS)
    for record in measure_records(content):
        writer.writerow([_csv_field(record[column]) for column in MEASURE_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_field(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, int):
        return str(value)
    return csv_text(str(value))


def schema_json() -> bytes:
    """``schema.json``: the JSON Schema of data.json, as shipped."""
    return resource("schemas", SCHEMA_FILE).read_bytes()
