"""The signed agreement PDF (P11) and `promises-app sign / verify / versions / attach-signed`.

The PDF of a signed revision is made from its frozen snapshot and comes out byte for byte the
same every time, with the SHA-256 stored at signing. ``verify`` recognises an untouched copy,
a certified (PAdES) copy, and the hand-signed scan, and says in words what does not match.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from promises_app.reports.agreement_document import agreement_pdf, sign_agreement, signed_revision_pdf
from promises_app.services import Services, open_services
from tests.cli_support import run_cli
from tests.reports.certificates import TestCertificate, make_certificate
from tests.reports.incremental import annotate
from tests.reports.pdf_text import flat_text

SOLNA = "Solna – medborgarlöften 2022"


@pytest.fixture(scope="module")
def cert() -> TestCertificate:
    return make_certificate()


@pytest.fixture
def signed(demo_services: Services) -> tuple[Services, int]:
    """Solna, edited in revision 2 and signed in Solna on 2023-01-20 (revision 1 is the imported one)."""
    agreement_id = demo_services.agreements.find_agreements(SOLNA)[0].id
    demo_services.signoff.new_revision(agreement_id)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    demo_services.plan.update_measure(measure.id, title="Fotpatrullering på torget, även kvällstid")
    sign_agreement(demo_services, agreement_id, place="Solna", signed_on="2023-01-20")
    return demo_services, agreement_id


def test_a_signed_revision_renders_to_the_same_bytes_as_stored(signed: tuple[Services, int]) -> None:
    services, agreement_id = signed
    record = services.signoff.get_revision(agreement_id, 2)
    first = signed_revision_pdf(services, agreement_id, 2)
    second = signed_revision_pdf(services, agreement_id, 2)
    assert first == second
    assert hashlib.sha256(first).hexdigest() == record.pdf_sha256 and len(first) == record.pdf_size
    # Printing the agreement as it stands gives that same signed PDF.
    assert agreement_pdf(services, agreement_id)[0] == first


def test_the_signed_pdf_says_revision_place_date_and_fingerprint(signed: tuple[Services, int]) -> None:
    services, agreement_id = signed
    record = services.signoff.get_revision(agreement_id, 2)
    text = flat_text(signed_revision_pdf(services, agreement_id, 2))
    assert "Solna den 20 januari 2023" in text
    assert f"Revision 2 · Fingeravtryck {record.content_sha256[:12]}" in text
    assert "Fotpatrullering på torget, även kvällstid" in text
    assert "Utkast" not in text


def test_revision_1_still_prints_as_it_was_signed(signed: tuple[Services, int]) -> None:
    services, agreement_id = signed
    text = flat_text(signed_revision_pdf(services, agreement_id, 1))
    assert "Fotpatrullering på torget, även kvällstid" not in text
    assert "Solna den 18 januari 2022" in text and "Revision 1 ·" in text


def test_a_draft_prints_as_a_draft_with_its_own_fingerprint(demo_services: Services) -> None:
    agreement_id = demo_services.agreements.find_agreements(SOLNA)[0].id
    demo_services.signoff.new_revision(agreement_id)
    pdf, content = agreement_pdf(demo_services, agreement_id)
    text = flat_text(pdf)
    assert "Utkast – inte undertecknat" in text and "Revision 2 ·" in text


# --- verify ---------------------------------------------------------------------------------------
def _verify(capsys: pytest.CaptureFixture[str], db: Path, pdf: Path, *extra: str) -> tuple[int, str]:
    code, out, err = run_cli(capsys, "--db", str(db), "verify", str(pdf), *extra)
    return code, out + err


@pytest.fixture
def signed_db(tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo database with Solna signed as revision 2 from the command line."""
    assert run_cli(capsys, "--db", str(demo_db), "new-revision", SOLNA)[0] == 0
    code, out, err = run_cli(capsys, "--db", str(demo_db), "sign", SOLNA, "--place", "Solna", "--date", "2023-01-20")
    assert code == 0, err
    assert "är undertecknad som revision 2 (Solna 2023-01-20)" in out
    return demo_db


def _report(capsys: pytest.CaptureFixture[str], db: Path, target: Path, *extra: str) -> bytes:
    code, _out, err = run_cli(capsys, "--db", str(db), "report", "agreement", SOLNA, "-o", str(target), *extra)
    assert code == 0, err
    return target.read_bytes()


def test_verify_an_untouched_copy(signed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "solna.pdf"
    _report(capsys, signed_db, pdf)
    code, said = _verify(capsys, signed_db, pdf)
    assert code == 0, said
    assert f"Filen är en orörd kopia av revision 2 av «{SOLNA}», undertecknad 2023-01-20 i Solna" in said
    assert "byte för byte den PDF som togs fram vid undertecknandet" in said


def test_verify_an_imported_revision_by_making_its_pdf_again(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "solna-rev1.pdf"
    _report(capsys, demo_db, pdf, "--revision", "1")
    code, said = _verify(capsys, demo_db, pdf)
    assert code == 0, said
    assert "byte för byte den PDF som revisionens frysta innehåll ger" in said


def test_verify_names_the_first_changed_byte(signed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "solna.pdf"
    data = bytearray(_report(capsys, signed_db, pdf))
    position = _inside_the_largest_stream(bytes(data))
    data[position] ^= 0x01
    pdf.write_bytes(bytes(data))
    code, said = _verify(capsys, signed_db, pdf)
    assert code == 1
    assert f"Filen påstår sig vara revision 2 av «{SOLNA}», men den har ändrats: första skillnaden vid byte {position}" in said


def test_verify_a_draft_is_not_a_signed_revision(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "--db", str(demo_db), "new-revision", SOLNA)[0] == 0
    pdf = tmp_path / "utkast.pdf"
    _report(capsys, demo_db, pdf)
    code, said = _verify(capsys, demo_db, pdf)
    assert code == 1 and "Ingen undertecknad revision i databasen har innehållet" in said


def test_verify_something_else(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "annat.pdf"
    other.write_bytes(b"just text")
    assert _verify(capsys, demo_db, other) == (1, f"{other}: STÄMMER INTE.\nFilen är inte en PDF.\n")
    missing = tmp_path / "saknas.pdf"
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "verify", str(missing))
    assert code == 1 and "finns inte" in err


def test_certified_copy_verifies_and_changes_after_it_are_caught(
    signed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], cert: TestCertificate,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cert_file = tmp_path / "intyg.p12"
    cert_file.write_bytes(cert.p12)
    root = tmp_path / "rot.pem"
    from cryptography.hazmat.primitives.serialization import Encoding

    root.write_bytes(cert.certificate.public_bytes(Encoding.PEM))
    monkeypatch.setenv("MEDBORGARLOFTEN_CERT_PASSWORD", cert.passphrase)
    plain = _report(capsys, signed_db, tmp_path / "plain.pdf")
    pdf = tmp_path / "signerad.pdf"
    certified = _report(capsys, signed_db, pdf, "--certificate", str(cert_file))
    assert certified.startswith(plain) and len(certified) > len(plain)

    code, said = _verify(capsys, signed_db, pdf, "--trust", str(root))
    assert code == 0, said
    assert "Digitalt signerad av Test Testsson, Solna stad" in said
    assert "signaturen är intakt och täcker hela filen, och certifikatet är betrott." in said
    code, said = _verify(capsys, signed_db, pdf)
    assert code == 0 and "inte prövats mot någon betrodd utfärdare" in said

    # An incremental update after signing: the pages are the same, but something was added.
    updated = tmp_path / "uppdaterad.pdf"
    updated.write_bytes(annotate(certified, "Tillagd efteråt"))
    code, said = _verify(capsys, signed_db, updated)
    assert code == 1
    assert "Den digitala signaturen (Test Testsson, Solna stad" in said and "håller inte" in said
    assert "Signaturen täcker inte hela filen" in said

    # One flipped byte inside the signed pages.
    flipped = bytearray(certified)
    position = _inside_the_largest_stream(plain)
    flipped[position] ^= 0x01
    broken = tmp_path / "bytt.pdf"
    broken.write_bytes(bytes(flipped))
    code, said = _verify(capsys, signed_db, broken)
    assert code == 1
    assert f"men den har ändrats: första skillnaden vid byte {position}" in said
    assert "Innehållet har ändrats efter signeringen" in said


def test_a_wrong_password_writes_nothing(
    signed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], cert: TestCertificate,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cert_file = tmp_path / "intyg.p12"
    cert_file.write_bytes(cert.p12)
    monkeypatch.setenv("MEDBORGARLOFTEN_CERT_PASSWORD", "fel")
    target = tmp_path / "ut.pdf"
    code, _out, err = run_cli(capsys, "--db", str(signed_db), "report", "agreement", SOLNA, "-o", str(target),
                              "--certificate", str(cert_file))
    assert code == 1 and "lösenord" in err.lower() and not target.exists()


def test_hand_signed_copy_is_attached_listed_and_recognised(
    signed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "Solna undertecknad.pdf"
    scan.write_bytes(b"%PDF-1.4\n% inskannad\n" + os.urandom(2000))
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    code, out, err = run_cli(capsys, "--db", str(signed_db), "attach-signed", SOLNA, str(scan))
    assert code == 0, err
    assert f"Bifogade Solna undertecknad.pdf till revision 2 av \"{SOLNA}\" (SHA-256 {digest})." in out
    code, out, _err = run_cli(capsys, "--db", str(signed_db), "versions", SOLNA)
    assert f"Inskannad kopia: Solna undertecknad.pdf, SHA-256 {digest}" in out
    code, said = _verify(capsys, signed_db, scan)
    assert code == 0 and "Filen är den inskannade, undertecknade kopian av revision 2" in said


def test_versions_lists_revisions_and_the_changes_since(
    signed_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run_cli(capsys, "--db", str(signed_db), "versions", SOLNA)
    assert code == 0
    assert "Revision 1: Solna 2022-01-18 (inläst från fil)" in out
    assert "Revision 2: Solna 2023-01-20 (undertecknad här)" in out
    assert "Inga ändringar sedan revision 2." in out
    assert run_cli(capsys, "--db", str(signed_db), "new-revision", SOLNA)[0] == 0
    services = open_services(signed_db)
    try:
        agreement_id = services.agreements.find_agreements(SOLNA)[0].id
        services.agreements.update_agreement(agreement_id, case_number="KS 2023/77")
    finally:
        services.db.close()
    out = run_cli(capsys, "--db", str(signed_db), "versions", SOLNA)[1]
    assert "1 ändring(ar) sedan revision 2:" in out
    assert f"  ~ Överenskommelsen «{SOLNA}», Diarienummer: 'KS/2021:0512' → 'KS 2023/77'" in out


def test_sign_refusals_name_the_field(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "sign", SOLNA, "--place", "Solna", "--date", "2023-01-20")
    assert code == 1 and "redan undertecknad" in err
    assert run_cli(capsys, "--db", str(demo_db), "new-revision", SOLNA)[0] == 0
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "sign", SOLNA, "--place", "", "--date", "2023-01-20")
    assert code == 1 and "Ort måste fyllas i" in err
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "sign", SOLNA, "--place", "Solna", "--date", "2023-01-20",
                              "--signatory", "Ingen Alls")
    assert code == 1 and 'Ingen undertecknare heter "Ingen Alls"' in err


def test_verify_db_checks_signed_revisions_too(signed_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "--db", str(signed_db), "verify-db")
    assert code == 0
    assert "De undertecknade revisionerna är oförändrade (4 st, alla kontrollsummor stämmer)." in out
    import sqlite3

    with sqlite3.connect(signed_db) as raw:
        raw.execute("DROP TRIGGER signed_revisions_no_update")
        raw.execute("UPDATE signed_revisions SET content = replace(content, 'kvällstid', 'nattetid') WHERE revision = 2")
    code, _out, err = run_cli(capsys, "--db", str(signed_db), "verify-db")
    assert code == 1
    assert f"Undertecknad revision 2 av «{SOLNA}»: innehållet stämmer inte med den sparade kontrollsumman" in err


# --- helpers -----------------------------------------------------------------------------------------
def _inside_the_largest_stream(pdf: bytes) -> int:
    """A byte in the middle of the biggest stream: flipping it keeps the file readable."""
    spans = [(m.end(), pdf.index(b"endstream", m.end())) for m in re.finditer(rb"(?<!end)stream\r?\n", pdf)]
    start, end = max(spans, key=lambda span: span[1] - span[0])
    return (start + end) // 2




def test_a_signed_revision_prints_the_bytes_it_was_signed_with_whatever_renders_now(
    signed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = _report(capsys, signed_db, tmp_path / "signed.pdf", "--revision", "2")
    services = open_services(signed_db, create=False)
    try:
        record = services.signoff.get_revision(services.agreements.find_agreements(SOLNA)[0].id, 2)
    finally:
        services.db.close()
    assert hashlib.sha256(stored).hexdigest() == record.pdf_sha256 and len(stored) == record.pdf_size
    # A later version of the program lays documents out differently …
    import promises_app.reports.agreement_document as document

    monkeypatch.setattr(document, "render_snapshot_pdf", lambda *_args, **_kwargs: b"%PDF-1.7 another engine")
    # … and still prints revision 2, and the agreement as it stands (revision 2), as signed.
    assert _report(capsys, signed_db, tmp_path / "again.pdf", "--revision", "2") == stored
    assert _report(capsys, signed_db, tmp_path / "current.pdf") == stored
    code, out = _verify(capsys, signed_db, tmp_path / "again.pdf")
    assert code == 0 and "revision 2" in out
    # Revision 1 came with the demo (imported): no PDF was kept for it, so it is made again.
    assert _report(capsys, signed_db, tmp_path / "rev1.pdf", "--revision", "1") == b"%PDF-1.7 another engine"


def test_a_stored_signed_pdf_changed_afterwards_is_refused_and_found(
    signed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    with sqlite3.connect(signed_db) as raw:
        raw.execute("DROP TRIGGER signed_revisions_no_update")
        raw.execute("UPDATE signed_revisions SET pdf = CAST(replace(CAST(pdf AS TEXT), 'Solna', 'Sohna') AS BLOB) "
                    "WHERE revision = 2 AND pdf IS NOT NULL")
    target = tmp_path / "tampered.pdf"
    code, _out, err = run_cli(capsys, "--db", str(signed_db), "report", "agreement", SOLNA, "--revision", "2",
                              "-o", str(target))
    assert code == 1 and "Den sparade PDF:en för revision 2 stämmer inte med sin kontrollsumma" in err
    assert not target.exists()
    code, _out, err = run_cli(capsys, "--db", str(signed_db), "verify-db")
    assert code == 1 and f"Undertecknad revision 2 av «{SOLNA}»: den sparade PDF:en stämmer inte" in err
