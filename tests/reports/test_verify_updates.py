"""`verify` judges every incremental update after the printed PDF (issue 12, point 2).

The attack: take a revision PDF, add an update that draws "POLISEN LOVAR INGENTING" on page 1,
sign that update with any self-signed certificate. The file begins with exactly the signed
revision's bytes, and the signature is intact and covers the whole file, so ``verify`` used to
call it an untouched copy. Now each update must only add signatures (or validation data for
them); whatever else it does, the file is "ändrad efter utskrift". And the e-signing service's
approval signatures are welcome: a file with two of them verifies and names both signers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from promises_app.reports.agreement_document import sign_agreement, signed_revision_pdf
from promises_app.reports.pdf_signature import Credentials, certify_pdf, load_credentials
from promises_app.reports.verification import Verification, verify_pdf
from promises_app.services import Services
from tests.cli_support import run_cli
from tests.reports.certificates import TestCertificate, make_certificate
from tests.reports.incremental import (
    FORGED_TEXT,
    add_document_timestamp,
    add_validation_data,
    annotate,
    approve,
    certify_no_changes,
    credentials_for,
    flip_signature_value,
    overlay,
    replace_page_content,
    retitle,
    rewrite_xmp,
)
from tests.reports.pdf_text import page_texts

SOLNA = "Solna – medborgarlöften 2022"
CHANGED = "ändrad efter utskrift"
ANNA = "Anna Andersson, Solna stad"
BERTIL = "Bertil Berg, Lokalpolisområde Solna"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ours() -> TestCertificate:
    """The certificate the municipality certifies its printed PDFs with."""
    return make_certificate()


@pytest.fixture(scope="module")
def anna() -> Credentials:
    return credentials_for(ANNA)


@pytest.fixture(scope="module")
def bertil() -> Credentials:
    return credentials_for(BERTIL)


@pytest.fixture(scope="module")
def forger() -> Credentials:
    return credentials_for("Falsk Förfalskare")


@pytest.fixture
def printed(demo_services: Services) -> tuple[Services, bytes]:
    """Solna edited and signed as revision 2, and that revision's PDF exactly as printed."""
    agreement_id = demo_services.agreements.find_agreements(SOLNA)[0].id
    demo_services.signoff.new_revision(agreement_id)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    demo_services.plan.update_measure(measure.id, title="Fotpatrullering på torget, även kvällstid")
    sign_agreement(demo_services, agreement_id, place="Solna", signed_on="2023-01-20")
    return demo_services, signed_revision_pdf(demo_services, agreement_id, 2)


def _said(result: Verification) -> str:
    return "\n".join(result.findings)


def _refused(result: Verification) -> str:
    said = _said(result)
    assert not result.ok, said
    assert CHANGED in said, said
    assert "orörd" not in said, said  # no false "untouched"
    return said


# --- (a) the forged file of the issue ------------------------------------------------------------------
def test_a_signed_overlay_on_page_one_is_refused(printed: tuple[Services, bytes], forger: Credentials) -> None:
    services, pdf = printed
    forged = overlay(pdf, signer=forger)
    assert forged.startswith(pdf)
    assert FORGED_TEXT in page_texts(forged)[0]  # a PDF reader shows the forgery

    said = _refused(verify_pdf(services, forged))
    assert f"Uppdatering 1 av 1 (byte {len(pdf)}–{len(forged)}, signerad av Falsk Förfalskare): " \
           "sidan 1 har fått nytt eller ändrat innehåll." in said
    assert "Digitalt signerad av Falsk Förfalskare" in said and "ändrar mer än signaturer" in said
    assert "täcker hela filen" not in said


def test_the_forged_file_fails_on_the_command_line_without_trust(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str], forger: Credentials
) -> None:
    assert run_cli(capsys, "--db", str(demo_db), "new-revision", SOLNA)[0] == 0
    assert run_cli(capsys, "--db", str(demo_db), "sign", SOLNA, "--place", "Solna", "--date", "2023-01-20")[0] == 0
    printed_pdf = tmp_path / "solna.pdf"
    assert run_cli(capsys, "--db", str(demo_db), "report", "agreement", SOLNA, "-o", str(printed_pdf))[0] == 0
    forged = tmp_path / "förfalskad.pdf"
    forged.write_bytes(overlay(printed_pdf.read_bytes(), signer=forger))

    code, out, err = run_cli(capsys, "--db", str(demo_db), "verify", str(forged))

    assert code == 1 and out == ""
    assert err.startswith(f"{forged}: STÄMMER INTE.\nFilen är ändrad efter utskrift: den börjar med revision 2 av «{SOLNA}»")
    assert "orörd" not in err


# --- (b), (c) signature-only updates are welcome ---------------------------------------------------------
def test_two_approval_signatures_verify_and_both_signers_are_named(
    printed: tuple[Services, bytes], anna: Credentials, bertil: Credentials
) -> None:
    services, pdf = printed
    signed = approve(approve(pdf, anna), bertil)

    result = verify_pdf(services, signed)

    said = _said(result)
    assert result.ok, said
    assert said.startswith(f"Filen är revision 2 av «{SOLNA}», undertecknad 2023-01-20 i Solna, med sidorna orörda")
    assert "efter utskriften har bara signaturer lagts till" in said
    assert f"Digitalt signerad av {ANNA}" in said and "signaturen är intakt (uppdatering 1 av 2;" in said
    assert f"Digitalt signerad av {BERTIL}" in said and "signaturen är intakt och täcker hela filen." in said
    assert "Certifikaten har inte prövats mot någon betrodd utfärdare" in said
    assert CHANGED not in said


def test_two_approval_signatures_on_the_command_line(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str], anna: Credentials, bertil: Credentials
) -> None:
    assert run_cli(capsys, "--db", str(demo_db), "new-revision", SOLNA)[0] == 0
    assert run_cli(capsys, "--db", str(demo_db), "sign", SOLNA, "--place", "Solna", "--date", "2023-01-20")[0] == 0
    printed_pdf = tmp_path / "solna.pdf"
    assert run_cli(capsys, "--db", str(demo_db), "report", "agreement", SOLNA, "-o", str(printed_pdf))[0] == 0
    signed = tmp_path / "e-signerad.pdf"
    signed.write_bytes(approve(approve(printed_pdf.read_bytes(), anna), bertil))

    code, out, err = run_cli(capsys, "--db", str(demo_db), "verify", str(signed))

    assert code == 0 and err == ""
    assert ANNA in out and BERTIL in out


def test_our_certification_then_two_approval_signatures_verify(
    printed: tuple[Services, bytes], ours: TestCertificate, anna: Credentials, bertil: Credentials
) -> None:
    services, pdf = printed
    certified = certify_pdf(pdf, load_credentials(ours.p12, ours.passphrase), reason="Undertecknad", location="Solna")
    signed = approve(approve(certified, anna), bertil)

    result = verify_pdf(services, signed)

    said = _said(result)
    assert result.ok, said
    assert "Digitalt signerad av Test Testsson, Solna stad" in said and "(certifiering): signaturen är intakt" in said
    assert ANNA in said and BERTIL in said
    assert said.count("signaturen är intakt") == 3


def test_with_every_root_trusted_each_signature_says_so(
    printed: tuple[Services, bytes], anna: Credentials, bertil: Credentials
) -> None:
    services, pdf = printed
    signed = approve(approve(pdf, anna), bertil)
    roots = [anna.certificate.public_bytes(Encoding.PEM), bertil.certificate.public_bytes(Encoding.PEM)]

    result = verify_pdf(services, signed, trust_roots=roots)
    assert result.ok, _said(result)
    assert _said(result).count("och certifikatet är betrott.") == 2

    only_anna = verify_pdf(services, signed, trust_roots=roots[:1])  # Bertil's issuer is not trusted
    said = _said(only_anna)
    assert not only_anna.ok and f"Den digitala signaturen ({BERTIL}" in said
    assert "Certifikatet är inte utfärdat av någon betrodd utfärdare." in said


def test_validation_data_and_a_document_timestamp_after_a_signature_verify(
    printed: tuple[Services, bytes], anna: Credentials
) -> None:
    services, pdf = printed
    long_term = add_document_timestamp(add_validation_data(approve(pdf, anna), make_certificate(common_name=ANNA)))

    result = verify_pdf(services, long_term)

    said = _said(result)
    assert result.ok, said
    assert "Uppdatering 2 av 3 (byte" in said and "lägger bara till valideringsdata" in said
    assert "Tidsstämplad av Testtidsstämplare" in said and "tidsstämpeln är intakt och täcker hela filen" in said


# --- (d)–(f) and the other ways to change what is shown ---------------------------------------------------
def test_an_overlay_after_a_signature_only_update_is_refused(
    printed: tuple[Services, bytes], anna: Credentials, forger: Credentials
) -> None:
    services, pdf = printed
    first = approve(pdf, anna)
    forged = overlay(first, signer=forger)

    said = _refused(verify_pdf(services, forged))
    assert f"Uppdatering 2 av 2 (byte {len(first)}–{len(forged)}, signerad av Falsk Förfalskare): " \
           "sidan 1 har fått nytt eller ändrat innehåll." in said
    # Anna signed before the overlay: her signature no longer covers what is shown.
    assert f"Den digitala signaturen ({ANNA}" in said and "håller inte" in said


def test_page_content_overwritten_in_place_is_refused(printed: tuple[Services, bytes], forger: Credentials) -> None:
    services, pdf = printed
    forged = replace_page_content(pdf, signer=forger)
    assert FORGED_TEXT in page_texts(forged)[0]
    said = _refused(verify_pdf(services, forged))
    assert "signerad av Falsk Förfalskare): sidan 1 har fått nytt eller ändrat innehåll." in said


def test_an_unsigned_annotation_is_refused(printed: tuple[Services, bytes]) -> None:
    services, pdf = printed
    said = _refused(verify_pdf(services, annotate(pdf)))
    assert "Uppdatering 1 av 1 (byte" in said and ", utan signatur): den lägger inte till någon signatur; " \
           "sidan 1 har fått nya eller ändrade anteckningar eller fält." in said


def test_an_unsigned_overlay_is_refused(printed: tuple[Services, bytes]) -> None:
    services, pdf = printed
    said = _refused(verify_pdf(services, overlay(pdf)))
    assert "utan signatur): den lägger inte till någon signatur; sidan 1 har fått nytt eller ändrat innehåll." in said


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
def test_a_changed_title_in_the_document_information_is_refused(
    printed: tuple[Services, bytes], anna: Credentials, signed: bool
) -> None:
    services, pdf = printed
    said = _refused(verify_pdf(services, retitle(pdf, "POLISEN LOVAR INGENTING", signer=anna if signed else None)))
    assert "dokumentinformationen har ändrats (titeln)" in said


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
def test_a_changed_title_in_the_xmp_metadata_is_refused(
    printed: tuple[Services, bytes], anna: Credentials, signed: bool
) -> None:
    services, pdf = printed
    forged = rewrite_xmp(pdf, SOLNA, "POLISEN LOVAR INGENTING", signer=anna if signed else None)
    said = _refused(verify_pdf(services, forged))
    assert "dokumentets metadata (XMP) har ändrats (titeln)" in said


def test_xmp_metadata_taken_away_is_refused(printed: tuple[Services, bytes], anna: Credentials) -> None:
    services, pdf = printed
    said = _refused(verify_pdf(services, rewrite_xmp(pdf, "", "", signer=anna, remove=True)))
    assert "dokumentets metadata (XMP) har lagts till eller tagits bort" in said


def test_xmp_metadata_with_entities_is_refused(printed: tuple[Services, bytes], anna: Credentials) -> None:
    services, pdf = printed
    entity = '<!DOCTYPE x:xmpmeta [<!ENTITY t "POLISEN LOVAR INGENTING">]><x:xmpmeta'
    said = _refused(verify_pdf(services, rewrite_xmp(pdf, "<x:xmpmeta", entity, signer=anna)))
    assert "dokumentets metadata (XMP) går inte att läsa" in said


def test_a_signing_tool_rewriting_the_xmp_keeps_what_it_says(printed: tuple[Services, bytes], anna: Credentials) -> None:
    """pyHanko writes the signed agreement's XMP again in other RDF forms, with a new date and
    producer: the same statements otherwise, PDF/A-2a and PDF/UA-1 still declared."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    from promises_app.reports.pdf_update_policy import XMP_MAY_CHANGE, xmp_properties

    services, pdf = printed
    signed = approve(pdf, anna)

    def xmp(data: bytes) -> dict[str, object]:
        stream = PdfFileReader(io.BytesIO(data), strict=False).root["/Metadata"]
        return xmp_properties(stream.data)

    before, after = xmp(pdf), xmp(signed)
    assert before != after  # rewritten: a new modification date and producer
    assert {k: v for k, v in before.items() if k not in XMP_MAY_CHANGE} == {
        k: v for k, v in after.items() if k not in XMP_MAY_CHANGE
    }
    assert after["{http://www.aiim.org/pdfa/ns/id/}part"] == "2"
    assert after["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"
    assert verify_pdf(services, signed).ok


def test_a_signature_whose_bytes_were_flipped_is_refused_and_named(
    printed: tuple[Services, bytes], anna: Credentials, bertil: Credentials
) -> None:
    services, pdf = printed
    first = approve(pdf, anna)
    broken = flip_signature_value(approve(first, bertil))

    said = _refused(verify_pdf(services, broken))
    assert f"Uppdatering 2 av 2 (byte {len(first)}–{len(broken)}, signerad av {BERTIL}): " \
           f"signaturen av {BERTIL} håller inte." in said
    assert f"Den digitala signaturen ({BERTIL}" in said
    assert "Själva signaturen är ogiltig: den stämmer inte med nyckeln i undertecknarens certifikat." in said
    assert f"Digitalt signerad av {ANNA}" in said  # Anna's own signature is fine, and said so


def test_a_visible_signature_is_refused(printed: tuple[Services, bytes], anna: Credentials) -> None:
    """A signature's appearance is drawn on the page: it can say anything."""
    services, pdf = printed
    said = _refused(verify_pdf(services, approve(pdf, anna, visible=True)))
    assert f"signaturen i fältet «Signatur {ANNA}» är synlig: den ritar på sidan och kan ändra det som visas" in said


def test_bytes_after_the_last_signature_are_refused(printed: tuple[Services, bytes], anna: Credentials) -> None:
    services, pdf = printed
    said = _refused(verify_pdf(services, approve(pdf, anna) + b"% tillagt\n"))
    assert "Efter filens sista uppdatering följer 10 byte till som ingen uppdatering eller signatur omfattar." in said


def test_bytes_after_the_printed_pdf_are_refused(printed: tuple[Services, bytes]) -> None:
    services, pdf = printed
    said = _refused(verify_pdf(services, pdf + b"% tillagt\n"))
    assert f"Något har lagts till efter originalets {len(pdf)} byte (10 byte till), och det är ingen digital signatur." \
           in said


def test_a_whole_other_pdf_appended_is_refused(printed: tuple[Services, bytes], forger: Credentials) -> None:
    """A second complete file behind the first: readers show the second one."""
    services, pdf = printed
    other = certify_pdf(overlay(pdf), forger, reason="", location="")
    said = _refused(verify_pdf(services, pdf + other))
    assert "Filens början" in said


def test_validation_data_without_a_signature_before_it_is_refused(printed: tuple[Services, bytes]) -> None:
    services, pdf = printed
    said = _refused(verify_pdf(services, add_validation_data(pdf, make_certificate())))
    assert "den lägger till valideringsdata, men det finns ingen signatur före den" in said


def test_a_no_changes_certification_is_broken_by_a_later_signature(
    printed: tuple[Services, bytes], anna: Credentials, forger: Credentials
) -> None:
    """Files certified before P=2 forbid every change, also a signature; that is said, not hidden."""
    services, pdf = printed
    said = _refused(verify_pdf(services, approve(certify_no_changes(pdf, forger), anna)))
    assert "Dokumentet är certifierat med villkoret att inga ändringar får göras" in said


# --- no library noise on the terminal (point 9) -----------------------------------------------------------
def _run(tmp_path: Path, *argv: str, password: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MEDBORGARLOFTEN_DATA_DIR=str(tmp_path / "data"), MEDBORGARLOFTEN_CERT_PASSWORD=password)
    return subprocess.run(
        [sys.executable, "-m", "promises_app", *argv],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )


def test_sign_report_and_verify_print_nothing_from_libraries(
    tmp_path: Path, demo_db: Path, ours: TestCertificate, forger: Credentials
) -> None:
    db = str(demo_db)
    cert = tmp_path / "intyg.p12"
    cert.write_bytes(ours.p12)
    assert _run(tmp_path, "--db", db, "new-revision", SOLNA).returncode == 0

    signed = tmp_path / "signerad.pdf"
    done = _run(tmp_path, "--db", db, "sign", SOLNA, "--place", "Solna", "--date", "2023-01-20",
                "-o", str(signed), "--certificate", str(cert), password=ours.passphrase)
    assert done.returncode == 0 and done.stderr == "", done.stderr

    reported = tmp_path / "rapport.pdf"
    done = _run(tmp_path, "--db", db, "report", "agreement", SOLNA, "-o", str(reported),
                "--certificate", str(cert), password=ours.passphrase)
    assert done.returncode == 0 and done.stderr == "", done.stderr

    done = _run(tmp_path, "--db", db, "verify", str(signed))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert "Digitalt signerad av Test Testsson, Solna stad" in done.stdout

    forged = tmp_path / "förfalskad.pdf"
    forged.write_bytes(overlay(signed.read_bytes(), signer=forger))
    done = _run(tmp_path, "--db", db, "verify", str(forged))
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == f"{forged}: STÄMMER INTE." and CHANGED in lines[1]
    for line in lines:  # our Swedish findings only: no warning, log record or traceback
        assert not any(noise in line for noise in ("Warning", "WARNING", "Traceback", "pyhanko", "cryptography")), line
