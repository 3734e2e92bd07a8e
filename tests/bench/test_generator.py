"""The benchmark data generator: exact counts, a sound database, the same bytes for the same seed."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from promises_app.bench.generator import SIZES, Size, generate, main
from promises_app.services import open_services

TINY = Size(agreements=3, measures=60, follow_ups=200, indicators=5)
DATA_TABLES = (
    "organisations", "people", "agreements", "parties", "signatories", "focus_areas", "promises",
    "promise_makers", "measures", "measure_participants", "follow_ups", "indicator_definitions",
    "indicator_values", "agreement_indicators", "change_log",
)


def dump(path: Path) -> list[str]:
    """The INSERT statements of the data tables, as sqlite3's iterdump writes them."""
    connection = sqlite3.connect(path)
    try:
        return [
            line for line in connection.iterdump()
            if line.startswith("INSERT") and line.split('"')[1] in DATA_TABLES
        ]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny.sqlite"
    generate(path, TINY, seed=1)
    return path


def test_counts_are_exact(tmp_path: Path) -> None:
    counts = generate(tmp_path / "tiny.sqlite", TINY, seed=7)
    assert (counts.agreements, counts.measures, counts.follow_ups, counts.indicators) == (3, 60, 200, 5)
    assert counts.indicator_values > 0 and counts.promises >= 3 * 4


def test_the_database_is_sound_and_the_change_log_verifies(tiny: Path) -> None:
    services = open_services(tiny, create=False)
    try:
        check = services.maintenance.check()
        assert check.ok, check.problems
        assert (check.agreements, check.measures, check.follow_ups) == (3, 60, 200)
        assert services.maintenance.verify_database().ok
    finally:
        services.db.close()


def test_the_services_read_a_generated_agreement(tiny: Path) -> None:
    services = open_services(tiny, create=False)
    try:
        agreements = services.agreements.list_agreements()
        assert len(agreements) == 3
        assert all(a.state == "draft" for a in agreements)
        chosen = agreements[0]
        rows = services.follow_ups.status_rows(chosen.id, today=date(2030, 1, 1))
        assert rows and all(row.latest_status is not None for row in rows)
        first = services.agreements.periods(chosen.id)[0]
        summary = services.follow_ups.period_summary(chosen.id, first.label, today=date(2030, 1, 1))
        assert summary is not None
        for measure in rows:
            assert chosen.start_date <= measure.measure.deadline <= chosen.end_date
    finally:
        services.db.close()


def test_the_same_seed_gives_the_same_bytes(tiny: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    generate(again, TINY, seed=1)
    assert dump(again) == dump(tiny)


def test_another_seed_gives_other_text(tiny: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    generate(other, TINY, seed=2)

    def texts(path: Path) -> list[tuple[str, str]]:
        with sqlite3.connect(path) as connection:
            return connection.execute("SELECT title, comment FROM measures JOIN follow_ups "
                                      "ON follow_ups.measure_id = measures.id ORDER BY follow_ups.id").fetchall()

    assert texts(other) != texts(tiny)


def test_the_text_is_swedish(tiny: Path) -> None:
    with sqlite3.connect(tiny) as connection:
        text = " ".join(
            value
            for query in ("SELECT title FROM agreements", "SELECT title FROM measures",
                          "SELECT comment FROM follow_ups", "SELECT name FROM people")
            for (value,) in connection.execute(query)
        )
    assert {"å", "ä", "ö"} <= set(text)
    assert "medborgarlöften" in text


def test_the_named_sizes() -> None:
    assert (SIZES["city"].agreements, SIZES["city"].measures, SIZES["city"].follow_ups) == (120, 10_000, 40_000)
    assert SIZES["stress"].measures == 100_000


def test_an_existing_file_or_impossible_size_is_refused(tiny: Path, tmp_path: Path) -> None:
    with pytest.raises(FileExistsError):
        generate(tiny, TINY)
    with pytest.raises(ValueError):
        generate(tmp_path / "x.sqlite", Size(agreements=1, measures=2, follow_ups=100))
    assert not (tmp_path / "x.sqlite").exists()
    with pytest.raises(ValueError):
        generate(tmp_path / "y.sqlite", "huge")


def test_small_is_the_demo(tmp_path: Path) -> None:
    counts = generate(tmp_path / "small.sqlite", "small")
    assert counts.agreements >= 2 and counts.measures > 0


def test_the_command_line_prints_the_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Every named size goes through the same code; the command line is checked with the demo.
    assert main(["--size", "small", str(tmp_path / "cli.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "measures" in out and "time" in out
    assert main(["--size", "small", str(tmp_path / "cli.sqlite")]) == 2
