"""The benchmark's arithmetic and its table: the rules that decide "holds" (no timing here)."""

from __future__ import annotations

import math

import pytest

from promises_app.bench.libreoffice import PACKAGE, install_command
from promises_app.bench.stats import (
    Figure,
    at_most,
    growth_per_10x,
    median,
    millis,
    percentile,
    ratio,
    render_table,
    seconds,
)


def test_median_of_odd_and_even_counts_ignores_order():
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    with pytest.raises(ValueError):
        median([])


def test_percentile_interpolates_between_ranks_like_numpy():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 50) == 50.5
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile(values, 0) == 1 and percentile(values, 100) == 100
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        percentile(values, 101)


def test_a_single_slow_keystroke_in_twenty_sets_the_p95_but_not_the_p50():
    keystrokes = [0.010] * 19 + [0.500]
    assert percentile(keystrokes, 50) == pytest.approx(0.010)
    assert percentile(keystrokes, 95) > 0.030


def test_growth_per_tenfold():
    assert growth_per_10x(1.0, 1.0, 1_000, 10_000) == pytest.approx(1.0)  # no growth
    assert growth_per_10x(1.0, 10.0, 1_000, 10_000) == pytest.approx(10.0)  # linear
    assert growth_per_10x(1.0, 100.0, 100, 10_000) == pytest.approx(10.0)  # linear over two decades
    assert growth_per_10x(2.0, 4.0, 100, 10_000) == pytest.approx(math.sqrt(2))
    with pytest.raises(ValueError):
        growth_per_10x(1.0, 2.0, 10, 10)
    with pytest.raises(ValueError):
        growth_per_10x(0.0, 2.0, 10, 100)


def test_targets_hold_at_the_limit_and_not_beyond_and_say_nothing_when_not_measured():
    assert at_most(0.030, 0.030) is True
    assert at_most(0.031, 0.030) is False
    assert at_most(None, 0.030) is None


def test_values_are_written_in_readable_units():
    assert seconds(0.0123) == "12 ms"
    assert seconds(2.345) == "2.35 s"
    assert seconds(None) == "not measured"
    assert millis(0.0123) == "12.3 ms"
    assert ratio(1.234) == "1.23×"
    assert ratio(None) == "not measured"


def test_the_table_has_one_aligned_row_per_figure_with_yes_no_or_dash():
    figures = [
        Figure("Filter p95", "12.0 ms", "≤ 30 ms", True),
        Figure("Save one field", "45.5 ms", "≤ 15 ms", False, "synchronous=FULL"),
        Figure("Agreement PDF", "1.20 s"),
    ]
    lines = render_table(figures)
    assert len(lines) == 2 + len(figures)
    assert lines[0].split("|")[1:-1] == [
        " Figure         ", " Value   ", " Target  ", " Holds ", " Note             "]
    assert {len(line) for line in lines} == {len(lines[0])}  # aligned
    cells = [[c.strip() for c in line.split("|")[1:-1]] for line in lines[2:]]
    assert [c[3] for c in cells] == ["yes", "no", "–"]
    assert cells[1][4] == "synchronous=FULL"
    assert set(lines[1]) <= {"|", "-"}


def test_libreoffice_is_installed_with_apt_as_root_through_sudo_otherwise_and_not_at_all_without():
    as_root = install_command(is_root=True, have_sudo=False)
    assert as_root is not None and as_root[-1][:2] == ["apt-get", "install"] and as_root[-1][-1] == PACKAGE
    with_sudo = install_command(is_root=False, have_sudo=True)
    assert with_sudo is not None and all(c[:2] == ["sudo", "-n"] for c in with_sudo)
    assert install_command(is_root=False, have_sudo=False) is None
