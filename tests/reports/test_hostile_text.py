"""User text is text in the printed agreement (docs/reliability.md, P12).

Each hostile string goes in through the services (as a person would type it), is rendered,
and must come back out of the PDF literally: no bold, no font size, no link, no image and no
crash from markup in the data. The agreement is laid out by Typst from the content as data
(reports/agreement_pdf.py), so emoji print (Noto Emoji) and right-to-left text keeps its
reading order; both come back out equal to the input.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from promises_app.reports.agreement_content import (
    ACTION_PLAN_COLUMNS,
    MeasureItem,
    PromiseGroup,
    PromiseItem,
    build_agreement_content,
    with_fingerprint,
)
from promises_app.reports.agreement_pdf import render_agreement_pdf
from tests.reports.builders import make_four_party, sample_content
from tests.reports.pdf_text import (
    body_text,
    flat_text,
    image_count,
    link_annotations,
    normalise,
)

MARKUP = [
    "<b>&</b>",
    "a<b c",
    "<font size=40>x</font>",
    '<a href="http://example.com">länk</a>',
    '<img src="/etc/passwd"/>',
    "&amp;lt;",
]
EMOJI = "polis 🚓 bil"
RTL = "מחוז"
TABLE_HEADER = " ".join(ACTION_PLAN_COLUMNS)


def long_text(seed: str, size: int) -> str:
    """Ordinary Swedish words (with å ä ö), numbered so any reordering or loss shows."""
    words, n = [], 0
    while sum(len(w) + 1 for w in words) < size:
        words.append(f"{seed}{n} trygghetsvandring åäö")
        n += 1
    return " ".join(words)[:size].rstrip()


@pytest.fixture
def hostile(services):  # type: ignore[no-untyped-def]
    """A draft agreement with the hostile strings in its texts, measure titles and signatories."""
    made = make_four_party(services)
    ids = made.organisation_ids
    everything = [*MARKUP, EMOJI, RTL]
    services.agreements.update_agreement(made.agreement_id, introduction="\n\n".join(everything))
    promise = services.plan.create_promise(made.agreement_id, text="a<b c & <i>", maker_ids=[ids["police"]])
    for text in everything:
        services.plan.create_measure(promise_id=promise.id, title=text, responsible_id=ids["police"])
    party = services.agreements.list_parties(made.agreement_id)[0]
    person = services.register.create_person(name="<b>&</b> Namn", title='<a href="x">titel</a>')
    services.agreements.add_signatory(party.id, person_id=person.id)
    return build_agreement_content(services, made.agreement_id)


def test_markup_in_user_text_prints_literally(hostile) -> None:  # type: ignore[no-untyped-def]
    pdf = render_agreement_pdf(hostile)
    text = flat_text(pdf)
    for value in MARKUP:
        assert text.count(value) >= 3, value  # introduction, measure title, action plan row
    assert "a<b c & <i>" in text
    # The signatory's title is in a narrow signature column: it may break after its "/".
    assert "<b>&</b> Namn" in text and '<a href="x">titel</a>' in text.replace("</ a>", "</a>")
    assert link_annotations(pdf) == []
    assert image_count(pdf) == 0  # <img src> read no file


def test_emoji_print_and_come_back_out(hostile) -> None:  # type: ignore[no-untyped-def]
    text = flat_text(render_agreement_pdf(hostile))
    assert text.count(EMOJI) >= 3  # introduction, measure title, action plan row


def test_rtl_text_keeps_its_reading_order(hostile) -> None:  # type: ignore[no-untyped-def]
    assert flat_text(render_agreement_pdf(hostile)).count(RTL) >= 3


def test_100_kb_of_text_through_the_services_round_trips(services) -> None:  # type: ignore[no-untyped-def]
    made = make_four_party(services)
    fields = {
        "situation": long_text("s", 20_000),
        "intended_effects": long_text("e", 20_000),
        "follow_up_text": long_text("f", 20_000),
    }
    services.agreements.update_agreement(made.agreement_id, **fields)
    measure = services.plan.list_measures(made.agreement_id)[0]
    description, cause = long_text("d", 20_000), long_text("c", 20_000)
    services.plan.update_measure(measure.id, description=description, cause=cause)
    content = build_agreement_content(services, made.agreement_id)
    assert sum(len(v.encode()) for v in [*fields.values(), description, cause]) > 100_000
    pdf = render_agreement_pdf(content)
    # The long cause splits its action-plan row over pages; the row's other cells are
    # extracted between the parts, so they are taken out like the repeated table header.
    row = content.action_plan[0]
    assert row.cause == cause
    text = body_text(pdf, repeated=(TABLE_HEADER, row.measure, row.target, row.when, row.who))
    for value in [*fields.values(), description, cause]:
        assert normalise(value) in text


def test_one_100_kb_paragraph_round_trips() -> None:
    huge = long_text("h", 100_000)
    content = with_fingerprint(replace(sample_content(), introduction=huge))
    text = body_text(render_agreement_pdf(content))
    assert normalise(huge) in text


def test_a_long_word_without_spaces_is_split_not_lost() -> None:
    word = "å" * 20_000  # the longest text a field takes; 40 kB in UTF-8
    content = with_fingerprint(replace(sample_content(), introduction=word))
    text = body_text(render_agreement_pdf(content))
    assert text.replace(" ", "").count("å") >= 20_000


def _with_measure_title(title: str):  # type: ignore[no-untyped-def]
    base = sample_content()
    group = PromiseGroup("Polisen lovar att …", (PromiseItem("synas", "", (MeasureItem(title, title, ()),)),))
    return with_fingerprint(replace(base, promise_groups=(group,)))


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300))
def test_any_printable_measure_title_renders(title: str) -> None:
    pdf = render_agreement_pdf(_with_measure_title(title), appendix=False)
    assert pdf.startswith(b"%PDF-")


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("<>&;/=\"' abcåäö#x0123456789")), min_size=1, max_size=80))
def test_markup_like_titles_round_trip(title: str) -> None:
    text = flat_text(render_agreement_pdf(_with_measure_title(title), appendix=False))
    assert normalise(title) in text
