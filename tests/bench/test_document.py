"""docs/performance.md as the bench writes it: the machine, the one table, what was not measured."""

from __future__ import annotations

from pathlib import Path

from promises_app.bench.run import Results, Settings, document
from promises_app.bench.stats import Figure


def test_the_document_holds_the_machine_the_table_and_what_was_not_measured():
    results = Results()
    results.add(Figure("Save one edited field", "9.0 ms", "≤ 15 ms", True))
    results.problems.append("reports: RuntimeError: soffice failed")
    settings = Settings(cache=Path("build/bench"), out=None, quick=True,
                        machine=[("CPU", "Test CPU"), ("Cores", "2 usable")])
    text = "\n".join(document(results, settings))

    assert text.startswith("# Performance")
    assert "- CPU: Test CPU" in text and "- Cores: 2 usable" in text
    assert "| Save one edited field | 9.0 ms | ≤ 15 ms | yes   |" in text
    assert "## Not measured" in text and "soffice failed" in text
    assert "Quick run" in text


def test_a_full_run_says_nothing_about_a_quick_run_or_failures():
    settings = Settings(cache=Path("build/bench"), out=None, quick=False, machine=[])
    text = "\n".join(document(Results(), settings))
    assert "Quick run" not in text and "## Not measured" not in text
