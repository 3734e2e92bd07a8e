"""Moving in: `promises-app copy --from FILE --to URL` (services/moving_in.py, storage/server_copy.py).

The file copied is the demo with everything history can hold added by the program itself: a
new revision signed (its PDF stored, with the log's head in it), a scanned copy attached, a
period's follow-up adopted (its PDF/A stored), a logo; and the city bench database.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Connection, make_url, select, text

from promises_app.bench.generator import generate
from promises_app.cli import main
from promises_app.reports.pdf_anchor import anchor_of_pdf
from promises_app.services import Services
from promises_app.services.errors import ServiceError
from promises_app.services.moving_in import move_in
from promises_app.storage import models as m
from promises_app.storage.database import open_database
from promises_app.storage.locations import DATA_DIR_ENV
from promises_app.storage.server_copy import data_tables
from tests.cli_support import run_cli
from tests.pg_server import PgServer

#: Everything compared row for row: the data, the change log, and the bookkeeping that travels with it.
COMPARED = [*data_tables(), *(m.table_of(model) for model in (m.ChangeLogEntry, m.DatabaseIdentity,
                                                               m.ChangeLogHead, m.ChangeLogCoverage))]


def _quiet(*argv: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(argv))
    assert code == 0, out.getvalue()


@pytest.fixture(scope="module")
def rich_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The demo with a signed revision (and its PDF), a scanned copy, an adopted report and a logo."""
    folder = tmp_path_factory.mktemp("rich")
    path = folder / "rich.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(folder / "user-data"))
        db = ["--db", str(path)]
        _quiet(*db, "demo")
        _quiet(*db, "new-revision", "2")
        _quiet(*db, "sign", "2", "--place", "Solna", "--date", "2022-03-01", "-o", str(folder / "signed.pdf"))
        _quiet(*db, "attach-signed", "2", str(folder / "signed.pdf"))
        from PIL import Image

        Image.new("RGB", (40, 20), (200, 30, 30)).save(folder / "logo.png")
        _quiet(*db, "logo", "3", str(folder / "logo.png"))
        _quiet(*db, "adopt", "2", "--period", "2022-T1", "--by", "Kommunstyrelsen", "--date", "2022-06-01",
               "--paragraph", "45")
    yield path, folder / "signed.pdf"


@pytest.fixture
def source(rich_file: tuple[Path, Path], tmp_path: Path) -> Path:
    path = tmp_path / "kommun.sqlite"
    shutil.copyfile(rich_file[0], path)
    return path


def _rows(connection: Connection) -> dict[str, list[dict[str, Any]]]:
    return {
        table.name: [dict(row) for row in connection.execute(
            select(table).order_by(*table.primary_key.columns)).mappings()]
        for table in COMPARED
    }


def _contents(location: Path | str, *, every: int = 1) -> tuple[dict[str, list[dict[str, Any]]], dict[int, Any]]:
    """Every row compared, and the JSON export (as `export-json` writes it) of every agreement, or
    of every ``every``-th one and the largest (an export of a city agreement takes most of a second)."""
    database = open_database(location, create=False)
    try:
        with database.read_rows() as connection:
            rows = _rows(connection)
        services = Services(database)
        ids = [a.id for a in services.agreements.list_agreements()]
        largest = max(ids, key=lambda i: sum(1 for r in rows["promises"] if r["agreement_id"] == i))
        chosen = sorted({*ids[::every], largest})
        exports = {i: services.exchange.export_json(i) for i in chosen}
    finally:
        database.close()
    return rows, exports


def _state(pg_server: PgServer, url: str) -> dict[str, Any]:
    """What the target holds: every table's rows (or that it has no tables)."""
    name = make_url(url).database
    with psycopg.connect(host=str(pg_server.socket_dir), dbname=name, user="promises_owner") as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}  # type: ignore[call-overload]


def test_copy_moves_the_demo_with_all_its_history(
    source: Path, rich_file: tuple[Path, Path], pg_url: str, capsys: pytest.CaptureFixture[str],
) -> None:
    before_rows, before_exports = _contents(source)
    assert before_rows["signed_copies"] and before_rows["adopted_reports"] and before_rows["walk_findings"]
    assert any(r["pdf"] for r in before_rows["signed_revisions"])
    assert any(r["logo_png"] for r in before_rows["organisations"])

    code, out, err = run_cli(capsys, "copy", "--from", str(source), "--to", pg_url)

    assert code == 0, err
    assert "Varje rad stämmer med ändringsloggen." in out
    assert "De fastställda uppföljningarna är oförändrade (1 st" in out
    after_rows, after_exports = _contents(pg_url)
    assert after_rows == before_rows  # same ids, versions, bytes, log entries, database id and head
    assert after_exports == before_exports and len(after_exports) == 3
    target = open_database(pg_url, create=False)
    try:
        services = Services(target)
        anchor = anchor_of_pdf(rich_file[1].read_bytes())
        assert anchor is not None and anchor.entries > 0
        result = services.maintenance.verify_database(anchors=[("signed.pdf", anchor)])
        assert result.ok, result.problems
        assert result.anchors == (("signed.pdf", None),)  # the PDF printed from the file anchors in the server
        assert (result.revisions, result.adopted, result.signed_agreements) == (4, 1, 3)
        # The sequences continue after the copied ids: the program adds rows as usual.
        person = services.register.create_person(name="Ny Samordnare")
        assert person.id > max(r["id"] for r in before_rows["people"])
        assert services.maintenance.verify_database().ok
    finally:
        target.close()


@pytest.mark.slow
def test_copy_moves_the_city_bench_database(tmp_path: Path, pg_url: str) -> None:
    """The bench's city, full size: 120 agreements, 10 000 measures, 40 000 follow-ups. Every row and
    every agreement's export compared (about 40 s)."""
    city = tmp_path / "city.sqlite"
    generate(city, "city", seed=1)
    before_rows, before_exports = _contents(city)

    result = move_in(city, pg_url)

    assert result.verification.ok, result.verification.problems
    assert result.copied.rows["measures"] == 10_000 and result.copied.rows["follow_ups"] == 40_000
    after_rows, after_exports = _contents(pg_url)
    assert len(after_rows["agreements"]) == 120 and after_rows == before_rows
    assert after_exports == before_exports and len(after_exports) == 120


def test_copying_twice_is_refused_naming_the_agreements(
    source: Path, pg_url: str, pg_server: PgServer, capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_cli(capsys, "copy", "--from", str(source), "--to", pg_url)[0] == 0
    before = _state(pg_server, pg_url)

    code, out, err = run_cli(capsys, "copy", "--from", str(source), "--to", pg_url)

    assert code == 1 and out == ""
    assert "har redan samma överenskommelser som filen" in err
    assert "'Solna – medborgarlöften 2022' (id 2)" in err and "Ingenting har kopierats." in err
    assert _state(pg_server, pg_url) == before


def test_a_database_holding_other_agreements_is_refused(
    source: Path, pg_url: str, pg_server: PgServer, tmp_path: Path,
) -> None:
    target = open_database(pg_url)
    try:  # data, though none of the file's agreements: one person in the register
        services = Services(target)
        services.register.create_person(name="Redan Här")
    finally:
        target.close()
    before = _state(pg_server, pg_url)
    with pytest.raises(ServiceError, match="innehåller redan uppgifter .*export-json och import"):
        move_in(source, pg_url)
    assert _state(pg_server, pg_url) == before


def _poison(source: Path) -> str:
    """A measure title longer than the schema allows: SQLite keeps it, PostgreSQL refuses it.

    Written through a write session (so the change log has it and the file verifies), in a
    draft revision of the Helsingborg agreement, well after the first tables are copied."""
    database = open_database(source, create=False)
    try:
        services = Services(database)
        services.signoff.new_revision(3)
        with database.write() as session:
            measure = session.scalars(select(m.Measure).join(m.Promise).where(m.Promise.agreement_id == 3)
                                      .order_by(m.Measure.id.desc())).first()
            assert measure is not None
            measure.title = "x" * 400
        assert services.maintenance.verify_database().ok
    finally:
        database.close()
    return "character varying(300)"


def test_a_failure_half_way_leaves_the_target_as_it_was(source: Path, pg_url: str, pg_server: PgServer) -> None:
    why = _poison(source)
    before = _state(pg_server, pg_url)
    assert before["database_identity"] and not before["change_log"]

    with pytest.raises(ServiceError, match=rf"Servern vägrade kopian .*{re.escape(why)}.*tabellen measures.*Ingenting har kopierats"):
        move_in(source, pg_url)

    assert _state(pg_server, pg_url) == before  # same (random) database id, no rows, no log entries


def test_a_failure_half_way_leaves_an_empty_database_without_a_schema(source: Path, pg_server: PgServer) -> None:
    _poison(source)
    name = pg_server.new_name("bare")
    url = pg_server.create_database(name)
    try:
        with pytest.raises(ServiceError, match="Servern vägrade kopian"):
            move_in(source, url)
        assert _state(pg_server, url) == {}
    finally:
        pg_server.drop_database(name)


def test_a_bare_database_gets_the_schema_and_the_files_identity(source: Path, pg_server: PgServer) -> None:
    name = pg_server.new_name("bare")
    url = pg_server.create_database(name)
    try:
        result = move_in(source, url)
        assert result.verification.ok
        database = open_database(url, create=False)
        try:
            with database.read_rows() as connection:
                stored = connection.execute(text("SELECT database_id FROM database_identity")).scalar_one()
        finally:
            database.close()
        file = open_database(source, create=False)
        try:
            assert stored == result.copied.database_id == Services(file).maintenance.log_anchor().database_id
        finally:
            file.close()
    finally:
        pg_server.drop_database(name)
