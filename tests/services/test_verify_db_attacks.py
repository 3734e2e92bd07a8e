"""Issue point 3: direct edits of the database file are seen by ``verify-db``.

Each attack is the one the issue lists, made as someone with the file and a SQLite tool would
make it (dropping the triggers that stand in the way first), on a signed agreement. Each must
make ``promises-app verify-db`` exit 1 and name what changed; a database that had a busy
year of ordinary work through the program must verify clean (no false alarm).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from promises_app.domain import snapshot as snap
from promises_app.services import Services
from promises_app.storage.changelog import entry_hash
from promises_app.storage.output_guard import shown_path
from tests.cli_support import run_cli
from tests.services.test_signoff import fake_render

#: Attacks on the SQLite file, through the command line given its path; the same attacks on a
#: server, made as its superuser: tests/server/test_verify_db_server.py.
pytestmark = pytest.mark.sqlite_only

SOLNA = "Solna – medborgarlöften 2022"
HELSINGBORG = "Samverkansöverenskommelse mellan Helsingborgs stad och lokalpolisområde Helsingborg 2018–2022"


def _id(services: Services, title: str) -> int:
    (found,) = [a.id for a in services.agreements.list_agreements() if a.title == title]
    return found


@pytest.fixture
def signed(demo_services: Services) -> int:
    """Solna, signed in the program as revision 2 after an edit (so it has a log head of its own)."""
    agreement = _id(demo_services, SOLNA)
    demo_services.signoff.new_revision(agreement)
    measure = demo_services.plan.list_measures(agreement)[0]
    demo_services.plan.update_measure(measure.id, title="Fotpatrullering i Hagalund")
    demo_services.signoff.sign(agreement, place="Solna", signed_on="2022-03-01", render_pdf=fake_render)
    return agreement


def _raw(db_path: Path, *statements: str | tuple[str, tuple[object, ...]], drop: tuple[str, ...] = ()) -> None:
    with sqlite3.connect(db_path, isolation_level=None) as raw:
        for trigger in drop:
            raw.execute(f"DROP TRIGGER {trigger}")
        for statement in statements:
            sql, params = statement if isinstance(statement, tuple) else (statement, ())
            raw.execute(sql, params)


def _verify(capsys: pytest.CaptureFixture[str], db_path: Path, *against: str) -> tuple[int, str, str]:
    options = [item for value in against for item in ("--against", value)]
    return run_cli(capsys, "--db", str(db_path), "verify-db", *options)


@pytest.fixture
def raw(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(db_path, isolation_level=None)
    yield connection
    connection.close()


def _first_measure(raw: sqlite3.Connection, agreement: int) -> tuple[int, str]:
    return raw.execute(
        "SELECT x.id, x.title FROM measures x JOIN promises p ON p.id = x.promise_id WHERE p.agreement_id = ? "
        "ORDER BY p.position, x.position LIMIT 1", (agreement,)).fetchone()


def test_an_untouched_database_verifies_and_says_what_was_checked(
    signed: int, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _verify(capsys, db_path)
    assert code == 0, err
    assert "Ändringsloggen i" in out and "och den slutar där den ska" in out
    assert "Planen i de 3 undertecknade eller avslutade överenskommelserna är den som undertecknades." in out
    assert "Varje rad stämmer med ändringsloggen." in out


def test_a_measure_title_changed_with_sql(signed: int, db_path: Path, raw: sqlite3.Connection,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    measure, title = _first_measure(raw, signed)
    _raw(db_path, ("UPDATE measures SET title = 'POLISEN LOVAR INGENTING' WHERE id = ?", (measure,)),
         drop=("measures_signed_no_update",))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1
    assert (f"«{SOLNA}» (undertecknad revision 2): Åtgärd «POLISEN LOVAR INGENTING», Titel: nu "
            f"«POLISEN LOVAR INGENTING», undertecknades som «{title}».") in err
    assert f"Åtgärden «POLISEN LOVAR INGENTING» (id {measure}): fältet «Titel» är «POLISEN LOVAR INGENTING» men " \
           f"enligt ändringsloggen «{title}» (ändrat utanför programmet)." in err


def test_the_agreement_title_changed_with_sql(signed: int, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _raw(db_path, ("UPDATE agreements SET title = 'Förfalskad' WHERE id = ?", (signed,)),
         drop=("agreements_signed_no_update",))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1
    assert f"Överenskommelsen «Förfalskad», Titel: nu «Förfalskad», undertecknades som «{SOLNA}»." in err


@pytest.mark.parametrize(("state", "expected"), [
    ("draft", f"«{SOLNA}» står som utkast till revision 2, men revision 2 är redan undertecknad"),
    ("closed", f"Överenskommelsen «{SOLNA}» (id {{id}}): fältet «Status» är «closed» men enligt ändringsloggen "
               "«signed» (ändrat utanför programmet)."),
])
def test_the_agreement_state_changed_with_sql(signed: int, db_path: Path, capsys: pytest.CaptureFixture[str],
                                              state: str, expected: str) -> None:
    _raw(db_path, ("UPDATE agreements SET state = ? WHERE id = ?", (state, signed)),
         drop=("agreements_signed_no_update",))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1 and expected.format(id=signed) in err


def test_a_measure_deleted_with_sql(signed: int, db_path: Path, raw: sqlite3.Connection,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    measure, title = _first_measure(raw, signed)
    _raw(db_path, "PRAGMA foreign_keys = ON", ("DELETE FROM measures WHERE id = ?", (measure,)),
         drop=("measures_signed_no_delete", "measure_participants_signed_no_delete"))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1
    assert f"Åtgärd «{title}» undertecknades men finns inte längre." in err
    assert f"Åtgärden «{title}» (id {measure}) finns i ändringsloggen men har tagits bort ur databasen" in err


def test_a_signed_revision_deleted_with_sql(signed: int, demo_services: Services, db_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    demo_services.signoff.new_revision(signed)
    demo_services.signoff.sign(signed, place="Solna", signed_on="2022-04-01", render_pdf=fake_render)  # revision 3
    _raw(db_path, ("DELETE FROM signed_revisions WHERE agreement_id = ? AND revision = 2", (signed,)),
         drop=("signed_revisions_no_delete",))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1
    assert f"«{SOLNA}»: undertecknad revision 2 saknas (revision 1, 3 finns); den har tagits bort ur databasen." in err
    assert "Den undertecknade revisionen 2" in err and "finns i ändringsloggen men har tagits bort" in err


def test_the_newest_signed_revision_deleted_with_sql(signed: int, db_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _raw(db_path, ("DELETE FROM signed_revisions WHERE agreement_id = ? AND revision = 2", (signed,)),
         drop=("signed_revisions_no_delete",))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1
    assert f"«{SOLNA}» står som undertecknad revision 2, men den senaste undertecknade revisionen är 1." in err


@pytest.mark.parametrize("count", [1, 5])
def test_the_last_log_entries_deleted_with_sql(signed: int, db_path: Path, raw: sqlite3.Connection,
                                               capsys: pytest.CaptureFixture[str], count: int) -> None:
    (last,) = raw.execute("SELECT max(id) FROM change_log").fetchone()
    _raw(db_path, ("DELETE FROM change_log WHERE id > ?", (last - count,)), drop=("change_log_no_delete",))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1
    assert f"Ändringsloggen är avkortad: den hade {last} poster men slutar vid post {last - count}" in err


def _rewrite_log(db_path: Path, entry_id: int, new_value: str, *, head_too: bool) -> None:
    """Edit one entry and compute the chain again from there (and, if ``head_too``, its head)."""
    with sqlite3.connect(db_path, isolation_level=None) as raw:
        raw.row_factory = sqlite3.Row
        raw.execute("DROP TRIGGER change_log_no_update")
        raw.execute("UPDATE change_log SET new = ? WHERE id = ?", (new_value, entry_id))
        previous = raw.execute("SELECT hash FROM change_log WHERE id = ?", (entry_id - 1,)).fetchone()[0]
        for row in raw.execute("SELECT * FROM change_log WHERE id >= ? ORDER BY id", (entry_id,)).fetchall():
            entry = dict(row)
            entry["prev_hash"] = previous
            previous = entry_hash(entry)
            raw.execute("UPDATE change_log SET prev_hash = ?, hash = ? WHERE id = ?",
                        (entry["prev_hash"], previous, entry["id"]))
        if head_too:
            raw.execute("UPDATE change_log_head SET hash = ?", (previous,))


def _title_entry(db_path: Path, measure: int) -> int:
    """The log entry of the measure's title change made before signing revision 2."""
    with sqlite3.connect(db_path) as raw:
        return raw.execute("SELECT id FROM change_log WHERE entity = 'measures' AND entity_id = ? "
                           "AND field = 'title' ORDER BY id DESC LIMIT 1", (measure,)).fetchone()[0]


def test_a_log_entry_edited_and_the_chain_computed_again(signed: int, db_path: Path, raw: sqlite3.Connection,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    measure, _title = _first_measure(raw, signed)
    _rewrite_log(db_path, _title_entry(db_path, measure), json.dumps("Något annat"), head_too=False)
    code, _out, err = _verify(capsys, db_path)
    assert code == 1
    assert "kedjan har räknats om i efterhand" in err  # the head kept by the trigger
    assert "Undertecknad revision 2 av «Solna – medborgarlöften 2022»: när den undertecknades hade ändringsloggen" in err


def test_a_recomputed_chain_with_its_head_is_still_caught_by_the_signing_and_by_a_printed_pdf(
    signed: int, db_path: Path, raw: sqlite3.Connection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "t2.pdf"
    code, _out, err = run_cli(capsys, "--db", str(db_path), "report", "followup", str(signed), "--period", "2022-T2",
                              "-o", str(report))
    assert code == 0, err
    measure, _title = _first_measure(raw, signed)
    _rewrite_log(db_path, _title_entry(db_path, measure), json.dumps("Något annat"), head_too=True)
    code, _out, err = _verify(capsys, db_path, str(report))
    assert code == 1
    assert "kedjan har räknats om" not in err  # the head was rewritten too: that alone no longer shows
    assert ("loggen har skrivits om fram till dit" in err.split("när den undertecknades")[1])  # the revision's head
    assert f"{shown_path(report)}: post " in err and "loggen har skrivits om fram till dit" in err  # and the printout


def test_a_scan_replaced_together_with_its_hash(signed: int, demo_services: Services, db_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    demo_services.signoff.attach_signed_copy(signed, 2, file_name="skannad.pdf", data=b"%PDF-1.4 riktig skanning")
    forged = b"%PDF-1.4 en annan skanning"
    _raw(db_path, ("UPDATE signed_copies SET data = ?, sha256 = ?, size = ?",
                   (forged, hashlib.sha256(forged).hexdigest(), len(forged))),
         drop=("signed_copies_no_update",))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1
    assert "Den inskannade kopian «skannad.pdf» (id 1): fältet «Kontrollsumman» är" in err
    assert "Den inskannade kopian «skannad.pdf» (id 1): fältet «Filens innehåll» är" in err


def test_signed_content_edited_and_its_hashes_computed_again(signed: int, demo_services: Services, db_path: Path,
                                                            raw: sqlite3.Connection,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (row_id, content) = raw.execute("SELECT id, content FROM signed_revisions WHERE agreement_id = ? AND revision = 2",
                                    (signed,)).fetchone()
    forged = content.replace("Fotpatrullering i Hagalund", "POLISEN LOVAR INGENTING")
    assert forged != content
    record = demo_services.signoff.get_revision(signed, 2)
    pdf = fake_render(snap.from_json(forged), record.log_anchor)
    _raw(db_path, ("UPDATE signed_revisions SET content = ?, content_sha256 = ?, pdf_sha256 = ?, pdf_size = ? "
                   "WHERE id = ?", (forged, snap.sha256_text(forged), hashlib.sha256(pdf).hexdigest(), len(pdf), row_id)),
         drop=("signed_revisions_no_update",))
    code, out, err = _verify(capsys, db_path)
    assert code == 1
    assert "Innehållet är oförändrat" not in out + err
    assert f"Den undertecknade revisionen 2 av «{SOLNA}» (id {row_id}): fältet «Innehållet» är" in err
    assert "fältet «Innehållets kontrollsumma» är" in err
    assert ("Titel: nu «Fotpatrullering i Hagalund», undertecknades som «POLISEN LOVAR INGENTING»." in err)


def test_a_row_added_with_sql_is_seen(signed: int, db_path: Path, raw: sqlite3.Connection,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    measure, _title = _first_measure(raw, signed)
    _raw(db_path, ("INSERT INTO follow_ups (measure_id, period, status, light, comment, updated_at, version) "
                   "VALUES (?, '2022-T3', 'done', 'green', 'klart', '2022-12-01 00:00:00', 1)", (measure,)))
    code, _out, err = _verify(capsys, db_path)
    assert code == 1 and "finns i databasen men inte i ändringsloggen: den har lagts till utanför programmet" in err


# --- the anchor outside the database ------------------------------------------------------------
def test_a_pdf_and_its_typed_footer_prove_the_log_still_holds_their_head(
    signed: int, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "avtal.pdf"
    code, out, err = run_cli(capsys, "--db", str(db_path), "report", "agreement", str(signed), "-o", str(pdf))
    assert code == 0, err
    from promises_app.reports.pdf_anchor import anchor_of_pdf

    anchor = anchor_of_pdf(pdf.read_bytes())
    assert anchor is not None
    code, out, err = _verify(capsys, db_path, str(pdf), f"Logg {anchor.short()}")
    assert code == 0, err
    assert f"{shown_path(pdf)}: databasen har kvar ändringsloggen som den var när den skrevs." in out
    assert f"Loggvärdet {anchor.short()}: databasen har kvar ändringsloggen" in out


def test_a_pdf_from_another_database_is_named_as_such(
    signed: int, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "annan.sqlite"
    assert run_cli(capsys, "--db", str(other), "demo")[0] == 0
    pdf = tmp_path / "annan.pdf"
    assert run_cli(capsys, "--db", str(other), "report", "agreement", "2", "-o", str(pdf))[0] == 0
    code, _out, err = _verify(capsys, db_path, str(pdf))
    assert code == 1 and "kommer från en annan databas" in err
    assert "har ändrats" not in err  # a wrong printout says nothing about this database


def test_against_something_that_is_no_anchor(signed: int, db_path: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    stranger = tmp_path / "annat.pdf"
    stranger.write_bytes(b"%PDF-1.4\n%%EOF\n")
    code, _out, err = _verify(capsys, db_path, str(stranger))
    assert code == 1 and "bär inget värde för ändringsloggen" in err
    code, _out, err = _verify(capsys, db_path, "inte ett loggvärde")
    assert code == 1 and "ingen sådan fil, och inte heller ett loggvärde" in err


# --- no false alarm ---------------------------------------------------------------------------------
def test_a_busy_year_of_ordinary_work_verifies_clean(demo_services: Services, db_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Everything a secretary does through the program, including what the database does on its
    own (a focus area's measures set to none, a promise's measures and follow-ups cascading)."""
    s = demo_services
    solna = _id(s, SOLNA)
    s.signoff.new_revision(solna)
    parties = [p.organisation_id for p in s.agreements.list_parties(solna)]
    promise = s.plan.list_promises(solna)[0]
    measures = s.plan.list_measures(solna)
    s.plan.update_measure(measures[0].id, title="Ny titel", deadline="2022-10-31")
    s.plan.update_measure(measures[1].id, responsible_id=parties[0], participant_ids=[parties[1]])
    area = s.plan.create_focus_area(solna, name="Centrum")
    made = s.plan.create_measure(promise_id=promise.id, title="Ny åtgärd", focus_area_id=area.id,
                                 responsible_id=parties[1], participant_ids=[parties[0]])
    s.follow_ups.record(made.id, period="2022-T2", status="in_progress", comment="börjat")
    s.plan.add_occurrence(made.id, occurred_on="2022-05-10", place="Torget", note="")
    s.plan.delete_focus_area(area.id)  # the measure's focus area is set to none by the database
    backup = s.plan.delete_measure(measures[2].id)
    s.plan.restore_measure(backup)
    s.agreements.update_agreement(solna, goals=["Ett nytt mål"])
    other = s.plan.create_promise(solna, text="något mer", maker_ids=parties)
    s.plan.create_measure(promise_id=other.id, title="Kort insats")
    s.plan.delete_promise(other.id)
    s.signoff.sign(solna, place="Solna", signed_on="2022-05-20", render_pdf=fake_render)
    s.signoff.attach_signed_copy(solna, 2, file_name="skannad.pdf", data=b"%PDF-1.4 skanning")
    s.follow_ups.record(measures[0].id, period="2022-T3", status="done", comment="klart")
    s.agreements.set_state(solna, "closed")
    helsingborg = _id(s, HELSINGBORG)
    s.signoff.new_revision(helsingborg)
    person = s.register.create_person(name="Tova Testsson", email="tova@example.se")
    s.register.update_person(person.id, title="Samordnare")
    s.privacy.pseudonymise_person(person.id)
    s.privacy.erase_person(person.id)
    organisation = s.register.create_organisation(name="Bostadsbolaget", kind="housing_company")
    s.register.update_organisation(organisation.id, short_name="BB")
    s.carry_over.create_from(solna, title="Solna – medborgarlöften 2023", start="2023-01-01", end="2023-12-31",
                             reporting_scheme="tertial")
    walk = s.walks.create_walk(solna, walked_on="2022-04-01", place="Hagalund")
    s.walks.add_finding(walk.id, text="Mörk gångväg")
    s.walks.delete_walk(walk.id)
    result = s.maintenance.verify_database(render_pdf=fake_render)
    assert result.ok, result.problems
    assert result.warnings == ()
    code, _out, err = _verify(capsys, db_path)
    assert code == 0, err
