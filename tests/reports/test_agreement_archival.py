"""The agreement PDF as a document to publish and to archive (issue 13, points 2 and 3).

* Every agreement PDF passes the automated PDF/UA check: a draft, and a signed revision.
* A signed revision's PDF is PDF/A-2a and PDF/UA-1, dated by its signing day; it is stored
  with the revision and comes out the same when made again; a draft declares no PDF/A.
* Certified with pyHanko (``sign -o`` / ``report agreement --certificate``) it still verifies
  and still declares PDF/A-2.
* A revision signed before schema 7 kept only its PDF's hash: it is made again by the renderer
  of that time (agreement_pdf_legacy), byte for byte what was signed, and still verifies.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
from datetime import date
from pathlib import Path

import pdfua
import pikepdf
import pytest

from promises_app.domain import snapshot as snap
from promises_app.domain.log_anchor import LogAnchor
from promises_app.reports.agreement_content import build_agreement_content, snapshot_logos
from promises_app.reports.agreement_document import (
    agreement_pdf,
    printed_pdf,
    render_legacy_snapshot_pdf,
    render_snapshot_pdf,
    sign_agreement,
)
from promises_app.reports.agreement_pdf import render_agreement_pdf
from promises_app.reports.pdf_signature import certify_pdf, load_credentials
from promises_app.reports.verification import verify_pdf
from promises_app.services import Services
from tests.fixtures.make_fixture import fixture_path
from tests.reports.builders import logo_png, make_four_party, sign_as_before_schema_7
from tests.reports.certificates import make_certificate
from tests.reports.pdf_text import flat_text

SOLNA = "Solna – medborgarlöften 2022"
HELSINGBORG = "Samverkansöverenskommelse mellan Helsingborgs stad och lokalpolisområde Helsingborg 2018–2022"


def _solna(services: Services) -> int:
    return services.agreements.find_agreements(SOLNA)[0].id


@pytest.fixture
def signed(demo_services: Services) -> tuple[Services, int]:
    """Solna, edited in revision 2 and signed in Solna on 2023-01-20 (revision 1 is the imported one)."""
    agreement_id = _solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    demo_services.plan.update_measure(measure.id, title="Fotpatrullering på torget, även kvällstid")
    sign_agreement(demo_services, agreement_id, place="Solna", signed_on="2023-01-20")
    return demo_services, agreement_id


def _pdf_ua_findings(pdf: bytes, folder: Path) -> tuple[int, list[str]]:
    path = folder / "avtal.pdf"
    path.write_bytes(pdf)
    result = pdfua.validate(str(path))
    return result.exit_code, [f"{finding.rule_id}: {finding.message}" for finding in result.findings]


def _xmp(pdf: bytes) -> dict[str, str]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        meta = document.open_metadata()
        return {key: str(meta[key]) for key in ("pdfaid:part", "pdfaid:conformance", "pdfuaid:part",
                                                "xmp:CreateDate") if key in meta}


def _creation_day(pdf: bytes) -> str:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return str(document.docinfo["/CreationDate"])[2:10]


# --- accessible -------------------------------------------------------------------------------------
def test_a_draft_passes_the_automated_pdf_ua_check(services: Services, tmp_path: Path) -> None:
    made = make_four_party(services)
    services.logos.set_logo(made.organisation_ids["police"], logo_png("#1b2f6b", (200, 200)))
    content = build_agreement_content(services, made.agreement_id)
    logos = snapshot_logos(services.signoff.current_snapshot(made.agreement_id))
    pdf = render_agreement_pdf(content, logos=logos)
    assert "Utkast – inte undertecknat" in flat_text(pdf)
    assert _pdf_ua_findings(pdf, tmp_path) == (0, [])
    xmp = _xmp(pdf)
    assert xmp["pdfuaid:part"] == "1" and "pdfaid:part" not in xmp  # a draft is not for the archive
    assert _creation_day(pdf) == date.today().strftime("%Y%m%d")  # dated by the day it is printed


def test_a_signed_revision_passes_the_automated_pdf_ua_check(signed: tuple[Services, int], tmp_path: Path) -> None:
    services, agreement_id = signed
    pdf = agreement_pdf(services, agreement_id, revision=2)[0]
    assert _pdf_ua_findings(pdf, tmp_path) == (0, [])


# --- archival ----------------------------------------------------------------------------------------
def test_the_signed_revision_is_pdf_a_2_dated_by_its_signing_day(signed: tuple[Services, int]) -> None:
    services, agreement_id = signed
    pdf = agreement_pdf(services, agreement_id, revision=2)[0]
    xmp = _xmp(pdf)
    assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"], xmp["pdfuaid:part"]) == ("2", "A", "1")
    assert xmp["xmp:CreateDate"].startswith("2023-01-20")
    assert _creation_day(pdf) == "20230120"


def test_the_stored_pdf_is_what_its_snapshot_makes(signed: tuple[Services, int]) -> None:
    services, agreement_id = signed
    printable = services.signoff.printable(agreement_id, revision=2)
    assert printable.pdf is not None and not printable.legacy
    record = services.signoff.get_revision(agreement_id, 2)
    assert hashlib.sha256(printable.pdf).hexdigest() == record.pdf_sha256
    # Typst lays the same snapshot out to the same bytes (while its version is the same).
    assert render_snapshot_pdf(printable.snapshot, printable.log_anchor) == printable.pdf


def test_an_imported_revision_prints_archival_dated_by_its_signing_day_or_its_start(demo_services: Services) -> None:
    solna = agreement_pdf(demo_services, _solna(demo_services), revision=1)[0]
    assert _xmp(solna)["pdfaid:part"] == "2" and _creation_day(solna) == "20220118"
    assert agreement_pdf(demo_services, _solna(demo_services), revision=1)[0] == solna
    helsingborg_id = demo_services.agreements.find_agreements(HELSINGBORG)[0].id
    assert demo_services.signoff.revision_snapshot(helsingborg_id, 1).signing_date is None
    helsingborg = agreement_pdf(demo_services, helsingborg_id, revision=1)[0]
    assert _xmp(helsingborg)["pdfaid:part"] == "2" and _creation_day(helsingborg) == "20180101"  # its start


def test_a_certified_signed_revision_still_verifies_and_declares_pdf_a(
    signed: tuple[Services, int], tmp_path: Path
) -> None:
    services, agreement_id = signed
    pdf = agreement_pdf(services, agreement_id, revision=2)[0]
    cert = make_certificate()
    certified = certify_pdf(pdf, load_credentials(cert.p12, cert.passphrase), reason="Undertecknad", location="Solna")
    assert certified.startswith(pdf)
    result = verify_pdf(services, certified, trust_roots=[cert.certificate])
    assert result.ok, result.findings
    assert any("signaturen är intakt och täcker hela filen, och certifikatet är betrott" in f for f in result.findings)
    xmp = _xmp(certified)
    assert (xmp["pdfaid:part"], xmp["pdfuaid:part"]) == ("2", "1")
    assert _pdf_ua_findings(certified, tmp_path) == (0, [])


# --- revisions signed before schema 7 ----------------------------------------------------------------------
#: The SHA-256 of the PDFs the program made before Typst (ReportLab) for the signed revisions of the
#: released schema-7 fixture, with the log heads kept with them. A revision signed before schema 7
#: must be made again to exactly such bytes: if this test fails, agreement_pdf_legacy.py, or what it
#: uses (agreement_content, formatting, page_layout, styles, fonts, ReportLab), has changed its output.
LEGACY_SHA256 = {
    1: "60bbe00b9168c37b0e1f552e47e5d779c4fcc2bdd0137b5af709a4325bbfeebd",
    2: "5a8f9ef0d4fc766e75596bdfb0de277a9c8da3a07f03a4d8f1514d7d29f9aab4",
    3: "65bd1c82697f317e1563af5fe9fe397c5b2b43b49118d6ad3cc0bb3132a3e7c8",
}


def test_a_four_party_agreement_signed_before_typst_is_made_again_as_signed() -> None:
    """Signed by the program before Typst (tests/fixtures/legacy-signed-four-party.json): promise
    headings naming the makers the way they were named then, logos in the header, two pages of
    action plan. Made again from its snapshot, it is the PDF that was hashed at signing."""
    import json

    kept = json.loads((fixture_path(7).parent / "legacy-signed-four-party.json").read_text(encoding="utf-8"))
    snapshot = snap.from_json(json.dumps(kept["snapshot"]))
    anchor = LogAnchor(entries=kept["log_entries"], head=kept["log_head"], database_id=kept["database_id"])
    pdf = render_legacy_snapshot_pdf(snapshot, anchor)
    assert (hashlib.sha256(pdf).hexdigest(), len(pdf)) == (kept["pdf_sha256"], kept["pdf_size"])
    assert "Polisen och Ängelholmshem lovar att …" in flat_text(pdf)  # the heading of that time


def test_the_legacy_renderer_still_makes_the_bytes_it_made() -> None:
    with sqlite3.connect(f"file:{fixture_path(7)}?mode=ro&immutable=1", uri=True) as raw:
        (database_id,) = raw.execute("SELECT database_id FROM database_identity").fetchone()
        rows = raw.execute("SELECT agreement_id, content, log_entries, log_head FROM signed_revisions").fetchall()
    assert len(rows) == len(LEGACY_SHA256)
    for agreement_id, content, entries, head in rows:
        anchor = LogAnchor(entries=entries, head=head, database_id=database_id)
        pdf = render_legacy_snapshot_pdf(snap.from_json(content), anchor)
        assert hashlib.sha256(pdf).hexdigest() == LEGACY_SHA256[agreement_id], agreement_id


@pytest.fixture
def signed_before_schema_7(demo_services: Services) -> tuple[Services, int]:
    """Solna signed as revision 2 by the program before schema 7: ReportLab, the PDF's hash only."""
    agreement_id = _solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    sign_as_before_schema_7(demo_services, agreement_id, place="Solna", day=date(2023, 1, 20))
    return demo_services, agreement_id


def test_a_revision_signed_before_schema_7_prints_the_bytes_it_was_signed_with(
    signed_before_schema_7: tuple[Services, int],
) -> None:
    services, agreement_id = signed_before_schema_7
    record = services.signoff.get_revision(agreement_id, 2)
    printable = services.signoff.printable(agreement_id, revision=2)
    assert printable.pdf is None and printable.legacy
    for pdf in (agreement_pdf(services, agreement_id, revision=2)[0], agreement_pdf(services, agreement_id)[0],
                printed_pdf(printable)):
        assert hashlib.sha256(pdf).hexdigest() == record.pdf_sha256 and len(pdf) == record.pdf_size
        assert b"ReportLab" in pdf  # the renderer of that time, not Typst
    # The imported revision 1 has no hash to keep to: it prints as an archival Typst PDF.
    assert b"ReportLab" not in agreement_pdf(services, agreement_id, revision=1)[0]


def test_a_revision_signed_before_schema_7_still_verifies(signed_before_schema_7: tuple[Services, int]) -> None:
    services, agreement_id = signed_before_schema_7
    pdf = agreement_pdf(services, agreement_id, revision=2)[0]
    result = verify_pdf(services, pdf)
    assert result.ok and result.revision == 2, result.findings
    assert "Sidorna är byte för byte den PDF som togs fram vid undertecknandet." in result.findings
    changed = bytearray(pdf)
    changed[len(pdf) // 2] ^= 0x01
    result = verify_pdf(services, bytes(changed))
    assert not result.ok and any("första skillnaden vid byte" in f for f in result.findings)
    checked = services.maintenance.verify_database(render_pdf=render_legacy_snapshot_pdf)
    assert checked.ok and checked.warnings == (), checked.problems
    # Made by another renderer, it would no longer be what was signed: verify-db says so.
    checked = services.maintenance.verify_database(render_pdf=lambda s, a: render_snapshot_pdf(s, a))
    assert checked.ok and "blir inte längre byte för byte densamma" in checked.warnings[0]


def test_an_imported_revision_printed_before_typst_still_verifies(demo_services: Services) -> None:
    """A copy of an imported revision printed by an earlier version (ReportLab) is still recognised."""
    printable = demo_services.signoff.printable(_solna(demo_services), revision=1)
    earlier = render_legacy_snapshot_pdf(printable.snapshot, printable.log_anchor)
    assert earlier != printed_pdf(printable)
    result = verify_pdf(demo_services, earlier)
    assert result.ok and result.revision == 1, result.findings
    assert ("Sidorna är byte för byte den PDF som revisionens frysta innehåll gav i tidigare versioner av "
            "programmet.") in result.findings
    changed = bytearray(earlier)
    changed[len(earlier) // 2] ^= 0x01
    assert not verify_pdf(demo_services, bytes(changed)).ok
