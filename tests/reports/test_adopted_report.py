"""The adopted follow-up report (reports/adopted_document.py): PDF/A-2 with PDF/UA-1, the adoption in its
facts, dated by the adoption, reproducible; ``verify`` recognises it as it recognises a signed revision."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pdfua
import pytest

from promises_app.reports.adopted_document import (
    adopt_followup,
    adopted_content,
    adopted_pdf,
    differences,
    options_from_json,
    options_json,
    render_adopted,
)
from promises_app.reports.followup_content import build_followup_content, canonical_json
from promises_app.reports.followup_pdf import render_followup_pdf
from promises_app.reports.report_options import FollowUpOptions, FollowUpSection, Grouping, Orientation
from promises_app.reports.verification import verify_pdf
from promises_app.services import Services, open_services
from promises_app.services.adoptions import Adoption
from tests.reports.incremental import overlay
from tests.reports.pdf_text import flat_text, reader

SOLNA = "Solna – medborgarlöften 2022"
TODAY = date(2023, 3, 1)
LANDSCAPE = FollowUpOptions(orientation=Orientation.LANDSCAPE, group_by=Grouping.FOCUS_AREA, logos=False,
                            next_steps="Rapporten publiceras på kommunens webbplats.",
                            sections=frozenset({FollowUpSection.SUMMARY, FollowUpSection.MEASURES,
                                                FollowUpSection.NEXT_STEPS}))


def _solna(services: Services) -> int:
    return services.agreements.find_agreements(SOLNA)[0].id


def _adopt(services: Services, *, options: FollowUpOptions | None = None, **changes: object) -> bytes:
    fields: dict[str, object] = {"adopted_by": "Kommunstyrelsen", "adopted_on": "2022-10-12", "paragraph": "§ 45",
                                 "case_number": "KS 2022/123", "report_date": "2022-09-15"}
    fields.update(changes)
    record = adopt_followup(services, _solna(services), "2022-T2", options=options, today=TODAY, **fields)  # type: ignore[arg-type]
    return adopted_pdf(services, _solna(services), "2022-T2", record.report_version).pdf


def test_the_adopted_report_says_who_adopted_it_when_with_paragraph_and_case(demo_services: Services) -> None:
    text = flat_text(_adopt(demo_services))
    assert "Fastställd uppföljningsrapport" in text
    assert "Fastställd av Kommunstyrelsen 12 oktober 2022, § 45, dnr KS 2022/123" in text
    assert "Version 1" in text and "Rapportdatum 15 september 2022" in text
    assert "Uppföljning Tertial 2 2022" in text


def test_without_a_case_number_the_adoption_has_no_dnr(demo_services: Services) -> None:
    text = flat_text(_adopt(demo_services, adopted_by="Trygghetsrådet", case_number="", paragraph="7"))
    assert "Fastställd av Trygghetsrådet 12 oktober 2022, § 7 " in text and "dnr" not in text


def test_a_correction_says_which_version_it_replaces(demo_services: Services) -> None:
    _adopt(demo_services)
    text = flat_text(_adopt(demo_services, adopted_on="2022-11-09", paragraph="§ 61", report_date=None))
    assert "Version 2 (ersätter version 1, fastställd 12 oktober 2022, § 45)" in text
    assert "Fastställd av Kommunstyrelsen 9 november 2022, § 61, dnr KS 2022/123" in text


@pytest.mark.parametrize("options", [None, LANDSCAPE], ids=["portrait", "landscape-by-focus-area"])
def test_the_adopted_pdf_is_pdf_a_2_and_passes_the_pdf_ua_check(
    demo_services: Services, tmp_path: Path, options: FollowUpOptions | None
) -> None:
    pdf = _adopt(demo_services, options=options)
    xmp = reader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp) and re.search(r"<pdfaid:conformance>A<", xmp)
    assert "pdfuaid:part>1<" in xmp
    assert "<xmp:CreateDate>2022-10-12" in xmp  # dated by the adoption, not by the report date
    path = tmp_path / "fastställd.pdf"
    path.write_bytes(pdf)
    result = pdfua.validate(path)
    assert result.exit_code == 0, [f"{f.rule_id}: {f.message}" for f in result.findings]
    assert not result.findings


def test_the_choices_are_kept_and_shape_the_adopted_report(demo_services: Services) -> None:
    assert options_from_json(options_json(LANDSCAPE), date(2022, 9, 15)) == LANDSCAPE.__class__(
        **{**LANDSCAPE.__dict__, "report_date": date(2022, 9, 15)})
    pdf = _adopt(demo_services, options=LANDSCAPE)
    page = reader(pdf).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = flat_text(pdf)
    assert "Rapporten publiceras på kommunens webbplats." in text and "Fokusområde" in text
    assert "Indikatorer" not in text


def test_the_same_data_and_adoption_give_the_same_bytes(demo_services: Services) -> None:
    pdf = _adopt(demo_services)
    record = demo_services.adoptions.list_adopted(_solna(demo_services))[0]
    # The data as it was read then: the change log has one entry more now (the adoption itself).
    source = replace(demo_services.reports.source(_solna(demo_services)), log_anchor=record.log_anchor)
    again = render_adopted(source, Adoption.of(record, ()))
    assert again.pdf == pdf and again.content == demo_services.adoptions.content_text(record.id)


def test_the_stored_bytes_are_printed_whatever_renders_now(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = _adopt(demo_services)
    import promises_app.reports.followup_pdf as followup_pdf

    monkeypatch.setattr(followup_pdf, "render_followup_pdf", lambda *_args, **_kwargs: b"%PDF-1.7 another engine")
    assert adopted_pdf(demo_services, _solna(demo_services), "2022-T2", 1).pdf == pdf


def test_a_live_report_is_unchanged_by_the_extension(demo_services: Services) -> None:
    """The follow-up report printed as before: PDF/UA only, dated by its report date, no adoption."""
    options = FollowUpOptions(report_date=date(2022, 9, 15))
    content = build_followup_content(demo_services, _solna(demo_services), "2022-T2", today=TODAY, options=options)
    pdf = render_followup_pdf(content, options)
    xmp = reader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfaid" not in xmp and "<xmp:CreateDate>2022-09-15" in xmp
    assert "Fastställd" not in flat_text(pdf)


def test_differences_skip_the_adoption_and_name_what_changed(demo_services: Services) -> None:
    _adopt(demo_services)
    record = demo_services.adoptions.list_adopted(_solna(demo_services))[0]
    source = demo_services.reports.source(_solna(demo_services))
    first = canonical_json(adopted_content(source, Adoption.of(record, ())))
    other = replace(Adoption.of(record, ()), adopted_by="Trygghetsrådet", report_version=2, earlier=(record,))
    assert differences(first, canonical_json(adopted_content(source, other))) == []
    with_steps = replace(other, options=options_json(FollowUpOptions(next_steps="Fler vandringar.")))
    assert "Nästa steg har ändrats." in differences(first, canonical_json(adopted_content(source, with_steps)))


# --- verify -------------------------------------------------------------------------------------
def _said(services: Services, data: bytes) -> tuple[bool, str]:
    result = verify_pdf(services, data)
    return result.ok, "\n".join(result.findings)


def test_verify_recognises_an_untouched_adopted_report(demo_services: Services) -> None:
    pdf = _adopt(demo_services)
    result = verify_pdf(demo_services, pdf)
    assert result.ok and (result.period, result.adopted_version, result.agreement_title) == ("2022-T2", 1, SOLNA)
    assert result.findings[0].startswith(
        f"Filen är en orörd kopia av den fastställda uppföljningen Tertial 2 2022 (2022-T2), version 1, av «{SOLNA}», "
        "fastställd av Kommunstyrelsen 12 oktober 2022, § 45, dnr KS 2022/123 (innehållets SHA-256 "
    )
    assert "Sidorna är byte för byte den PDF som sparades vid fastställandet." in result.findings


def test_verify_says_when_a_later_version_replaces_it(demo_services: Services) -> None:
    first = _adopt(demo_services)
    _adopt(demo_services, adopted_on="2022-11-09", paragraph="§ 61", report_date=None)
    ok, said = _said(demo_services, first)
    assert ok and "Obs: perioden har fastställts på nytt sedan dess. Den gällande versionen är 2, fastställd av " \
                  "Kommunstyrelsen 9 november 2022, § 61, dnr KS 2022/123." in said


def test_verify_refuses_a_changed_adopted_report(demo_services: Services) -> None:
    pdf = _adopt(demo_services)
    middle = len(pdf) // 2
    changed = pdf[:middle] + bytes([pdf[middle] ^ 1]) + pdf[middle + 1:]
    ok, said = _said(demo_services, changed)
    assert not ok and said.startswith(
        f"Filen påstår sig vara den fastställda uppföljningen Tertial 2 2022 (2022-T2), version 1, av «{SOLNA}», men "
        f"den har ändrats: första skillnaden vid byte {middle} av {len(pdf)}.")
    ok, said = _said(demo_services, pdf[:-100])
    assert not ok and "filen är avkortad" in said


def test_verify_refuses_what_was_added_after_it(demo_services: Services) -> None:
    pdf = _adopt(demo_services)
    for added in (overlay(pdf), pdf + b"% tillagt\n"):
        ok, said = _said(demo_services, added)
        assert not ok and said.startswith(
            "Filen är ändrad efter utskrift: den börjar med den fastställda uppföljningen Tertial 2 2022")
        assert f"Filens början ({len(pdf)} byte) är byte för byte den PDF som sparades vid fastställandet." in said


def test_verify_does_not_take_a_working_print_or_another_database_for_an_adopted_report(
    demo_services: Services, tmp_path: Path
) -> None:
    _adopt(demo_services)
    options = FollowUpOptions(report_date=date(2022, 9, 15))
    content = build_followup_content(demo_services, _solna(demo_services), "2022-T2", today=TODAY, options=options)
    ok, said = _said(demo_services, render_followup_pdf(content, options))
    assert not ok and "inte en överenskommelse från Medborgarlöften" in said
    pdf = adopted_pdf(demo_services, _solna(demo_services), "2022-T2").pdf
    other = open_services(tmp_path / "annan.sqlite")
    try:
        ok, said = _said(other, pdf)
    finally:
        other.db.close()
    assert not ok and said.startswith("Ingen fastställd uppföljning i databasen har innehållet med kontrollsumman")
