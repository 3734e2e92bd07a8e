"""P10: every edit is logged, the log is append-only, and verify-db names the first break."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from promises_app.cli import main
from promises_app.services.errors import ValidationError
from promises_app.storage.changelog import REDACTED


def _log(path: Path) -> list[dict]:
    with sqlite3.connect(path) as raw:
        raw.row_factory = sqlite3.Row
        return [dict(r) for r in raw.execute("SELECT * FROM change_log ORDER BY id")]


def _tamper(path: Path, sql: str, *params: object) -> None:
    """What someone with the file and a SQLite tool could do: drop the guards, rewrite history."""
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TRIGGER change_log_no_update")
        raw.execute("DROP TRIGGER change_log_no_delete")
        raw.execute(sql, params)


def test_create_update_delete_and_link_lists_are_logged_with_old_and_new(services, db_path) -> None:  # type: ignore[no-untyped-def]
    org = services.register.create_organisation(name="Kustbevakningen", kind="other")
    services.register.update_organisation(org.id, short_name="KBV")
    services.register.delete_organisation(org.id)
    entries = [e for e in _log(db_path) if e["entity"] == "organisations" and e["entity_id"] == org.id]
    assert [(e["action"], e["field"]) for e in entries] == [("insert", None), ("update", "short_name"), ("delete", None)]
    assert json.loads(entries[0]["new"])["name"] == "Kustbevakningen"
    assert (json.loads(entries[1]["old"]), json.loads(entries[1]["new"])) == ("", "KBV")
    assert all(e["account"] and e["at"].endswith("Z") for e in entries)


def test_promise_makers_are_logged_as_a_field_of_the_promise(demo_services, db_path) -> None:  # type: ignore[no-untyped-def]
    agreement = demo_services.agreements.find_agreements("Solna – medborgarlöften 2022")[0]
    demo_services.signoff.new_revision(agreement.id)
    promise = demo_services.plan.list_promises(agreement.id)[0]
    demo_services.plan.update_promise(promise.id, maker_ids=[promise.maker_ids[0]])
    last = _log(db_path)[-1]
    assert (last["entity"], last["entity_id"], last["field"]) == ("promises", promise.id, "maker_ids")
    assert json.loads(last["old"]) == list(promise.maker_ids) and json.loads(last["new"]) == [promise.maker_ids[0]]


def test_rows_taken_out_of_a_collection_are_logged_as_deleted(services, db_path) -> None:  # type: ignore[no-untyped-def]
    """An agreement's replaced goals are deleted as orphans by the flush, never in session.deleted."""
    agreement = services.agreements.create_agreement(kind="citizen_promise", title="Mål", start_date="2022-01-01",
                                                     end_date="2022-12-31", reporting_scheme="tertial")
    services.agreements.update_agreement(agreement.id, goals=["Ett", "Två"])
    services.agreements.update_agreement(agreement.id, goals=["Tre"])
    goals = [(e["action"], json.loads(e["old"] or "{}").get("text")) for e in _log(db_path) if e["entity"] == "goals"]
    assert goals == [("insert", None), ("insert", None), ("insert", None), ("delete", "Ett"), ("delete", "Två")]
    assert services.maintenance.verify_database().ok


def test_a_logo_removed_without_being_read_is_logged(services, db_path) -> None:  # type: ignore[no-untyped-def]
    """The logo column is deferred: set to nothing without being loaded, it has no old value to compare."""
    from PIL import Image

    from tests.services.test_logos import _encode

    org = services.register.create_organisation(name="Solna stad", kind="municipality")
    services.logos.set_logo(org.id, _encode(Image.new("RGB", (10, 10)), "PNG"))
    services.logos.remove_logo(org.id)
    last = _log(db_path)[-1]
    assert (last["entity"], last["field"], last["new"]) == ("organisations", "logo_png", None)
    assert services.maintenance.verify_database().ok


def test_a_refused_edit_logs_nothing(services, db_path) -> None:  # type: ignore[no-untyped-def]
    before = _log(db_path)
    with pytest.raises(ValidationError):
        services.register.create_organisation(name="", kind="other")
    assert _log(db_path) == before


def test_personal_data_is_logged_as_changed_but_not_by_value(services, db_path) -> None:  # type: ignore[no-untyped-def]
    person = services.register.create_person(name="Tova Testsson", email="tova@example.se")
    services.register.update_person(person.id, name="Tova Andersson")
    text = json.dumps(_log(db_path), ensure_ascii=False)
    assert "Tova" not in text and "tova@example.se" not in text
    assert REDACTED in text


@pytest.mark.parametrize("sql", ["UPDATE change_log SET new = '\"x\"' WHERE id = 1", "DELETE FROM change_log WHERE id = 1"])
def test_the_log_is_append_only_even_for_raw_sql(demo_services, db_path, sql) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(db_path) as raw, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute(sql)


def test_an_untouched_database_verifies_clean(demo_services, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    result = demo_services.maintenance.verify_database()
    assert result.ok and result.entries > 50
    demo_services.db.close()
    assert main(["--db", str(db_path), "verify-db"]) == 0
    assert "obruten" in capsys.readouterr().out


def test_verify_db_finds_an_edited_field(demo_services, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    demo_services.db.close()
    _tamper(db_path, "UPDATE change_log SET new = ? WHERE id = 5", json.dumps("Något annat"))
    assert main(["--db", str(db_path), "verify-db"]) == 1
    err = capsys.readouterr().err
    assert "post 5" in err.splitlines()[1] and "ändrat i efterhand" in err


def test_verify_db_finds_a_deleted_entry(demo_services, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    demo_services.db.close()
    _tamper(db_path, "DELETE FROM change_log WHERE id = 7")
    assert main(["--db", str(db_path), "verify-db"]) == 1
    first = capsys.readouterr().err.splitlines()[1]
    assert "post 7 saknas" in first


def test_verify_db_finds_a_changed_stored_hash(demo_services, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    demo_services.db.close()
    _tamper(db_path, "UPDATE change_log SET hash = ? WHERE id = 9", "f" * 64)
    assert main(["--db", str(db_path), "verify-db"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert "post 9" in lines[1] and "kontrollsumman" in lines[1]  # the first break is named first
    assert any("post 10" in line and "kedjan är bruten" in line for line in lines)


def test_reordered_entries_break_the_chain(demo_services, db_path) -> None:  # type: ignore[no-untyped-def]
    demo_services.db.close()
    entries = _log(db_path)
    a, b = entries[2], entries[3]
    with sqlite3.connect(db_path) as raw:
        raw.execute("DROP TRIGGER change_log_no_update")
        for source, target in ((a, b["id"]), (b, a["id"])):
            raw.execute(
                "UPDATE change_log SET at=?, account=?, action=?, entity=?, entity_id=?, field=?, old=?, new=?, "
                "prev_hash=?, hash=? WHERE id=?",
                (source["at"], source["account"], source["action"], source["entity"], source["entity_id"],
                 source["field"], source["old"], source["new"], source["prev_hash"], source["hash"], target),
            )
    from promises_app.services import open_services

    services = open_services(db_path)
    try:
        problems = services.maintenance.verify_database().problems
    finally:
        services.db.close()
    assert problems and f"post {a['id']}" in problems[0]


def test_a_log_cut_short_stays_cut_short_after_the_next_save(demo_services, db_path) -> None:  # type: ignore[no-untyped-def]
    """Entries are numbered from the head, under its lock (several writers: storage/changelog.py), so
    the next save goes on after the deleted entries instead of closing the gap over them."""
    demo_services.db.close()
    last = _log(db_path)[-1]["id"]
    _tamper(db_path, "DELETE FROM change_log WHERE id > ?", last - 3)
    from promises_app.services import open_services

    services = open_services(db_path)
    try:
        services.register.create_organisation(name="Kustbevakningen", kind="other")
        problems = services.maintenance.verify_database().problems
    finally:
        services.db.close()
    assert _log(db_path)[-1]["id"] == last + 1
    assert f"Ändringsloggens post {last - 2}–{last} saknas (borttagen)." in problems
