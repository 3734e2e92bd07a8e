"""Reliability proofs (docs/reliability.md): crash atomicity (P1) by SIGKILL and by fault injection.

``report`` puts a proof's figures where a reader finds them whether or not pytest captures
output: in pytest's terminal summary, and appended to the file named by ``P1_REPORT``.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

REPORT_ENV = "P1_REPORT"


class _Summary:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        terminalreporter.write_sep("-", "P1 crash atomicity")
        for line in self.lines:
            terminalreporter.write_line(line)


def report(config: pytest.Config, lines: list[str]) -> None:
    """Show ``lines`` in the terminal summary and append them to the file named by ``P1_REPORT``."""
    summary = config.pluginmanager.get_plugin("p1-summary")
    if summary is None:
        summary = _Summary()
        config.pluginmanager.register(summary, "p1-summary")
    summary.lines.extend(lines)
    path = os.environ.get(REPORT_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.writelines(line + "\n" for line in lines)
