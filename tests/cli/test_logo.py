"""`promises-app organisations` and `promises-app logo`: a party's logo from the command line, printed in its header."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from promises_app.services import open_services
from tests.cli_support import run_cli
from tests.reports.pdf_text import image_count


def jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), "#b5462a").save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_a_logo_is_set_listed_printed_and_removed(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "--db", str(demo_db), "organisations")
    assert code == 0, err
    assert "Solna stad (Kommun)" in out and "logotyp" not in out

    code, out, err = run_cli(capsys, "--db", str(demo_db), "logo", "Solna stad", str(jpeg(tmp_path / "solna.jpg")))
    assert code == 0, err
    assert "Solna stad har fått logotypen" in out
    code, out, _ = run_cli(capsys, "--db", str(demo_db), "organisations")
    assert "Solna stad (Kommun) · logotyp" in out
    services = open_services(demo_db, create=False)
    try:
        solna = next(o for o in services.register.list_organisations() if o.name == "Solna stad")
        assert (services.logos.get_logo(solna.id) or b"").startswith(b"\x89PNG")
    finally:
        services.db.close()

    report = tmp_path / "rapport.pdf"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "report", "followup", "--period", "2022-T2",
                           "--today", "2022-09-01", "-o", str(report), "Solna – medborgarlöften 2022")
    assert code == 0, err
    assert image_count(report.read_bytes()) >= 1

    code, out, err = run_cli(capsys, "--db", str(demo_db), "logo", str(solna.id), "--remove")
    assert code == 0, err
    assert "inte längre någon logotyp" in out
    code, out, _ = run_cli(capsys, "--db", str(demo_db), "organisations")
    assert "logotyp" not in out


@pytest.mark.parametrize(("reference", "message"), [
    ("Solna", "matchar flera organisationer"),
    ("Tullverket", "Ingen organisation matchar 'Tullverket'"),
])
def test_an_unclear_organisation_is_named(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          reference: str, message: str) -> None:
    code, _, err = run_cli(capsys, "--db", str(demo_db), "logo", reference, str(jpeg(tmp_path / "x.jpg")))
    assert code == 1 and message in err


def test_a_file_that_is_not_a_picture_is_refused_naming_the_field(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("inte en bild", encoding="utf-8")
    code, _, err = run_cli(capsys, "--db", str(demo_db), "logo", "Solna stad", str(fake))
    assert code == 1 and "Logotyp" in err
    code, out, _ = run_cli(capsys, "--db", str(demo_db), "organisations")
    assert "logotyp" not in out
