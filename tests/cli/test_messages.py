"""The command line never shows a traceback, and speaks Swedish (issue 12 point 9).

Each attack as it was tried: ids and revisions of 2**63, -2**63-1 and 23 digits (OverflowError
tracebacks in `import`, `report --revision`, `person-export`, `person-erase`, `attach-signed
--revision`); argparse's English ("the following arguments are required"); a 10 MB argument
echoed whole; OS errors naming a hidden temporary file; `sign --date 1900-01-01` accepted.
Every test checks the exit code, that no "Traceback" reached stderr (and no exception escaped
`main`), a Swedish message naming the field or file, and that the database did not change.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import inspect
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from promises_app.argparse_sv import CATALOGUE
from promises_app.cli import main
from promises_app.logging_setup import LOG_FILE_NAME, LOG_FOLDER_NAME
from promises_app.paths import resource
from tests.cli_support import run_cli

SOLNA = "2"  # "Solna – medborgarlöften 2022", signed as revision 1 in the demo
TEN_MB = "x" * (10 * 1024 * 1024)
HUGE = {"2**63": str(2**63), "-2**63-1": str(-(2**63) - 1), "23 digits": "9" * 23}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """argparse's refusal: exit status 2 and its message on stderr, which is returned."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert err.startswith("Användning: ")
    return err


# --- numbers SQLite cannot hold ----------------------------------------------------------------------


@pytest.mark.parametrize("number", HUGE.values(), ids=HUGE.keys())
@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["report", "agreement", SOLNA, "-o", "ut.pdf", "--revision"], "argumentet --revision: revisionen"),
        (["person-export", "-o", "ut.json", "--"], "argumentet PERSON-ID: personens id"),
        (["person-erase", "--"], "argumentet PERSON-ID: personens id"),
        (["attach-signed", SOLNA, "kopia.pdf", "--revision"], "argumentet --revision: revisionen"),
    ],
    ids=["report-revision", "person-export", "person-erase", "attach-signed-revision"],
)
def test_ids_and_revisions_too_big_for_the_database_are_a_swedish_usage_error(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], field: str, number: str
) -> None:
    before = _digest(demo_db)
    os.chdir(tmp_path)
    err = _usage_error(capsys, "--db", str(demo_db), *argv, number)
    assert f"{field} ska vara ett heltal från 1 till {2**63 - 1}, inte '{number}'" in err, err
    assert _digest(demo_db) == before
    assert not (tmp_path / "ut.pdf").exists() and not (tmp_path / "ut.json").exists()


@pytest.mark.parametrize("text", ["abc", "²", "1.5", "", "0"], ids=["letters", "superscript", "decimal", "empty", "zero"])
def test_an_id_that_is_no_whole_number_is_a_swedish_usage_error(
    demo_db: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    err = _usage_error(capsys, "--db", str(demo_db), "person-erase", "--", text)
    assert "argumentet PERSON-ID: personens id ska vara ett heltal" in err


@pytest.mark.parametrize("number", HUGE.values(), ids=HUGE.keys())
def test_import_with_a_revision_too_big_for_the_database_names_the_json_path(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    text = resource("demo", "solna-2022.json").read_text(encoding="utf-8")
    document = json.loads(text)
    document["agreement"]["documents"][0]["revision"] = 1234567
    bad = tmp_path / "stor-revision.json"
    bad.write_text(json.dumps(document, ensure_ascii=False).replace("1234567", number), encoding="utf-8")
    before = _digest(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import", str(bad))
    assert code == 1 and out == "" and "Traceback" not in err
    assert f"$.agreement.documents[0].revision: talet {number} är för" in err, err
    assert "Ingenting har importerats" in err
    assert _digest(demo_db) == before


def test_an_agreement_reference_of_huge_or_odd_digits_is_just_not_found(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for reference in [*HUGE.values(), "²", "1" * 5000]:
        code, _out, err = run_cli(capsys, "--db", str(demo_db), "export-json", reference, "-o", str(tmp_path / "u.json"))
        assert code == 1 and "Traceback" not in err
        assert "Ingen överenskommelse matchar" in err and len(err) < 300


# --- argparse in Swedish ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export-json"], "promises-app export-json: fel: de här argumenten måste anges: ÖVERENSKOMMELSE, -o/--output"),
        (["bogus"], "promises-app: fel: argumentet KOMMANDO: ogiltigt val 'bogus' (välj bland 'demo',"),
        (["list", "extra"], "promises-app: fel: okända argument: extra"),
        (["export-json", SOLNA, "-o"], "promises-app export-json: fel: argumentet -o/--output: ett värde måste anges"),
        (["report", "followup", SOLNA, "-o", "x.pdf", "--period", "2022-T2", "--today", "igår"],
         "argumentet --today: ogiltigt datum 'igår' (skriv ÅÅÅÅ-MM-DD)"),
        (["report", "agreement", SOLNA, "-o", "x.pdf", "--no-appendix=ja"],
         "argumentet --no-appendix: flaggan tar inget värde, men fick 'ja'"),
        (["report", "followup", SOLNA, "-o", "x.pdf", "--period", "2022-T2", "--n"],
         "flaggan --n är tvetydig: den kan vara --no-logos, --next-steps"),
    ],
    ids=["required", "invalid-choice", "unrecognized", "expected-one-argument", "bad-type", "explicit-argument",
         "ambiguous"],
)
def test_argparse_speaks_swedish(demo_db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    err = _usage_error(capsys, "--db", str(demo_db), *argv)
    assert expected in err, err
    for english in ("usage:", "error:", "required", "invalid", "unrecognized", "expected", "argument "):
        assert english not in err, err


def test_help_is_swedish_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "agreement", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("Användning: promises-app report agreement")
    assert "argument:" in out and "flaggor:" in out and "visa den här hjälpen och avsluta" in out
    assert "usage" not in out and "options" not in out and "positional" not in out


def _argparse_message_ids() -> set[str]:
    """Every message id the running Python's argparse looks up through gettext."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            found |= {arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    return found


def test_the_catalogue_covers_every_argparse_message_of_this_python() -> None:
    missing = _argparse_message_ids() - set(CATALOGUE)
    assert not missing, f"argparse messages without Swedish: {sorted(missing)}"


def test_argparse_is_english_again_outside_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bogus"])
    capsys.readouterr()
    parser = argparse.ArgumentParser(prog="annat")
    with pytest.raises(SystemExit):
        parser.parse_args(["--x"])
    assert "unrecognized arguments" in capsys.readouterr().err


# --- a 10 MB argument ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["export-json", TEN_MB, "-o", "ut.json"],
        ["sign", SOLNA, "--place", "Solna", "--date", TEN_MB],
        ["report", "followup", SOLNA, "-o", "ut.pdf", "--period", TEN_MB],
        ["versions", TEN_MB],
        ["import", TEN_MB],
        ["restore", TEN_MB],
    ],
    ids=["agreement", "sign-date", "period", "versions", "import-file", "restore"],
)
def test_a_10_mb_argument_is_quoted_shortened(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    if argv[0] == "sign":  # a draft to sign, so that the date is what is refused
        assert run_cli(capsys, "--db", str(demo_db), "new-revision", SOLNA)[0] == 0
    before = _digest(demo_db)
    os.chdir(tmp_path)
    code, out, err = run_cli(capsys, "--db", str(demo_db), *argv)
    assert code == 1 and "Traceback" not in err
    assert err.startswith("promises-app: fel: ")
    assert len(err) < 1000, len(err)
    assert _digest(demo_db) == before


@pytest.mark.parametrize(
    "argv",
    [[TEN_MB], ["list", TEN_MB], ["person-export", "-o", "ut.json", TEN_MB],
     ["report", "followup", SOLNA, "-o", "x.pdf", "--period", "2022-T2", "--today", TEN_MB]],
    ids=["invalid-choice", "unrecognized", "invalid-number", "invalid-date"],
)
def test_a_10_mb_argument_in_a_usage_error_is_quoted_shortened(
    demo_db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    err = _usage_error(capsys, "--db", str(demo_db), *argv)
    assert len(err) < 1500, len(err)


# --- OS errors name the file the person gave ------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 1 MB tmpfs, filled up (Linux as root; skipped where mounting is not permitted)."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real tmpfs needs Linux and root")
    folder = tmp_path / "liten-disk"
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")
    try:
        fd = os.open(folder / "fyllnad", os.O_CREAT | os.O_WRONLY, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.mark.parametrize("command", [["export-json", SOLNA], ["export-xlsx", SOLNA], ["report", "agreement", SOLNA]],
                         ids=["json", "xlsx", "pdf"])
def test_a_full_disk_names_the_output_the_person_gave_not_the_hidden_temporary_file(
    demo_db: Path, full_disk: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    target = full_disk / "export.fil"
    before = _digest(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), *command, "-o", str(target))
    assert code == 1 and "Traceback" not in err
    assert "/liten-disk/export.fil kunde inte skrivas: disken är full. Ingenting har skrivits." in err, err
    assert ".export.fil." not in err and ".tmp" not in err
    assert sorted(os.listdir(full_disk)) == ["fyllnad"]
    assert _digest(demo_db) == before


# --- the last line of defence --------------------------------------------------------------------------


def test_a_signed_revision_edited_in_the_file_is_a_message_not_a_traceback(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Raw SQL past the triggers: the stored revision is no JSON. `versions` said SnapshotFormatError."""
    with sqlite3.connect(demo_db) as connection:
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'signed_revisions'"
        ).fetchall():
            connection.execute(f'DROP TRIGGER "{name}"')
        connection.execute("UPDATE signed_revisions SET content = '{inte json'")
    connection.close()
    before = _digest(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), "versions", SOLNA)
    assert code == 1 and "Traceback" not in err
    assert "Den sparade revisionen är inte giltig JSON (rad 1, kolumn 2)" in err and "verify-db" in err
    assert _digest(demo_db) == before


def test_an_unexpected_error_is_logged_and_shown_short(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    _private_data_dir: Path,
) -> None:
    """A fault in a library (here openpyxl failing while it writes) is not a traceback on the screen."""
    from openpyxl.writer.excel import ExcelWriter

    def broken_write(self: object) -> None:
        raise RuntimeError("ett fel i biblioteket")

    monkeypatch.setattr(ExcelWriter, "write_data", broken_write)
    target = tmp_path / "ut.xlsx"
    code, out, err = run_cli(capsys, "--db", str(demo_db), "export-xlsx", SOLNA, "-o", str(target))
    log = _private_data_dir / LOG_FOLDER_NAME / LOG_FILE_NAME
    assert code == 1 and "Traceback" not in err
    assert err.startswith("promises-app: fel: Ett oväntat fel inträffade (RuntimeError)")
    assert str(log) in err and len(err.splitlines()) == 1
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ett fel i biblioteket" in logged and "export-xlsx" in logged
    assert not target.exists()


# --- the signing date ---------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["1900-01-01", "1999-12-31", "2020-12-31"])
def test_sign_with_a_date_long_before_the_agreement_is_refused(
    demo_db: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    assert run_cli(capsys, "--db", str(demo_db), "new-revision", SOLNA)[0] == 0
    before = _digest(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), "sign", SOLNA, "--place", "Solna", "--date", day)
    assert code == 1 and out == "" and "Traceback" not in err
    assert f"Datum för undertecknande ({day}) är för tidigt" in err
    assert "undertecknas tidigast 2021-01-01" in err
    assert _digest(demo_db) == before
    code, out, err = run_cli(capsys, "--db", str(demo_db), "sign", SOLNA, "--place", "Solna", "--date", "2021-01-01")
    assert code == 0, err
