"""A period's follow-up adopted and kept (services/adoptions.py): versions, immutability, hashes, verify-db.

The reports are made by the real renderer (reports/adopted_document.py): what is kept is what
the services were handed, and the tests read it back.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from promises_app.reports.adopted_document import adopt_followup, adopted_pdf, compare_with_data
from promises_app.services import Services
from promises_app.services.adoptions import normal_paragraph
from promises_app.services.errors import ServiceError, SignedRecordError, ValidationError
from promises_app.storage import models as m
from promises_app.storage.database import Database
from tests.services.conftest import Tamper

SOLNA = "Solna – medborgarlöften 2022"
TODAY = date(2023, 3, 1)


def _solna(services: Services) -> int:
    return services.agreements.find_agreements(SOLNA)[0].id


def _adopt(services: Services, **changes: Any) -> Any:
    fields: dict[str, Any] = {
        "adopted_by": "Kommunstyrelsen", "adopted_on": "2022-10-12", "paragraph": "§ 45",
        "case_number": "KS 2022/123", "report_date": "2022-09-15", "today": TODAY,
    }
    fields.update(changes)
    period = fields.pop("period", "2022-T2")
    return adopt_followup(services, _solna(services), period, **fields)


def _correct_a_follow_up(services: Services) -> str:
    """Record a different T2 status for Solna's first measure; its title."""
    measure = services.plan.list_measures(_solna(services))[0]
    services.follow_ups.record(measure.id, period="2022-T2", status="done", light="green",
                               comment="Rättat efter mötet.")
    return measure.title


def _tamper(tamper: Tamper, sql: str) -> None:
    tamper(sql, unguarded=("adopted_reports",))


def _tamper_file(db_path: Path, sql: str) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("DROP TRIGGER IF EXISTS adopted_reports_no_update")
        raw.execute(sql)


# --- adopting -----------------------------------------------------------------------------------
def test_adopting_keeps_version_1_with_who_when_paragraph_case_and_its_pdf(demo_services: Services) -> None:
    record = _adopt(demo_services, paragraph="45")
    assert (record.period, record.report_version, record.latest) == ("2022-T2", 1, True)
    assert (record.adopted_by, record.adopted_on, record.paragraph, record.case_number) == (
        "Kommunstyrelsen", date(2022, 10, 12), "§ 45", "KS 2022/123")
    assert record.report_date == date(2022, 9, 15)
    kept = adopted_pdf(demo_services, _solna(demo_services), "2022-T2", 1)
    assert kept.pdf.startswith(b"%PDF-")
    assert hashlib.sha256(kept.pdf).hexdigest() == record.pdf_sha256 and len(kept.pdf) == record.pdf_size
    assert record.content_sha256.encode() in kept.pdf  # the metadata names the content it shows
    content = demo_services.adoptions.content_text(record.id)
    assert hashlib.sha256(content.encode()).hexdigest() == record.content_sha256
    assert demo_services.adoptions.list_adopted(_solna(demo_services)) == [record]


def test_the_report_date_is_the_adoption_day_unless_given(demo_services: Services) -> None:
    record = _adopt(demo_services, report_date=None)
    assert record.report_date == record.adopted_on == date(2022, 10, 12)


def test_a_correction_is_version_2_and_version_1_stays_as_adopted(demo_services: Services) -> None:
    first = _adopt(demo_services)
    first_pdf = adopted_pdf(demo_services, _solna(demo_services), "2022-T2", 1).pdf
    _correct_a_follow_up(demo_services)
    second = _adopt(demo_services, adopted_on="2022-11-09", paragraph="§ 61", report_date=None)
    assert second.report_version == 2 and second.content_sha256 != first.content_sha256
    listed = demo_services.adoptions.list_adopted(_solna(demo_services))
    assert [(r.report_version, r.latest) for r in listed] == [(1, False), (2, True)]
    assert adopted_pdf(demo_services, _solna(demo_services), "2022-T2", 1).pdf == first_pdf
    assert adopted_pdf(demo_services, _solna(demo_services), "2022-T2").record.report_version == 2
    assert '"Version","2 (ersätter version 1, fastställd 12 oktober 2022, § 45)"' in (
        demo_services.adoptions.content_text(second.id))


def test_periods_are_versioned_apart_and_written_as_the_agreement_writes_them(demo_services: Services) -> None:
    _adopt(demo_services)
    other = _adopt(demo_services, period=" 2022-t3", adopted_on="2023-01-20", report_date="2023-01-05")
    assert (other.period, other.report_version) == ("2022-T3", 1)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"period": "2022-T9"}, "period", "Okänd period"),
        ({"period": "2024-T1"}, "period", "utanför överenskommelsens giltighetstid"),
        ({"adopted_by": "  "}, "adopted_by", "Fastställd av måste fyllas i."),
        ({"adopted_by": "Kommun\nstyrelsen"}, "adopted_by", "otillåtna tecken"),
        ({"adopted_on": ""}, "adopted_on", "Datum för fastställandet måste fyllas i."),
        ({"adopted_on": "12/10/2022"}, "adopted_on", "ogiltigt datum"),
        ({"adopted_on": "2023-03-02"}, "adopted_on", "ligger i framtiden"),
        ({"adopted_on": "2022-04-30", "report_date": "2022-04-01"}, "adopted_on", "ligger före perioden 2022-T2"),
        ({"paragraph": ""}, "paragraph", "Paragraf måste fyllas i."),
        ({"paragraph": "§" * 41}, "paragraph", "högst 40 tecken"),
        ({"case_number": "K" * 101}, "case_number", "högst 100 tecken"),
        ({"report_date": "2022-10-13"}, "report_date", "ligger efter fastställandet"),
    ],
)
def test_bad_adoptions_are_refused_at_their_field_and_write_nothing(
    demo_services: Services, snapshot: Callable[[], Any], changes: dict[str, Any], field: str, words: str
) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        _adopt(demo_services, **changes)
    assert any(words in message for message in refused.value.for_field(field)), refused.value.errors
    assert snapshot() == before


@pytest.mark.parametrize(("typed", "kept"), [("45", "§ 45"), ("§45", "§ 45"), (" § 45 ", "§ 45"), ("12 a", "§ 12 a"),
                                             ("KS § 12", "KS § 12"), ("§§ 45–46", "§§ 45–46")])
def test_a_paragraph_is_written_with_its_section_sign(typed: str, kept: str) -> None:
    assert normal_paragraph(typed) == kept


def test_an_unknown_version_names_the_versions_there_are(demo_services: Services) -> None:
    with pytest.raises(ServiceError, match="ingen version är fastställd"):
        adopted_pdf(demo_services, _solna(demo_services), "2022-T2")
    _adopt(demo_services)
    with pytest.raises(ServiceError, match=r"någon fastställd version 3 av perioden 2022-T2 \(fastställda versioner: 1\)"):
        adopted_pdf(demo_services, _solna(demo_services), "2022-T2", 3)


# --- kept as adopted ----------------------------------------------------------------------------
def test_adopted_reports_refuse_orm_changes(demo_services: Services, snapshot: Callable[[], Any]) -> None:
    _adopt(demo_services)
    before = snapshot()
    for change in (
        lambda row: setattr(row, "paragraph", "§ 46"),
        lambda row: setattr(row, "pdf", b"%PDF-1.7 annan"),
    ):
        with pytest.raises(SignedRecordError, match="En fastställd uppföljning kan inte ändras eller tas bort"):
            with demo_services.db.write() as s:
                change(s.query(m.AdoptedReport).one())
    with pytest.raises(SignedRecordError):
        with demo_services.db.write() as s:
            s.delete(s.query(m.AdoptedReport).one())
    assert snapshot() == before


@pytest.mark.parametrize("sql", ["UPDATE adopted_reports SET paragraph = '§ 46'",
                                 "UPDATE adopted_reports SET pdf = :data", "DELETE FROM adopted_reports"])
def test_adopted_reports_refuse_raw_sql(demo_services: Services, db: Database, sql: str) -> None:
    _adopt(demo_services)
    with db.engine.connect() as raw:
        before = raw.execute(text("SELECT * FROM adopted_reports")).all()
        with pytest.raises(IntegrityError, match="an adopted follow-up report cannot be changed or deleted"):
            raw.execute(text(sql), {"data": b"\x00"} if ":data" in sql else {})
        raw.rollback()
        assert raw.execute(text("SELECT * FROM adopted_reports")).all() == before


def test_a_draft_with_an_adopted_follow_up_cannot_be_deleted(services: Services, snapshot: Callable[[], Any]) -> None:
    draft = services.agreements.create_agreement(
        kind="citizen_promise", title="Norrstad 2022", start_date="2022-01-01", end_date="2022-12-31",
        reporting_scheme="half_year",
    )
    adopt_followup(services, draft.id, "2022-H1", adopted_by="Trygghetsrådet", adopted_on="2022-09-01",
                   paragraph="7", today=TODAY)
    before = snapshot()
    with pytest.raises(ServiceError, match=r"«Norrstad 2022» har fastställda uppföljningar \(2022-H1\) och kan inte"):
        services.agreements.delete_agreement(draft.id)
    assert snapshot() == before


@pytest.mark.sqlite_only  # the server's twin: tests/server/test_server_guards.py
def test_an_agreement_with_adopted_follow_ups_cannot_be_deleted_by_raw_sql(
    demo_services: Services, db_path: Path
) -> None:
    _adopt(demo_services)
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA foreign_keys = ON")
        raw.execute("DROP TRIGGER agreements_signed_no_delete")
        raw.execute("DROP TRIGGER signed_revisions_no_delete")
        raw.execute("DELETE FROM signed_revisions WHERE agreement_id = ?", (_solna(demo_services),))
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            raw.execute("DELETE FROM agreements WHERE id = ?", (_solna(demo_services),))


# --- verify-db ----------------------------------------------------------------------------------
def test_an_untouched_database_verifies_its_adopted_reports(demo_services: Services) -> None:
    _adopt(demo_services)
    _correct_a_follow_up(demo_services)  # a correction is no tampering
    _adopt(demo_services, adopted_on="2022-11-09", report_date=None)
    result = demo_services.maintenance.verify_database()
    assert result.ok and result.adopted == 2, result.problems


@pytest.mark.sqlite_only  # CAST(blob AS TEXT) is SQLite's; the server's twin: tests/server/test_verify_db_server.py
def test_a_changed_stored_pdf_is_refused_when_printed_and_named_by_verify_db(
    demo_services: Services, db_path: Path
) -> None:
    _adopt(demo_services)
    _tamper_file(db_path, "UPDATE adopted_reports SET pdf = CAST(replace(CAST(pdf AS TEXT), 'Tertial', 'Tertiär') AS BLOB)")
    with pytest.raises(SignedRecordError, match="stämmer inte med sin kontrollsumma: den har ändrats efter fastställandet"):
        adopted_pdf(demo_services, _solna(demo_services), "2022-T2", 1)
    result = demo_services.maintenance.verify_database()
    assert not result.ok
    assert result.problems[0] == (
        f"Den fastställda uppföljningen 2022-T2 version 1 av «{SOLNA}»: den sparade PDF:en stämmer inte med sin "
        "kontrollsumma."
    )
    # the change log kept the PDF's fingerprint when it was adopted, and says so too
    assert any("Den fastställda uppföljningen för 2022-T2 version 1" in p and "«PDF:en»" in p for p in result.problems)


def test_verify_db_finds_changed_content_and_a_changed_adoption(demo_services: Services, tamper: Tamper) -> None:
    _adopt(demo_services)
    _tamper(tamper, "UPDATE adopted_reports SET content = replace(content, 'Pågående', 'Genomförd'), "
                     "adopted_by = 'Kommunfullmäktige'")
    problems = demo_services.maintenance.verify_database().problems
    assert "innehållet stämmer inte med den sparade kontrollsumman" in problems[0]
    assert any("«Fastställd av» är «Kommunfullmäktige» men enligt ändringsloggen «Kommunstyrelsen»" in p
               for p in problems)


def test_verify_db_finds_a_version_deleted(demo_services: Services, tamper: Tamper) -> None:
    _adopt(demo_services)
    _adopt(demo_services, adopted_on="2022-11-09", report_date=None)
    _tamper(tamper, "DELETE FROM adopted_reports WHERE report_version = 1")
    problems = demo_services.maintenance.verify_database().problems
    assert (f"«{SOLNA}», fastställd uppföljning 2022-T2: version 1 saknas (version 2 finns); den har tagits bort "
            "ur databasen.") in problems
    assert any("finns i ändringsloggen men har tagits bort ur databasen" in p for p in problems)


def test_verify_db_finds_a_row_added_behind_the_programs_back(demo_services: Services, tamper: Tamper) -> None:
    _adopt(demo_services)
    _tamper(tamper, "INSERT INTO adopted_reports (agreement_id, period, report_version, adopted_by, adopted_on, "
                     "paragraph, case_number, report_date, options, content, content_sha256, pdf, pdf_sha256, pdf_size,"
                     " recorded_at, recorded_by, log_entries, log_head) SELECT agreement_id, period, 2, adopted_by, "
                     "adopted_on, paragraph, case_number, report_date, options, content, 'x', pdf, pdf_sha256, "
                     "pdf_size, recorded_at, recorded_by, log_entries, log_head FROM adopted_reports")
    problems = demo_services.maintenance.verify_database().problems
    assert any("version 2" in p and "finns i databasen men inte i ändringsloggen" in p for p in problems)


# --- against the data now -----------------------------------------------------------------------
def test_an_adopted_version_is_compared_with_the_data_now(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    assert compare_with_data(demo_services, agreement_id) == {}
    _adopt(demo_services)
    assert compare_with_data(demo_services, agreement_id)["2022-T2"].matches is True
    title = _correct_a_follow_up(demo_services)
    state = compare_with_data(demo_services, agreement_id)["2022-T2"]
    assert state.matches is False and state.record.report_version == 1
    assert any(line.startswith(f"Åtgärden «{title}»: Status «Pågående» → «Genomförd»") for line in state.differences)
    assert any(line.startswith("Antal per status:") for line in state.differences)
    # The correction is published as version 2, which shows the data again; version 1 is as it was.
    _adopt(demo_services, adopted_on="2022-11-09", report_date=None)
    again = compare_with_data(demo_services, agreement_id)["2022-T2"]
    assert again.matches is True and again.record.report_version == 2
