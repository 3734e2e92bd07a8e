"""The one date field of the window: a text field that shows exactly what was typed, and a calendar.

A spin-box date field (QDateEdit) edits a date section by section, so a whole date typed into
one section is silently turned into another date (issue 12: a typed 2026-12-31 was saved as
2026-02-12). Here the person types text (``2027-03-31``, ``31/3 2027``, ``31 mars 2027``); it
is never reformatted while typed, and it is read only when the form is saved, by
:func:`promises_app.domain.typed_dates.parse_typed_date`: either it names one date, which is
what is saved, or the form refuses it at the field, keeping the text (:func:`read_dates`).

The first click into the field after the focus came to it (by a click, Tab, or the form) and a
double-click anywhere in it select the whole text, so a whole date typed then replaces the whole
date; a further click places the cursor as usual, to correct one character (as a browser's
address field does). The button beside it (or F4, or Alt+Down in the
field) opens a calendar; a day picked there fills the field with its ISO date.

:class:`OptionalDateInput` adds a "No date" box for a date that may be left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.periods import MAX_YEAR, MIN_YEAR
from promises_app.domain.typed_dates import DateTextError, parse_typed_date
from promises_app.services.errors import FieldError, ValidationError
from promises_app.ui.common.formatting import fill

#: Wide enough for "2027-03-31" and "31 december 2027" without scrolling.
FIELD_CHARACTERS = 17


class DateLineEdit(QLineEdit):
    """The text part. The first click after the focus came in selects the whole text, as a double-click
    does, so a whole date typed then replaces the whole date; F4 or Alt+Down asks for the calendar."""

    calendar_requested = Signal()

    #: Focus that comes back (from a menu, the calendar, another window) does not start afresh.
    RETURNING = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fresh = False

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        # Qt gives the focus before it delivers the press that placed the cursor: select after it.
        if event.reason() not in self.RETURNING:
            self._fresh = True

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        # Without the focus yet (its window not active), the click is the first one too.
        fresh = self._fresh or not self.hasFocus()
        super().mousePressEvent(event)
        if fresh and event.button() == Qt.MouseButton.LeftButton:
            self.selectAll()
        self._fresh = False

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """A double-click on "2026" in "2026-09-01" selects the whole date, not the year only:
        a whole date typed then is the date saved (never the year section's guess at it)."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.selectAll()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self.calendar_requested.emit()
            event.accept()
            return
        self._fresh = False
        super().keyPressEvent(event)


class CalendarPopup(QFrame):
    """The calendar under the field: a click on a day or Enter picks it, Escape or a click outside closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setMinimumDate(QDate(MIN_YEAR, 1, 1))
        self.calendar.setMaximumDate(QDate(MAX_YEAR, 12, 31))
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.close()
        self.picked.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            event.accept()
            return
        super().keyPressEvent(event)

    def show_under(self, widget: QWidget, day: date) -> None:
        """Show below ``widget`` (above it if the screen ends), with ``day`` selected."""
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.adjustSize()
        position = widget.mapToGlobal(QPoint(0, widget.height()))
        screen = widget.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            if position.y() + self.height() > room.bottom():
                position.setY(widget.mapToGlobal(QPoint(0, 0)).y() - self.height())
            position.setX(max(room.left(), min(position.x(), room.right() - self.width())))
        self.move(position)
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)


#: ``date`` by another name, for the class below, whose method ``date`` hides the type.
_Date = date


class DateInput(QWidget):
    """A date typed as text, with a calendar button. :meth:`date` reads it or raises DateTextError."""

    def __init__(self, value: date | None = None, accessible_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._calendar_day = value or date.today()
        self.line_edit = DateLineEdit()
        self.line_edit.setPlaceholderText(self.tr("e.g. 2027-03-31 or 31/3 2027"))
        self.line_edit.setToolTip(self.tr(
            "Type the date as 2027-03-31 or 31/3 2027 (day first), or pick it in the calendar (F4)."
        ))
        width = self.line_edit.fontMetrics().horizontalAdvance("0" * FIELD_CHARACTERS)
        self.line_edit.setMinimumWidth(width)
        self.line_edit.setMaximumWidth(int(width * 1.5))
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip(self.tr("Pick the date in a calendar (F4)"))
        # Not a tab stop: F4 or Alt+Down in the field opens the same calendar from the keyboard.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(lambda _checked=False: self.open_calendar())
        self.line_edit.calendar_requested.connect(self.open_calendar)
        self.popup: CalendarPopup | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line_edit)
        # As wide as a date needs and one line high, also in forms whose fields grow.
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        if value is not None:
            self.setDate(value)
        self.setAccessibleName(accessible_name)

    # --- what the field holds ----------------------------------------------------------------
    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's style
        self.line_edit.setText(text)
        self.line_edit.setCursorPosition(0)

    def setDate(self, day: date) -> None:  # noqa: N802 - Qt's style
        """Show ``day`` as its ISO text (a default, or a date read from the database)."""
        self._calendar_day = day
        self.setText(day.isoformat())

    def date(self) -> date:
        """The date typed; :class:`DateTextError` (with the Swedish reason) if it is none."""
        return parse_typed_date(self.line_edit.text())

    def value(self) -> _Date:
        return self.date()

    # --- accessibility ---------------------------------------------------------------------------
    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """The name goes to the text field, which is what has the focus and what a screen reader reads."""
        super().setAccessibleName(name)
        self.line_edit.setAccessibleName(name)
        self.calendar_button.setAccessibleName(fill(self.tr("%1: pick in a calendar"), name) if name
                                               else self.tr("Pick in a calendar"))

    # --- the calendar ----------------------------------------------------------------------------
    def open_calendar(self) -> CalendarPopup:
        """Show the calendar at the typed date (or the last known one, if the text is no date)."""
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        try:
            shown = self.date()
        except DateTextError:
            shown = self._calendar_day
        self.popup.show_under(self.line_edit, shown)
        return self.popup

    def _picked(self, day: QDate) -> None:
        self.setDate(date(day.year(), day.month(), day.day()))
        self.line_edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.line_edit.selectAll()


class OptionalDateInput(QWidget):
    """A date that may be left out: a :class:`DateInput` and a "No date" box that turns it off.

    While "No date" is ticked the field shows ``fallback`` (the date it starts from when it is
    turned on) and :meth:`value` is None.
    """

    def __init__(self, value: date | None, fallback: date, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_input = DateInput(value or fallback, accessible_name)
        self.none_box = QCheckBox(self.tr("No date"))
        self.none_box.setAccessibleName(fill(self.tr("%1: no date"), accessible_name))
        self.none_box.setChecked(value is None)
        self.date_input.setEnabled(value is not None)
        self.none_box.toggled.connect(self._toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_input)
        layout.addWidget(self.none_box)
        layout.addStretch(1)
        self.setFocusProxy(self.date_input)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        QWidget.setTabOrder(self.date_input.line_edit, self.none_box)
        super().setAccessibleName(accessible_name)

    def _toggled(self, checked: bool) -> None:
        self.date_input.setEnabled(not checked)
        if not checked:
            self.date_input.setFocus()
            self.date_input.line_edit.selectAll()

    def value(self) -> date | None:
        """None with "No date" ticked; else the typed date, or :class:`DateTextError`."""
        if self.none_box.isChecked():
            return None
        text = self.date_input.text()
        if not text.strip():
            raise DateTextError(self.tr("Type a date, or tick “No date”."))
        return self.date_input.date()

    def setFocus(self) -> None:  # type: ignore[override]  # without Qt's reason argument  # noqa: N802 - Qt's name
        (self.date_input if self.date_input.isEnabled() else self.none_box).setFocus()


def read_dates(fields: Mapping[str, DateInput | OptionalDateInput]) -> dict[str, date | None]:
    """Each field's date by its field name; one ValidationError naming every field that holds no date.

    Forms call this while building their values, inside their save's ``try``, so a date that
    cannot be read is shown at its field like any refusal, what was typed stays, and nothing is
    saved.
    """
    values: dict[str, date | None] = {}
    errors: list[FieldError] = []
    for name, field in fields.items():
        try:
            values[name] = field.value()
        except DateTextError as error:
            errors.append(FieldError(name, error.message))
    if errors:
        raise ValidationError(errors)
    return values
