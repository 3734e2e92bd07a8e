"""reports → services/domain only: no Qt, no ORM, and the content builder without ReportLab."""

from __future__ import annotations

import ast
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[2] / "promises_app" / "reports"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_reports_import_neither_qt_nor_the_storage_layer() -> None:
    for path in REPORTS.glob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            assert top not in {"PySide6", "shiboken6", "sqlalchemy", "alembic"}, (path.name, name)
            assert not name.startswith(("promises_app.storage", "promises_app.ui")), (path.name, name)


def test_the_content_builder_is_pure() -> None:
    for module in ("agreement_content.py", "formatting.py"):
        assert not [n for n in _imports(REPORTS / module) if n.startswith("reportlab")], module
