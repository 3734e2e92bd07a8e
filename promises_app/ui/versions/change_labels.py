"""Translatable words for the differences between two versions of an agreement (the versions page).

``domain.snapshot_diff`` names what changed with coded keys (entity "measure", field
"deadline"); these tables give the words the window shows for them. The keys are the ones
listed in that module (AGREEMENT_FIELDS, MEASURE_FIELDS, …); a test checks that every one
has a label here, so a new compared field cannot reach the window as a bare key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from promises_app.domain.snapshot_diff import ChangeKind, Difference
from promises_app.ui.common.labels import QT_TRANSLATE_NOOP

CONTEXT = "ChangeLabels"

#: The kind of row that changed, as a heading word ("Åtgärd").
ENTITIES: dict[str, str] = {
    "agreement": QT_TRANSLATE_NOOP("ChangeLabels", "Agreement"),
    "goal": QT_TRANSLATE_NOOP("ChangeLabels", "Goal"),
    "party": QT_TRANSLATE_NOOP("ChangeLabels", "Party"),
    "signatory": QT_TRANSLATE_NOOP("ChangeLabels", "Signatory"),
    "focus_area": QT_TRANSLATE_NOOP("ChangeLabels", "Focus area"),
    "promise": QT_TRANSLATE_NOOP("ChangeLabels", "Promise"),
    "measure": QT_TRANSLATE_NOOP("ChangeLabels", "Measure"),
}

# Whole phrases per kind of row, because Swedish inflects them by gender ("ny åtgärd", "nytt mål").
ADDED: dict[str, str] = {
    "goal": QT_TRANSLATE_NOOP("ChangeLabels", "New goal"),
    "party": QT_TRANSLATE_NOOP("ChangeLabels", "New party"),
    "signatory": QT_TRANSLATE_NOOP("ChangeLabels", "New signatory"),
    "focus_area": QT_TRANSLATE_NOOP("ChangeLabels", "New focus area"),
    "promise": QT_TRANSLATE_NOOP("ChangeLabels", "New promise"),
    "measure": QT_TRANSLATE_NOOP("ChangeLabels", "New measure"),
}
REMOVED: dict[str, str] = {
    "goal": QT_TRANSLATE_NOOP("ChangeLabels", "Removed goal"),
    "party": QT_TRANSLATE_NOOP("ChangeLabels", "Removed party"),
    "signatory": QT_TRANSLATE_NOOP("ChangeLabels", "Removed signatory"),
    "focus_area": QT_TRANSLATE_NOOP("ChangeLabels", "Removed focus area"),
    "promise": QT_TRANSLATE_NOOP("ChangeLabels", "Removed promise"),
    "measure": QT_TRANSLATE_NOOP("ChangeLabels", "Removed measure"),
}
REORDERED: dict[str, str] = {
    "party": QT_TRANSLATE_NOOP("ChangeLabels", "Order of the parties"),
    "signatory": QT_TRANSLATE_NOOP("ChangeLabels", "Order of the signatories"),
    "focus_area": QT_TRANSLATE_NOOP("ChangeLabels", "Order of the focus areas"),
    "promise": QT_TRANSLATE_NOOP("ChangeLabels", "Order of the promises"),
    "measure": QT_TRANSLATE_NOOP("ChangeLabels", "Order of the measures"),
}

#: The compared fields, per kind of row (a signatory's "title" is a job title, a measure's its name).
FIELDS: dict[tuple[str, str], str] = {
    ("agreement", "title"): QT_TRANSLATE_NOOP("ChangeLabels", "Title"),
    ("agreement", "kind"): QT_TRANSLATE_NOOP("ChangeLabels", "Kind of agreement"),
    ("agreement", "municipality"): QT_TRANSLATE_NOOP("ChangeLabels", "Municipality"),
    ("agreement", "police_area"): QT_TRANSLATE_NOOP("ChangeLabels", "Local police area"),
    ("agreement", "start_date"): QT_TRANSLATE_NOOP("ChangeLabels", "Start date"),
    ("agreement", "end_date"): QT_TRANSLATE_NOOP("ChangeLabels", "End date"),
    ("agreement", "reporting_scheme"): QT_TRANSLATE_NOOP("ChangeLabels", "Follow-up periods"),
    ("agreement", "case_number"): QT_TRANSLATE_NOOP("ChangeLabels", "Case number"),
    ("agreement", "introduction"): QT_TRANSLATE_NOOP("ChangeLabels", "Introduction"),
    ("agreement", "situation"): QT_TRANSLATE_NOOP("ChangeLabels", "Current situation"),
    ("agreement", "intended_effects"): QT_TRANSLATE_NOOP("ChangeLabels", "Intended effects"),
    ("agreement", "follow_up_text"): QT_TRANSLATE_NOOP("ChangeLabels", "How it is followed up"),
    ("goal", "text"): QT_TRANSLATE_NOOP("ChangeLabels", "Wording"),
    ("party", "name"): QT_TRANSLATE_NOOP("ChangeLabels", "Name"),
    ("party", "logo"): QT_TRANSLATE_NOOP("ChangeLabels", "Logo"),
    ("signatory", "name"): QT_TRANSLATE_NOOP("ChangeLabels", "Name"),
    ("signatory", "title"): QT_TRANSLATE_NOOP("ChangeLabels", "Job title"),
    ("focus_area", "name"): QT_TRANSLATE_NOOP("ChangeLabels", "Name"),
    ("focus_area", "description"): QT_TRANSLATE_NOOP("ChangeLabels", "Description"),
    ("promise", "text"): QT_TRANSLATE_NOOP("ChangeLabels", "Wording"),
    ("promise", "as_written"): QT_TRANSLATE_NOOP("ChangeLabels", "How the text is printed"),
    ("promise", "description"): QT_TRANSLATE_NOOP("ChangeLabels", "Description"),
    ("promise", "makers"): QT_TRANSLATE_NOOP("ChangeLabels", "Promised by"),
    ("measure", "title"): QT_TRANSLATE_NOOP("ChangeLabels", "Title"),
    ("measure", "promise"): QT_TRANSLATE_NOOP("ChangeLabels", "Under the promise"),
    ("measure", "description"): QT_TRANSLATE_NOOP("ChangeLabels", "Description"),
    ("measure", "cause"): QT_TRANSLATE_NOOP("ChangeLabels", "Cause"),
    ("measure", "responsible_name"): QT_TRANSLATE_NOOP("ChangeLabels", "Responsible"),
    ("measure", "participant_names"): QT_TRANSLATE_NOOP("ChangeLabels", "Taking part"),
    ("measure", "focus_area_name"): QT_TRANSLATE_NOOP("ChangeLabels", "Focus area"),
    ("measure", "start_date"): QT_TRANSLATE_NOOP("ChangeLabels", "Start date"),
    ("measure", "deadline"): QT_TRANSLATE_NOOP("ChangeLabels", "Deadline"),
    ("measure", "target"): QT_TRANSLATE_NOOP("ChangeLabels", "Target"),
}
ORDER = QT_TRANSLATE_NOOP("ChangeLabels", "Order")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def entity_label(entity: str) -> str:
    """The kind of row in the interface language ("Åtgärd"); an unknown key as it is."""
    return _tr(ENTITIES[entity]) if entity in ENTITIES else entity


def field_label(entity: str, field: str | None) -> str:
    """The compared field in the interface language ("Klart senast"); "" for none."""
    if not field:
        return ""
    if field == "order":
        return _tr(ORDER)
    source = FIELDS.get((entity, field))
    return _tr(source) if source else field


def what_changed(difference: Difference) -> str:
    """Which row the difference is about, in words: "Åtgärd: Fotpatrullering", "Ny part: Solnahem"."""
    entity, name = difference.entity, difference.label
    if difference.change is ChangeKind.ADDED and entity in ADDED:
        heading = _tr(ADDED[entity])
    elif difference.change is ChangeKind.REMOVED and entity in REMOVED:
        heading = _tr(REMOVED[entity])
    elif difference.change is ChangeKind.REORDERED and entity in REORDERED:
        heading = _tr(REORDERED[entity])
    elif entity == "goal":
        return name  # the domain already says which: "Mål 2"
    else:
        heading = entity_label(entity)
    return f"{heading}: {name}" if name else heading
