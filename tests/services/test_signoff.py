"""Sign-off and signed revisions (docs/reliability.md, P9, P10): frozen, hashed, immutable; revisions and diffs."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import Row, text
from sqlalchemy.exc import IntegrityError

from promises_app.domain import snapshot as snap
from promises_app.domain.enums import AgreementState
from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.snapshot_diff import ChangeKind, Difference
from promises_app.services import Services
from promises_app.services.errors import ServiceError, SignedRecordError, ValidationError
from promises_app.storage import models as m
from promises_app.storage.database import Database
from tests.reports.builders import sign_as_before_schema_7
from tests.services.conftest import Tamper

SOLNA = "Solna – medborgarlöften 2022"
FAKE_PDF = b"%PDF-1.4 fake\n"


def fake_render(content: snap.AgreementSnapshot, anchor: LogAnchor | None = None) -> bytes:
    """Stands in for the PDF renderer here (the reports tests use the real one)."""
    return FAKE_PDF + snap.to_json(content).encode("utf-8") + (anchor.keyword().encode() if anchor else b"")


def _solna(services: Services) -> int:
    return services.agreements.find_agreements(SOLNA)[0].id


def _signed_rows(db: Database) -> list[Row[Any]]:
    """Every signed revision as stored, read on a connection of its own."""
    with db.engine.connect() as connection:
        return list(connection.execute(text("SELECT * FROM signed_revisions ORDER BY id")))


def _draft(services: Services) -> int:
    """Solna as revision 2, a draft (the demo imports it signed as revision 1)."""
    agreement_id = _solna(services)
    services.signoff.new_revision(agreement_id)
    return agreement_id


# --- imported signed agreements are frozen -------------------------------------------------------
def test_the_demo_agreements_are_frozen_as_imported_signed_revisions(demo_services: Services) -> None:
    for summary in demo_services.agreements.list_agreements():
        (revision,) = demo_services.signoff.list_revisions(summary.id)
        assert (revision.revision, revision.source, revision.pdf_sha256) == (1, "imported", None)
        content = demo_services.signoff.revision_snapshot(summary.id, 1)
        assert content.title == summary.title and content.state is AgreementState.SIGNED
        assert snap.content_sha256(content) == revision.content_sha256
    solna = demo_services.signoff.get_revision(_solna(demo_services), 1)
    assert (solna.signed_place, solna.signed_on) == ("Solna", date(2022, 1, 18))
    assert ("Solna stad", (("Pehr Granfalk", "Kommunstyrelsens ordförande"),)) in solna.signatories


def test_snapshot_text_round_trips(demo_services: Services) -> None:
    content = demo_services.signoff.current_snapshot(_solna(demo_services))
    assert snap.from_json(snap.to_json(content)) == content
    assert len(content.measures) == 7


# --- signing ------------------------------------------------------------------------------------
def test_sign_freezes_revision_2_with_its_hashes(demo_services: Services) -> None:
    agreement_id = _draft(demo_services)
    demo_services.plan.update_measure(demo_services.plan.list_measures(agreement_id)[0].id, title="Ny titel")
    rendered: list[bytes] = []

    def render(content: snap.AgreementSnapshot, anchor: LogAnchor | None) -> bytes:
        rendered.append(fake_render(content, anchor))
        return rendered[-1]

    record = demo_services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20", render_pdf=render)
    assert (record.revision, record.source, record.signed_place, record.signed_on) == (
        2, "signed", "Solna", date(2023, 1, 20)
    )
    assert record.pdf_sha256 == hashlib.sha256(rendered[0]).hexdigest() and record.pdf_size == len(rendered[0])
    content = demo_services.signoff.revision_snapshot(agreement_id, 2)
    assert record.content_sha256 == snap.content_sha256(content)
    assert content.state is AgreementState.SIGNED and content.revision == 2
    assert content.signing_date == date(2023, 1, 20) and content.measures[0].title == "Ny titel"
    agreement = demo_services.agreements.get_agreement(agreement_id)
    assert (agreement.state, agreement.revision) == (AgreementState.SIGNED, 2)
    assert [r.revision for r in demo_services.signoff.list_revisions(agreement_id)] == [1, 2]
    assert demo_services.signoff.changes_since_signing(agreement_id) == []


def test_only_the_signatories_present_are_in_the_signed_revision(demo_services: Services) -> None:
    agreement_id = _draft(demo_services)
    parties = demo_services.agreements.list_parties(agreement_id)
    police = next(p for p in parties if p.organisation_name == "Lokalpolisområde Solna")
    extra = demo_services.register.create_person(name="Åsa Öberg", title="Polisområdeschef",
                                                 organisation_id=police.organisation_id)
    demo_services.agreements.add_signatory(police.id, person_id=extra.id)
    present = [s.id for p in demo_services.agreements.list_parties(agreement_id) for s in p.signatories
               if s.name != "Åsa Öberg"]
    record = demo_services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20",
                                        signatory_ids=present, render_pdf=fake_render)
    names = [name for _party, people in record.signatories for name, _title in people]
    assert "Åsa Öberg" not in names and "Pehr Granfalk" in names


@pytest.mark.parametrize(
    ("place", "day", "field", "words"),
    [
        ("", "2023-01-20", "place", "Ort måste fyllas i"),
        ("Solna", "20/1 2023", "signed_on", "ogiltigt datum"),
        ("Solna", "2999-01-01", "signed_on", "ligger i framtiden"),
        ("Solna\u202e", "2023-01-20", "place", "Ort"),
    ],
)
def test_bad_sign_off_is_refused_at_the_field(
    demo_services: Services, snapshot: Callable[[], Any], place: str, day: str, field: str, words: str
) -> None:
    agreement_id = _draft(demo_services)
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        demo_services.signoff.sign(agreement_id, place=place, signed_on=day, render_pdf=fake_render)
    assert any(words in message for message in caught.value.for_field(field)), caught.value.errors
    assert snapshot() == before


def test_every_party_needs_someone_present(demo_services: Services, snapshot: Callable[[], Any]) -> None:
    agreement_id = _draft(demo_services)
    municipality_only = [
        s.id for p in demo_services.agreements.list_parties(agreement_id) for s in p.signatories
        if p.organisation_name == "Solna stad"
    ]
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        demo_services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20",
                                   signatory_ids=municipality_only, render_pdf=fake_render)
    assert "Ingen undertecknare för Lokalpolisområde Solna är markerad som närvarande." in caught.value.for_field(
        "signatories"
    )
    assert snapshot() == before


def test_a_signed_agreement_cannot_be_signed_again(demo_services: Services) -> None:
    with pytest.raises(ServiceError, match="redan undertecknad .*revision 1.*Starta en ny revision"):
        demo_services.signoff.sign(_solna(demo_services), place="Solna", signed_on="2022-01-18",
                                   render_pdf=fake_render)


def test_a_failing_renderer_leaves_the_draft_a_draft(demo_services: Services, snapshot: Callable[[], Any]) -> None:
    agreement_id = _draft(demo_services)
    before = snapshot()

    def broken(_content: snap.AgreementSnapshot, _anchor: LogAnchor | None) -> bytes:
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        demo_services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20", render_pdf=broken)
    assert snapshot() == before


# --- signed means signed (P9) --------------------------------------------------------------------
@pytest.mark.parametrize(
    "edit",
    [
        lambda s, a: s.agreements.update_agreement(a, title="Ändrad"),
        lambda s, a: s.agreements.set_goals(a, ["Nytt mål"]),
        lambda s, a: s.plan.update_measure(s.plan.list_measures(a)[0].id, deadline="2022-12-01"),
        lambda s, a: s.plan.delete_measure(s.plan.list_measures(a)[0].id),
        lambda s, a: s.plan.update_promise(s.plan.list_promises(a)[0].id, text="annat"),
        lambda s, a: s.plan.delete_promise(s.plan.list_promises(a)[0].id),
        lambda s, a: s.plan.create_focus_area(a, name="Nytt område"),
        lambda s, a: s.agreements.remove_signatory(s.agreements.list_parties(a)[0].signatories[0].id),
        lambda s, a: s.agreements.move_party(s.agreements.list_parties(a)[0].id, 1),
    ],
    ids=["title", "goals", "deadline", "delete-measure", "promise", "delete-promise", "focus-area",
         "signatory", "party-order"],
)
def test_the_plan_of_a_signed_agreement_cannot_change(
    demo_services: Services, snapshot: Callable[[], Any], edit: Callable[[Services, int], Any]
) -> None:
    agreement_id = _solna(demo_services)
    before = snapshot()
    with pytest.raises(SignedRecordError) as caught:
        edit(demo_services, agreement_id)
    assert str(caught.value).startswith(f"«{SOLNA}» är undertecknad (revision 1) och kan inte ändras.")
    assert "Starta en ny revision" in str(caught.value)
    assert snapshot() == before


def test_follow_up_and_contacts_go_on_after_signing(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    demo_services.follow_ups.record(measure.id, period="2022-T3", status="in_progress", comment="Pågår.")
    demo_services.plan.update_measure(measure.id, contact_id=None)
    assert demo_services.plan.get_measure(measure.id).contact_id is None
    assert demo_services.signoff.changes_since_signing(agreement_id) == []


def test_signed_revisions_refuse_orm_changes(demo_services: Services, snapshot: Callable[[], Any]) -> None:
    before = snapshot()
    for change in (
        lambda row: setattr(row, "content", row.content.replace("Solna", "Sol")),
        lambda row: setattr(row, "content_sha256", "0" * 64),
    ):
        with pytest.raises(SignedRecordError, match="kan inte ändras eller tas bort"):
            with demo_services.db.write() as s:
                change(s.query(m.SignedRevision).first())
    with pytest.raises(SignedRecordError):
        with demo_services.db.write() as s:
            s.delete(s.query(m.SignedRevision).first())
    assert snapshot() == before


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE signed_revisions SET content = replace(content, 'Solna', 'Sol')",
        "UPDATE signed_revisions SET content_sha256 = '0'",
        "DELETE FROM signed_revisions",
        "UPDATE signed_copies SET sha256 = '0'",
        "DELETE FROM signed_copies",
    ],
)
def test_signed_revisions_refuse_raw_sql(demo_services: Services, db: Database, sql: str) -> None:
    agreement_id = _solna(demo_services)
    demo_services.signoff.attach_signed_copy(agreement_id, 1, file_name="skannad.pdf", data=b"%PDF-1.4 skannad")
    before = _signed_rows(db)
    with db.engine.begin() as raw, pytest.raises(IntegrityError, match="cannot be changed or deleted"):
        raw.execute(text(sql))
    assert _signed_rows(db) == before


@pytest.mark.sqlite_only  # the server's twin: tests/server/test_server_guards.py
def test_an_agreement_with_signed_revisions_cannot_be_deleted_by_raw_sql(demo_services: Services, db_path: Path) -> None:
    solna = _solna(demo_services)
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):  # signed: the trigger
            raw.execute("DELETE FROM agreements WHERE id = ?", (solna,))
        raw.execute("DROP TRIGGER agreements_signed_no_delete")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):  # and its revisions
            raw.execute("DELETE FROM agreements WHERE id = ?", (solna,))


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["new_revision", "rename_measure", "move_deadline", "sign", "add_focus", "follow_up"]),
        st.integers(min_value=0, max_value=6),
    ),
    max_size=12,
)


@hypothesis_settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=_EDITS)
def test_random_edit_sequences_never_change_a_signed_row(
    demo_services: Services, db: Database, edits: list[tuple[str, int]]
) -> None:
    """Whatever is attempted, in any order, every signed row stays exactly as it was written."""
    services = demo_services
    agreement_id = _solna(services)
    written = {row.id: row for row in _signed_rows(db)}
    day = date(2023, 1, 1)
    for action, n in edits:
        measures = services.plan.list_measures(agreement_id)
        measure = measures[n % len(measures)]
        try:
            if action == "new_revision":
                services.signoff.new_revision(agreement_id)
            elif action == "rename_measure":
                services.plan.update_measure(measure.id, title=f"Åtgärd {n}")
            elif action == "move_deadline":
                services.plan.update_measure(measure.id, deadline=date(2022, 12, 1 + n), allow_outside_agreement=True)
            elif action == "sign":
                services.signoff.sign(agreement_id, place="Solna", signed_on=day, render_pdf=fake_render)
            elif action == "add_focus":
                services.plan.create_focus_area(agreement_id, name=f"Område {n} {len(edits)}")
            else:
                services.follow_ups.record(measure.id, period="2022-T3", status="in_progress",
                                           comment=f"Kommentar {n}", expected_version=None)
        except (ServiceError, SignedRecordError, ValidationError):
            pass
        rows = {row.id: row for row in _signed_rows(db)}
        assert {k: rows[k] for k in written} == written
        written = rows
        for row in rows.values():
            assert snap.sha256_text(row.content) == row.content_sha256
    assert services.maintenance.verify_database().ok


# --- revisions and the diff ------------------------------------------------------------------------
def test_new_revision_then_an_edit_shows_exactly_that_change(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    base = demo_services.signoff.new_revision(agreement_id)
    assert base.revision == 1
    agreement = demo_services.agreements.get_agreement(agreement_id)
    assert (agreement.state, agreement.revision, agreement.signing_date) == (AgreementState.DRAFT, 2, None)
    assert demo_services.signoff.changes_since_signing(agreement_id) == []
    measure = demo_services.plan.list_measures(agreement_id)[2]
    demo_services.plan.update_measure(measure.id, deadline="2022-11-30")
    assert demo_services.signoff.changes_since_signing(agreement_id) == [
        Difference(ChangeKind.CHANGED, "measure", measure.id, measure.title, "deadline",
                   measure.deadline.isoformat() if measure.deadline else "", "2022-11-30")
    ]
    # The baseline stays what was signed.
    baseline = demo_services.signoff.baseline(agreement_id)
    assert baseline is not None and next(x for x in baseline.measures if x.id == measure.id).deadline == measure.deadline


def test_the_diff_names_added_removed_and_moved_rows(demo_services: Services) -> None:
    agreement_id = _draft(demo_services)
    promises = demo_services.plan.list_promises(agreement_id)
    measures = demo_services.plan.list_measures(agreement_id)
    demo_services.plan.delete_measure(measures[0].id)
    added = demo_services.plan.create_measure(promise_id=promises[0].id, title="Ny åtgärd")
    demo_services.plan.move_measure(measures[2].id, 0)
    demo_services.agreements.update_agreement(agreement_id, case_number="KS 2023/1")
    changes = demo_services.signoff.changes_since_signing(agreement_id)
    assert Difference(ChangeKind.CHANGED, "agreement", None, SOLNA, "case_number",
                      demo_services.signoff.baseline(agreement_id).case_number, "KS 2023/1") in changes
    assert Difference(ChangeKind.REMOVED, "measure", measures[0].id, measures[0].title, old=measures[0].title) in changes
    assert Difference(ChangeKind.ADDED, "measure", added.id, "Ny åtgärd", new="Ny åtgärd") in changes
    assert any(c.change is ChangeKind.REORDERED and c.entity == "measure" for c in changes)


def test_new_revision_only_from_signed(demo_services: Services) -> None:
    agreement_id = _draft(demo_services)
    with pytest.raises(ServiceError, match="ett utkast"):
        demo_services.signoff.new_revision(agreement_id)


def test_unknown_revision_names_the_known_ones(demo_services: Services) -> None:
    with pytest.raises(ServiceError, match=r"ingen undertecknad revision 7 \(undertecknade revisioner: 1\)"):
        demo_services.signoff.revision_snapshot(_solna(demo_services), 7)


# --- the hand-signed copy --------------------------------------------------------------------------
def test_attach_a_hand_signed_copy(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    scan = b"%PDF-1.7\n" + bytes(range(256)) * 10
    copy = demo_services.signoff.attach_signed_copy(agreement_id, 1, file_name="Solna undertecknad.pdf", data=scan)
    assert copy.sha256 == hashlib.sha256(scan).hexdigest() and copy.size == len(scan)
    assert demo_services.signoff.get_revision(agreement_id, 1).copies == (copy,)
    assert demo_services.signoff.signed_copy_data(copy.id) == scan
    found = demo_services.signoff.find_copy_by_hash(copy.sha256)
    assert found is not None and found[0].revision == 1


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "tom"), (b"PK\x03\x04 not a pdf", "inte en PDF"), (b"%PDF-" + b"x" * (50 * 1024 * 1024), "för stor")],
    ids=["empty", "zip", "too-large"],
)
def test_bad_copies_are_refused(demo_services: Services, snapshot: Callable[[], Any], data: bytes, words: str) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        demo_services.signoff.attach_signed_copy(_solna(demo_services), 1, file_name="x.pdf", data=data)
    assert any(words in message for message in caught.value.for_field("file"))
    assert snapshot() == before


def test_the_same_copy_twice_is_refused(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    demo_services.signoff.attach_signed_copy(agreement_id, 1, file_name="a.pdf", data=b"%PDF-1.4 a")
    with pytest.raises(ValidationError, match="redan bifogad"):
        demo_services.signoff.attach_signed_copy(agreement_id, 1, file_name="b.pdf", data=b"%PDF-1.4 a")


# --- tamper evidence (P10) --------------------------------------------------------------------------
def _tamper(tamper: Tamper, sql: str, **params: object) -> None:
    tamper(sql, params, unguarded=("signed_revisions", "signed_copies"))


def test_an_untouched_database_verifies_its_revisions(demo_services: Services) -> None:
    result = demo_services.maintenance.verify_database()
    assert result.ok and result.revisions == 3, result.problems


def test_verify_finds_an_edited_signed_field(demo_services: Services, tamper: Tamper) -> None:
    _tamper(tamper, "UPDATE signed_revisions SET content = replace(content, 'Pehr Granfalk', 'Per Granfalk') "
                     "WHERE revision = 1 AND content LIKE '%medborgarlöften 2022%'")
    result = demo_services.maintenance.verify_database()
    assert not result.ok
    assert result.problems[0] == (
        f"Undertecknad revision 1 av «{SOLNA}»: innehållet stämmer inte med den sparade kontrollsumman "
        "(ändrat i efterhand, eller kontrollsumman ändrad)."
    )
    # and the change log, which logged the content's digest when it was frozen, says so too
    assert "«Innehållet»" in result.problems[1] and "ändrat utanför programmet" in result.problems[1]


def test_verify_finds_a_changed_stored_hash(demo_services: Services, tamper: Tamper) -> None:
    _tamper(tamper, "UPDATE signed_revisions SET content_sha256 = :hash WHERE id = 1", hash="f" * 64)
    result = demo_services.maintenance.verify_database()
    assert not result.ok and "innehållet stämmer inte med den sparade kontrollsumman" in result.problems[0]


def test_verify_finds_a_changed_copy(demo_services: Services, tamper: Tamper) -> None:
    demo_services.signoff.attach_signed_copy(_solna(demo_services), 1, file_name="skannad.pdf", data=b"%PDF-1.4 s")
    _tamper(tamper, "UPDATE signed_copies SET data = :data", data=b"%PDF-1.4 t")
    result = demo_services.maintenance.verify_database()
    assert result.problems[0] == "Den inskannade kopian «skannad.pdf» (id 1) stämmer inte med sin kontrollsumma."
    assert "«Filens innehåll»" in result.problems[1]


def test_verify_warns_when_a_pdf_kept_only_as_its_hash_no_longer_comes_out_the_same(demo_services: Services) -> None:
    """A revision signed before schema 7 kept its PDF's hash, not its bytes: made again, it must match."""
    agreement_id = _draft(demo_services)
    sign_as_before_schema_7(demo_services, agreement_id, place="Solna", day=date(2023, 1, 20), render=fake_render)
    assert demo_services.maintenance.verify_database(render_pdf=fake_render).warnings == ()
    changed = demo_services.maintenance.verify_database(render_pdf=lambda c, a: fake_render(c, a) + b" ")
    assert changed.ok and "blir inte längre byte för byte densamma" in changed.warnings[0]


def test_a_pdf_kept_at_signing_is_not_made_again(demo_services: Services) -> None:
    """Its bytes are checked against their hash; what another renderer would make does not matter."""
    agreement_id = _draft(demo_services)
    demo_services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20", render_pdf=fake_render)
    made: list[int] = []

    def another_engine(content: snap.AgreementSnapshot, anchor: LogAnchor | None) -> bytes:
        made.append(content.revision)
        return b"%PDF-1.7 another engine"

    result = demo_services.maintenance.verify_database(render_pdf=another_engine)
    assert result.ok and result.warnings == () and made == []
