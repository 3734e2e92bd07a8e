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
    body_text,
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


def _signature_lines(pdf: bytes) -> list[tuple[float, float, str]]:
    """The positioned lines of the signature block: below its heading, on its page."""
    lines = positioned_lines(pdf, _signature_page(pdf))
    top = next(y for _x, y, text in lines if text == c.HEADING_SIGNATURES)
    return [line for line in lines if line[1] < top]


def test_each_signatory_stands_under_their_party(four_party) -> None:  # type: ignore[no-untyped-def]
    pdf = render_agreement_pdf(four_party)
    page_text = " ".join(page_texts(pdf)[_signature_page(pdf)].split())
    assert "Ängelholm den 14 februari 2023" in page_text
    # Compared without spaces: a title wider than its column ("Lokalpolisområdeschef") is hyphenated.
    by_column = [text.replace(" ", "") for text in columns(_signature_lines(pdf)).values()]
    for _key, name, _kind, _short, signatories in PARTIES:
        expected = "".join(f"{name}{''.join(person + title for person, title in signatories)}".split())
        assert any(text.endswith(expected) for text in by_column), (name, by_column)


def test_four_parties_stand_in_one_row(four_party) -> None:  # type: ignore[no-untyped-def]
    pdf = render_agreement_pdf(four_party)
    lines = _signature_lines(pdf)
    x_of = {text: x for x, _y, text in lines}
    y_of = {text: y for _x, y, text in lines}
    # Four parties side by side (they were laid out 3 + 1), each signatory under their party.
    assert x_of["Åsa Östberg"] < x_of["Kjell Sjöström"] < x_of["Göran Bostadsson"] < x_of["Per Fastighet"]
    assert x_of["Åsa Östberg"] == x_of["Örjan Ärlig"] and x_of["Per Fastighet"] == x_of["Lena Nyckel"]
    # The signatories of a row share a baseline, whatever the party names' and titles' length.
    assert y_of["Åsa Östberg"] == y_of["Kjell Sjöström"] == y_of["Göran Bostadsson"] == y_of["Per Fastighet"]
    assert y_of["Örjan Ärlig"] == y_of["Märta Brå"] == y_of["Ylva Hyresgäst"] == y_of["Lena Nyckel"]


def _parties(count: int) -> tuple[c.SignatureBlock, ...]:
    """``count`` parties: some with long names (two or three lines), one or two signatories with
    titles of one or two lines; every name starts with a word found nowhere else."""
    names = ["Norrstads kommun", "Lokalpolisområde Norrstad", "Norrstads parkeringsbolag AB med ett långt namn",
             "Tullverket", "Fastighetsägarna Nordvästra Skåne", "Räddningstjänsten Skåne Nordväst",
             "Bostadsstiftelsen Platen", "Trygghetsrådet"]
    return tuple(
        c.SignatureBlock(
            f"P{n}x {names[n]}",
            tuple(c.SignatoryLine(f"S{n}x{k}", "Kommunstyrelsens ordförande" if (n + k) % 2 else "Vd")
                  for k in range(1 + n % 2)),
        )
        for n in range(count)
    )


@pytest.mark.parametrize("count", range(1, 9))
def test_the_signature_block_stays_aligned(count: int) -> None:
    from dataclasses import replace

    from promises_app.reports.agreement_content import with_fingerprint

    blocks = _parties(count)
    content = with_fingerprint(replace(sample_content(), signature_blocks=blocks,
                                       party_organisation_ids=tuple(range(count))))
    pdf = render_agreement_pdf(content)
    lines = _signature_lines(pdf)
    text = " ".join(text for _x, _y, text in lines)
    for block in blocks:  # every party and signatory is printed
        assert block.party.split()[0] in text and all(s.name in text for s in block.signatories)

    def at(word: str) -> tuple[float, float]:
        (found,) = [(x, y) for x, y, text in lines if text.split()[0] == word]
        return found

    rows = {1: [1], 2: [2], 3: [3], 4: [4], 5: [3, 2], 6: [3, 3], 7: [4, 3], 8: [4, 4]}[count]
    start = 0
    first_row_columns: list[float] = []
    bottom_of_previous_row: float | None = None
    for size in rows:
        row = range(start, start + size)
        party = [at(f"P{n}x") for n in row]
        first = [at(f"S{n}x0") for n in row]
        # One row: the party names on one line, left to right; the first signatories level.
        assert len({y for _x, y in party}) == 1 and len({y for _x, y in first}) == 1, (count, size)
        assert [x for x, _y in party] == sorted(x for x, _y in party)
        # Each signatory under their party; the second ones level with each other, below the first.
        assert all(at(f"S{n}x0")[0] == at(f"P{n}x")[0] for n in row)
        seconds = [at(f"S{n}x1") for n in row if len(blocks[n].signatories) > 1]
        assert len({y for _x, y in seconds}) <= 1 and all(y < first[0][1] for _x, y in seconds)
        # A row starts below the signatories of the row before, in the columns of the first row.
        if bottom_of_previous_row is None:
            first_row_columns = [x for x, _y in party]
        else:
            assert party[0][1] < bottom_of_previous_row
            assert [x for x, _y in party] == first_row_columns[:size]
        bottom_of_previous_row = min(y for _x, y in first + seconds)
        start += size


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


# --- what real agreements showed (issue 13, point 4) ---------------------------------------------------
def _before_introduction(pdf: bytes) -> str:
    text = flat_text(pdf)
    return text[: text.index(c.HEADING_INTRODUCTION)]


def test_the_police_area_is_printed_under_the_title(services) -> None:  # type: ignore[no-untyped-def]
    made = make_four_party(services, title="Norrstad – medborgarlöften 2025")
    services.agreements.update_agreement(made.agreement_id, municipality="Norrstads kommun", police_area="LPO Norrstad")
    opening = _before_introduction(render_agreement_pdf(build_agreement_content(services, made.agreement_id)))
    assert_in_order(opening, ["Norrstad – medborgarlöften 2025", "Kommun Norrstads kommun",
                              "Lokalpolisområde LPO Norrstad"])
    services.agreements.update_agreement(made.agreement_id, police_area="")
    opening = _before_introduction(render_agreement_pdf(build_agreement_content(services, made.agreement_id)))
    assert "Kommun Norrstads kommun" in opening and "Lokalpolisområde" not in opening


def _action_plan_header(pdf: bytes) -> list[str]:
    """The header cells of the action plan's table, left to right (its first row on the last page)."""
    lines = positioned_lines(pdf, len(reader(pdf).pages) - 1)
    below = [line for line in lines if line[1] < next(y for _x, y, t in lines if t == c.HEADING_ACTION_PLAN)]
    top = max(y for _x, y, _t in below)
    return [text for _x, y, text in sorted(below) if y == top]


def test_a_column_empty_in_the_whole_action_plan_is_left_out(services) -> None:  # type: ignore[no-untyped-def]
    made = make_four_party(services)
    content = build_agreement_content(services, made.agreement_id)
    assert _action_plan_header(render_agreement_pdf(content)) == list(c.ACTION_PLAN_COLUMNS)
    for measure in services.plan.list_measures(made.agreement_id):
        services.plan.update_measure(measure.id, cause="")
    pdf = render_agreement_pdf(build_agreement_content(services, made.agreement_id))
    assert _action_plan_header(pdf) == ["Åtgärd", "Mål", "När", "Vem"]
    assert "Problem eller orsak" not in flat_text(pdf)
    assert "Fotpatrullering vid resecentrum" in body_text(pdf)


def test_only_the_columns_that_say_something_are_shown() -> None:
    from dataclasses import replace

    from promises_app.reports.agreement_content import ActionPlanRow, with_fingerprint

    rows = (ActionPlanRow("", "Patrullera i centrum", "", "senast 31 maj 2024", ""),
            ActionPlanRow("", "Trygghetsvandring", "", "1 januari 2024 – 31 december 2025", ""))
    pdf = render_agreement_pdf(with_fingerprint(replace(sample_content(), action_plan=rows)))
    assert _action_plan_header(pdf) == ["Åtgärd", "När"]
    # "När" breaks a period only after its dash.
    at = {text: (x, y) for x, y, text in positioned_lines(pdf, len(reader(pdf).pages) - 1)}
    assert at["1 januari 2024"][0] == at["31 december 2025"][0] == at["senast 31 maj 2024"][0]
    assert at["1 januari 2024"][1] > at["31 december 2025"][1]
