"""Indicators: the register, their values per period and sex, and the ones an agreement follows.

An indicator (anmälda skadegörelsebrott, andel som känner sig trygga …) has a source, a unit
and a direction (lower or higher is better); its values are stored per period label ("2022",
"2022-T2") and sex ("total", or "women"/"men" for an indicator split by sex). An agreement
follows some of them, each with a baseline (period and value) and a target.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from promises_app.domain.indicators import (
    Direction,
    IndicatorSource,
    Sex,
    canonical_period,
    parse_direction,
    parse_number,
    parse_sex,
    parse_source,
    period_sort_key,
    trend,
)
from promises_app.domain.periods import PeriodLabelError
from promises_app.domain.validation import (
    LONG_TEXT_MAX,
    NAME_MAX,
    Checker,
    FieldError,
    ValidationError,
    quoted,
)
from promises_app.services.base import (
    FieldValues,
    Service,
    check_version,
    get_row,
    move_to,
    next_position,
    reject_unknown,
    remove_from,
    update_row,
)
from promises_app.services.records import (
    AgreementIndicatorRecord,
    IndicatorRecord,
    IndicatorValueRecord,
)
from promises_app.storage import models as m

INDICATOR_FIELDS = ("name", "category", "source", "unit", "direction", "area", "split_by_sex", "description")
LINK_FIELDS = ("baseline_period", "baseline_value", "target_value", "target_text")
UNIT_MAX = 60
TARGET_TEXT_MAX = 200


class IndicatorService(Service):
    # --- the register --------------------------------------------------------------------
    def list_indicators(self) -> list[IndicatorRecord]:
        """Every indicator, by category then name."""
        with self.db.read() as s:
            rows = s.scalars(select(m.Indicator))
            records = [indicator_record(r) for r in rows]
            return sorted(records, key=lambda r: (r.category.casefold(), r.name.casefold()))

    def get_indicator(self, indicator_id: int) -> IndicatorRecord:
        with self.db.read() as s:
            return indicator_record(get_row(s, m.Indicator, indicator_id, "Indikatorn"))

    def create_indicator(
        self,
        *,
        name: str,
        category: str = "",
        source: IndicatorSource | str = IndicatorSource.OTHER_SOURCE,
        unit: str = "",
        direction: Direction | str = Direction.LOWER_IS_BETTER,
        area: str = "",
        split_by_sex: bool = False,
        description: str = "",
    ) -> IndicatorRecord:
        values = {k: v for k, v in locals().items() if k in INDICATOR_FIELDS}
        with self.db.write() as s:
            row = m.Indicator(**validate_indicator(s, values, current=None))
            s.add(row)
            s.flush()
            return indicator_record(row)

    def update_indicator(
        self, indicator_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> IndicatorRecord:
        with self.db.write() as s:
            row = update_row(
                s, m.Indicator, indicator_id, "Indikatorn",
                expected_version=expected_version, fields=INDICATOR_FIELDS, changes=changes,
                validate=lambda values, row: validate_indicator(s, values, current=row),
            )
            return indicator_record(row)

    def delete_indicator(self, indicator_id: int) -> None:
        """Delete an indicator with its values; refused while an agreement follows it."""
        with self.db.write() as s:
            row = get_row(s, m.Indicator, indicator_id, "Indikatorn")
            followed_by = s.scalars(
                select(m.Agreement.title)
                .join(m.AgreementIndicator, m.AgreementIndicator.agreement_id == m.Agreement.id)
                .where(m.AgreementIndicator.indicator_id == row.id)
                .order_by(m.Agreement.title)
            ).all()
            if followed_by:
                raise ValidationError([FieldError(
                    "indicator",
                    f"{row.name} kan inte tas bort eftersom den följs av "
                    f"{', '.join(f'«{t}»' for t in followed_by)}. Ta bort den från överenskommelsen först.",
                )])
            s.delete(row)

    # --- values --------------------------------------------------------------------------
    def list_values(self, indicator_id: int) -> list[IndicatorValueRecord]:
        """The indicator's values by period (oldest first), totals before women and men."""
        with self.db.read() as s:
            row = get_row(s, m.Indicator, indicator_id, "Indikatorn")
            return sorted_values(row.values)

    def set_value(
        self, indicator_id: int, *, period: str, value: float | str, sex: Sex | str = Sex.TOTAL
    ) -> IndicatorValueRecord:
        """Set the value for a period and sex: inserted, or replacing the one already there."""
        with self.db.write() as s:
            indicator = get_row(s, m.Indicator, indicator_id, "Indikatorn")
            cleaned = validate_value(indicator, {"period": period, "value": value, "sex": sex})
            row = s.scalar(
                select(m.IndicatorValue).where(
                    m.IndicatorValue.indicator_id == indicator.id,
                    m.IndicatorValue.period == cleaned["period"],
                    m.IndicatorValue.sex == cleaned["sex"],
                )
            )
            if row is None:
                row = m.IndicatorValue(indicator_id=indicator.id, **cleaned)
                s.add(row)
            else:
                row.value = cleaned["value"]
            s.flush()
            return value_record(row)

    def delete_value(self, value_id: int) -> None:
        with self.db.write() as s:
            s.delete(get_row(s, m.IndicatorValue, value_id, "Värdet"))

    # --- the indicators an agreement follows ---------------------------------------------
    def list_for_agreement(self, agreement_id: int) -> list[AgreementIndicatorRecord]:
        """The agreement's indicators in order, each with its values, baseline, target and trend."""
        with self.db.read() as s:
            return agreement_indicators(s, agreement_id)

    def link_to_agreement(
        self,
        agreement_id: int,
        indicator_id: int,
        *,
        baseline_period: str | None = None,
        baseline_value: float | str | None = None,
        target_value: float | str | None = None,
        target_text: str = "",
    ) -> AgreementIndicatorRecord:
        """Let the agreement follow the indicator (at the end of its list)."""
        values = {k: v for k, v in locals().items() if k in LINK_FIELDS}
        with self.db.write() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            indicator = get_row(s, m.Indicator, indicator_id, "Indikatorn")
            links = _links_of(s, agreement_id)
            if any(link.indicator_id == indicator.id for link in links):
                raise ValidationError([FieldError(
                    "indicator_id", f"Indikator: överenskommelsen följer redan {indicator.name}."
                )])
            row = m.AgreementIndicator(
                agreement_id=agreement_id, indicator_id=indicator.id, position=next_position(links),
                **validate_link(values),
            )
            s.add(row)
            s.flush()
            return link_record(row)

    def update_link(
        self, link_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> AgreementIndicatorRecord:
        """Change the baseline or target of an indicator the agreement follows."""
        reject_unknown(changes, LINK_FIELDS)
        with self.db.write() as s:
            row = get_row(s, m.AgreementIndicator, link_id, "Indikatorn i överenskommelsen")
            check_version(row, expected_version, "Indikatorn i överenskommelsen")
            current = {field: getattr(row, field) for field in LINK_FIELDS}
            for field, value in validate_link(current | changes).items():
                setattr(row, field, value)
            s.flush()
            return link_record(row)

    def unlink_from_agreement(self, link_id: int) -> None:
        """Stop following the indicator in this agreement (the indicator and its values stay)."""
        with self.db.write() as s:
            row = get_row(s, m.AgreementIndicator, link_id, "Indikatorn i överenskommelsen")
            remove_from(_links_of(s, row.agreement_id), row)
            s.delete(row)

    def move_link(self, link_id: int, new_index: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.AgreementIndicator, link_id, "Indikatorn i överenskommelsen")
            move_to(_links_of(s, row.agreement_id), row, new_index)


def agreement_indicators(session: Session, agreement_id: int) -> list[AgreementIndicatorRecord]:
    """``IndicatorService.list_for_agreement`` inside the caller's transaction."""
    get_row(session, m.Agreement, agreement_id, "Överenskommelsen")
    rows = session.scalars(
        select(m.AgreementIndicator)
        .where(m.AgreementIndicator.agreement_id == agreement_id)
        .options(selectinload(m.AgreementIndicator.indicator).selectinload(m.Indicator.values))
        .order_by(m.AgreementIndicator.position)
    )
    return [link_record(r) for r in rows]


def _links_of(session: Session, agreement_id: int) -> list[m.AgreementIndicator]:
    return list(
        session.scalars(
            select(m.AgreementIndicator)
            .where(m.AgreementIndicator.agreement_id == agreement_id)
            .order_by(m.AgreementIndicator.position)
        )
    )


# --- validation ----------------------------------------------------------------------------
def validate_indicator(
    session: Session, values: FieldValues, *, current: m.Indicator | None, prefix: str = ""
) -> FieldValues:
    """The cleaned fields of an indicator; the name is unique (case ignored) in the register."""
    check = Checker(prefix)
    cleaned: FieldValues = {
        "name": check.text("name", values["name"], label="Namn", max_length=NAME_MAX, required=True),
        "category": check.text("category", values["category"], label="Kategori", max_length=NAME_MAX),
        "unit": check.text("unit", values["unit"], label="Enhet", max_length=UNIT_MAX),
        "area": check.text("area", values["area"], label="Område", max_length=NAME_MAX),
        "description": check.text(
            "description", values["description"], label="Beskrivning", max_length=LONG_TEXT_MAX, multiline=True
        ),
        "source": _coded(check, "source", values["source"], IndicatorSource, parse_source, "Källa"),
        "direction": _coded(check, "direction", values["direction"], Direction, parse_direction, "Riktning"),
    }
    split = values["split_by_sex"]
    if not isinstance(split, bool):
        check.add("split_by_sex", "Uppdelad på kön: ange ja eller nej.")
        split = False
    cleaned["split_by_sex"] = split
    if cleaned["name"]:
        clash = find_indicator(session, cleaned["name"])
        if clash is not None and clash is not current:
            check.add("name", f"Namn: det finns redan en indikator som heter {clash.name}.")
    if current is not None and not split and any(v.sex is not Sex.TOTAL for v in current.values):
        check.add(
            "split_by_sex",
            "Uppdelad på kön: indikatorn har värden för kvinnor och män. Ta bort dem först.",
        )
    check.raise_if_any()
    return cleaned


def find_indicator(session: Session, name: str) -> m.Indicator | None:
    """The indicator called ``name`` (case and surrounding spaces ignored), or None."""
    wanted = name.strip().casefold()
    return next((row for row in session.scalars(select(m.Indicator)) if row.name.casefold() == wanted), None)


def validate_value(indicator: m.Indicator, values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    period = _period(check, "period", values["period"], label="Period", required=True)
    number = _number(check, "value", values["value"], label="Värde", required=True)
    sex = _coded(check, "sex", values["sex"], Sex, parse_sex, "Kön")
    if sex is not None and sex is not Sex.TOTAL and not indicator.split_by_sex:
        check.add("sex", f"Kön: {indicator.name} är inte uppdelad på kön; ange värdet för alla (Totalt).")
    check.raise_if_any()
    return {"period": period, "value": number, "sex": sex}


def validate_link(values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    cleaned = {
        "baseline_period": _period(check, "baseline_period", values["baseline_period"], label="Utgångsläge, period"),
        "baseline_value": _number(check, "baseline_value", values["baseline_value"], label="Utgångsläge, värde"),
        "target_value": _number(check, "target_value", values["target_value"], label="Målvärde"),
        "target_text": check.text(
            "target_text", values["target_text"], label="Mål i text", max_length=TARGET_TEXT_MAX
        ),
    }
    if cleaned["baseline_value"] is not None and cleaned["baseline_period"] is None:
        check.add("baseline_period", "Utgångsläge, period: ange vilken period värdet gäller (t.ex. 2021).")
    check.raise_if_any()
    return cleaned


def _coded(check: Checker, field: str, value: Any, enum_cls: type, parse: Any, label: str) -> Any:
    if isinstance(value, enum_cls):
        return value
    if isinstance(value, str):
        try:
            return parse(value)
        except ValueError as error:
            check.add(field, f"{label}: {error}")
            return None
    check.add(field, f"{label}: okänt värde {quoted(value)}.")
    return None


def _period(check: Checker, field: str, value: Any, *, label: str, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            check.add(field, f"{label} måste fyllas i.")
        return None
    if not isinstance(value, str):
        check.add(field, f"{label}: skriv perioden som text, t.ex. 2022 eller 2022-T2.")
        return None
    try:
        return canonical_period(value)
    except PeriodLabelError as error:
        check.add(field, f"{label}: {error}")
        return None


def _number(check: Checker, field: str, value: Any, *, label: str, required: bool = False) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            check.add(field, f"{label} måste fyllas i.")
        return None
    if isinstance(value, bool):
        check.add(field, f"{label}: måste vara ett tal.")
        return None
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            check.add(field, f"{label}: måste vara ett ändligt tal.")
            return None
        return float(value)
    if isinstance(value, str):
        try:
            return parse_number(value)
        except ValueError as error:
            check.add(field, f"{label}: {error}")
            return None
    check.add(field, f"{label}: måste vara ett tal.")
    return None


# --- rows → records ------------------------------------------------------------------------
def indicator_record(row: m.Indicator) -> IndicatorRecord:
    return IndicatorRecord(
        id=row.id,
        name=row.name,
        category=row.category,
        source=row.source,
        unit=row.unit,
        direction=row.direction,
        area=row.area,
        split_by_sex=row.split_by_sex,
        description=row.description,
        version=row.version,
    )


def value_record(row: m.IndicatorValue) -> IndicatorValueRecord:
    return IndicatorValueRecord(row.id, row.indicator_id, row.period, row.sex, row.value, row.version)


_SEX_ORDER = {Sex.TOTAL: 0, Sex.WOMEN: 1, Sex.MEN: 2}


def sorted_values(rows: Iterable[m.IndicatorValue]) -> list[IndicatorValueRecord]:
    return sorted(
        (value_record(r) for r in rows), key=lambda v: (period_sort_key(v.period), _SEX_ORDER[v.sex])
    )


def link_record(row: m.AgreementIndicator) -> AgreementIndicatorRecord:
    values = tuple(sorted_values(row.indicator.values))
    totals = [(v.period, v.value) for v in values if v.sex is Sex.TOTAL]
    return AgreementIndicatorRecord(
        id=row.id,
        agreement_id=row.agreement_id,
        position=row.position,
        indicator=indicator_record(row.indicator),
        values=values,
        baseline_period=row.baseline_period,
        baseline_value=row.baseline_value,
        target_value=row.target_value,
        target_text=row.target_text,
        trend=trend(
            totals,
            row.indicator.direction,
            baseline_period=row.baseline_period,
            baseline_value=row.baseline_value,
            target=row.target_value,
        ),
        version=row.version,
    )
