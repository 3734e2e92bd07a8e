"""The printed agreement read back from the PDF: sections in order, promises under the right
heading, measures and targets, signatures under the right party, footer, same bytes twice."""

from __future__ import annotations

import hashlib

import pytest

from promises_app.reports import agreement_content as c
from promises_app.reports.agreement_content import build_agreement_content, snapshot_logos
from promises_app.reports.agreement_pdf import render_agreement_pdf
from tests.reports.builders import PARTIES, logo_png, make_four_party, sample_content
from tests.reports.pdf_text import (
    assert_in_order,
    columns,
    flat_text,
    image_count,
    page_texts,
    positioned_lines,
    reader,
)

SOLNA = "Solna – medborgarlöften 2022"


@pytest.fixture
def solna(demo_services):  # type: ignore[no-untyped-def]
    agreement = next(a for a in demo_services.agreements.list_agreements() if a.title == SOLNA)
    return build_agreement_content(demo_services, agreement.id)


@pytest.fixture
def four_party(services):  # type: ignore[no-untyped-def]
    made = make_four_party(services)
    return build_agreement_content(services, made.agreement_id)


def test_sections_come_in_the_documents_order(solna) -> None:  # type: ignore[no-untyped-def]
    text = flat_text(render_agreement_pdf(solna))
    assert_in_order(
        text,
        [
            "Medborgarlöfte",
            SOLNA,
            c.HEADING_INTRODUCTION,
            "Polisen och Solna stad har kommit överens om medborgarlöften för 2022.",
            c.HEADING_SITUATION,
            c.HEADING_GOALS,
            "Att öka tryggheten och minska antalet brott i Solna.",
            c.HEADING_FOCUS_AREAS,
            "Hagalund",
            "Västra skogen",
            c.HEADING_PROMISES,
            "Polisen och kommunen lovar att …",
            "öka tryggheten i den offentliga miljön i Solna",
            c.HEADING_EFFECTS,
            c.HEADING_FOLLOW_UP,
            c.HEADING_VALIDITY,
            "1 januari – 31 december 2022",
            "Diarienummer: KS/2021:0512",
            c.HEADING_SIGNATURES,
            "Solna den 18 januari 2022",
            "Pehr Granfalk",
            c.HEADING_ACTION_PLAN,
            *c.ACTION_PLAN_COLUMNS,
        ],
    )


def test_every_measure_with_its_target_responsible_and_deadline(solna) -> None:  # type: ignore[no-untyped-def]
    text = flat_text(render_agreement_pdf(solna, appendix=False))
    measures = solna.promise_groups[0].promises[0].measures
    assert_in_order(text, [item for m in measures for item in (m.title, *m.details)])
    assert "Mål: 4 trygghetsvandringar" in text
    assert c.HEADING_ACTION_PLAN not in text


def test_footer_numbers_every_page(solna) -> None:  # type: ignore[no-untyped-def]
    pdf = render_agreement_pdf(solna)
    pages = page_texts(pdf)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Sida {number} av {len(pages)} · Revision 1 · Fingeravtryck {solna.fingerprint}" in text


def test_same_content_gives_the_same_bytes(solna) -> None:  # type: ignore[no-untyped-def]
    first, second = render_agreement_pdf(solna), render_agreement_pdf(solna)
    assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()
    assert first.startswith(b"%PDF-")


def test_fonts_are_embedded_dejavu(solna) -> None:  # type: ignore[no-untyped-def]
    pdf = reader(render_agreement_pdf(solna))
    fonts = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # embedded TrueType
    assert fonts and all("DejaVuSans" in name for name in fonts)


def test_promises_stand_under_the_heading_of_who_makes_them(four_party) -> None:  # type: ignore[no-untyped-def]
    text = flat_text(render_agreement_pdf(four_party))
    groups = four_party.promise_groups
    headings = [g.heading for g in groups]
    for index, group in enumerate(groups):
        start = text.index(group.heading)
        end = text.index(headings[index + 1], start) if index + 1 < len(groups) else text.index(c.HEADING_EFFECTS)
        section = text[start:end]
        for promise in group.promises:
            assert promise.text in section
            for measure in promise.measures:
                assert measure.title in section
                for detail in measure.details:
                    assert detail in section
    assert "Mål: 40 patrulleringar" in text and "Mål: 6 träffar" in text


def test_validity_and_case_number(four_party) -> None:  # type: ignore[no-untyped-def]
    text = flat_text(render_agreement_pdf(four_party))
    assert_in_order(text, [c.HEADING_VALIDITY, "1 januari 2023 – 31 december 2024", "Diarienummer: KS 2022/1234"])


def _signature_page(pdf: bytes) -> int:
    return next(i for i, text in enumerate(page_texts(pdf)) if c.HEADING_SIGNATURES in text)


def test_each_signatory_stands_under_their_party(four_party) -> None:  # type: ignore[no-untyped-def]
    pdf = render_agreement_pdf(four_party)
    page = _signature_page(pdf)
    page_text = " ".join(page_texts(pdf)[page].split())
    assert "Ängelholm den 14 februari 2023" in page_text
    party_names = [name for _key, name, *_ in PARTIES]
    by_column = columns(positioned_lines(pdf, page))
    for _key, name, _kind, _short, signatories in PARTIES:
        column = next(text for text in by_column.values() if name in text)
        after = column[column.index(name) + len(name):]
        others = [after.index(n) for n in party_names if n != name and n in after]
        mine = after[: min(others)] if others else after  # up to the next party in this column
        expected = " ".join(f"{person} {title}" for person, title in signatories)
        assert " ".join(mine.split()) == expected, (name, mine)


def test_signature_columns_line_up(four_party) -> None:  # type: ignore[no-untyped-def]
    pdf = render_agreement_pdf(four_party)
    lines = positioned_lines(pdf, _signature_page(pdf))
    x_of = {text: x for x, _y, text in lines}
    y_of = {text: y for _x, y, text in lines}
    # Four parties: three columns, the fourth party under the first.
    assert x_of["Åsa Östberg"] == x_of["Per Fastighet"] < x_of["Kjell Sjöström"] < x_of["Göran Bostadsson"]
    # The first signatories of a row share a baseline, whatever the party names' length.
    assert y_of["Åsa Östberg"] == y_of["Kjell Sjöström"] == y_of["Göran Bostadsson"]
    assert y_of["Örjan Ärlig"] == y_of["Märta Brå"] == y_of["Ylva Hyresgäst"]


@pytest.mark.parametrize("parties", [1, 2, 3, 5, 7])
def test_any_number_of_parties_lays_out(parties: int) -> None:
    from dataclasses import replace

    from promises_app.reports.agreement_content import (
        SignatoryLine,
        SignatureBlock,
        with_fingerprint,
    )

    blocks = tuple(
        SignatureBlock(f"Part {n}", tuple(SignatoryLine(f"Person {n}.{i}", f"Titel {n}.{i}") for i in range(n % 3)))
        for n in range(parties)
    )
    content = with_fingerprint(replace(sample_content(), signature_blocks=blocks, party_organisation_ids=tuple(range(parties))))
    text = flat_text(render_agreement_pdf(content))
    for block in blocks:
        assert block.party in text
        for signatory in block.signatories:
            assert f"{signatory.name} {signatory.title}" in text


def test_logos_stand_in_the_header_of_every_page(services) -> None:  # type: ignore[no-untyped-def]
    made = make_four_party(services)
    services.logos.set_logo(made.organisation_ids["police"], logo_png("#1b2f6b", (200, 200)))
    services.logos.set_logo(made.organisation_ids["housing"], logo_png("#b5462a", (900, 150)))
    content = build_agreement_content(services, made.agreement_id)
    logos = snapshot_logos(services.signoff.current_snapshot(made.agreement_id))
    assert list(logos) == ["Lokalpolisområde Ängelholm", "AB Ängelholmshem"]
    pdf = render_agreement_pdf(content, logos=logos)
    pages = len(reader(pdf).pages)
    assert image_count(pdf) == 2 * pages
    assert render_agreement_pdf(content, logos=logos) == pdf
    assert image_count(render_agreement_pdf(content)) == 0


def test_draft_is_marked(four_party, solna) -> None:  # type: ignore[no-untyped-def]
    assert "Utkast – inte undertecknat" in flat_text(render_agreement_pdf(four_party))
    assert "Utkast" not in flat_text(render_agreement_pdf(solna))
