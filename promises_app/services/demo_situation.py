"""The demo's lägesbild: the sources and indicators of the demo agreements.

The exchange format carries an agreement's safety walks but not its lägesbild sources or the
indicators it follows (docs/exchange-format.md), so the demo keeps them beside its agreements in
``resources/demo/lagesbild.json``. They are written in the demo import's own transaction
(``ExchangeService.import_documents(also=...)``), through the services' own validation, so a
newcomer sees the Lägesbild page at work and a crash leaves no half demo behind.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from promises_app.paths import resource
from promises_app.services.exchange import ImportResult
from promises_app.services.indicators import find_indicator, validate_indicator, validate_link, validate_value
from promises_app.services.walks import validate_source
from promises_app.storage import models as m

DEMO_SITUATION_FILE = "lagesbild.json"
_INDICATOR_KEYS = ("name", "category", "source", "unit", "direction", "area", "description")
_LINK_KEYS = ("baseline_period", "baseline_value", "target_value", "target_text")


def demo_situation() -> list[dict[str, Any]]:
    """The demo's lägesbild per agreement title (sources and indicators), as in the resource file."""
    data = json.loads(resource("demo", DEMO_SITUATION_FILE).read_text(encoding="utf-8"))
    agreements: list[dict[str, Any]] = data["agreements"]
    return agreements


def add_demo_situation(session: Session, results: Sequence[ImportResult]) -> None:
    """Give the agreements just imported (``results``) their demo sources and indicators.

    An indicator already in the register (same name, case ignored: say, one picked from the
    starter set) is followed as it is, and only the periods it has no value for are filled in:
    nothing the user typed is replaced.
    """
    ids = [agreement_id for result in results for agreement_id in result.agreement_ids]
    by_title = {row.title: row for row in session.scalars(select(m.Agreement).where(m.Agreement.id.in_(ids)))}
    for item in demo_situation():
        agreement = by_title.get(item["title"])
        if agreement is None:  # not imported this time (already there)
            continue
        for position, text in enumerate(item["sources"]):
            cleaned = validate_source({"text": text})
            session.add(m.SituationSource(agreement_id=agreement.id, position=position, **cleaned))
        links = 0
        for indicator_item in item["indicators"]:
            indicator = _indicator(session, indicator_item)
            session.add(m.AgreementIndicator(
                agreement_id=agreement.id, indicator_id=indicator.id, position=links,
                **validate_link({key: indicator_item[key] for key in _LINK_KEYS}),
            ))
            links += 1
    session.flush()


def _indicator(session: Session, item: dict[str, Any]) -> m.Indicator:
    """The register's indicator of that name, or a new one; with the demo's values where it has none."""
    indicator = find_indicator(session, item["name"])
    if indicator is None:
        values = {key: item[key] for key in _INDICATOR_KEYS} | {"split_by_sex": False}
        indicator = m.Indicator(**validate_indicator(session, values, current=None))
        session.add(indicator)
        session.flush()
    known = {(value.period, value.sex) for value in indicator.values}
    for value in item["values"]:
        cleaned = validate_value(indicator, {"period": value["period"], "value": value["value"], "sex": "total"})
        if (cleaned["period"], cleaned["sex"]) not in known:
            indicator.values.append(m.IndicatorValue(**cleaned))
    return indicator
