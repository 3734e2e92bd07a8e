"""A follow-up or annual report is read in one transaction, and each logo is in the PDF once.

Real databases, real logos (PNG made by Pillow and stored through the logo service), real
PDFs. What is counted is counted where it really happens: SQLAlchemy's ``begin`` event on the
engine (every transaction, read or write), ``base64`` (a logo turned into text and back), and
the PDF's own image objects (each logo stored once, shown on every page); the spies hand every
call on to the real function.
"""

from __future__ import annotations

import base64
import io
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from sqlalchemy import Engine, event

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.vocabulary import swedish
from promises_app.reports.annual_content import build_annual_content
from promises_app.reports.annual_pdf import render_annual_pdf
from promises_app.reports.followup_content import build_followup_content
from promises_app.reports.followup_pdf import render_followup_pdf
from promises_app.reports.report_options import AnnualOptions, FollowUpOptions
from promises_app.services import Services
from promises_app.storage.database import open_database
from tests.cli_support import run_cli
from tests.reports.builders import logo_png
from tests.reports.pdf_text import image_count, page_texts

SOLNA = "Solna – medborgarlöften 2022"
TODAY = date(2022, 9, 1)


def solna_id(services: Services) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA)


def _give_it_everything(services: Services, agreement_id: int) -> None:
    """Logos for both parties and an indicator with values: every part of the source is read."""
    for party, colour in zip(services.agreements.list_parties(agreement_id), ("#1F3B63", "#A33A00"), strict=True):
        services.logos.set_logo(party.organisation_id, logo_png(colour, (1200, 400)))
    indicator = services.indicators.create_indicator(
        name="Andel som känner sig trygga", unit="%", direction="higher_is_better", source="municipal_survey",
    )
    for period, value in [("2021", 57), ("2022-T1", 60.5), ("2022-T2", 64)]:
        services.indicators.set_value(indicator.id, period=period, value=value)
    services.indicators.link_to_agreement(agreement_id, indicator.id, baseline_period="2021", target_value=67)


@contextmanager
def _transactions(target: Engine | type[Engine]) -> Iterator[list[list[str]]]:
    """Every transaction begun on ``target`` meanwhile, as the names of the functions that began it."""
    begun: list[list[str]] = []

    def note(_connection: Any) -> None:
        begun.append([frame.name for frame in traceback.extract_stack()])

    event.listen(target, "begin", note)
    try:
        yield begun
    finally:
        event.remove(target, "begin", note)


def _make(kind: str, services: Services, agreement_id: int) -> bytes:
    if kind == "annual":
        annual = AnnualOptions()
        return render_annual_pdf(build_annual_content(services, agreement_id, today=TODAY, options=annual), annual)
    options = FollowUpOptions()
    content = build_followup_content(services, agreement_id, "2022-T2", today=TODAY, options=options)
    return render_followup_pdf(content, options)


@pytest.mark.parametrize("kind", ["follow_up", "annual"])
def test_a_report_is_read_in_one_transaction(demo_services: Services, kind: str) -> None:
    agreement_id = solna_id(demo_services)
    _give_it_everything(demo_services, agreement_id)

    with _transactions(demo_services.db.engine) as begun:
        pdf = _make(kind, demo_services, agreement_id)

    assert len(begun) == 1, "one report, one snapshot of the data"
    assert "Andel som känner sig trygga" in "\n".join(page_texts(pdf)), "the indicators were read too"
    assert image_count(pdf) >= 2, "and the logos"


def test_the_report_is_one_moment_of_the_data(demo_services: Services, db_path: Path) -> None:
    """A follow-up recorded by someone else while the report reads is in none of its parts:
    not in the counts, not in the measure table, and not in the change log's head the footer
    carries (which is the head before that edit)."""
    agreement_id = solna_id(demo_services)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    before = demo_services.maintenance.log_anchor()
    other = Services(open_database(db_path))  # another connection to the same file
    try:
        done = []

        def edit_once(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if not done and statement.lstrip().upper().startswith("SELECT"):  # the read's snapshot is taken
                done.append(other.follow_ups.record(
                    measure.id, period="2022-T2", status=FollowUpStatus.NOT_DONE, light=TrafficLight.RED,
                    comment="Inlagt medan rapporten lästes",
                ))

        event.listen(demo_services.db.engine, "after_cursor_execute", edit_once)
        try:
            content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY,
                                             options=FollowUpOptions())
        finally:
            event.remove(demo_services.db.engine, "after_cursor_execute", edit_once)
    finally:
        other.db.close()

    assert done, "the edit was made while the report read"
    assert demo_services.maintenance.log_anchor() != before, "and it is in the database now"
    assert content.log_anchor == before
    assert all(row.comment != "Inlagt medan rapporten lästes" for group in content.groups for row in group.rows)
    assert swedish(FollowUpStatus.NOT_DONE) not in {row.label for row in content.by_status}


def _spy(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, calls: list[Any],
         record: Callable[..., Any] = lambda *args, **_kwargs: args) -> None:
    real = getattr(owner, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(record(*args, **kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)


def image_streams(pdf: bytes) -> int:
    """The pictures the file holds (an alpha mask is part of its picture), however often they are shown."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        images = [obj for obj in document.objects
                  if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
        masks = {image.SMask.objgen for image in images if "/SMask" in image}
        return sum(1 for image in images if image.objgen not in masks)


@pytest.mark.parametrize("kind", ["follow_up", "annual"])
def test_each_logo_is_stored_once_shown_on_every_page_and_never_turned_into_text(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    agreement_id = solna_id(demo_services)
    _give_it_everything(demo_services, agreement_id)
    stored = [demo_services.logos.get_logo(p.organisation_id) for p in demo_services.agreements.list_parties(agreement_id)]
    assert all(stored) and len(stored) == 2
    as_text = {base64.b64encode(png) for png in stored if png} | {
        base64.b64encode(png).decode("ascii") for png in stored if png
    }

    decoded_from_text: list[Any] = []
    _spy(monkeypatch, base64, "b64decode", decoded_from_text, lambda data, *_a, **_k: data in as_text)

    pdf = _make(kind, demo_services, agreement_id)

    pages = len(page_texts(pdf))
    assert pages >= 2, "more pages than logos: a per-page cost would show"
    assert not any(decoded_from_text), "no logo goes through base64 on the way to the page"
    assert image_streams(pdf) == 2, "each logo is in the file once"
    assert image_count(pdf) == 2 * pages, "and shown on every page"


def test_the_command_line_reads_the_report_in_one_transaction(demo_db: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rapport.pdf"
    with _transactions(Engine) as begun:
        code, _, err = run_cli(capsys, "--db", str(demo_db), "report", "followup", SOLNA, "--period", "2022-T2",
                               "--today", "2022-09-01", "-o", str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    in_report = [names for names in begun if "build_followup_content" in names]
    assert len(in_report) == 1
