"""The publication's content, page and open data without a browser (docs/publication.md).

The same facts as the follow-up report, in plain words; hostile text escaped in the page and kept
exactly in the data; the open data read back with ``csv`` and ``json`` and validated against the
shipped schema with ``jsonschema``; and no personal data beyond the signatories' names and titles,
checked on the demo database, whose contact persons have e-mail addresses and telephone numbers,
with a safety walk and its participants added.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html.parser import HTMLParser

import jsonschema
import pytest

from promises_app.reports.publication import PublicationOptions, build_publication
from promises_app.reports.publication_data import MEASURE_COLUMNS
from promises_app.services import Services
from promises_app.storage import models as m
from tests.reports.findings_support import nine_findings, without_walks
from tests.reports.pdf_text import flat_text
from tests.reports.publication_support import (
    DEMO_OPTIONS,
    HOSTILE,
    SOLNA_PROMISES,
    agreement_id,
    hostile_options,
    make_hostile,
)

TODAY = date(2026, 1, 1)


def _files(services: Services, chosen: int, options: PublicationOptions) -> dict[str, bytes]:
    return dict(build_publication(services, chosen, options, today=TODAY).files)


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, for Excel"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def _validated(files: dict[str, bytes]) -> dict[str, object]:
    data = json.loads(files["data.json"])
    schema = json.loads(files["schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


class _Outline(HTMLParser):
    """The page's headings (level, text) and the tags it uses."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.tags: set[str] = set()
        self._level = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self._level = int(tag[1])
            self.headings.append((self._level, ""))

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._level = 0

    def handle_data(self, data: str) -> None:
        if self._level:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)


@pytest.fixture
def solna(demo_services: Services) -> dict[str, bytes]:
    chosen = agreement_id(demo_services, SOLNA_PROMISES)
    nine_findings(demo_services, chosen)
    return _files(demo_services, chosen, DEMO_OPTIONS)


def test_the_page_says_how_the_promises_are_going(solna: dict[str, bytes]) -> None:
    page = solna["index.html"].decode("utf-8")
    outline = _Outline()
    outline.feed(page)
    levels = [level for level, _text in outline.headings]
    assert outline.headings[0] == (1, "Så går det med medborgarlöftena") and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), "no heading level skipped"
    assert '<html lang="sv">' in page
    assert "script" not in outline.tags and "link" not in outline.tags and "img" not in outline.tags
    assert "2 av 7 åtgärder är genomförda." in page
    assert "Från trygghetsvandringarna: 7 av 9 åtgärdade, 1 avböjd." in page  # as the report beside it
    assert "7 av 9 åtgärdade, 1 avböjd" in flat_text(solna["uppfoljning-2022-T2.pdf"])
    assert "2 av 4 trygghetsvandringar" in page  # a counted result
    assert "Belysningen längs gångstråket i Västra skogen ska vara på plats i oktober." in page  # next steps
    # What is late, and why (the comment reported for the period).
    late = page[page.index('id="forsenat"'):page.index('id="nasta-steg"')]
    assert "Genomföra trygghetsåtgärder i stadsmiljön" in late and "leveransproblem" in late
    assert "Pehr Granfalk, Kommunstyrelsens ordförande, Solna stad" in page
    assert 'href="uppfoljning-2022-T2.pdf"' in page and "uppfoljning-2022-T2.pdf" in solna
    assert re.search(r'<th scope="col">Åtgärd</th>', page) and '<caption id="atgarder-1">' in page


def test_walk_findings_show_only_when_the_walks_found_something(demo_services: Services) -> None:
    options = PublicationOptions("2022-T2", report_date=date(2022, 9, 1))
    chosen = agreement_id(demo_services, SOLNA_PROMISES)
    without_walks(demo_services, chosen)
    files = _files(demo_services, chosen, options)
    assert b"trygghetsvandringarna" not in files["index.html"]
    assert json.loads(files["data.json"])["summary"]["walk_findings"] is None


def test_the_open_data_are_the_page_s_facts_and_follow_the_schema(solna: dict[str, bytes]) -> None:
    data = _validated(solna)
    rows = _csv_rows(solna["data.csv"])
    assert list(rows[0]) == list(MEASURE_COLUMNS)
    measures = data["measures"]
    assert isinstance(measures, list) and len(rows) == len(measures) == 7
    assert data["summary"] == {  # type: ignore[comparison-overlap]
        "measures": 7, "done": 2, "overdue": 1, "not_reported": 0,
        "by_status": [{"status": "in_progress", "text": "Pågår", "count": 4},
                      {"status": "done", "text": "Genomförd", "count": 2},
                      {"status": "partly_done", "text": "Delvis genomförd", "count": 1}],
        "by_light": [{"light": "green", "text": "Går enligt plan", "count": 5},
                     {"light": "yellow", "text": "Vissa svårigheter", "count": 1},
                     {"light": "red", "text": "Stora svårigheter", "count": 1}],
        "walk_findings": {"dealt_with": 7, "declined": 1, "found": 9},
    }
    for row, record in zip(rows, measures, strict=True):
        assert row["measure"] == record["measure"] and row["comment"] == record["comment"]
        assert row["overdue"] == ("Ja" if record["overdue"] else "Nej")
    walks = next(r for r in measures if r["target_count"] == 4)
    assert (walks["count_so_far"], walks["result_text"]) == (2, "2 av 4 trygghetsvandringar")
    assert sum(r["overdue"] for r in measures) == 1
    assert data["report"]["file"] == "uppfoljning-2022-T2.pdf"  # type: ignore[index]
    pdf_text = flat_text(solna["uppfoljning-2022-T2.pdf"])
    assert "Uppföljning Tertial 2 2022" in pdf_text
    assert data["report"]["fingerprint"] in pdf_text  # type: ignore[index]


def test_hostile_text_is_text_in_the_page_and_exact_in_the_data(services: Services) -> None:
    files = _files(services, make_hostile(services), hostile_options())
    page = files["index.html"].decode("utf-8")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in page
    assert "{{ 7 * 7 }}" in page and "{% if true %}mall{% endif %}" in page and ">49<" not in page
    assert "37 av 150 st &lt;script&gt;" in page  # the counted result, escaped
    data = _validated(files)
    measure = data["measures"][0]  # type: ignore[index]
    assert measure["measure"] == "Åtgärd " + " ".join(HOSTILE)
    assert measure["comment"] == "Kommentar " + " ".join(HOSTILE) + "\nandra raden"
    rows = _csv_rows(files["data.csv"])
    assert rows[0]["measure"] == measure["measure"] and rows[0]["comment"] == measure["comment"]
    assert rows[1]["reported"] == "Nej" and rows[1]["status"] == ""


def test_formula_like_text_is_guarded_in_the_csv_only(services: Services) -> None:
    chosen = make_hostile(services)
    first = build_publication(services, chosen, hostile_options(), today=TODAY).content.measures[0]
    services.follow_ups.record(first.measure_id, period="2024-T1", status="in_progress",
                               comment='=HYPERLINK("http://example.invalid")')
    files = _files(services, chosen, hostile_options())
    row = _csv_rows(files["data.csv"])[0]
    assert row["comment"] == "'=HYPERLINK(\"http://example.invalid\")"
    assert json.loads(files["data.json"])["measures"][0]["comment"] == '=HYPERLINK("http://example.invalid")'


def test_no_personal_data_beyond_the_signatories_names_and_titles(demo_services: Services) -> None:
    """The demo's contact persons have e-mail addresses and telephone numbers; a safety walk with its
    participants is added. None of it is published; the signatories are, by name and title."""
    chosen = agreement_id(demo_services, SOLNA_PROMISES)
    demo_services.walks.create_walk(chosen, walked_on="2022-05-18", place="Västra skogen",
                                    participants="Boende Berit Gångström, Polisen och Solnahem")
    with demo_services.db.read() as session:
        contacts = session.query(m.Person).join(m.Measure, m.Measure.contact_id == m.Person.id).all()
        private = {text for p in contacts for text in (p.name, p.email, p.phone) if text}
        signatories = {(p.name, p.title) for p in session.query(m.Person).join(
            m.Signatory, m.Signatory.person_id == m.Person.id).join(m.Party).where(m.Party.agreement_id == chosen)}
        every_email = {p.email for p in session.query(m.Person) if p.email}
    assert len(private) >= 6 and every_email, "the demo has contact persons with e-mail and telephone"
    private |= {"Berit Gångström", "Solnahem"} | every_email
    files = _files(demo_services, chosen, DEMO_OPTIONS)
    texts = {name: (flat_text(data) if name.endswith(".pdf") else data.decode("utf-8-sig")) for name, data in
             files.items() if name != "schema.json"}
    for name, text in texts.items():
        found = sorted(value for value in private if value in text)
        assert not found, (name, found)
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), (name, "an e-mail address")
    for person_name, title in signatories:
        assert f"{person_name}, {title}" in texts["index.html"]
        assert person_name in texts["data.json"]
