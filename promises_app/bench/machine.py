"""The machine a benchmark ran on: CPU model, cores, RAM, OS, Python, Qt, date."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def ram_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except (OSError, ValueError):
        pass
    try:
        return f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 1024 ** 3:.1f} GB"
    except (ValueError, OSError, AttributeError):
        return "unknown"


def os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip(chr(34))} ({platform.system()} {platform.release()})"
    except OSError:
        pass
    return platform.platform()


def details() -> list[tuple[str, str]]:
    """(label, value) pairs for the head of docs/performance.md."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()}, PySide6 {PySide6.__version__}"
    except ImportError:
        qt = "not installed"
    import sqlalchemy

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return [
        ("Date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", cpu_model()),
        ("Cores", f"{usable} usable ({os.cpu_count()} logical)"),
        ("RAM", ram_gb()),
        ("OS", os_name()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Qt", qt),
        ("SQLAlchemy / SQLite", f"{sqlalchemy.__version__} / {_sqlite_version()}"),
        ("Load average at start (1/5/15 min)", load),
    ]


def load_text() -> str:
    """The load average when the bench ended: other work on the machine slows every figure."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "Load average at the end: unknown"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    busy = " (other programs were using the CPUs meanwhile: the figures are slower than on an idle machine)"
    return f"Load average at the end (1/5/15 min): {one:.1f} / {five:.1f} / {fifteen:.1f}" + (
        busy if five > cores else "")


def _sqlite_version() -> str:
    from promises_app.storage.engine import sqlite_library_version

    return sqlite_library_version()
