"""The repository explains itself: whatever code, tests and docs cite is in the repository.

Code and tests once pointed at two Markdown files that lived outside the repository, so a
reader could not check what a comment promised. Now every ``*.md`` named in the code, the
tests, the scripts or the docs must exist (beside the file that names it, under ``docs/`` or
at the root), and every test file and test the docs name must exist too: the docs say which
tests show each property (docs/reliability.md), and a renamed test must not leave them wrong.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Where citations are looked for: our code, tests, scripts and docs, and the root's own files.
SCANNED_FOLDERS = ("promises_app", "tests", "scripts", "docs")
SCANNED_SUFFIXES = {".py", ".md", ".sh", ".spec", ".toml", ".txt", ".cfg", ""}
ROOT_FILES = ("README.md", "Makefile", "build.spec", "pyproject.toml")
SKIPPED_PARTS = {"__pycache__", ".git", ".venv", "build", "dist", "node_modules"}

_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
_MARKDOWN_NAME = re.compile(r"(?<![A-Za-z0-9_./-])([A-Za-z0-9_.][A-Za-z0-9_./-]*\.md)(?![A-Za-z0-9_])")
_TEST_PATH = re.compile(r"(?<![A-Za-z0-9_./-])(tests/[A-Za-z0-9_/]+\.py)(?:::([A-Za-z_][A-Za-z0-9_]*))?")
_TEST_NAME_IN_CODE_SPAN = re.compile(r"`(test_[a-z0-9_]+)`")


def scanned_files(root: Path) -> list[Path]:
    """The text files whose citations must hold, in a stable order."""
    found = [root / name for name in ROOT_FILES if (root / name).is_file()]
    for folder in SCANNED_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if (
                path.is_file()
                and path.suffix in SCANNED_SUFFIXES
                and not SKIPPED_PARTS.intersection(relative.parts)
            ):
                found.append(path)
    return found


def _is_inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _exists_in_repository(name: str, citing: Path, root: Path) -> bool:
    """A cited name is found beside the citing file, under ``docs/`` or from the root."""
    for candidate in (citing.parent / name, root / "docs" / name, root / name):
        if candidate.is_file() and _is_inside(candidate, root):
            return True
    return False


def missing_markdown_citations(root: Path, files: Iterable[Path]) -> list[str]:
    """``file:line: name`` for every ``*.md`` named in ``files`` that the repository lacks."""
    missing: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for name in _MARKDOWN_NAME.findall(_URL.sub(" ", line)):
                if not _exists_in_repository(name, path, root):
                    missing.append(f"{path.relative_to(root)}:{number}: {name}")
    return missing


def _test_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_")
    }


def _markdown_files(root: Path) -> Iterator[Path]:
    yield from (path for path in scanned_files(root) if path.suffix == ".md")


def missing_test_citations(root: Path, documents: Iterable[Path]) -> list[str]:
    """``doc:line: citation`` for every test file, ``file::test`` or `` `test_name` `` a document
    names that does not exist (a bare name must be a test somewhere under ``tests/``)."""
    every_test: set[str] = set()
    for test_file in (root / "tests").rglob("test_*.py"):
        every_test |= _test_functions(test_file)
    missing: list[str] = []
    for document in documents:
        text = document.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            where = f"{document.relative_to(root)}:{number}"
            for file_name, function in _TEST_PATH.findall(line):
                test_file = root / file_name
                if not test_file.is_file():
                    missing.append(f"{where}: {file_name}")
                elif function and function not in _test_functions(test_file):
                    missing.append(f"{where}: {file_name}::{function}")
            for function in _TEST_NAME_IN_CODE_SPAN.findall(line):
                if function not in every_test:
                    missing.append(f"{where}: {function}")
    return missing


def test_every_markdown_file_cited_is_in_the_repository() -> None:
    assert missing_markdown_citations(ROOT, scanned_files(ROOT)) == []


def test_every_test_the_docs_name_exists() -> None:
    assert missing_test_citations(ROOT, _markdown_files(ROOT)) == []


def test_the_properties_and_the_rules_are_written_down() -> None:
    """The two notes the code cites most, with every property P1–P15 in the engineering list."""
    reliability = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    for number in range(1, 16):
        assert re.search(rf"^## P{number}\. ", reliability, re.MULTILINE), f"P{number}"
    assert (ROOT / "docs" / "style.md").is_file()


# --- controls: the checks above can fail -------------------------------------------------------
# The names below are spelled in parts so this file, which the checks also read, cites nothing.
MD = ".md"
NOTES = "notes" + MD


@pytest.fixture
def small_repository(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / NOTES).write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(f"See [notes](docs/{NOTES}).\n", encoding="utf-8")
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_thing.py").write_text("def test_it_works() -> None:\n    pass\n", encoding="utf-8")
    return tmp_path


def test_a_citation_of_a_file_outside_the_repository_is_caught(small_repository: Path) -> None:
    outside = "OUTSIDE" + MD
    module = small_repository / "tests" / "module.py"
    module.write_text(
        f'"""Kept as {outside} says, and as docs/{NOTES} and {NOTES} say."""\n'
        f"# see ../shared/{outside}; https://example.org/{outside} is a web page, not a file\n",
        encoding="utf-8",
    )
    assert missing_markdown_citations(small_repository, scanned_files(small_repository)) == [
        f"tests/module.py:1: {outside}",
        f"tests/module.py:2: ../shared/{outside}",
    ]


def test_a_test_the_docs_name_that_does_not_exist_is_caught(small_repository: Path) -> None:
    document = small_repository / "docs" / NOTES
    document.write_text(
        "Shown by `tests/test_thing.py::test_it_works` and `test_it_works`,\n"
        "not by `tests/test_thing.py::test_it_was_renamed`, `tests/test_gone.py` or `test_nowhere`.\n",
        encoding="utf-8",
    )
    assert missing_test_citations(small_repository, [document]) == [
        f"docs/{NOTES}:2: tests/test_thing.py::test_it_was_renamed",
        f"docs/{NOTES}:2: tests/test_gone.py",
        f"docs/{NOTES}:2: test_nowhere",
    ]
