"""Several people saving at once on one shared database: 8 writers recording follow-ups for 30 s.

Each writer is its own process with its own connection (as eight coordinators' windows are),
records follow-ups of its own measures of one agreement round and round through
``services.follow_ups.record`` (with the version it last saw, as the window does), each save
with a comment no other save has, and counts what the service said was saved. Then the
database is asked, per writer: did the rows' versions grow by exactly that many saves, and does
the change log hold each of those comments exactly once? A save counted but not in the
database is lost; one in the log twice is duplicated. The log's chain must still verify.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from collections import Counter
from dataclasses import dataclass, field
from queue import Empty
from typing import Any

from sqlalchemy import select

from promises_app.storage import models as m


@dataclass(frozen=True)
class WriterCount:
    writer: int
    #: The comments of the saves the service reported done, in order.
    saved: list[str]
    refused: int
    seconds: list[float]


@dataclass
class WritersResult:
    writers: list[WriterCount]
    #: Per writer: saves counted by the writer, version steps in the rows, entries in the log.
    per_writer: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    lost: int = 0
    duplicated: int = 0
    chain_problems: list[str] = field(default_factory=list)

    @property
    def saves(self) -> int:
        return sum(len(w.saved) for w in self.writers)

    @property
    def ok(self) -> bool:
        return not self.lost and not self.duplicated and not self.chain_problems and all(
            counted == versions == logged for counted, versions, logged in self.per_writer.values())


def comment_of(writer: int, number: int) -> str:
    return f"Skrivare {writer}, sparning {number}"


def _write(url: str, writer: int, cells: list[tuple[int, str]], duration: float, barrier: Any, results: Any) -> None:
    """One writer (in its own process): record follow-ups until ``duration`` has passed."""
    from promises_app.domain.enums import FollowUpStatus
    from promises_app.services import open_services
    from promises_app.services.errors import ConflictError

    services = open_services(url, create=False)
    try:
        stored = _versions(services.db, cells)
        versions: dict[tuple[int, str], int | None] = {c: stored.get(c, 0) for c in cells}  # 0: none seen yet
        saved: list[str] = []
        refused = 0
        times: list[float] = []
        statuses = (FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE)
        barrier.wait()
        ends = time.perf_counter() + duration
        number = 0
        while time.perf_counter() < ends:
            cell = cells[number % len(cells)]
            comment = comment_of(writer, number)
            started = time.perf_counter()
            try:
                record = services.follow_ups.record(cell[0], period=cell[1], status=statuses[number % 2],
                                                    comment=comment, expected_version=versions[cell])
            except ConflictError:
                refused += 1
                versions[cell] = None
            else:
                times.append(time.perf_counter() - started)
                versions[cell] = record.version
                saved.append(comment)
            number += 1
        results.put(WriterCount(writer, saved, refused, times))
    finally:
        services.db.close()


def run_writers(url: str, cells: list[tuple[int, str]], *, writers: int = 8, duration: float = 30.0) -> WritersResult:
    """``writers`` processes saving for ``duration`` seconds, each the follow-ups of its own share of
    ``cells`` (measure id, period); then the database is checked."""
    from promises_app.services import open_services
    from promises_app.storage.changelog import verify_chain

    if len(cells) < writers:
        raise ValueError(f"{writers} writers need at least as many follow-ups to record, not {len(cells)}")
    slices = [cells[k::writers] for k in range(writers)]
    database = open_services(url, create=False).db
    try:
        before = _versions(database, cells)
        with database.read() as s:
            log_start = s.scalar(select(m.ChangeLogEntry.id).order_by(m.ChangeLogEntry.id.desc()).limit(1)) or 0
    finally:
        database.close()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(writers)
    queue = context.Queue()
    processes = [context.Process(target=_write, args=(url, k, slices[k], duration, barrier, queue))
                 for k in range(writers)]
    for process in processes:
        process.start()
    counts = _collect(processes, queue, barrier)
    result = WritersResult(sorted(counts, key=lambda c: c.writer))
    database = open_services(url, create=False).db
    try:
        after = _versions(database, cells)
        logged: Counter[str] = Counter()
        with database.read() as s:
            for action, field_name, new in s.execute(
                select(m.ChangeLogEntry.action, m.ChangeLogEntry.field, m.ChangeLogEntry.new)
                .where(m.ChangeLogEntry.id > log_start, m.ChangeLogEntry.entity == "follow_ups")
            ):
                value = json.loads(new) if new else None
                if action == "insert" and isinstance(value, dict):
                    logged[str(value.get("comment"))] += 1
                elif action == "update" and field_name == "comment":
                    logged[str(value)] += 1
            result.chain_problems = verify_chain(s.connection())
    finally:
        database.close()
    for count in result.writers:
        own = slices[count.writer]
        steps = sum(after.get(c, 0) - before.get(c, 0) for c in own)
        in_log = sum(logged[c] for c in count.saved)
        result.per_writer[count.writer] = (len(count.saved), steps, in_log)
        result.lost += sum(1 for c in count.saved if logged[c] == 0)
        result.duplicated += sum(logged[c] - 1 for c in count.saved if logged[c] > 1)
    return result


def _collect(processes: list[Any], queue: Any, barrier: Any) -> list[WriterCount]:
    """Each writer's count; a writer that died without one ends the run with its exit status."""
    counts: list[WriterCount] = []
    while len(counts) < len(processes):
        try:
            counts.append(queue.get(timeout=1))
        except Empty:
            dead = [p for p in processes if p.exitcode not in (None, 0)]
            if dead:
                barrier.abort()  # the others are not kept waiting for it
                for process in processes:
                    process.join(timeout=60)
                raise RuntimeError(f"{len(dead)} writer(s) failed (exit status {dead[0].exitcode})") from None
    for process in processes:
        process.join(timeout=60)
    return counts


def _versions(database: Any, cells: list[tuple[int, str]]) -> dict[tuple[int, str], int]:
    measures = sorted({measure_id for measure_id, _period in cells})
    wanted = set(cells)
    with database.read() as s:
        rows = s.execute(select(m.FollowUp.measure_id, m.FollowUp.period, m.FollowUp.version)
                         .where(m.FollowUp.measure_id.in_(measures)))
        return {(measure_id, period): version for measure_id, period, version in rows
                if (measure_id, period) in wanted}
