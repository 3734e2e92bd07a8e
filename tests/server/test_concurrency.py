"""Several people saving into one shared database at once (storage/changelog.py, services/signoff.py,
services/plan.py, storage/signed_guard.py).

Every test uses two or more real connections to the throwaway PostgreSQL server of tests/conftest.py,
each through its own ``open_database(url)`` as the program opens it, from threads or a child process.
Where the order of two saves matters, a third connection holds the row both need (``SELECT … FOR
UPDATE``) until the server shows both waiting for it, then lets go: the two really are inside their
transactions at the same time, and the server lets them through in the order they queued.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text

from promises_app.domain import snapshot as snap
from promises_app.domain.enums import AgreementState, FollowUpStatus
from promises_app.domain.log_anchor import LogAnchor
from promises_app.services import Services
from promises_app.services.errors import ConflictError, SignedRecordError
from promises_app.storage import models as m
from promises_app.storage.changelog import verify_chain
from promises_app.storage.database import open_database
from tests.pg_server import SUPERUSER, PgServer

SOLNA = "Solna – medborgarlöften 2022"
#: The longest any wait here may take: a limit, not a timing (the machine is shared and slow).
LIMIT_S = 60.0


# --- helpers -----------------------------------------------------------------------------------------------------
@pytest.fixture
def demo_db_name(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[str]:
    """A database of the test's own on the server, holding the demo agreements."""
    name = pg_server.new_name("concurrency")
    pg_server.create_database(name, template=_pg_templates["demo"])
    try:
        yield name
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def demo_url(pg_server: PgServer, demo_db_name: str) -> str:
    return pg_server.url(demo_db_name)


@contextlib.contextmanager
def connected(url: str) -> Iterator[Services]:
    """The services over a database opened as the program opens it: one person's program."""
    database = open_database(url)
    try:
        yield Services(database)
    finally:
        database.close()


def raw(server: PgServer, name: str) -> psycopg.Connection[Any]:
    """A plain connection as the superuser, outside the program."""
    return psycopg.connect(host=str(server.socket_dir), dbname=name, user=SUPERUSER)


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LIMIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {LIMIT_S:.0f} s for {what}")
        time.sleep(0.02)


def waiting_for_locks(server: PgServer, name: str) -> int:
    """How many connections to database ``name`` are waiting for a lock now."""
    with psycopg.connect(host=str(server.socket_dir), dbname="postgres", user=SUPERUSER, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'", (name,)
        ).fetchone()
    return int(row[0]) if row else 0


@contextlib.contextmanager
def holding(server: PgServer, name: str, table: str, row_id: int) -> Iterator[Callable[..., None]]:
    """Hold row ``row_id`` of ``table`` locked in a third connection; yields ``queued(n)``, which waits
    until n connections wait for a lock. Leaving the block lets go (rolls back)."""
    blocker = raw(server, name)
    try:
        blocker.execute(f"SELECT id FROM {table} WHERE id = %s FOR UPDATE", (row_id,))  # type: ignore[arg-type]

        def queued(count: int, *saves: Future[Any]) -> None:
            """Wait until ``count`` connections wait for a lock; ``saves`` must not have finished meanwhile."""
            wait_until(lambda: waiting_for_locks(server, name) >= count or any(save.done() for save in saves),
                       f"{count} saves waiting for {table} {row_id}")
            done = [save for save in saves if save.done()]
            assert not done, f"saved without waiting for {table} {row_id}: {done[0].exception() or done[0].result()}"

        yield queued
    finally:
        blocker.rollback()
        blocker.close()


def fake_render(content: snap.AgreementSnapshot, anchor: LogAnchor | None) -> bytes:
    return b"%PDF-1.4 fake\n" + snap.to_json(content).encode("utf-8")


def log_ids(url: str) -> list[int]:
    with connected(url) as services, services.db.read() as session:
        return list(session.scalars(select(m.ChangeLogEntry.id).order_by(m.ChangeLogEntry.id)))


def chain_problems(url: str) -> list[str]:
    with connected(url) as services, services.db.read() as session:
        return verify_chain(session.connection())


def solna_measure(services: Services) -> tuple[int, int]:
    """Solna's id and its first measure's id."""
    agreement_id = services.agreements.find_agreements(SOLNA)[0].id
    return agreement_id, services.plan.list_measures(agreement_id)[0].id


def a_period(services: Services, agreement_id: int) -> str:
    return services.agreements.periods(agreement_id)[0].label


# --- a conflict on the same follow-up ---------------------------------------------------------------------------
@pytest.mark.parametrize("existing", [True, False], ids=["follow-up-there", "none-yet"])
def test_two_saves_of_the_same_follow_up_from_the_same_version_the_second_is_refused(
    pg_server: PgServer, demo_db_name: str, demo_url: str, existing: bool
) -> None:
    with connected(demo_url) as first, connected(demo_url) as second:
        agreement_id, measure_id = solna_measure(first)
        period = a_period(first, agreement_id)
        current = [f for f in first.follow_ups.list_for_measure(measure_id) if f.period == period]
        for follow_up in current:  # the demo's own follow-up of the period: start from none
            first.follow_ups.delete(follow_up.id)
        version = 0
        if existing:
            version = first.follow_ups.record(measure_id, period=period, status=FollowUpStatus.IN_PROGRESS,
                                              comment="före", expected_version=0).version
        entries_before = len(log_ids(demo_url))

        def save(services: Services, comment: str) -> Future[Any]:
            return pool.submit(services.follow_ups.record, measure_id, period=period, status=FollowUpStatus.DONE,
                               comment=comment, expected_version=version)

        with ThreadPoolExecutor(2) as pool, holding(pg_server, demo_db_name, "measures", measure_id) as queued:
            mine = save(first, "min")
            queued(1, mine)
            theirs = save(second, "din")
            queued(2, mine, theirs)
        assert mine.result(timeout=LIMIT_S).comment == "min"
        with pytest.raises(ConflictError, match="Uppföljningen har ändrats sedan du öppnade den"):
            theirs.result(timeout=LIMIT_S)

        saved = [f for f in second.follow_ups.list_for_measure(measure_id) if f.period == period]
        assert [(f.comment, f.version) for f in saved] == [("min", version + 1)]
        with first.db.read() as session:
            comments = [row.new for row in session.scalars(
                select(m.ChangeLogEntry).where(m.ChangeLogEntry.id > entries_before,
                                               m.ChangeLogEntry.entity == "follow_ups")
            )]
        assert any('"min"' in (c or "") for c in comments) and not any('"din"' in (c or "") for c in comments)
    assert chain_problems(demo_url) == []


# --- signing against an edit of the same agreement ------------------------------------------------------------
def _edit_title(services: Services, agreement_id: int) -> Callable[[], object]:
    measure_id = services.plan.list_measures(agreement_id)[0].id
    return lambda: services.plan.update_measure(measure_id, title="Ändrad medan den undertecknades")


def _add_signatory(services: Services, agreement_id: int) -> Callable[[], object]:
    """A plan edit by a service that does not lock the agreement itself: the signed guard does."""
    party = services.agreements.list_parties(agreement_id)[0]
    person = services.register.create_person(name="Ny Undertecknare", title="Ordförande",
                                              organisation_id=party.organisation_id)
    return lambda: services.agreements.add_signatory(party.id, person_id=person.id)


def _edit_is_in(content: snap.AgreementSnapshot, edit: str) -> bool:
    if edit == "measure-title":
        return content.measures[0].title == "Ändrad medan den undertecknades"
    return any(sig.name == "Ny Undertecknare" for party in content.parties for sig in party.signatories)


@pytest.mark.parametrize("edit", ["measure-title", "signatory"])
@pytest.mark.parametrize("first_in", ["sign", "edit"])
def test_signing_and_an_edit_of_the_same_agreement_do_not_interleave(
    pg_server: PgServer, demo_db_name: str, demo_url: str, edit: str, first_in: str
) -> None:
    with connected(demo_url) as signer, connected(demo_url) as editor:
        agreement_id = signer.agreements.find_agreements(SOLNA)[0].id
        signer.signoff.new_revision(agreement_id)  # a draft, revision 2
        make_edit = (_edit_title if edit == "measure-title" else _add_signatory)(editor, agreement_id)

        def sign() -> object:
            return signer.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20", render_pdf=fake_render)

        with ThreadPoolExecutor(2) as pool, holding(pg_server, demo_db_name, "agreements", agreement_id) as queued:
            first, second = (sign, make_edit) if first_in == "sign" else (make_edit, sign)
            futures = {first: pool.submit(first)}
            queued(1, *futures.values())
            futures[second] = pool.submit(second)
            queued(2, *futures.values())
        signed = futures[sign].result(timeout=LIMIT_S)
        if first_in == "sign":
            with pytest.raises(SignedRecordError, match="är undertecknad .* och kan inte ändras"):
                futures[make_edit].result(timeout=LIMIT_S)
        else:
            futures[make_edit].result(timeout=LIMIT_S)

        content = signer.signoff.revision_snapshot(agreement_id, 2)
        assert content.state is AgreementState.SIGNED and signed is not None
        assert _edit_is_in(content, edit) is (first_in == "edit")
        assert signer.signoff.verify_signed_plans() == []  # the plan is exactly what was signed
        assert _edit_is_in(editor.signoff.current_snapshot(agreement_id), edit) is (first_in == "edit")
    assert chain_problems(demo_url) == []


# --- 8 writers appending to the change log at once --------------------------------------------------------------
WRITERS = 8
SAVES = 25


def test_eight_writers_at_once_keep_one_whole_chain_and_every_save(demo_url: str) -> None:
    """Four record follow-ups, four rename measures (which lock the agreement too), each in a loop,
    each with its own connection; every save names its writer and number."""
    with connected(demo_url) as setup:
        for summary in setup.agreements.list_agreements():
            if summary.state is AgreementState.SIGNED:
                setup.signoff.new_revision(summary.id)  # renaming a measure needs a draft
        drafts = [a.id for a in setup.agreements.list_agreements() if a.state is AgreementState.DRAFT]
        chosen = [x for agreement_id in drafts for x in setup.plan.list_measures(agreement_id)][:WRITERS]
        assert len(chosen) == WRITERS
        periods = {x.id: a_period(setup, x.agreement_id) for x in chosen}
        for x in chosen[::2]:  # follow-up writers start from none
            for follow_up in setup.follow_ups.list_for_measure(x.id):
                if follow_up.period == periods[x.id]:
                    setup.follow_ups.delete(follow_up.id)
        start_versions = {x.id: setup.plan.get_measure(x.id).version for x in chosen}
    entries_before = len(log_ids(demo_url))
    go = threading.Barrier(WRITERS)

    def writer(number: int) -> list[str]:
        measure_id = chosen[number].id
        saved: list[str] = []
        with connected(demo_url) as services:
            go.wait(timeout=LIMIT_S)
            version = 0 if number % 2 == 0 else start_versions[measure_id]
            for save in range(SAVES):
                tag = f"skrivare {number} sparning {save}"
                if number % 2 == 0:
                    version = services.follow_ups.record(
                        measure_id, period=periods[measure_id], status=FollowUpStatus.IN_PROGRESS, comment=tag,
                        expected_version=version,
                    ).version
                else:
                    version = services.plan.update_measure(measure_id, title=tag, expected_version=version).version
                saved.append(tag)
        return saved

    with ThreadPoolExecutor(WRITERS) as pool:
        results = [future.result(timeout=10 * LIMIT_S) for future in [pool.submit(writer, n) for n in range(WRITERS)]]
    counted = sum(len(r) for r in results)
    assert counted == WRITERS * SAVES

    assert chain_problems(demo_url) == []
    ids = log_ids(demo_url)
    assert ids == list(range(1, len(ids) + 1))  # contiguous: no gap, none twice
    with connected(demo_url) as services, services.db.read() as session:
        head = session.execute(select(m.ChangeLogHead.entries)).scalar_one()
        assert head == len(ids)
        logged = session.execute(
            select(m.ChangeLogEntry.entity, m.ChangeLogEntry.entity_id, m.ChangeLogEntry.field, m.ChangeLogEntry.new)
            .where(m.ChangeLogEntry.id > entries_before).order_by(m.ChangeLogEntry.id)
        ).all()
        in_the_log: list[str] = []
        for number, x in enumerate(chosen):
            if number % 2 == 0:
                follow_up = session.scalars(select(m.FollowUp).where(
                    m.FollowUp.measure_id == x.id, m.FollowUp.period == periods[x.id])).one()
                assert (follow_up.comment, follow_up.version) == (results[number][-1], SAVES)
                mine = [entry.new for entry in logged if entry.entity == "follow_ups"
                        and entry.entity_id == follow_up.id and entry.field in (None, "comment")]
            else:
                measure = session.get_one(m.Measure, x.id)
                assert (measure.title, measure.version) == (results[number][-1], start_versions[x.id] + SAVES)
                mine = [entry.new for entry in logged
                        if entry.entity == "measures" and entry.entity_id == x.id and entry.field == "title"]
            tags = [tag for entry in mine for tag in results[number] if f'"{tag}"' in (entry or "")]
            assert tags == results[number], f"writer {number}: the log holds each save once, in order"
            in_the_log += tags
        assert len(in_the_log) == counted
        accounts = set(session.scalars(select(m.ChangeLogEntry.account).where(m.ChangeLogEntry.id > entries_before)))
        assert accounts == {session.execute(text("SELECT current_user")).scalar_one()} == {SUPERUSER}


# --- a client killed in the middle of an import -----------------------------------------------------------------
CHILD = r"""
import sys, time
from pathlib import Path
from sqlalchemy import event
from sqlalchemy.orm import Session
from promises_app.services import open_services

url, document, marker, moment = sys.argv[1:5]
services = open_services(url)


def stop_here(session, *_args):
    if session.info.get("signed_guard.created_agreements") or any(
        type(obj).__name__ == "Agreement" for obj in session.new
    ):
        Path(marker).write_text(moment)
        time.sleep(600)  # killed here


event.listen(Session, {"flush": "after_flush", "commit": "before_commit"}.get(moment, "after_commit"), stop_here)
services.exchange.import_json(Path(document).read_bytes(), backup=False)
"""


def _state(url: str) -> dict[str, Any]:
    """Every agreement's export, and the rows in each table: what "exactly as before" compares."""
    with connected(url) as services:
        exports = {a.id: services.exchange.export_json(a.id) for a in services.agreements.list_agreements()
                   if a.parent_id is None}
        with services.db.read() as session:
            tables = [t.name for t in m.Base.metadata.sorted_tables]
            counts = {t: session.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in tables}
    return {"exports": exports, "rows": counts}


@pytest.mark.parametrize("moment", ["flush", "commit", "committed"])
def test_a_client_killed_inside_an_import_leaves_the_database_before_or_after(
    demo_url: str, tmp_path: Path, moment: str
) -> None:
    with connected(demo_url) as services:
        document = tmp_path / "solna.json"
        document.write_text(services.exchange.export_json(services.agreements.find_agreements(SOLNA)[0].id))
    before = _state(demo_url)
    marker = tmp_path / "inside"
    repository = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, demo_url, str(document), str(marker), moment],
        env={**os.environ, "PYTHONPATH": str(repository)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        wait_until(lambda: marker.exists() or child.poll() is not None, "the child to be inside the import")
        assert child.poll() is None, child.communicate()[1].decode()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=LIMIT_S) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    after = _state(demo_url)
    assert chain_problems(demo_url) == []
    ids = log_ids(demo_url)
    assert ids == list(range(1, len(ids) + 1))
    with connected(demo_url) as services:  # the killed client's locks are gone: the same import goes through
        services.exchange.import_json(document.read_bytes(), backup=False)
    assert chain_problems(demo_url) == []
    once_more = _state(demo_url)

    def added(start: dict[str, Any], end: dict[str, Any]) -> dict[str, int]:
        return {table: end["rows"][table] - start["rows"][table] for table in end["rows"]}

    whole_import = added(after, once_more)
    assert whole_import["agreements"] == 1 and whole_import["measures"] > 0 and whole_import["change_log"] > 0
    if moment == "committed":  # exactly as after: the whole import, and all that was there as it was
        assert added(before, after) == whole_import
        assert after["exports"].items() > before["exports"].items()
    else:  # exactly as before
        assert after == before


# --- who changed it -------------------------------------------------------------------------------------------
def test_the_log_and_the_signature_name_the_database_user(pg_server: PgServer, demo_db_name: str) -> None:
    """On a server the account is the user the server checked, whatever the workstation's login."""
    user = pg_server.new_name("kim")
    pg_server.sql(f'CREATE ROLE "{user}" LOGIN')
    try:
        for grant in ("ALL ON ALL TABLES IN SCHEMA public", "ALL ON ALL SEQUENCES IN SCHEMA public"):
            pg_server.sql(f'GRANT {grant} TO "{user}"', database=demo_db_name)
        before = len(log_ids(pg_server.url(demo_db_name)))
        with connected(pg_server.url(demo_db_name, user=user)) as services:
            agreement_id = services.agreements.find_agreements(SOLNA)[0].id
            services.signoff.new_revision(agreement_id)
            record = services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20",
                                           render_pdf=fake_render)
            with services.db.read() as session:
                accounts = set(session.scalars(select(m.ChangeLogEntry.account).where(m.ChangeLogEntry.id > before)))
        assert (accounts, record.recorded_by) == ({user}, user)
    finally:
        pg_server.sql(f'DROP OWNED BY "{user}"', database=demo_db_name)
        pg_server.sql(f'DROP ROLE "{user}"')
