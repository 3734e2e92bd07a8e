"""Undo commands of the "Lägesbild och indikatorer" page, on the window's one QUndoStack.

Every command follows :class:`~promises_app.ui.common.undo_commands.DoneOnPush`: the edit is carried
out through the services first (a refused edit shows its error at the field and never reaches
the stack), then pushed already done; undo and redo call the services again, one transaction
each where the services allow it.

Rows taken back by undo and made again by redo get a new id from the database. So commands
never hold a bare id for a row that a command can delete and make again: they hold a
:class:`Ref`, shared through one :class:`Refs` per page, and the command that makes the row
again moves the Ref to the new id. Every later command on the stack follows it.

What is not undoable, and why:

- deleting a finding (or a walk with findings) that was made into a measure: the services can
  make a finding again but not link it to its measure, so undo could not give back what was
  there. The page asks first and then deletes outside the stack;
- the import of values (see :mod:`promises_app.ui.situation.indicator_import_dialog`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.errors import NotFoundError
from promises_app.services.records import (
    AgreementIndicatorRecord,
    FindingMeasureRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    SafetyWalkRecord,
    SituationSourceRecord,
    WalkFindingRecord,
)
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.undo_commands import DoneOnPush, Ref, Refs, Report, short

SOURCE, INDICATOR, LINK, WALK, FINDING = "source", "indicator", "link", "walk", "finding"
INDICATOR_FIELDS = ("name", "category", "source", "unit", "direction", "area", "split_by_sex", "description")
LINK_FIELDS = ("baseline_period", "baseline_value", "target_value", "target_text")


class SituationCommand(DoneOnPush):
    """An edit of the lägesbild: the services, and the Refs that follow rows made again.

    (Undoing "make into a measure" deletes the measure, which the plan of a signed agreement
    does not allow: the SignedRecordError says to start a new revision, and DoneOnPush takes the
    command off the stack.)
    """

    def __init__(self, text: str, services: Services, refs: Refs, report: Report | None) -> None:
        super().__init__(text, report)
        self.services = services
        self.refs = refs


# --- the lägesbild's sources ---------------------------------------------------------------------
class AddSourceCommand(SituationCommand):
    """Undo removes the source; redo adds it again at its place."""

    def __init__(self, services: Services, refs: Refs, created: SituationSourceRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "add source «%1»"), short(created.text)),
            services, refs, report,
        )
        self.ref = refs.of(SOURCE, created.id)
        self.record = created

    def revert(self) -> None:
        self.services.walks.delete_source(self.ref.id)
        self.refs.forget(SOURCE, self.ref)

    def apply(self) -> None:
        _add_source(self.services, self.refs, self.ref, self.record)


class UpdateSourceCommand(SituationCommand):
    def __init__(self, services: Services, refs: Refs, before: SituationSourceRecord,
                 after: SituationSourceRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "change source «%1»"), short(after.text)),
            services, refs, report,
        )
        self.ref = refs.of(SOURCE, after.id)
        self.before, self.after = before.text, after.text

    def revert(self) -> None:
        self.services.walks.update_source(self.ref.id, text=self.before)

    def apply(self) -> None:
        self.services.walks.update_source(self.ref.id, text=self.after)


class DeleteSourceCommand(SituationCommand):
    """Carried out with ``apply()`` before it is pushed; undo adds the source again at its place."""

    def __init__(self, services: Services, refs: Refs, record: SituationSourceRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "remove source «%1»"), short(record.text)),
            services, refs, report,
        )
        self.ref = refs.of(SOURCE, record.id)
        self.record = record

    def apply(self) -> None:
        self.services.walks.delete_source(self.ref.id)
        self.refs.forget(SOURCE, self.ref)

    def revert(self) -> None:
        _add_source(self.services, self.refs, self.ref, self.record)


def _add_source(services: Services, refs: Refs, ref: Ref, record: SituationSourceRecord) -> None:
    made = services.walks.add_source(record.agreement_id, text=record.text)
    refs.moved(SOURCE, ref, made.id)
    if made.position != record.position:
        services.walks.move_source(made.id, record.position)


class MoveSourceCommand(SituationCommand):
    """Carried out with ``apply()`` before it is pushed."""

    def __init__(self, services: Services, refs: Refs, record: SituationSourceRecord, new_index: int,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "move source «%1»"), short(record.text)),
            services, refs, report,
        )
        self.ref = refs.of(SOURCE, record.id)
        self.old_index, self.new_index = record.position, new_index

    def apply(self) -> None:
        self.services.walks.move_source(self.ref.id, self.new_index)

    def revert(self) -> None:
        self.services.walks.move_source(self.ref.id, self.old_index)


# --- the indicator register -----------------------------------------------------------------------
def indicator_fields(record: IndicatorRecord) -> FieldValues:
    return {field: getattr(record, field) for field in INDICATOR_FIELDS}


class CreateIndicatorCommand(SituationCommand):
    """Undo deletes the new indicator; redo makes it again (with a new id the Ref follows)."""

    def __init__(self, services: Services, refs: Refs, created: IndicatorRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "add indicator %1"), created.name),
            services, refs, report,
        )
        self.ref = refs.of(INDICATOR, created.id)
        self.fields = indicator_fields(created)

    def revert(self) -> None:
        self.services.indicators.delete_indicator(self.ref.id)
        self.refs.forget(INDICATOR, self.ref)

    def apply(self) -> None:
        made = self.services.indicators.create_indicator(**self.fields)
        self.refs.moved(INDICATOR, self.ref, made.id)


class UpdateIndicatorCommand(SituationCommand):
    def __init__(self, services: Services, refs: Refs, before: IndicatorRecord, after: IndicatorRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "change indicator %1"), after.name),
            services, refs, report,
        )
        self.ref = refs.of(INDICATOR, after.id)
        self.before, self.after = indicator_fields(before), indicator_fields(after)

    def revert(self) -> None:
        self.services.indicators.update_indicator(self.ref.id, **self.before)

    def apply(self) -> None:
        self.services.indicators.update_indicator(self.ref.id, **self.after)


class DeleteIndicatorCommand(SituationCommand):
    """Carried out with ``apply()`` before it is pushed (the services refuse while an agreement
    follows the indicator). Undo makes the indicator again and sets its values back, one
    transaction for the indicator and one per value."""

    def __init__(self, services: Services, refs: Refs, record: IndicatorRecord,
                 values: list[IndicatorValueRecord], report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "delete indicator %1"), record.name),
            services, refs, report,
        )
        self.ref = refs.of(INDICATOR, record.id)
        self.fields = indicator_fields(record)
        self.values = [(v.period, v.sex, v.value) for v in values]

    def apply(self) -> None:
        self.services.indicators.delete_indicator(self.ref.id)
        self.refs.forget(INDICATOR, self.ref)

    def revert(self) -> None:
        made = self.services.indicators.create_indicator(**self.fields)
        self.refs.moved(INDICATOR, self.ref, made.id)
        for period, sex, value in self.values:
            self.services.indicators.set_value(made.id, period=period, sex=sex, value=value)


# --- an indicator's values (named by period and sex: no ids to follow) ----------------------------
def _value_id(services: Services, indicator_id: int, period: str, sex: str) -> int:
    for value in services.indicators.list_values(indicator_id):
        if value.period == period and value.sex == sex:
            return value.id
    raise NotFoundError(
        fill(QCoreApplication.translate("SituationCommands", "The value for %1 is no longer there."), period)
    )


class SetValueCommand(SituationCommand):
    """A value added or changed. Undo removes a new value, or puts the one it replaced back."""

    def __init__(self, services: Services, refs: Refs, indicator: IndicatorRecord, saved: IndicatorValueRecord,
                 previous: float | None, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "set the value of %1 for %2"),
                 indicator.name, saved.period),
            services, refs, report,
        )
        self.ref = refs.of(INDICATOR, indicator.id)
        self.period, self.sex, self.value, self.previous = saved.period, saved.sex, saved.value, previous

    def revert(self) -> None:
        if self.previous is None:
            self.services.indicators.delete_value(_value_id(self.services, self.ref.id, self.period, self.sex))
        else:
            self.services.indicators.set_value(self.ref.id, period=self.period, sex=self.sex, value=self.previous)

    def apply(self) -> None:
        self.services.indicators.set_value(self.ref.id, period=self.period, sex=self.sex, value=self.value)


class DeleteValueCommand(SituationCommand):
    """Carried out with ``apply()`` before it is pushed; undo sets the value again."""

    def __init__(self, services: Services, refs: Refs, indicator: IndicatorRecord, record: IndicatorValueRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "remove the value of %1 for %2"),
                 indicator.name, record.period),
            services, refs, report,
        )
        self.ref = refs.of(INDICATOR, indicator.id)
        self.period, self.sex, self.value = record.period, record.sex, record.value

    def apply(self) -> None:
        self.services.indicators.delete_value(_value_id(self.services, self.ref.id, self.period, self.sex))

    def revert(self) -> None:
        self.services.indicators.set_value(self.ref.id, period=self.period, sex=self.sex, value=self.value)


# --- the indicators an agreement follows ----------------------------------------------------------
def link_fields(record: AgreementIndicatorRecord) -> FieldValues:
    return {field: getattr(record, field) for field in LINK_FIELDS}


def _link(services: Services, refs: Refs, ref: Ref, indicator: Ref, record: AgreementIndicatorRecord) -> None:
    made = services.indicators.link_to_agreement(record.agreement_id, indicator.id, **link_fields(record))
    refs.moved(LINK, ref, made.id)
    if made.position != record.position:
        services.indicators.move_link(made.id, record.position)


class FollowIndicatorCommand(SituationCommand):
    """Undo stops following the indicator; redo follows it again, at its place, with its baseline and target."""

    def __init__(self, services: Services, refs: Refs, created: AgreementIndicatorRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "follow indicator %1"), created.indicator.name),
            services, refs, report,
        )
        self.ref = refs.of(LINK, created.id)
        self.indicator = refs.of(INDICATOR, created.indicator.id)
        self.record = created

    def revert(self) -> None:
        self.services.indicators.unlink_from_agreement(self.ref.id)
        self.refs.forget(LINK, self.ref)

    def apply(self) -> None:
        _link(self.services, self.refs, self.ref, self.indicator, self.record)


class UpdateLinkCommand(SituationCommand):
    def __init__(self, services: Services, refs: Refs, before: AgreementIndicatorRecord,
                 after: AgreementIndicatorRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "change baseline and target of %1"),
                 after.indicator.name),
            services, refs, report,
        )
        self.ref = refs.of(LINK, after.id)
        self.before, self.after = link_fields(before), link_fields(after)

    def revert(self) -> None:
        self.services.indicators.update_link(self.ref.id, **self.before)

    def apply(self) -> None:
        self.services.indicators.update_link(self.ref.id, **self.after)


class StopFollowingCommand(SituationCommand):
    """Carried out with ``apply()`` before it is pushed; undo follows the indicator again as it was."""

    def __init__(self, services: Services, refs: Refs, record: AgreementIndicatorRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "stop following %1"), record.indicator.name),
            services, refs, report,
        )
        self.ref = refs.of(LINK, record.id)
        self.indicator = refs.of(INDICATOR, record.indicator.id)
        self.record = record

    def apply(self) -> None:
        self.services.indicators.unlink_from_agreement(self.ref.id)
        self.refs.forget(LINK, self.ref)

    def revert(self) -> None:
        _link(self.services, self.refs, self.ref, self.indicator, self.record)


# --- safety walks and their findings --------------------------------------------------------------
def walk_name(record: SafetyWalkRecord) -> str:
    return ", ".join(filter(None, [format_date(record.walked_on), record.place]))


class CreateWalkCommand(SituationCommand):
    def __init__(self, services: Services, refs: Refs, created: SafetyWalkRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "add safety walk %1"), walk_name(created)),
            services, refs, report,
        )
        self.ref = refs.of(WALK, created.id)
        self.record = created

    def revert(self) -> None:
        self.services.walks.delete_walk(self.ref.id)
        self.refs.forget(WALK, self.ref)

    def apply(self) -> None:
        made = self.services.walks.create_walk(
            self.record.agreement_id, walked_on=self.record.walked_on, place=self.record.place,
            participants=self.record.participants,
        )
        self.refs.moved(WALK, self.ref, made.id)


class UpdateWalkCommand(SituationCommand):
    def __init__(self, services: Services, refs: Refs, before: SafetyWalkRecord, after: SafetyWalkRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "change safety walk %1"), walk_name(after)),
            services, refs, report,
        )
        self.ref = refs.of(WALK, after.id)
        self.before: FieldValues = {
            "walked_on": before.walked_on, "place": before.place, "participants": before.participants,
        }
        self.after: FieldValues = {
            "walked_on": after.walked_on, "place": after.place, "participants": after.participants,
        }

    def revert(self) -> None:
        self.services.walks.update_walk(self.ref.id, **self.before)

    def apply(self) -> None:
        self.services.walks.update_walk(self.ref.id, **self.after)


class DeleteWalkCommand(SituationCommand):
    """Carried out with ``apply()`` before it is pushed. Only for a walk none of whose findings
    became a measure (that link cannot be made again); undo makes the walk and its findings again."""

    def __init__(self, services: Services, refs: Refs, record: SafetyWalkRecord,
                 report: Report | None = None) -> None:
        assert all(f.measure_id is None for f in record.findings), "a finding made into a measure cannot come back"
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "delete safety walk %1"), walk_name(record)),
            services, refs, report,
        )
        self.ref = refs.of(WALK, record.id)
        self.findings = [(refs.of(FINDING, f.id), f) for f in record.findings]
        self.record = record

    def apply(self) -> None:
        self.services.walks.delete_walk(self.ref.id)
        self.refs.forget(WALK, self.ref)
        for ref, _finding in self.findings:
            self.refs.forget(FINDING, ref)

    def revert(self) -> None:
        made = self.services.walks.create_walk(
            self.record.agreement_id, walked_on=self.record.walked_on, place=self.record.place,
            participants=self.record.participants,
        )
        self.refs.moved(WALK, self.ref, made.id)
        for ref, finding in self.findings:
            again = self.services.walks.add_finding(made.id, **finding_values(finding))
            self.refs.moved(FINDING, ref, again.id)


def finding_values(record: WalkFindingRecord) -> FieldValues:
    """What a finding says (every field the services take), to make it again or put it back."""
    return {
        "text": record.text, "place": record.place, "owner_id": record.owner_id, "status": record.status,
        "reason": record.reason, "dealt_on": record.dealt_on, "latitude": record.latitude,
        "longitude": record.longitude,
    }


def _add_finding(services: Services, refs: Refs, ref: Ref, walk: Ref, record: WalkFindingRecord) -> None:
    made = services.walks.add_finding(walk.id, **finding_values(record))
    refs.moved(FINDING, ref, made.id)
    if made.position != record.position:
        services.walks.move_finding(made.id, record.position)


class AddFindingCommand(SituationCommand):
    def __init__(self, services: Services, refs: Refs, created: WalkFindingRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "add finding «%1»"), short(created.text)),
            services, refs, report,
        )
        self.ref = refs.of(FINDING, created.id)
        self.walk = refs.of(WALK, created.walk_id)
        self.record = created

    def revert(self) -> None:
        self.services.walks.delete_finding(self.ref.id)
        self.refs.forget(FINDING, self.ref)

    def apply(self) -> None:
        _add_finding(self.services, self.refs, self.ref, self.walk, self.record)


class UpdateFindingCommand(SituationCommand):
    def __init__(self, services: Services, refs: Refs, before: WalkFindingRecord, after: WalkFindingRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "change finding «%1»"), short(after.text)),
            services, refs, report,
        )
        self.ref = refs.of(FINDING, after.id)
        self.before, self.after = finding_values(before), finding_values(after)

    def revert(self) -> None:
        self.services.walks.update_finding(self.ref.id, **self.before)

    def apply(self) -> None:
        self.services.walks.update_finding(self.ref.id, **self.after)


class DeleteFindingCommand(SituationCommand):
    """Carried out with ``apply()`` before it is pushed; only for a finding not made into a measure."""

    def __init__(self, services: Services, refs: Refs, record: WalkFindingRecord,
                 report: Report | None = None) -> None:
        assert record.measure_id is None, "a finding made into a measure cannot come back"
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "delete finding «%1»"), short(record.text)),
            services, refs, report,
        )
        self.ref = refs.of(FINDING, record.id)
        self.walk = refs.of(WALK, record.walk_id)
        self.record = record

    def apply(self) -> None:
        self.services.walks.delete_finding(self.ref.id)
        self.refs.forget(FINDING, self.ref)

    def revert(self) -> None:
        _add_finding(self.services, self.refs, self.ref, self.walk, self.record)


class MakeMeasureCommand(SituationCommand):
    """A finding made into a measure ("Gör till åtgärd").

    Undo deletes the measure, which unlinks the finding (its link is set to null with the
    measure). While the agreement is signed its plan is locked: the undo is refused, reported,
    and the command leaves the stack. Redo makes the measure again from the finding.
    """

    def __init__(self, services: Services, refs: Refs, made: FindingMeasureRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("SituationCommands", "make finding «%1» into a measure"),
                 short(made.finding.text)),
            services, refs, report,
        )
        self.finding = refs.of(FINDING, made.finding.id)
        self.promise_id = made.measure.promise_id
        self.title = made.measure.title
        self.measure_id = made.measure.id

    def revert(self) -> None:
        self.services.plan.delete_measure(self.measure_id)

    def apply(self) -> None:
        made = self.services.walks.turn_finding_into_measure(
            self.finding.id, promise_id=self.promise_id, title=self.title
        )
        self.measure_id = made.measure.id
