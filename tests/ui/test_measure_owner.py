"""The measure form never lists the responsible party as also taking part: its box is unticked
and disabled, and follows the choice of responsible."""

from __future__ import annotations

from PySide6.QtCore import Qt

from promises_app.ui.plan.measure_dialog import MeasureForm
from tests.ui.test_plan_page import click, draft, page, stack, visible

__all__ = ["draft", "page", "stack"]


def _boxes(form: MeasureForm) -> dict[str, tuple[bool, bool]]:
    """Each party's box in "also taking part": (ticked, can be ticked)."""
    listing = form.participants_list
    return {
        listing.item(i).text(): (
            listing.item(i).checkState() == Qt.CheckState.Checked,
            bool(listing.item(i).flags() & Qt.ItemFlag.ItemIsEnabled),
        )
        for i in range(listing.count())
    }


def test_the_owner_cannot_also_take_part(qtbot, page, services, draft) -> None:  # type: ignore[no-untyped-def]
    promise = services.plan.create_promise(draft.agreement_id, text="synas mer",
                                           maker_ids=[draft.municipality.id, draft.police.id])
    page.refresh()
    page.select_promise(promise.id)
    click(qtbot, page.new_measure_button)
    form = visible(page, MeasureForm)
    qtbot.keyClicks(form.title_edit, "Fotpatrullering")
    form.participants_list.set_checked(draft.police.id)
    form.participants_list.set_checked(draft.municipality.id)
    form.responsible_combo.setCurrentIndex(form.responsible_combo.findData(draft.police.id))
    assert _boxes(form) == {"Exempelstads kommun": (True, True), "LPO Exempelstad": (False, False)}
    form.responsible_combo.setCurrentIndex(form.responsible_combo.findData(draft.municipality.id))
    assert _boxes(form) == {"Exempelstads kommun": (False, False), "LPO Exempelstad": (False, True)}
    form.participants_list.set_checked(draft.police.id)
    click(qtbot, form.save_button)
    (measure,) = services.plan.list_measures(draft.agreement_id)
    assert (measure.responsible_id, measure.participant_ids) == (draft.municipality.id, (draft.police.id,))
