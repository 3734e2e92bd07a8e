"""The packaging inputs, checked without building: the spec lists every resource the program
reads, the version has one value, and the resource helper finds files from source and frozen.

Building and running the bundle is `make dist dist-smoke` (scripts/frozen-smoke.sh), which CI
runs after these tests.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import pytest

import promises_app
from promises_app import paths
from promises_app.storage import migrate

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


def _spec_lists() -> dict[str, list[str]]:
    """The module-level ``NAME = ["…", …]`` string lists of build.spec."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    lists: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List):
            values = node.value.elts
            if values and all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in values):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        lists[target.id] = [v.value for v in values]  # type: ignore[attr-defined]
    return lists


def _shipped(folder: str, pattern: str = "*") -> set[str]:
    return {p.name for p in (ROOT / "resources" / folder).glob(pattern) if p.is_file()}


@pytest.mark.parametrize(
    ("spec_list", "folder", "pattern"),
    [
        ("FONTS", "fonts", "*"),
        ("SCHEMAS", "schemas", "*"),
        ("DEMO", "demo", "*"),
        ("STARTER", "starter", "*"),
        ("PUBLICATION", "publication", "*"),
        ("TRANSLATIONS", "translations", "*.ts"),
    ],
)
def test_the_spec_lists_every_resource_file(spec_list: str, folder: str, pattern: str) -> None:
    listed = set(_spec_lists()[spec_list])
    shipped = _shipped(folder, pattern)
    if pattern == "*.ts":  # the spec lists the built catalogues, one per source
        shipped = {name.removesuffix(".ts") + ".qm" for name in shipped}
    assert listed == shipped, f"build.spec's {spec_list} and resources/{folder}/ differ"


def test_the_user_guide_ships_from_docs() -> None:
    """F1 shows docs/anvandarguide.md; the spec bundles it into the bundle's docs/, where paths.user_guide looks."""
    assert _spec_lists()["GUIDE"] == [paths.USER_GUIDE]
    assert '*files("docs", *(required("docs", name) for name in GUIDE))' in SPEC.read_text(encoding="utf-8")
    assert paths.user_guide() == ROOT / "docs" / "anvandarguide.md" and paths.user_guide().is_file()


def test_the_font_licence_ships_with_the_fonts() -> None:
    assert any(name.startswith("LICENSE") for name in _spec_lists()["FONTS"])


def test_one_version() -> None:
    """build.spec reads pyproject.toml; `--version` says promises_app.__version__: the same."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    assert project["version"] == promises_app.__version__


def test_the_build_extra_is_pyinstaller() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        extras = tomllib.load(handle)["project"]["optional-dependencies"]
    assert any(req.startswith("pyinstaller") for req in extras["build"])


def test_the_migrations_are_where_alembic_looks_for_them() -> None:
    """The spec copies storage/migrations beside migrate.py; Alembic reads them from there."""
    assert migrate.MIGRATIONS_DIR == Path(migrate.__file__).resolve().parent / "migrations"
    assert (migrate.MIGRATIONS_DIR / "script.py.mako").is_file()
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    revisions = [p for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py") if p.name != "__init__.py"]
    assert len(revisions) == migrate.SCHEMA_VERSION


def test_resources_from_the_checkout() -> None:
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.resource("fonts", "DejaVuSans.ttf").is_file()


def test_resources_in_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PyInstaller sets sys._MEIPASS to the bundle's _internal folder; resources/ is in it."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.resource("demo", "solna-2022.json") == tmp_path / "resources" / "demo" / "solna-2022.json"
    assert paths.user_guide() == tmp_path / "docs" / "anvandarguide.md"
