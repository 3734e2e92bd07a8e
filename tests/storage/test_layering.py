"""The layers: domain, storage and services work without Qt, and the domain without an ORM."""

from __future__ import annotations

import ast
import os
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
