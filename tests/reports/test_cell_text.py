"""A table cell's text, decided word by word in Python (document_data.cell_text, common.typ `cell-text`).

* Where every word fits its column the cell is the text itself: no hyphenation, no rule on it.
* A Swedish word wider than a title or comment column is hyphenated ("trygghets-vandringar"),
  never broken between two arbitrary letters ("tryg ghetsvandringar").
* A word no hyphenation can fit (a link, "ååå…") is broken between any two characters, and in a
  column that is not hyphenated every word wider than the column is.
"""

from __future__ import annotations

from promises_app.domain.enums import TrafficLight
from promises_app.reports import followup_content as c
from promises_app.reports.document_data import cell_text, plain_text
from promises_app.reports.followup_pdf import render_followup_pdf
from promises_app.reports.report_options import FollowUpSection
from tests.reports.pdf_text import flat_text, reader

#: About the title column of a report whose other columns are full (66 points in the bench's).
NARROW = 66.0
WALKS = "Genomföra trygghetsvandringar i stationsområdet"


def test_text_whose_words_all_fit_is_handed_over_as_it_is() -> None:
    assert cell_text("Ta bort övergivna fordon och skräp", NARROW, hyphenate=True) == \
        "Ta bort övergivna fordon och skräp"
    assert cell_text("hittills 2 av 4\ndenna period 1", NARROW, hyphenate=False) == "hittills 2 av 4\ndenna period 1"


def test_a_swedish_word_too_wide_is_left_to_hyphenation_in_a_flowing_column() -> None:
    assert cell_text(WALKS, NARROW, hyphenate=True) == ["Genomföra ", {"hyphenate": "trygghetsvandringar"}, " i ",
                                                        {"hyphenate": "stationsområdet"}]
    assert cell_text("Två trygghetsvandringar.", NARROW, hyphenate=True) == \
        ["Två ", {"hyphenate": "trygghetsvandringar."}]


def test_the_same_word_is_broken_between_characters_where_the_column_is_not_hyphenated() -> None:
    assert cell_text(WALKS, NARROW, hyphenate=False) == ["Genomföra ", {"split": "trygghetsvandringar"}, " i ",
                                                         {"split": "stationsområdet"}]


def test_words_no_hyphenation_fits_are_broken_between_characters_even_in_a_flowing_column() -> None:
    link = "https://polisen.se/" + "x" * 60
    word = "å" * 40
    assert cell_text(f"Se {link} och {word}.", NARROW, hyphenate=True) == \
        ["Se ", {"split": link}, " och ", {"split": f"{word}."}]
    assert cell_text("שלוםעולםשלוםעולםשלוםעולםשלוםעולם", NARROW, hyphenate=True) == \
        [{"split": "שלוםעולםשלוםעולםשלוםעולםשלוםעולם"}]


def test_the_pieces_joined_are_the_text() -> None:
    text = f"Se https://polisen.se/{'x' * 60} om {WALKS}."
    for hyphenate in (True, False):
        assert plain_text(cell_text(text, NARROW, hyphenate=hyphenate)) == text


def test_a_long_title_is_hyphenated_in_the_report_not_split_anywhere() -> None:
    rows = tuple(
        c.MeasureRow(i, f"{WALKS} {i:03d}", "Lokalpolisområde Angered", "2022-12-31",
                     f"hittills {i} av 124 trygghetsvandringar", "Delvis genomförd", TrafficLight.GREEN.value,
                     "Grön", "Pågår; något försenat men väntas bli klart under nästa period.", False)
        for i in range(30)
    )
    content = c.with_fingerprint(c.FollowUpContent(
        1, "Överenskommelse", c.KIND, "Uppföljning Tertial 2 2022", "2022-T2", "", "2022-09-01", (),
        (FollowUpSection.MEASURES.value,), 30, (), (), c.BarChartData((), ()), "", (), (),
        (c.MeasureGroup("Polisen lovar att …", "synas", rows),), (), (), "", (),
    ))
    pdf = render_followup_pdf(content)
    lines = [line.rstrip() for page in reader(pdf).pages for line in page.extract_text().splitlines()]
    word = "trygghetsvandringar"
    # No line ends inside the word without a hyphen ("Genomföra tryg" / "ghetsvandringar" is what
    # breaking between arbitrary letters gave); some lines end where it was hyphenated.
    assert not [line for line in lines if line and line.split()[-1] in {word[:k] for k in range(1, len(word))}]
    hyphenated = [line for line in lines if line.endswith(("-", "\u00ad")) and line.split()[-1][:-1] in word]
    assert len(hyphenated) >= 30, lines[:40]
    assert f"{WALKS} 029" in flat_text(pdf)
