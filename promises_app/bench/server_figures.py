"""``make bench``'s PostgreSQL figures: the same costs on a server on the same machine, beside SQLite.

A throwaway server (bench/pg_server.py) is started with fsync on, as IT runs one (the tests'
server runs without it), listening on a Unix socket. The city database is moved into it with
``copy`` (services/moving_in.py: timed, verified, and its rows compared), then, each side by
side with the same figure on the SQLite file in the same run:

- saving one edited field (``services.follow_ups.record``), median of the save runs;
- showing the largest city agreement in the window (``window.select_agreement``);
- the follow-up report of the largest city agreement, each in a new process (bench/documents.py);

and 8 writers recording follow-ups for 30 s at once, none lost or duplicated (bench/writers.py).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from promises_app.bench import documents, measure
from promises_app.bench.stats import Figure, at_most, median, millis, percentile, ratio, seconds

#: Each PostgreSQL figure against the same on SQLite (issue 17).
LIMIT = 1.5
WRITERS = 8
WRITE_SECONDS = 30.0


@contextlib.contextmanager
def server() -> Iterator[Any]:
    """A durable throwaway server in a temporary folder (the folder goes with it)."""
    from promises_app.bench.pg_server import running_server

    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    try:
        with running_server(folder, durable=True) as running:
            yield running
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _against(name: str, pg: float, sqlite: float, shown: Any, note: str) -> Figure:
    value = pg / sqlite if sqlite else None
    return Figure(f"PostgreSQL: {name}", f"{shown(pg)} = {ratio(value)} SQLite ({shown(sqlite)})",
                  f"≤ {LIMIT}× SQLite", at_most(value, LIMIT), note)


def bench_postgresql(settings: Any, paths: dict[str, Path], work: Path, results: Any) -> None:
    from promises_app.bench.run import facts
    from promises_app.services import open_services
    from promises_app.services.moving_in import move_in

    print("PostgreSQL on the same machine: moving the city database in …", flush=True)
    copy = work / "pg-city.sqlite"
    shutil.copyfile(paths["city"], copy)
    try:
        with server() as pg:
            url = pg.create_database("city")
            started = time.perf_counter()
            moved = move_in(copy, url)
            took = time.perf_counter() - started
            rows = sum(moved.copied.rows.values())
            same = _same_rows(copy, url)
            results.add(Figure(
                "PostgreSQL: the city database moved in (copy, then verify-db on the server)", seconds(took),
                "verify-db passes; rows equal", moved.verification.ok and same,
                f"{rows} rows in one transaction; verify-db {'passed' if moved.verification.ok else 'FAILED'}; "
                f"every row {'equal to' if same else 'DIFFERENT from'} the file's",
            ))
            info = facts(copy)
            largest, period = info["largest"], info["period"]

            print("PostgreSQL: saving one edited field …", flush=True)
            saves: dict[str, list[float]] = {"sqlite": [], "pg": []}
            both = {name: open_services(where, create=False, exclusive=True)
                    for name, where in (("sqlite", copy), ("pg", url))}
            try:
                for _ in range(settings.save_runs):  # side by side: one save on each, round by round
                    for name, services in both.items():
                        saves[name] += measure.save_one_field(services, info["measure_id"], period, 1)
            finally:
                for services in both.values():
                    services.db.close()
            results.add(_against("save one edited field (city, services.follow_ups.record)", median(saves["pg"]),
                                 median(saves["sqlite"]), millis,
                                 f"median of {settings.save_runs} each, side by side; server with fsync"))

            print("PostgreSQL: showing the largest city agreement …", flush=True)
            shown: dict[str, list[float]] = {"sqlite": [], "pg": []}
            windows = {"sqlite": measure.open_window(copy), "pg": measure.open_window(url)}
            try:
                for _ in range(max(3, settings.runs)):  # side by side, round by round
                    for name, window in windows.items():
                        shown[name] += measure.select_agreement(window, largest, info["other"], 1)
            finally:
                for window in windows.values():
                    measure.close_window(window)
            results.add(_against(f"show the largest city agreement ({info['in_largest']} measures)",
                                 median(shown["pg"]), median(shown["sqlite"]), millis,
                                 f"window.select_agreement; median of {len(shown['pg'])} each, side by side"))

            print("PostgreSQL: the follow-up report of the largest city agreement …", flush=True)
            reports: dict[str, list[float]] = {"sqlite": [], "pg": []}
            for _ in range(max(2, settings.report_runs)):  # side by side, each in a new process
                reports["sqlite"].append(documents.cold("followup", copy, largest, period))
                reports["pg"].append(documents.cold("followup", url, largest, period))
            results.add(_against(
                f"follow-up report, largest city agreement ({period})", median(reports["pg"]),
                median(reports["sqlite"]), seconds, f"each in a new process; median of {len(reports['pg'])}",
            ))

            duration = WRITE_SECONDS
            print(f"PostgreSQL: {WRITERS} writers recording follow-ups for {duration:.0f} s …", flush=True)
            bench_writers(url, largest, period, duration, results)
    finally:
        measure._remove_database(copy)


def bench_writers(url: str, agreement_id: int, period: str, duration: float, results: Any) -> None:
    from sqlalchemy import select

    from promises_app.bench.writers import run_writers
    from promises_app.services import open_services
    from promises_app.storage import models as m

    database = open_services(url, create=False).db
    try:
        with database.read() as s:
            measures = list(s.scalars(select(m.Measure.id).join(m.Promise)
                                      .where(m.Promise.agreement_id == agreement_id).order_by(m.Measure.id)))
    finally:
        database.close()
    outcome = run_writers(url, [(i, period) for i in measures], writers=WRITERS, duration=duration)
    times = [t for w in outcome.writers for t in w.seconds]
    per = ", ".join(f"{c}" for c, _v, _l in outcome.per_writer.values())
    results.add(Figure(
        f"PostgreSQL: {WRITERS} writers recording follow-ups for {duration:.0f} s",
        f"{outcome.saves} saves ({outcome.saves / duration:.0f}/s)", "none lost, none twice", outcome.ok,
        f"lost {outcome.lost}, duplicated {outcome.duplicated}; per writer {per} (= version steps in the rows "
        f"= entries in the change log: {'yes' if outcome.ok else 'NO'}); refused as conflicts "
        f"{sum(w.refused for w in outcome.writers)}; a save {millis(median(times) if times else None)} median, "
        f"{millis(percentile(times, 95) if times else None)} p95; change log chain "
        f"{'verifies' if not outcome.chain_problems else 'BROKEN: ' + outcome.chain_problems[0]}",
    ))


def _same_rows(path: Path, url: str) -> bool:
    """Every copied table, row for row, the same on the server as in the file."""
    from sqlalchemy import select

    from promises_app.storage.database import open_database
    from promises_app.storage.server_copy import data_tables

    def rows(location: Path | str) -> dict[str, list[dict[str, Any]]]:
        database = open_database(location, create=False)
        try:
            with database.read_rows() as connection:
                return {table.name: [dict(r) for r in connection.execute(
                    select(table).order_by(*table.primary_key.columns)).mappings()] for table in data_tables()}
        finally:
            database.close()

    return rows(path) == rows(url)
