"""The versions page's item models on the demo data, without any widget."""

from __future__ import annotations

from PySide6.QtCore import Qt

from promises_app.domain import snapshot_diff
from promises_app.domain.snapshot_diff import ChangeKind, Difference
from promises_app.reports.agreement_document import sign_agreement
from promises_app.ui.versions.change_labels import ADDED, ENTITIES, REMOVED, REORDERED, field_label, what_changed
from promises_app.ui.versions.changes_table_model import DIFFERENCE_ROLE, ChangesTableModel, shorten
from promises_app.ui.versions.revision_table_model import RECORD_ROLE, REVISION_ROLE, RevisionTableModel

TOOLTIP = Qt.ItemDataRole.ToolTipRole
SOLNA_PROMISE = "Solna – medborgarlöften 2022"
TINY_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _solna(services) -> int:  # type: ignore[no-untyped-def]
    return next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA_PROMISE)


def _revisions_model(services, agreement_id: int) -> RevisionTableModel:  # type: ignore[no-untyped-def]
    model = RevisionTableModel()
    model.set_rows(services.signoff.list_revisions(agreement_id))
    return model


def test_revision_model_shows_the_imported_signed_revision(demo_services, swedish_app):
    agreement_id = _solna(demo_services)
    record = demo_services.signoff.list_revisions(agreement_id)[0]
    model = _revisions_model(demo_services, agreement_id)

    assert model.rowCount() == 1
    assert model.columnCount() == 7
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Revision", "Datum", "Ort", "Undertecknare", "Fingeravtryck", "Källa", "Undertecknad kopia",
    ]
    assert "12 tecknen" in model.headerData(RevisionTableModel.FINGERPRINT, Qt.Orientation.Horizontal, TOOLTIP)

    def cell(column: int, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        return model.index(0, column).data(role)

    assert cell(RevisionTableModel.REVISION) == "1"
    assert cell(RevisionTableModel.DATE) == "2022-01-18"
    assert cell(RevisionTableModel.PLACE) == "Solna"
    assert cell(RevisionTableModel.SIGNATORIES) == (
        "Solna stad: Pehr Granfalk; Lokalpolisområde Solna: Karin Exempelsson"
    )
    assert "Kommunstyrelsens ordförande" in cell(RevisionTableModel.SIGNATORIES, TOOLTIP)
    assert cell(RevisionTableModel.FINGERPRINT) == record.content_sha256[:12]
    assert record.content_sha256 in cell(RevisionTableModel.FINGERPRINT, TOOLTIP)
    assert "Fingeravtryck för det undertecknade innehållet" in cell(RevisionTableModel.FINGERPRINT, TOOLTIP)
    assert cell(RevisionTableModel.SOURCE) == "Inläst från fil"
    assert cell(RevisionTableModel.COPY) == ""
    assert cell(RevisionTableModel.COPY, TOOLTIP) == "Ingen undertecknad kopia bifogad ännu."
    assert cell(RevisionTableModel.PLACE, REVISION_ROLE) == 1
    assert cell(RevisionTableModel.PLACE, RECORD_ROLE) == record


def test_revision_model_shows_an_attached_copy_and_repaints_only_that_row(demo_services, swedish_app):
    agreement_id = _solna(demo_services)
    model = _revisions_model(demo_services, agreement_id)
    resets: list[bool] = []
    changed: list[tuple[int, int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.row(), top.column(), bottom.column())))

    copy = demo_services.signoff.attach_signed_copy(agreement_id, 1, file_name="solna-underskriven.pdf", data=TINY_PDF)
    model.set_rows(demo_services.signoff.list_revisions(agreement_id))

    assert resets == [], "the same revisions again: no reset, so the view keeps its selection"
    assert changed == [(0, 0, 6)]
    assert model.index(0, RevisionTableModel.COPY).data() == f"solna-underskriven.pdf ({copy.sha256[:12]})"
    tooltip = model.index(0, RevisionTableModel.COPY).data(TOOLTIP)
    assert copy.sha256 in tooltip
    assert "Kontrollsumma (SHA-256)" in tooltip


def test_revision_signed_here_says_so_and_carries_the_pdf_checksum(demo_services, swedish_app):
    agreement_id = _solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    signed = sign_agreement(demo_services, agreement_id, place="Solna", signed_on="2022-08-30")
    model = _revisions_model(demo_services, agreement_id)

    assert model.rowCount() == 2
    assert model.index(1, RevisionTableModel.SOURCE).data() == "Undertecknad här"
    assert model.index(1, RevisionTableModel.DATE).data() == "2022-08-30"
    assert signed.pdf_sha256 and signed.pdf_sha256 in model.index(1, RevisionTableModel.FINGERPRINT).data(TOOLTIP)
    assert model.row_of(2) == 1


def test_changes_model_lists_one_changed_measure_title(demo_services, swedish_app):
    agreement_id = _solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    demo_services.plan.update_measure(measure.id, title="Fotpatrullering på torget")
    model = ChangesTableModel()
    model.set_rows(demo_services.signoff.changes_since_signing(agreement_id))

    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["Vad", "Fält", "Före", "Efter"]
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(4)] == [
        "Åtgärd: Fotpatrullering på torget", "Titel", measure.title, "Fotpatrullering på torget",
    ]
    difference = model.index(0, 0).data(DIFFERENCE_ROLE)
    assert (difference.change, difference.entity, difference.entity_id, difference.field) == (
        ChangeKind.CHANGED, "measure", measure.id, "title",
    )
    assert model.index(0, ChangesTableModel.BEFORE).data(TOOLTIP) == measure.title


def test_changes_model_shortens_long_text_and_keeps_all_of_it_in_the_tooltip(demo_services, swedish_app):
    agreement_id = _solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    long_text = " ".join(["Otryggheten i centrum har ökat under kvällstid enligt trygghetsmätningen."] * 4)
    demo_services.agreements.update_agreement(agreement_id, situation=long_text)
    model = ChangesTableModel()
    model.set_rows(demo_services.signoff.changes_since_signing(agreement_id))

    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(DIFFERENCE_ROLE).field == "situation")
    assert model.index(row, ChangesTableModel.FIELD).data() == "Lägesbild"
    assert model.index(row, ChangesTableModel.WHAT).data() == f"Överenskommelse: {SOLNA_PROMISE}"
    shown = model.index(row, ChangesTableModel.AFTER).data()
    assert shown.endswith("…") and len(shown) <= 90
    assert long_text in model.index(row, ChangesTableModel.AFTER).data(TOOLTIP)


def test_every_compared_field_and_kind_of_row_has_swedish_words(swedish_app):
    fields = {
        "agreement": snapshot_diff.AGREEMENT_FIELDS,
        "focus_area": snapshot_diff.FOCUS_AREA_FIELDS,
        "promise": snapshot_diff.PROMISE_FIELDS,
        "measure": snapshot_diff.MEASURE_FIELDS,
        "party": snapshot_diff.PARTY_FIELDS,
        "signatory": snapshot_diff.SIGNATORY_FIELDS,
        "goal": ("text",),
    }
    assert set(fields) == set(ENTITIES)
    for entity, names in fields.items():
        for name in names:
            assert field_label(entity, name) != name, (entity, name)
    assert field_label("signatory", "title") == "Befattning"
    assert field_label("measure", "title") == "Titel"
    assert field_label("measure", "order") == "Ordning"
    assert set(ADDED) == set(REMOVED) == set(ENTITIES) - {"agreement"}
    assert set(REORDERED) <= set(ENTITIES)
    assert what_changed(Difference(ChangeKind.ADDED, "goal", None, "Mål 3", new="x")) == "Nytt mål: Mål 3"
    assert what_changed(Difference(ChangeKind.REMOVED, "measure", 4, "Städa")) == "Borttagen åtgärd: Städa"
    assert what_changed(Difference(ChangeKind.REORDERED, "promise", None, "", "order")) == "Löftenas ordning"
    assert what_changed(Difference(ChangeKind.CHANGED, "goal", None, "Mål 1", "text")) == "Mål 1"


def test_shorten_cuts_at_a_word():
    assert shorten("kort text") == "kort text"
    assert shorten("rad ett\nrad två") == "rad ett rad två"
    cut = shorten("ord " * 40, limit=30)
    assert cut.endswith("…") and len(cut) <= 30 and not cut[:-1].endswith(" ")
