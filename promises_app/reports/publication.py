"""The publication for citizens as a folder of files: made from one read, then written (docs/publication.md).

``build_publication`` makes every file in memory from ONE read of the database
(``services.reports.source``): the page (``index.html``), the tagged follow-up report of the
period (the same PDF the report dialog and ``report followup`` make), the open data
(``data.csv``, ``data.json``) and its schema (``schema.json``). ``write_publication`` then
checks every target first (services/output_paths.py: never the database, its kin or its
backups) and only then creates the folder and writes each file atomically (files.py), so a
refused folder gets nothing and a half-written file never exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from promises_app.reports.followup_content import followup_content_from
from promises_app.reports.publication_content import PublicationContent, publication_content_from
from promises_app.reports.report_options import FollowUpOptions

if TYPE_CHECKING:
    from promises_app.services import Services
    from promises_app.services.report_source import ReportSource

INDEX = "index.html"
DATA_CSV = "data.csv"
DATA_JSON = "data.json"
SCHEMA = "schema.json"


@dataclass(frozen=True)
class PublicationOptions:
    """What the person chooses: the period, the day the page is made as of, and "Nästa steg"."""

    period: str
    report_date: date | None = None
    next_steps: str = ""

    def followup_options(self) -> FollowUpOptions:
        """The follow-up report published beside the page: every section, the parties' logos."""
        return FollowUpOptions(report_date=self.report_date, next_steps=self.next_steps)


@dataclass(frozen=True)
class Publication:
    content: PublicationContent
    #: (file name, bytes) in the order they are written; the page last, so it never links to a missing file.
    files: tuple[tuple[str, bytes], ...]


def file_names(period: str) -> tuple[str, ...]:
    """The files a publication of ``period`` writes, in writing order (checked before anything is made)."""
    from promises_app.reports.publication_content import pdf_file_name

    return (pdf_file_name(period), DATA_CSV, DATA_JSON, SCHEMA, INDEX)


def build_publication(
    services: Services, agreement_id: int, options: PublicationOptions, *, today: date,
    step: Callable[[str], None] | None = None,
) -> Publication:
    """Read once, then make every file. ``step("reading" | "rendering")`` is told as the work goes
    (the window's progress dialog, which may stop the work there)."""
    if step is not None:
        step("reading")
    source = services.reports.source(agreement_id)
    return publication_from(source, options, today=today, step=step)


def publication_from(
    source: ReportSource, options: PublicationOptions, *, today: date, step: Callable[[str], None] | None = None
) -> Publication:
    """``build_publication`` on data already read: no database."""
    from promises_app.reports.followup_pdf import render_followup_pdf  # the document engine: loaded when used
    from promises_app.reports.publication_data import data_csv, data_json, schema_json
    from promises_app.reports.publication_html import render_page

    followup_options = options.followup_options()
    report = followup_content_from(source, options.period, today=today, options=followup_options)
    content = publication_content_from(
        source, options.period, today=today, report_date=options.report_date, next_steps=options.next_steps,
        report_fingerprint=report.fingerprint,
    )
    if step is not None:
        step("rendering")
    pdf = render_followup_pdf(report, followup_options)
    files = (
        (content.pdf_file, pdf),
        (DATA_CSV, data_csv(content)),
        (DATA_JSON, data_json(content).encode("utf-8")),
        (SCHEMA, schema_json()),
        (INDEX, render_page(content).encode("utf-8")),
    )
    return Publication(content, files)


def check_targets(folder: Path, names: tuple[str, ...], database: Path | None) -> None:
    """Refuse (``OutputPathRefused``) a folder any of whose files must not be written; nothing is written."""
    from promises_app.services.output_paths import check_output_path

    for name in names:
        check_output_path(folder / name, database)


def write_publication(publication: Publication, folder: Path, *, database: Path | None) -> list[Path]:
    """Write the files into ``folder`` (created if missing), each atomically; the files written.

    Every target is checked before the folder is made or anything written. Raises
    ``OutputPathRefused`` or ``OSError`` (naming the file).
    """
    from promises_app import files

    folder = folder.expanduser()
    check_targets(folder, tuple(name for name, _data in publication.files), database)
    folder.mkdir(parents=True, exist_ok=True)
    return [files.write_atomically(folder / name, data, database=database) for name, data in publication.files]
