"""P1, crash-atomic and durable saves, shown by killing the program (docs/reliability.md, P1).

A worker process (``kill_worker.py``) drives the product's own service layer in a loop (follow-ups,
whole-agreement imports of ~30 rows, measure renames, agreement deletes), announcing each save
before it starts (``DO``) and after it returned (``ACK``). This harness SIGKILLs it at a random
moment, many times in a row on the same database file so that any damage would accumulate, and
after every kill checks, with plain ``sqlite3`` and then with the product's ``open_database``:

* ``integrity_check`` is ok and ``foreign_key_check`` finds nothing; no orphan rows;
* every acknowledged save is there (the latest value of every follow-up and title the worker
  saved, every agreement it imported and has not deleted, none it deleted), so the last
  acknowledged save in particular;
* the one save in flight at the kill is either wholly there or wholly absent;
* every agreement has exactly its full set of goals, parties, signatories, focus areas,
  promises, makers, measures, participants, occurrences and follow-ups, and no agreement
  appears that no save made.

Both journal modes the product uses are covered (WAL on local disks, DELETE where WAL is
unsafe). ``KILL_ROUNDS`` sets the kills per mode (25 by default; ``make reliability`` runs 200),
``P1_SEED`` the seed, ``P1_KILL_MAX_MS`` the latest kill after the worker starts saving (20 ms
to 1 s by default; every fifth round, the first included, counts from the worker's start, so
the kill can land while the product creates, opens or migrates the file);
the summary goes to the terminal and, if ``P1_REPORT`` names a file, is appended to it.

A SIGKILL keeps what the process handed to the operating system, so this shows atomicity and
that an acknowledged save was committed; it cannot show what ``synchronous=FULL`` adds against
power loss.
"""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import promises_app
from promises_app.services import Services
from promises_app.storage.database import open_database
from tests.reliability import report
from tests.reliability.kill_worker import (
    COUNTED_TABLES,
    JOURNAL_MODE_ENV,
    WAIT_FOR_GO_ENV,
    demo_documents,
    document_counts,
)

pytestmark = pytest.mark.slow

PROJECT_ROOT = Path(__file__).resolve().parents[2]
KILL_ROUNDS = int(os.environ.get("KILL_ROUNDS", "25"))
SEED = int(os.environ.get("P1_SEED", "1"))
KILL_MIN_S = 0.02
KILL_MAX_S = int(os.environ.get("P1_KILL_MAX_MS", "1000")) / 1000
#: Every START_UP_EVERY-th round (the first included) the kill clock starts when the worker is
#: told to go, so the kill may land while the product creates, checks, migrates or opens the
#: file or loads the demo; in the others it starts when the worker begins its saves (READY).
START_UP_EVERY = 5
#: Seconds the worker may take to start before the harness gives up (a hung worker is a failure).
START_TIMEOUT_S = 60

#: Rows whose parent is gone. ``foreign_key_check`` finds these too; asking directly does not
#: depend on how the schema declares its keys.
ORPHAN_QUERIES = {
    "agreement under a missing agreement": "SELECT id FROM agreements WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM agreements)",
    "goal without an agreement": "SELECT id FROM goals WHERE agreement_id NOT IN (SELECT id FROM agreements)",
    "party without an agreement": "SELECT id FROM parties WHERE agreement_id NOT IN (SELECT id FROM agreements)",
    "signatory without a party": "SELECT id FROM signatories WHERE party_id NOT IN (SELECT id FROM parties)",
    "focus area without an agreement": "SELECT id FROM focus_areas WHERE agreement_id NOT IN (SELECT id FROM agreements)",
    "promise without an agreement": "SELECT id FROM promises WHERE agreement_id NOT IN (SELECT id FROM agreements)",
    "promise maker without a promise": "SELECT promise_id FROM promise_makers WHERE promise_id NOT IN (SELECT id FROM promises)",
    "measure without a promise": "SELECT id FROM measures WHERE promise_id NOT IN (SELECT id FROM promises)",
    "participant without a measure": "SELECT measure_id FROM measure_participants WHERE measure_id NOT IN (SELECT id FROM measures)",
    "occurrence without a measure": "SELECT id FROM occurrences WHERE measure_id NOT IN (SELECT id FROM measures)",
    "follow-up without a measure": "SELECT id FROM follow_ups WHERE measure_id NOT IN (SELECT id FROM measures)",
}

#: The rows of one agreement (not of the documents under it), per table.
COUNT_QUERIES = {
    "agreements": "SELECT count(*) FROM agreements WHERE id = :a",
    "goals": "SELECT count(*) FROM goals WHERE agreement_id = :a",
    "parties": "SELECT count(*) FROM parties WHERE agreement_id = :a",
    "signatories": "SELECT count(*) FROM signatories JOIN parties ON parties.id = signatories.party_id WHERE parties.agreement_id = :a",
    "focus_areas": "SELECT count(*) FROM focus_areas WHERE agreement_id = :a",
    "promises": "SELECT count(*) FROM promises WHERE agreement_id = :a",
    "promise_makers": "SELECT count(*) FROM promise_makers JOIN promises ON promises.id = promise_makers.promise_id WHERE promises.agreement_id = :a",
    "measures": "SELECT count(*) FROM measures JOIN promises ON promises.id = measures.promise_id WHERE promises.agreement_id = :a",
    "measure_participants": "SELECT count(*) FROM measure_participants JOIN measures ON measures.id = measure_participants.measure_id JOIN promises ON promises.id = measures.promise_id WHERE promises.agreement_id = :a",
    "occurrences": "SELECT count(*) FROM occurrences JOIN measures ON measures.id = occurrences.measure_id JOIN promises ON promises.id = measures.promise_id WHERE promises.agreement_id = :a",
    "follow_ups": "SELECT count(*) FROM follow_ups JOIN measures ON measures.id = follow_ups.measure_id JOIN promises ON promises.id = measures.promise_id WHERE promises.agreement_id = :a",
}
assert set(COUNT_QUERIES) == set(COUNTED_TABLES)


@dataclass(frozen=True)
class Action:
    n: int
    kind: str
    details: dict[str, Any]


@dataclass
class WorkerOutput:
    """What one killed worker said: its set-up, the saves it acknowledged, the one in flight."""

    ready: dict[str, Any] | None = None
    acknowledged: list[Action] = field(default_factory=list)
    in_flight: Action | None = None

    @classmethod
    def parse(cls, lines: list[str]) -> WorkerOutput:
        output = cls()
        for line in lines:
            if not line.endswith("\n"):  # cut off by the kill: not a whole acknowledgement
                continue
            word, _, rest = line.rstrip("\n").partition(" ")
            if word == "READY":
                output.ready = json.loads(rest)
                continue
            n, kind, details = rest.split(" ", 2)
            action = Action(int(n), kind, json.loads(details))
            if word == "DO":
                assert output.in_flight is None, f"two saves in flight: {output.in_flight} and {action}"
                output.in_flight = action
            elif word == "ACK":
                assert output.in_flight is not None and output.in_flight.n == action.n, line
                output.acknowledged.append(action)
                output.in_flight = None
            else:
                raise AssertionError(f"unexpected line from the worker: {line!r}")
        return output


def _own_counts(agreement: dict[str, Any]) -> dict[str, int]:
    return document_counts({"agreement": {**agreement, "documents": []}})


def _demo_agreements() -> dict[str, dict[str, int]]:
    """Every demo agreement (cooperation agreements and the promises under them) and its rows."""
    found: dict[str, dict[str, int]] = {}

    def walk(agreement: dict[str, Any]) -> None:
        found[agreement["title"]] = _own_counts(agreement)
        for child in agreement["documents"]:
            walk(child)

    for document in demo_documents():
        walk(document["agreement"])
    return found


DEMO_AGREEMENTS = _demo_agreements()


class Ledger:
    """What the database must hold after the acknowledged saves, and the checks of it."""

    def __init__(self) -> None:
        self.follow_ups: dict[tuple[int, str], str] = {}  # (measure id, period) -> comment
        self.titles: dict[int, tuple[str, str]] = {}  # measure id -> (agreement title, title)
        self.present: dict[str, dict[str, int]] = {}  # imported agreement title -> rows
        self.deleted: set[str] = set()
        self.demo: set[str] = set()  # top-level demo titles loaded
        self.acknowledged = 0

    def apply(self, action: Action) -> None:
        d = action.details
        if action.kind == "follow_up":
            self.follow_ups[(d["measure_id"], d["period"])] = d["comment"]
        elif action.kind == "import":
            self.present[d["title"]] = d["counts"]
        elif action.kind == "update_title":
            self.titles[d["measure_id"]] = (d["agreement_title"], d["title"])
        elif action.kind == "delete":
            self.present.pop(d["title"], None)
            self.deleted.add(d["title"])
            self.titles = {k: v for k, v in self.titles.items() if v[0] != d["title"]}
        elif action.kind == "demo":
            self.demo.update(d["titles"])
        else:
            raise AssertionError(f"unknown action {action}")

    def check(self, con: sqlite3.Connection, in_flight: Action | None) -> tuple[list[str], list[str], Action | None]:
        """Check the database against the ledger: (acknowledged saves lost, other damage, the save
        in flight as it landed, or None if it left no trace). Does not change the ledger."""
        lost: list[str] = []
        damage: list[str] = []
        agreements: dict[str, list[int]] = {}
        for agreement_id, title in con.execute("SELECT id, title FROM agreements"):
            agreements.setdefault(title, []).append(agreement_id)

        def counts(title: str) -> dict[str, int] | None:
            if len(agreements[title]) != 1:
                damage.append(f"agreement {title!r} is there {len(agreements[title])} times")
                return None
            (agreement_id,) = agreements[title]
            return {t: con.execute(q, {"a": agreement_id}).fetchone()[0] for t, q in COUNT_QUERIES.items()}

        # The save in flight: did it land? (Whether it landed whole is checked with the rest.)
        landed: Action | None = None
        if in_flight is not None:
            d = in_flight.details
            if in_flight.kind == "import":
                done = d["title"] in agreements
            elif in_flight.kind == "delete":
                done = d["title"] not in agreements
            elif in_flight.kind == "follow_up":
                row = con.execute(
                    "SELECT comment FROM follow_ups WHERE measure_id = ? AND period = ?", (d["measure_id"], d["period"])
                ).fetchone()
                done = row is not None and row[0] == d["comment"]
            elif in_flight.kind == "update_title":
                row = con.execute("SELECT title FROM measures WHERE id = ?", (d["measure_id"],)).fetchone()
                done = row is not None and row[0] == d["title"]
            elif in_flight.kind == "demo":
                # load_demo is one import (one transaction) per demo file: each wholly or not at all.
                loaded = [t for t in d["titles"] if t in agreements]
                done = bool(loaded)
                in_flight = Action(in_flight.n, "demo", {**d, "titles": loaded})
            else:
                raise AssertionError(f"unknown action {in_flight}")
            landed = in_flight if done else None
        expected = copy.deepcopy(self)
        if landed is not None:
            expected.apply(landed)

        # Every acknowledged save (and the one in flight, if it landed) is there, whole.
        for title in expected.demo:
            if title not in agreements:
                lost.append(f"demo agreement {title!r} is gone")
        for title, wanted in DEMO_AGREEMENTS.items():
            if title in agreements:
                found = counts(title)
                if found is not None:
                    found.pop("follow_ups")  # the worker adds follow-ups to demo measures
                    wanted = {k: v for k, v in wanted.items() if k != "follow_ups"}
                    if found != wanted:
                        damage.append(f"demo agreement {title!r} has {found}, expected {wanted}")
        for title, wanted in expected.present.items():
            if title not in agreements:
                lost.append(f"imported agreement {title!r} is gone")
            else:
                found = counts(title)
                if found is not None and found != wanted:
                    damage.append(f"half-saved agreement {title!r}: {found} != {wanted}")
        for title in expected.deleted:
            if title in agreements:
                lost.append(f"deleted agreement {title!r} is back")
        for title in agreements:
            if title not in expected.present and title not in DEMO_AGREEMENTS:
                damage.append(f"agreement {title!r} that no save made (half of one in flight?)")
        for (measure_id, period), comment in expected.follow_ups.items():
            row = con.execute(
                "SELECT comment FROM follow_ups WHERE measure_id = ? AND period = ?", (measure_id, period)
            ).fetchone()
            if row is None or row[0] != comment:
                lost.append(f"follow-up of measure {measure_id} for {period}: {row and row[0]!r}, expected {comment!r}")
        for measure_id, (agreement_title, title) in expected.titles.items():
            row = con.execute(
                "SELECT measures.title, agreements.title FROM measures JOIN promises ON promises.id = measures.promise_id "
                "JOIN agreements ON agreements.id = promises.agreement_id WHERE measures.id = ?",
                (measure_id,),
            ).fetchone()
            if row != (title, agreement_title):
                lost.append(f"measure {measure_id}: {row!r}, expected {(title, agreement_title)!r}")

        # Nothing left dangling.
        for what, query in ORPHAN_QUERIES.items():
            rows = con.execute(query).fetchall()
            if rows:
                damage.append(f"{what}: {len(rows)} rows, e.g. {rows[:3]}")
        return lost, damage, landed


class WorkerProcess:
    """One ``kill_worker`` process, started ahead and held at ``GO`` until its turn."""

    def __init__(self, db_path: Path, seed: int, mode: str, stderr_path: Path) -> None:
        env = dict(os.environ)
        env[JOURNAL_MODE_ENV] = mode
        env[WAIT_FOR_GO_ENV] = "1"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
        self.stderr_path = stderr_path
        self._stderr = stderr_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.kill_worker", str(db_path), str(seed)],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )
        self.lines: list[str] = []
        self.went_at: float | None = None
        self.ready_at: float | None = None
        self.ready_or_gone = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("READY"):
                self.ready_at = time.monotonic()
                self.ready_or_gone.set()
            self.lines.append(line)
        self.ready_or_gone.set()

    def go(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("GO\n")
        self.process.stdin.flush()
        self.went_at = time.monotonic()

    def kill(self) -> int:
        """SIGKILL the worker (if it is still running) and wait for it; its return code."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        code = self.process.wait(timeout=START_TIMEOUT_S)
        self._reader.join(timeout=START_TIMEOUT_S)
        self._stderr.close()
        return code

    def dismiss(self) -> None:
        """End a worker that never got its turn: end of input makes it exit untouched."""
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=START_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.kill()
        self._stderr.close()


@dataclass
class Tally:
    mode: str
    kills: int = 0
    survived: int = 0
    acknowledged: int = 0
    lost: int = 0
    in_flight_committed: int = 0
    in_flight_rolled_back: int = 0
    hot_journals: int = 0
    before_ready: int = 0
    set_up_seconds: list[float] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"P1 {self.mode}: {self.kills} kills, {self.survived} survived, "
            f"{self.acknowledged} acknowledged saves checked, {self.lost} lost"
        )

    def details(self) -> str:
        journals = f"{self.hot_journals} hot rollback journals left by the kill; " if self.mode != "WAL" else ""
        leftovers = f"left beside the database: {', '.join(self.leftovers)}; " if self.leftovers else ""
        return (
            f"P1 {self.mode} details: save in flight at the kill {self.in_flight_committed + self.in_flight_rolled_back} times "
            f"({self.in_flight_committed} had committed, {self.in_flight_rolled_back} rolled back whole); "
            f"{journals}{leftovers}{self.before_ready} kills during opening/set-up "
            f"(set-up took {statistics.median(self.set_up_seconds or [0]) * 1000:.0f} ms median, "
            f"{max(self.set_up_seconds or [0]) * 1000:.0f} ms max); "
            f"seed {SEED}, {self.seconds:.1f} s"
        )


def _integrity(con: sqlite3.Connection) -> list[str]:
    problems = []
    result = [row[0] for row in con.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        problems.append(f"integrity_check: {result[:5]}")
    broken = con.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        problems.append(f"foreign_key_check: {broken[:5]}")
    return problems


@pytest.fixture
def workers() -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        if worker.process.returncode is None:
            worker.dismiss()


@pytest.mark.parametrize("mode", ["WAL", "DELETE"])
def test_kill_at_random_moments_loses_only_the_save_in_flight(
    mode: str, tmp_path: Path, workers: list[WorkerProcess], pytestconfig: pytest.Config
) -> None:
    db_path = tmp_path / "p1.sqlite"
    rng = random.Random(f"{SEED}-{mode}")
    ledger = Ledger()
    tally = Tally(mode)
    failures: list[str] = []
    started = time.monotonic()

    def start(round_no: int) -> WorkerProcess:
        worker = WorkerProcess(db_path, SEED * 100_000 + round_no, mode, tmp_path / f"worker-{round_no}.stderr")
        workers.append(worker)
        return worker

    upcoming = start(1)
    for round_no in range(1, KILL_ROUNDS + 1):
        worker = upcoming
        worker.go()
        if round_no < KILL_ROUNDS:  # pays Python's start-up while this one runs and is checked
            upcoming = start(round_no + 1)
        if (round_no - 1) % START_UP_EVERY != 0:  # the clock starts when the saving starts
            worker.ready_or_gone.wait(START_TIMEOUT_S)
        time.sleep(rng.uniform(KILL_MIN_S, KILL_MAX_S))
        code = worker.kill()
        where = f"{mode} round {round_no}"
        if code != -signal.SIGKILL:
            failures.append(f"{where}: the worker ended by itself (code {code}):\n{worker.stderr_path.read_text()}")
            break
        tally.kills += 1
        output = WorkerOutput.parse(worker.lines)
        if output.ready is None:
            tally.before_ready += 1
        else:
            assert worker.ready_at is not None and worker.went_at is not None
            tally.set_up_seconds.append(worker.ready_at - worker.went_at)
            if output.ready["journal_mode"] != mode.lower():
                failures.append(f"{where}: the worker ran in journal mode {output.ready['journal_mode']}, not {mode}")
            if Path(output.ready["promises_app"]) != Path(promises_app.__file__).parent:
                failures.append(f"{where}: the worker ran {output.ready['promises_app']}, not the code under test")
        for action in output.acknowledged:
            ledger.apply(action)
        tally.acknowledged += len(output.acknowledged)

        if not db_path.exists():  # killed while the product was still building the new file
            if ledger.demo or output.acknowledged:
                failures.append(f"{where}: the database is gone after acknowledged saves")
                break
            tally.survived += 1
            continue
        journal = db_path.with_name(db_path.name + "-journal")
        if journal.exists() and journal.stat().st_size > 0:
            tally.hot_journals += 1

        con = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True, isolation_level=None)
        try:
            damage = _integrity(con)
            lost, more_damage, landed = ledger.check(con, output.in_flight)
        finally:
            con.close()
        damage += more_damage
        if landed is not None:
            ledger.apply(landed)
            tally.in_flight_committed += 1
        elif output.in_flight is not None:
            tally.in_flight_rolled_back += 1
        tally.lost += len(lost)

        try:  # and the program itself still opens it and finds it sound
            database = open_database(db_path, create=False)
            try:
                result = Services(database).maintenance.check()
                if not result.ok:
                    damage.append(f"the program's own check: {result.problems}")
            finally:
                database.close()
        except Exception as error:  # noqa: BLE001 - any refusal to open is the finding
            damage.append(f"open_database refused the file: {error!r}")

        if lost or damage:
            last = output.acknowledged[-1] if output.acknowledged else None
            failures.append(
                f"{where} (worker seed {SEED * 100_000 + round_no}, last acknowledged {last}, "
                f"in flight {output.in_flight}):\n  " + "\n  ".join(lost + damage)
            )
            break  # later rounds would only report the same damage again
        tally.survived += 1

    tally.seconds = time.monotonic() - started
    expected_files = {db_path.name + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    tally.leftovers = sorted(
        f.name for f in tmp_path.iterdir() if f.is_file() and f.name not in expected_files and not f.name.endswith(".stderr")
    )
    report(pytestconfig, [tally.summary(), tally.details()])
    assert not failures, "\n".join(failures)
    assert tally.kills == KILL_ROUNDS
    assert tally.acknowledged > KILL_ROUNDS, "too few saves: the kills did not land while the worker was saving"
