"""Indicators in the window: the register (indicators and their values) and the forms for an
indicator, a value, and the baseline and target with which an agreement follows one.

Every form is a :class:`RecordForm` (shared with walk_dialogs): its ``save(values)`` does the
user action through the services and returns what was saved, or raises; a refused save shows
each message at its field and keeps what was typed. Every edit is an undo command on the
window's one QUndoStack.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.domain.indicators import Direction, IndicatorSource, Sex
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.errors import (
    FieldError,
    ValidationError,
)
from promises_app.services.records import AgreementIndicatorRecord, IndicatorRecord, IndicatorValueRecord
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import (
    RecordForm,
    note_label,
    plain_text_edit,
)
from promises_app.ui.common.labels import label
from promises_app.ui.situation.situation_commands import (
    CreateIndicatorCommand,
    DeleteIndicatorCommand,
    DeleteValueCommand,
    Refs,
    SetValueCommand,
    UpdateIndicatorCommand,
)
from promises_app.ui.situation.situation_models import IndicatorTableModel, IndicatorValueTableModel, format_number


def _combo(items: list[tuple[str, Any]], current: Any = None) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class IndicatorForm(RecordForm):
    """A new indicator, or a change to one, in the register."""

    def __init__(self, save: Callable[[FieldValues], Any], initial: IndicatorRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change indicator") if initial else self.tr("New indicator"))
        self.name_edit = QLineEdit(initial.name if initial else "")
        self.category_edit = QLineEdit(initial.category if initial else "")
        self.category_edit.setPlaceholderText(self.tr("e.g. Reported crime, Safety"))
        self.source_combo = _combo([(label(s), s.value) for s in IndicatorSource],
                                   initial.source.value if initial else IndicatorSource.OTHER_SOURCE.value)
        self.unit_edit = QLineEdit(initial.unit if initial else "")
        self.unit_edit.setPlaceholderText(self.tr("e.g. %, number, per 100 000 inhabitants"))
        self.direction_combo = _combo([(label(d), d.value) for d in Direction],
                                      initial.direction.value if initial else Direction.LOWER_IS_BETTER.value)
        self.area_edit = QLineEdit(initial.area if initial else "")
        self.area_edit.setPlaceholderText(self.tr("Empty: the whole municipality"))
        self.split_check = QCheckBox(self.tr("Values for women and men as well"))
        self.split_check.setChecked(bool(initial and initial.split_by_sex))
        self.description_edit = plain_text_edit(initial.description if initial else "")
        self.add_field("name", self.tr("&Name:"), self.name_edit)
        self.add_field("category", self.tr("&Category:"), self.category_edit)
        self.add_field("source", self.tr("S&ource:"), self.source_combo)
        self.add_field("unit", self.tr("&Unit:"), self.unit_edit)
        self.add_field("direction", self.tr("&Direction:"), self.direction_combo)
        self.add_field("area", self.tr("&Area:"), self.area_edit)
        self.add_field("split_by_sex", self.tr("By &sex:"), self.split_check)
        self.add_field("description", self.tr("D&escription:"), self.description_edit)

    def values(self) -> FieldValues:
        return {
            "name": self.name_edit.text(),
            "category": self.category_edit.text(),
            "source": IndicatorSource(self.source_combo.currentData()),
            "unit": self.unit_edit.text(),
            "direction": Direction(self.direction_combo.currentData()),
            "area": self.area_edit.text(),
            "split_by_sex": self.split_check.isChecked(),
            "description": self.description_edit.toPlainText(),
        }


class ValueForm(RecordForm):
    """A value of an indicator for a period (and sex, when it is split by sex).

    Changing a value changes only the number; another period or sex is another value (remove
    this one and add that), so every change stays one transaction.
    """

    def __init__(self, save: Callable[[FieldValues], Any], indicator: IndicatorRecord,
                 initial: IndicatorValueRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(
            fill(self.tr("Change value of %1"), indicator.name) if initial
            else fill(self.tr("New value of %1"), indicator.name)
        )
        self.period_edit = QLineEdit(initial.period if initial else "")
        self.period_edit.setPlaceholderText(self.tr("e.g. 2022, 2022-T2 or 2022-Q3"))
        self.period_edit.setReadOnly(initial is not None)
        self.sex_combo = _combo([(label(s), s.value) for s in Sex], initial.sex.value if initial else Sex.TOTAL.value)
        self.sex_combo.setEnabled(indicator.split_by_sex and initial is None)
        self.value_edit = QLineEdit(format_number(initial.value) if initial else "")
        self.value_edit.setPlaceholderText(self.tr("e.g. 1 234,5"))
        unit = fill(self.tr("&Value (%1):"), indicator.unit) if indicator.unit else self.tr("&Value:")
        self.add_field("period", self.tr("&Period:"), self.period_edit)
        self.add_field("sex", self.tr("&Sex:"), self.sex_combo)
        self.add_field("value", unit, self.value_edit)
        if initial is not None:
            self.value_edit.setFocus()

    def values(self) -> FieldValues:
        return {"period": self.period_edit.text(), "sex": Sex(self.sex_combo.currentData()),
                "value": self.value_edit.text()}


class LinkForm(RecordForm):
    """Follow an indicator in the agreement (chosen from the register), or change its baseline and target."""

    def __init__(
        self,
        save: Callable[[FieldValues], Any],
        *,
        choices: list[IndicatorRecord] | None = None,
        initial: AgreementIndicatorRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change baseline and target") if initial else self.tr("Follow an indicator"))
        self.indicator_combo = QComboBox()
        if initial is not None:
            self.indicator_combo.addItem(initial.indicator.name, initial.indicator.id)
            self.indicator_combo.setEnabled(False)
        else:
            for indicator in choices or []:
                self.indicator_combo.addItem(indicator.name, indicator.id)
        self._units = {i.id: i.unit for i in (choices or [])}
        if initial is not None:
            self._units[initial.indicator.id] = initial.indicator.unit
        self.unit_label = note_label("")
        self.baseline_period_edit = QLineEdit(initial.baseline_period or "" if initial else "")
        self.baseline_period_edit.setPlaceholderText(self.tr("e.g. 2021"))
        self.baseline_value_edit = QLineEdit(format_number(initial.baseline_value) if initial else "")
        self.baseline_value_edit.setPlaceholderText(self.tr("Empty: the indicator's value for that period"))
        self.target_value_edit = QLineEdit(format_number(initial.target_value) if initial else "")
        self.target_text_edit = QLineEdit(initial.target_text if initial else "")
        self.target_text_edit.setPlaceholderText(self.tr("e.g. At least two out of three feel safe"))
        self.add_field("indicator_id", self.tr("&Indicator:"), self.indicator_combo)
        self.form_layout.addRow("", self.unit_label)
        self.add_field("baseline_period", self.tr("Baseline &period:"), self.baseline_period_edit)
        self.add_field("baseline_value", self.tr("Baseline &value:"), self.baseline_value_edit)
        self.add_field("target_value", self.tr("&Target value:"), self.target_value_edit)
        self.add_field("target_text", self.tr("Target in &words:"), self.target_text_edit)
        self.indicator_combo.currentIndexChanged.connect(self._show_unit)
        self._show_unit()

    def _show_unit(self) -> None:
        unit = self._units.get(self.indicator_combo.currentData(), "")
        self.unit_label.setText(fill(self.tr("Unit: %1"), unit) if unit else "")
        self.unit_label.setVisible(bool(unit))

    def values(self) -> FieldValues:
        if self.indicator_combo.currentData() is None:
            raise ValidationError([FieldError("indicator_id", self.tr("Choose the indicator to follow."))])
        return {
            "indicator_id": self.indicator_combo.currentData(),
            "baseline_period": self.baseline_period_edit.text(),
            "baseline_value": self.baseline_value_edit.text(),
            "target_value": self.target_value_edit.text(),
            "target_text": self.target_text_edit.text(),
        }


class IndicatorRegisterDialog(QDialog):
    """Every indicator (create, change, delete) and the values of the selected one (add, change, remove)."""

    def __init__(self, services: Services, undo_stack: QUndoStack, refs: Refs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.refs = refs
        self.setWindowTitle(self.tr("Indicator register"))
        self.resize(860, 560)

        self.model = IndicatorTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = self._table(self.proxy, self.tr("Indicators"))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the register's own order: category, name
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(IndicatorTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit_indicator())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._indicator_selected())

        self.value_model = IndicatorValueTableModel(self)
        self.value_view = self._table(self.value_model, self.tr("Values"))
        self.value_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.value_view.doubleClicked.connect(lambda _index: self.edit_value())
        self.value_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.new_button = QPushButton(self.tr("&New indicator…"))
        self.edit_button = QPushButton(self.tr("&Change…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.new_button.clicked.connect(self.add_indicator)
        self.edit_button.clicked.connect(self.edit_indicator)
        self.delete_button.clicked.connect(self.delete_indicator)
        self.add_value_button = QPushButton(self.tr("&Add value…"))
        self.edit_value_button = QPushButton(self.tr("C&hange value…"))
        self.remove_value_button = QPushButton(self.tr("&Remove value"))
        self.add_value_button.clicked.connect(self.add_value)
        self.edit_value_button.clicked.connect(self.edit_value)
        self.remove_value_button.clicked.connect(self.remove_value)

        indicators_box = QGroupBox(self.tr("Indicators"))
        indicators_layout = QVBoxLayout(indicators_box)
        indicators_layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        indicators_layout.addLayout(row)

        self.values_box = QGroupBox(self.tr("Values"))
        values_layout = QVBoxLayout(self.values_box)
        values_layout.addWidget(self.value_view, 1)
        row = QHBoxLayout()
        for button in (self.add_value_button, self.edit_value_button, self.remove_value_button):
            row.addWidget(button)
        row.addStretch(1)
        values_layout.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(indicators_box)
        splitter.addWidget(self.values_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 300])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        chain = [self.view, self.new_button, self.edit_button, self.delete_button, self.value_view,
                 self.add_value_button, self.edit_value_button, self.remove_value_button, self.close_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        # The window's undo and redo work here too (the dialog is modal over the window).
        undo = undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action, self.redo_action = undo, redo
        self.addActions([undo, redo])
        undo_stack.indexChanged.connect(self.refresh)
        self.finished.connect(lambda _result: self._detach())
        self.refresh()

    def _detach(self) -> None:
        """Closed: stop reading the register on every edit."""
        try:
            self.undo_stack.indexChanged.disconnect(self.refresh)
        except (RuntimeError, TypeError):
            pass

    def _table(self, model: Any, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.setTabKeyNavigation(False)
        return view

    def _report(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Indicator register"), message)
        self.refresh()

    # --- showing ----------------------------------------------------------------------------
    def refresh(self, _index: int | None = None) -> None:
        keep = self.selected_indicator()
        keep_value = self.selected_value()
        try:
            indicators = self.services.indicators.list_indicators()
        except AppError as error:
            QMessageBox.warning(self, self.tr("Indicator register"), str(error))
            indicators = []
        self.model.set_rows(indicators)
        if keep is not None:
            self.select_indicator(keep.id)
        elif indicators:
            self.view.selectRow(0)
        self._indicator_selected(keep_value)

    def select_indicator(self, indicator_id: int) -> None:
        row = self.model.row_of(indicator_id)
        if row >= 0:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def selected_indicator(self) -> IndicatorRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def selected_value(self) -> IndicatorValueRecord | None:
        rows = self.value_view.selectionModel().selectedRows()
        return self.value_model.record_at(rows[0].row()) if rows else None

    def _indicator_selected(self, keep_value: IndicatorValueRecord | None = None) -> None:
        indicator = self.selected_indicator()
        values: list[IndicatorValueRecord] = []
        if indicator is not None:
            try:
                values = self.services.indicators.list_values(indicator.id)
            except AppError:
                values = []
        self.value_model.set_rows(values)
        self.values_box.setTitle(fill(self.tr("Values of %1"), indicator.name) if indicator else self.tr("Values"))
        if keep_value is not None:
            row = next((i for i, v in enumerate(values)
                        if v.period == keep_value.period and v.sex == keep_value.sex), -1)
            if row >= 0:
                self.value_view.selectRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_indicator = self.selected_indicator() is not None
        has_value = self.selected_value() is not None
        self.edit_button.setEnabled(has_indicator)
        self.delete_button.setEnabled(has_indicator)
        self.add_value_button.setEnabled(has_indicator)
        self.edit_value_button.setEnabled(has_value)
        self.remove_value_button.setEnabled(has_value)

    # --- indicators -------------------------------------------------------------------------
    def add_indicator(self) -> IndicatorForm:
        form = IndicatorForm(lambda values: self.services.indicators.create_indicator(**values), parent=self)

        def created() -> None:
            self.undo_stack.push(CreateIndicatorCommand(self.services, self.refs, form.saved, self._report))
            self.select_indicator(form.saved.id)

        form.accepted.connect(created)
        form.open()
        return form

    def edit_indicator(self) -> IndicatorForm | None:
        before = self.selected_indicator()
        if before is None:
            return None
        form = IndicatorForm(
            lambda values: self.services.indicators.update_indicator(
                before.id, expected_version=before.version, **values
            ),
            initial=before,
            parent=self,
        )
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdateIndicatorCommand(self.services, self.refs, before, form.saved, self._report)
        ))
        form.open()
        return form

    def delete_indicator(self) -> bool:
        """Delete the selected indicator with its values (undoable); refused while an agreement follows it."""
        record = self.selected_indicator()
        if record is None:
            return False
        try:
            values = self.services.indicators.list_values(record.id)
            command = DeleteIndicatorCommand(self.services, self.refs, record, values, self._report)
            command.apply()
        except ValidationError as error:
            QMessageBox.warning(self, self.tr("Delete indicator"), "\n".join(e.message for e in error.errors))
            return False
        except AppError as error:
            QMessageBox.warning(self, self.tr("Delete indicator"), str(error))
            return False
        self.undo_stack.push(command)
        return True

    # --- values -----------------------------------------------------------------------------
    def add_value(self) -> ValueForm | None:
        indicator = self.selected_indicator()
        if indicator is None:
            return None
        return self._value_form(indicator, None)

    def edit_value(self) -> ValueForm | None:
        indicator = self.selected_indicator()
        value = self.selected_value()
        if indicator is None or value is None:
            return None
        return self._value_form(indicator, value)

    def _value_form(self, indicator: IndicatorRecord, initial: IndicatorValueRecord | None) -> ValueForm:
        def save(values: FieldValues) -> tuple[IndicatorValueRecord, float | None]:
            before = {(v.period, v.sex): v.value for v in self.services.indicators.list_values(indicator.id)}
            saved = self.services.indicators.set_value(indicator.id, **values)
            return saved, before.get((saved.period, saved.sex))

        form = ValueForm(save, indicator, initial, parent=self)

        def saved() -> None:
            value, previous = form.saved
            self.undo_stack.push(SetValueCommand(self.services, self.refs, indicator, value, previous, self._report))
            row = next((i for i, v in enumerate(self.value_model.records())
                        if v.period == value.period and v.sex == value.sex), -1)
            if row >= 0:
                self.value_view.selectRow(row)

        form.accepted.connect(saved)
        form.open()
        return form

    def remove_value(self) -> bool:
        indicator = self.selected_indicator()
        value = self.selected_value()
        if indicator is None or value is None:
            return False
        command = DeleteValueCommand(self.services, self.refs, indicator, value, self._report)
        try:
            command.apply()
        except AppError as error:
            QMessageBox.warning(self, self.tr("Remove value"), str(error))
            return False
        self.undo_stack.push(command)
        return True
