"""What every Typst document promises, shown on the follow-up report (reports/typst_engine.py).

* User text is data, never Typst markup: what looks like markup prints as written.
* Emoji print (Noto Emoji) and read back as written; right-to-left text reads back in its order.
* A character no bundled font has (a CJK ideograph) prints as U+FFFD, and the report still comes out.
* The PDF is tagged PDF/UA-1 and passes the automated check (docs/accessibility.md).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pdfua
import pytest

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.reports.followup_content import build_followup_content
from promises_app.reports.followup_pdf import render_followup_pdf
from promises_app.reports.report_options import FollowUpOptions, Orientation
from promises_app.reports.typst_engine import EMOJI as EMOJI_CHARACTERS
from promises_app.reports.typst_engine import MISSING_CHARACTER, emoji_input
from promises_app.services import Services
from tests.reports.pdf_text import flat_text, reader

TODAY = date(2022, 9, 1)
MARKUP = ['#image("/etc/passwd")', "*fet* _kursiv_ $x^2$", "#let x = 1", "<etikett> @ref", "\\ ] ) }"]
EMOJI = "Trygghetsvandring 🚶‍♀️ med 🚓 och 🙂"
RTL = "שלום עולם"
CJK = "安全"


def solna_id(services: Services) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == "Solna – medborgarlöften 2022")


def report(services: Services, comments: list[str], *, landscape: bool = False) -> bytes:
    agreement_id = solna_id(services)
    measures = services.plan.list_measures(agreement_id)
    for measure, comment in zip(measures, comments, strict=False):
        services.follow_ups.record(measure.id, period="2022-T2", status=FollowUpStatus.IN_PROGRESS,
                                   light=TrafficLight.GREEN, comment=comment)
    options = FollowUpOptions(next_steps="\n".join(comments),
                              orientation=Orientation.LANDSCAPE if landscape else Orientation.PORTRAIT)
    content = build_followup_content(services, agreement_id, "2022-T2", today=TODAY, options=options)
    return render_followup_pdf(content, options)


def test_markup_in_user_text_prints_as_written(demo_services: Services) -> None:
    pdf = report(demo_services, MARKUP)
    text = flat_text(pdf)
    for written in MARKUP:
        assert " ".join(written.split()) in text, written
    assert len(reader(pdf).pages) < 10


def test_emoji_print_and_read_back_as_written(demo_services: Services) -> None:
    text = flat_text(report(demo_services, [EMOJI]))
    assert "🚓" in text and "🙂" in text
    assert "\x00" not in text


def test_right_to_left_text_reads_back_in_its_order(demo_services: Services) -> None:
    text = flat_text(report(demo_services, [f"Samtal på hebreiska: {RTL}."]))
    assert RTL in text


def test_a_character_no_font_has_prints_as_the_replacement_character(demo_services: Services) -> None:
    text = flat_text(report(demo_services, [f"Skylt på kinesiska: {CJK} vid entrén"]))
    assert f"Skylt på kinesiska: {MISSING_CHARACTER * len(CJK)} vid entrén" in text


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "landscape"])
def test_the_follow_up_report_passes_the_automated_pdf_ua_check(
    demo_services: Services, tmp_path: Path, landscape: bool
) -> None:
    path = tmp_path / "uppfoljning.pdf"
    path.write_bytes(report(demo_services, [EMOJI, RTL, *MARKUP], landscape=landscape))
    result = pdfua.validate(path)
    assert result.exit_code == 0, [f"{f.rule_id}: {f.message}" for f in result.findings]
    assert not result.findings


def test_title_language_and_tags_are_declared(demo_services: Services) -> None:
    pdf = reader(report(demo_services, []))
    root = pdf.trailer["/Root"]
    assert str(root["/Lang"]).split("-")[0] == "sv"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert pdf.metadata is not None and pdf.metadata.title.startswith("Uppföljning Tertial 2 2022 – Solna")


def test_a_word_wider_than_its_column_is_broken_inside_it_not_run_over_the_next(demo_services: Services) -> None:
    agreement_id = solna_id(demo_services)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    word = "å" * 300  # the longest title a measure takes, without a space
    link = "https://polisen.se/" + "x" * 150
    demo_services.signoff.new_revision(agreement_id)  # a signed plan changes only in a new revision
    demo_services.plan.update_measure(measure.id, title=word)
    demo_services.follow_ups.record(measure.id, period="2022-T2", status=FollowUpStatus.IN_PROGRESS,
                                    light=TrafficLight.GREEN, comment=link)
    options = FollowUpOptions()
    pdf = render_followup_pdf(build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY,
                                                     options=options), options)
    lines = [line for page in reader(pdf).pages for line in page.extract_text().splitlines()]
    pieces = [len(run) for line in lines for run in re.findall("å{10,}", line)]
    assert sum(pieces) == len(word)
    assert max(pieces) < len(word) // 2  # on several lines of its column
    pieces = [len(run) for line in lines for run in re.findall("x{10,}", line)]
    assert len(pieces) > 1 and max(pieces) < 150  # on several lines of its column
    assert link in "".join(lines)  # and nothing of it lost


def test_the_emoji_font_is_asked_for_only_where_the_data_has_emoji() -> None:
    assert emoji_input('{"title": "Trygghetsvandring i centrum"}') == "no"
    assert emoji_input(f'{{"title": "{EMOJI}"}}') == "yes"
    assert emoji_input('{"title": "Flagga \U0001F1F8\U0001F1EA"}') == "yes"


def test_python_and_the_template_give_the_same_characters_to_the_emoji_font() -> None:
    common = (Path(__file__).resolve().parents[2] / "resources" / "documents" / "common.typ").read_text("utf-8")
    typst_pattern = re.search(r'#let emoji = regex\("(.*)"\)', common)
    assert typst_pattern is not None
    template = re.compile(re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), typst_pattern.group(1)))
    differ = [code for code in range(0x110000)
              if bool(template.match(chr(code))) != bool(EMOJI_CHARACTERS.match(chr(code)))]
    assert differ == []
