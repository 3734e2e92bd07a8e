"""The layers: domain, storage and services work without Qt, the domain without an ORM, and only
storage speaks SQLite or touches the database file."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "promises_app"
QT_MODULES = {"PySide6", "shiboken6"}
ORM_MODULES = {"sqlalchemy", "alembic"}

WITHOUT_QT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys, tempfile
    from pathlib import Path

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, NoQt())
    try:
        import PySide6  # noqa: F401
    except ImportError:
        pass
    else:
        raise SystemExit("the blocker does not work")

    imported = []
    for package_name in ("promises_app.domain", "promises_app.storage", "promises_app.services"):
        package = importlib.import_module(package_name)
        imported.append(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            # migrations/env.py and the revisions run only inside Alembic.
            if ".migrations." in info.name + ".":
                if info.name != "promises_app.storage.migrations":
                    continue
            importlib.import_module(info.name)
            imported.append(info.name)

    from promises_app.services import Services
    from promises_app.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "sub" / "layering.sqlite")
        try:
            services = Services(db)
            services.maintenance.load_demo()
            titles = [a.title for a in services.agreements.list_agreements()]
        finally:
            db.close()

    assert len(titles) == 3, titles
    assert not [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
    print(len(titles), "agreements")
    print(" ".join(sorted(imported)))
    """
)


def test_domain_storage_services_run_without_qt(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env["MEDBORGARLOFTEN_DATA_DIR"] = str(tmp_path / "data")
    completed = subprocess.run(
        [sys.executable, "-c", WITHOUT_QT],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr + completed.stdout
    first, imported = completed.stdout.strip().splitlines()
    assert first == "3 agreements"
    assert set(imported.split()) == _expected_module_names()


def _expected_module_names() -> set[str]:
    names = set()
    for path in _modules_under("domain", "storage", "services"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts and parts[-1] != "__init__" or "versions" in parts:
            continue  # run only inside Alembic
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _modules_under(*layers: str) -> list[Path]:
    return sorted(p for layer in layers for p in (PACKAGE / layer).rglob("*.py"))


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            roots.add(node.args[0].value.split(".")[0])
    return roots


def test_scanner_sees_imports() -> None:
    """Control: the scanner finds imports that are there (so the checks below can fail)."""
    assert "sqlalchemy" in _imported_roots(PACKAGE / "storage" / "models.py")
    assert "alembic" in _imported_roots(PACKAGE / "storage" / "migrate.py")  # imported inside functions


@pytest.mark.parametrize(
    "path", _modules_under("domain", "storage", "services"), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_qt_below_the_ui(path: Path) -> None:
    assert not _imported_roots(path) & QT_MODULES


@pytest.mark.parametrize("path", _modules_under("domain"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_domain_has_no_orm(path: Path) -> None:
    assert not _imported_roots(path) & ORM_MODULES
    assert "promises_app" not in _imported_roots(path) or not any(
        isinstance(node, ast.ImportFrom)
        and node.module
        and node.module.startswith(("promises_app.storage", "promises_app.services", "promises_app.ui"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def test_window_and_command_line_reach_storage_only_through_services() -> None:
    """ui/ and cli.py import services (and domain), never storage: `ui → services → storage`."""
    offenders = []
    files = [*(PACKAGE / "ui").rglob("*.py"), PACKAGE / "cli.py"]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("promises_app.storage"):
                offenders.append(f"{path.relative_to(PACKAGE)}: {node.module}")
    assert offenders == []


# --- SQLite and the database file stay in storage/ (docs/architecture.md) ----------------------
#: Attributes of the open database that are its file, not its data (``db.path``, ``db.lock`` …).
FILE_ATTRIBUTES = {"path", "lock", "location", "engine", "file", "store"}
#: What an open database is called where it is reached (``self.db``, ``services.db``, ``database``).
DATABASE_NAMES = {"db", "database"}
#: Storage's functions and classes that work on a database file by its path.
FILE_FUNCTIONS = {
    "make_backup", "list_backups", "backup_dir", "DatabaseLock", "lock_path", "identity_lock_path",
    "read_header", "SqliteFile", "open_file", "assess_location", "read_only_reason", "unmerged_changes",
}
#: A SQL pragma statement in a string, whatever its case (``# pragma: no cover`` is a comment).
PRAGMA_STATEMENT = re.compile(r"\bpragma\s+[a-z_]", re.IGNORECASE)


def sqlite_reach(source: str) -> list[str]:
    """Where ``source`` speaks SQLite itself: the word PRAGMA, a pragma statement, the sqlite3 module."""
    found = [f"line {n}: PRAGMA" for n, line in enumerate(source.splitlines(), 1) if "PRAGMA" in line]
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "sqlite3" for a in node.names):
            found.append(f"line {line}: import sqlite3")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlite3":
            found.append(f"line {line}: from sqlite3")
        elif isinstance(node, ast.Name) and node.id == "sqlite3":
            found.append(f"line {line}: sqlite3")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and PRAGMA_STATEMENT.search(node.value):
            found.append(f"line {line}: {node.value[:40]!r}")
    return found


def file_reach(source: str) -> list[str]:
    """Where ``source`` reaches past the open database to its file: ``db.path`` and the like, or
    storage's functions that take a database file's path (``make_backup(path, …)``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Attribute) and node.attr in FILE_ATTRIBUTES:
            owner = node.value
            name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            if name in DATABASE_NAMES:
                found.append(f"line {line}: {name}.{node.attr}")
        elif isinstance(node, ast.Name) and node.id in FILE_FUNCTIONS:
            found.append(f"line {line}: {node.id}")
        elif isinstance(node, ast.Attribute) and node.attr in FILE_FUNCTIONS and not _is_self(node.value):
            found.append(f"line {line}: .{node.attr}")  # backups.make_backup, not a service's own method
        elif isinstance(node, ast.ImportFrom):
            found += [f"line {line}: import {a.name}" for a in node.names if a.name in FILE_FUNCTIONS]
    return found


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _outside_storage() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if (PACKAGE / "storage") not in p.parents)


def test_the_scanners_see_sqlite_and_the_file() -> None:
    """Control: each way of reaching past storage is found (so the checks below can fail)."""
    reaching = textwrap.dedent(
        """
        import sqlite3
        from sqlite3 import connect
        from promises_app.storage.backups import make_backup
        def check(self, s, services):
            s.execute(text("pragma integrity_check"))
            services.db.engine.connect()
            backups.make_backup(self.db.path, "import")
            return DatabaseLock(database.path), db.lock, sqlite3.sqlite_version
        # PRAGMA quick_check
        """
    )
    assert len(sqlite_reach(reaching)) == 5, sqlite_reach(reaching)
    assert len(file_reach(reaching)) == 7, file_reach(reaching)
    harmless = textwrap.dedent(
        """
        def f(self, backup):  # pragma: no cover
            return self.db.backup("import").path, self.db.read(), self.list_backups()
        """
    )
    assert sqlite_reach(harmless) == [] and file_reach(harmless) == []


@pytest.mark.parametrize("path", _outside_storage(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_sqlite_outside_storage(path: Path) -> None:
    """No PRAGMA and no sqlite3 outside storage/: storage alone speaks SQLite (the seam a shared
    database server needs). The window, the command line and the bench ask storage instead."""
    assert sqlite_reach(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "path", _modules_under("domain", "services", "reports"), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_services_never_reach_the_database_file(path: Path) -> None:
    """Services, domain and reports ask the open database for a backup or a check
    (``db.backup("import")``, ``db.require_intact(…)``); its file, lock and engine are storage's."""
    assert file_reach(path.read_text(encoding="utf-8")) == []
