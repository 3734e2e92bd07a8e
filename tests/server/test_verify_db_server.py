"""``verify-db``'s checks on a shared database: clean on the demo, and an edit behind the program's back named.

The attacker is the server's superuser, who can switch the guards off
(``ALTER TABLE … DISABLE TRIGGER``): the change log and the signed revisions still show it.
The same checks as ``promises-app verify-db`` (cli.py ``_cmd_verify_db``): the maintenance
service's ``verify_database`` with the renderer of revisions signed before schema 7, and
``check``, the integrity check.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from promises_app.reports.agreement_document import render_legacy_snapshot_pdf
from promises_app.services import Services
from promises_app.services.maintenance import VerifyResult
from promises_app.storage.database import Database

SOLNA = "Solna – medborgarlöften 2022"


def _as_superuser(db: Database, *statements: str, unguarded: tuple[str, ...] = (), **params: Any) -> None:
    with db.engine.begin() as connection:
        for table in unguarded:
            connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        for statement in statements:
            connection.execute(text(statement), params)
        for table in unguarded:
            connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))


def _verify(db: Database) -> VerifyResult:
    return Services(db).maintenance.verify_database(render_pdf=render_legacy_snapshot_pdf)


def _scalar(db: Database, statement: str, **params: Any) -> Any:
    with db.engine.connect() as connection:
        return connection.execute(text(statement), params).scalar_one()


def test_the_demo_verifies_clean(pg_demo: Database) -> None:
    services = Services(pg_demo)
    result = _verify(pg_demo)
    assert result.ok, result.problems
    assert (result.revisions, result.signed_agreements, result.warnings) == (3, 3, ())
    assert result.entries == _scalar(pg_demo, "SELECT count(*) FROM change_log") > 0
    assert services.maintenance.check().problems == ()


def test_a_year_of_work_on_the_server_verifies_clean(pg_demo: Database) -> None:
    services = Services(pg_demo)
    (solna,) = [a.id for a in services.agreements.list_agreements() if a.title == SOLNA]
    services.signoff.new_revision(solna)
    measure = services.plan.list_measures(solna)[0]
    services.plan.update_measure(measure.id, title="Fotpatrullering i Hagalund")
    services.follow_ups.record(measure.id, period="2022-T2", status="done", light="green", comment="Klart.")
    services.signoff.sign(solna, place="Solna", signed_on="2022-03-01", render_pdf=lambda content, anchor: b"%PDF-1.4")
    result = _verify(pg_demo)
    assert result.ok, result.problems


def test_an_edited_log_entry_is_named(pg_demo: Database) -> None:
    entry = _scalar(pg_demo, "SELECT min(id) FROM change_log WHERE entity = 'measures' AND action = 'insert'")
    _as_superuser(pg_demo, "UPDATE change_log SET new = :new WHERE id = :id", unguarded=("change_log",),
                  new=json.dumps({"title": "Något annat"}), id=entry)
    result = _verify(pg_demo)
    assert not result.ok
    assert result.problems[0].startswith(f"Ändringsloggens post {entry} (")
    assert result.problems[0].endswith("innehållet stämmer inte med kontrollsumman (ändrat i efterhand).")


def test_deleted_log_entries_are_named(pg_demo: Database) -> None:
    last = _scalar(pg_demo, "SELECT max(id) FROM change_log")
    _as_superuser(pg_demo, "DELETE FROM change_log WHERE id > :keep", unguarded=("change_log",), keep=last - 3)
    problems = _verify(pg_demo).problems
    assert f"Ändringsloggen är avkortad: den hade {last} poster men slutar vid post {last - 3}" in problems[0]


def test_an_entry_deleted_in_the_middle_is_named(pg_demo: Database) -> None:
    _as_superuser(pg_demo, "DELETE FROM change_log WHERE id = 7", unguarded=("change_log",))
    assert "Ändringsloggens post 7 saknas (borttagen)." in _verify(pg_demo).problems


def test_a_signed_measure_edited_with_the_guards_off_is_named(pg_demo: Database) -> None:
    with pg_demo.engine.connect() as connection:
        measure, title = connection.execute(text(
            "SELECT x.id, x.title FROM measures x JOIN promises p ON p.id = x.promise_id "
            "JOIN agreements a ON a.id = p.agreement_id WHERE a.title = :solna ORDER BY p.position, x.position LIMIT 1"
        ), {"solna": SOLNA}).one()
    _as_superuser(pg_demo, "UPDATE measures SET title = 'POLISEN LOVAR INGENTING' WHERE id = :id",
                  unguarded=("measures",), id=measure)
    problems = _verify(pg_demo).problems
    assert (f"«{SOLNA}» (undertecknad revision 1): Åtgärd «POLISEN LOVAR INGENTING», Titel: nu "
            f"«POLISEN LOVAR INGENTING», undertecknades som «{title}».") in problems
    assert (f"Åtgärden «POLISEN LOVAR INGENTING» (id {measure}): fältet «Titel» är «POLISEN LOVAR INGENTING» men "
            f"enligt ändringsloggen «{title}» (ändrat utanför programmet).") in problems


def test_signed_content_edited_with_the_guards_off_is_named(pg_demo: Database) -> None:
    _as_superuser(pg_demo, "UPDATE signed_revisions SET content = replace(content, 'Solna', 'Sol')",
                  unguarded=("signed_revisions",))
    problems = _verify(pg_demo).problems
    assert any(p.startswith("Undertecknad revision 1 av «") and "innehållet stämmer inte med den sparade "
               "kontrollsumman" in p for p in problems), problems
