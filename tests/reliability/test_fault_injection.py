"""P1, a multi-row save is all or nothing, shown by making one statement inside it fail
(docs/reliability.md, P1: "the k-th insert raises → database identical to before").

A fault is the driver error a full disk or an I/O error gives (``sqlite3.OperationalError``),
raised at the k-th INSERT (or DELETE) statement of a save, at one of two moments:

* ``before``: the statement never runs;
* ``after``:  the statement has run inside the transaction (of an ``executemany`` batch, the
  first half of its rows), then the error comes.

After each fault the whole database (``iterdump`` of the file, its ``user_version`` and
``application_id``) is identical to before, ``integrity_check`` and ``foreign_key_check`` pass,
the caller got the error, and the same save done again without the fault succeeds (so the
failed one left no lock and no half state behind). A sweep fails every write statement of
each save in turn, and a last test makes the COMMIT itself fail.

The number of faults injected is printed at the end and, if ``P1_REPORT`` names a file,
appended to it.
"""

from __future__ import annotations

import copy
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import pytest
from sqlalchemy import Engine, event

from promises_app.paths import resource
from promises_app.services import Services
from promises_app.services.exchange import parse
from promises_app.storage.database import open_database
from tests.reliability import report

WRITE_VERBS = ("INSERT", "UPDATE", "DELETE")
POSITIONS = {"first": 0.0, "quarter": 0.25, "half": 0.5, "three_quarters": 0.75, "last": 1.0}
PHASES = ("before", "after")

_faults_injected: list[str] = []


def causes(error: BaseException) -> list[BaseException]:
    """``error`` and everything it was raised from (``__cause__``, ``__context__``, a DBAPIError's ``orig``)."""
    found: list[BaseException] = []
    stack = [error]
    while stack:
        current = stack.pop()
        if current is None or any(current is e for e in found):
            continue
        found.append(current)
        stack.extend([current.__cause__, current.__context__, getattr(current, "orig", None)])
    return found


class InjectedFault(sqlite3.OperationalError):
    """The error a failing disk gives, raised where the driver would raise it."""


class FaultInjector:
    """Counts the statements of ``verbs`` run through ``engine`` and fails the ``at``-th one.

    ``at`` None only counts. Listens on the engine, so it sees the service layer's write
    engine (an options view of the same engine) too.
    """

    def __init__(self, engine: Engine, verbs: tuple[str, ...], at: int | None = None, phase: str = "before") -> None:
        assert phase in PHASES
        self.engine = engine
        self.verbs = verbs
        self.at = at
        self.phase = phase
        self.seen = 0
        self.error: InjectedFault | None = None
        self._armed = False

    def _fail(self, statement: str) -> None:
        verb = statement.split(None, 1)[0].upper()
        self.error = InjectedFault(f"disk I/O error (injected {self.phase} {verb} #{self.at})")
        self._armed = False
        _faults_injected.append(statement)
        raise self.error

    def _before(self, _conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool) -> None:
        if self.error is not None or statement.split(None, 1)[0].upper() not in self.verbs:
            return
        self.seen += 1
        if self.seen == self.at:
            if self.phase == "before":
                self._fail(statement)
            self._armed = True

    def _after(self, _conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool) -> None:
        if self._armed:
            self._fail(statement)

    def _executemany(self, cursor: Any, statement: str, parameters: Any, _context: Any) -> bool:
        if not self._armed:
            return False
        cursor.executemany(statement, parameters[: max(1, len(parameters) // 2)])
        self._fail(statement)
        return True  # not reached

    def __enter__(self) -> Self:
        event.listen(self.engine, "before_cursor_execute", self._before)
        event.listen(self.engine, "after_cursor_execute", self._after)
        event.listen(self.engine, "do_executemany", self._executemany)
        return self

    def __exit__(self, *_: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)
        event.remove(self.engine, "do_executemany", self._executemany)


def database_state(path: Path) -> tuple[Any, ...]:
    """Everything in the file: its SQL dump and header fields, read by a separate connection."""
    connection = sqlite3.connect(path)
    try:
        return (
            connection.execute("PRAGMA user_version").fetchone(),
            connection.execute("PRAGMA application_id").fetchone(),
            list(connection.iterdump()),
        )
    finally:
        connection.close()


def assert_sound(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


# --- the saves ------------------------------------------------------------------------------
def _agreement_id(services: Services, title_start: str) -> int:
    (found,) = [a.id for a in services.agreements.list_agreements() if a.title.startswith(title_start)]
    return found


def _import_solna_into_new_database(services: Services) -> Callable[[], object]:
    document = parse(resource("demo", "solna-2022.json").read_bytes())
    return lambda: services.exchange.import_document(copy.deepcopy(document))


def _import_promise_reusing_the_register(services: Services) -> Callable[[], object]:
    document = services.exchange.export_document(_agreement_id(services, "Solna – medborgarlöften"))
    document["agreement"]["title"] = "Solna – medborgarlöften 2023"
    document["agreement"]["state"] = "draft"
    return lambda: services.exchange.import_document(copy.deepcopy(document))


def _draft_of_solna(services: Services) -> int:
    """Solna's promises as the draft of revision 2: the demo has it signed, and a signed plan is locked."""
    agreement_id = _agreement_id(services, "Solna – medborgarlöften")
    services.signoff.new_revision(agreement_id)
    return agreement_id


def _create_promise(services: Services) -> Callable[[], object]:
    agreement_id = _draft_of_solna(services)
    makers = [p.organisation_id for p in services.agreements.list_parties(agreement_id)]
    assert len(makers) >= 2
    return lambda: services.plan.create_promise(agreement_id, text="Fler trygghetsvandringar", maker_ids=makers)


def _delete_promise(services: Services) -> Callable[[], object]:
    agreement_id = _draft_of_solna(services)
    promise = services.plan.list_promises(agreement_id)[0]
    assert len(services.plan.list_measures(agreement_id)) >= 5  # a cascade over measures, follow-ups …
    return lambda: services.plan.delete_promise(promise.id)


def _add_party(services: Services) -> Callable[[], object]:
    agreement_id = _draft_of_solna(services)
    parties = {p.organisation_id for p in services.agreements.list_parties(agreement_id)}
    outsider = next(o.id for o in services.register.list_organisations() if o.id not in parties)
    return lambda: services.agreements.add_party(agreement_id, organisation_id=outsider)


def _delete_agreement(services: Services) -> Callable[[], object]:
    """A draft copy of Helsingborg (a signed agreement cannot be deleted): a cascade over everything."""
    document = services.exchange.export_document(_agreement_id(services, "Samverkansöverenskommelse mellan Helsingborgs"))
    document["agreement"]["title"] = "Helsingborg, utkast"
    document["agreement"]["state"] = "draft"
    (agreement_id,) = services.exchange.import_document(document, backup=False).agreement_ids
    return lambda: services.agreements.delete_agreement(agreement_id)


def _sign(services: Services) -> Callable[[], object]:
    """Signing: the agreement's state and a frozen revision with its hashes, together or not at all."""
    agreement_id = _draft_of_solna(services)
    return lambda: services.signoff.sign(
        agreement_id, place="Solna", signed_on="2023-01-20", render_pdf=lambda content, anchor: b"%PDF-1.4 test"
    )


@dataclass(frozen=True)
class Scenario:
    name: str
    verb: str  # the statements the positioned faults count
    demo: bool  # start from the database with the demo loaded
    prepare: Callable[[Services], Callable[[], object]]


SCENARIOS = [
    Scenario("import_demo_document", "INSERT", False, _import_solna_into_new_database),
    Scenario("import_reusing_register", "INSERT", True, _import_promise_reusing_the_register),
    Scenario("create_promise", "INSERT", True, _create_promise),
    Scenario("delete_promise", "DELETE", True, _delete_promise),
    Scenario("add_party", "INSERT", True, _add_party),
    Scenario("delete_agreement", "DELETE", True, _delete_agreement),
    Scenario("sign", "INSERT", True, _sign),
]


# --- fixtures ---------------------------------------------------------------------------------
@pytest.fixture(scope="module", autouse=True)
def _report_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    before = len(_faults_injected)
    yield
    injected = len(_faults_injected) - before
    outcome = "some tests failed" if request.session.testsfailed else "database identical and sound after every one"
    report(request.config, [f"P1 fault injection: {injected} faults injected ({outcome})"])


class Bench:
    """A scenario on its own copy of the database: the save, and the engine to inject into."""

    def __init__(self, scenario: Scenario, path: Path, template: Path) -> None:
        shutil.copyfile(template, path)
        self.path = path
        self.database = open_database(path)
        self.services = Services(self.database)
        self.save = scenario.prepare(self.services)

    def close(self) -> None:
        self.database.close()


@pytest.fixture
def bench_for(tmp_path: Path, _templates: dict[str, Path]) -> Iterator[Callable[[Scenario], Bench]]:
    opened: list[Bench] = []

    def make(scenario: Scenario) -> Bench:
        bench = Bench(scenario, tmp_path / f"{scenario.name}-{len(opened)}.sqlite", _templates["demo" if scenario.demo else "empty"])
        opened.append(bench)
        return bench

    yield make
    for bench in opened:
        bench.close()


_statement_counts: dict[tuple[str, tuple[str, ...]], int] = {}


def statements_in(scenario: Scenario, verbs: tuple[str, ...], bench_for: Callable[[Scenario], Bench]) -> int:
    """How many ``verbs`` statements the save runs (on a scratch copy, once per run)."""
    key = (scenario.name, verbs)
    if key not in _statement_counts:
        bench = bench_for(scenario)
        with FaultInjector(bench.database.engine, verbs) as counter:
            bench.save()
        _statement_counts[key] = counter.seen
    return _statement_counts[key]


def fail_once(bench: Bench, verbs: tuple[str, ...], at: int, phase: str, before: tuple[Any, ...]) -> None:
    """Fail the ``at``-th statement of the save; the caller gets the error, the file is unchanged."""
    with FaultInjector(bench.database.engine, verbs, at, phase) as injector, pytest.raises(Exception) as raised:
        bench.save()
    assert injector.error is not None, f"the save ran only {injector.seen} {verbs} statements, not {at}"
    assert any(e is injector.error for e in causes(raised.value)), f"the caller got {raised.value!r}, not the disk's error"
    assert database_state(bench.path) == before, f"the database changed after a fault {phase} {verbs} #{at}"
    assert_sound(bench.path)


# --- the tests --------------------------------------------------------------------------------
@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_kth_statement_failing_leaves_the_database_as_it_was(
    scenario: Scenario, position: str, phase: str, bench_for: Callable[[Scenario], Bench]
) -> None:
    total = statements_in(scenario, (scenario.verb,), bench_for)
    assert total >= 1
    at = 1 + round(POSITIONS[position] * (total - 1))
    bench = bench_for(scenario)
    before = database_state(bench.path)

    fail_once(bench, (scenario.verb,), at, phase, before)

    bench.save()  # the same save, without the fault, goes through: nothing was left half done
    assert database_state(bench.path) != before
    assert_sound(bench.path)


@pytest.mark.slow
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_every_write_statement_failing_in_turn(scenario: Scenario, bench_for: Callable[[Scenario], Bench]) -> None:
    """Every INSERT, UPDATE and DELETE of the save, before and after it runs, on one file:
    any trace a failed save left would accumulate and show."""
    total = statements_in(scenario, WRITE_VERBS, bench_for)
    bench = bench_for(scenario)
    before = database_state(bench.path)
    for at in range(1, total + 1):
        for phase in PHASES:
            fail_once(bench, WRITE_VERBS, at, phase, before)
    bench.save()
    assert database_state(bench.path) != before


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_commit_failing_leaves_the_database_as_it_was(
    scenario: Scenario, bench_for: Callable[[Scenario], Bench], monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = bench_for(scenario)
    before = database_state(bench.path)
    dialect = bench.database.engine.dialect
    error = InjectedFault("database or disk is full (injected at COMMIT)")

    def failing_commit(_dbapi_connection: Any) -> None:
        _faults_injected.append("COMMIT")
        raise error

    monkeypatch.setattr(dialect, "do_commit", failing_commit)
    with pytest.raises(Exception) as raised:
        bench.save()
    monkeypatch.undo()
    assert any(e is error for e in causes(raised.value)), f"the caller got {raised.value!r}, not the disk's error"
    assert database_state(bench.path) == before
    assert_sound(bench.path)
    bench.save()
    assert database_state(bench.path) != before
