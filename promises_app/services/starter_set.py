"""The starter set: common promises, measures and indicators a new plan can start from.

A first-time secretary faces an empty plan. The starter set (``resources/starter/startpaket.json``)
offers what most medborgarlöften hold, in the domain's own words (trygghetsvandringar,
trafikkontroller, belysning, fältarbete, grannsamverkan) and the indicators most lägesbilder
use (the police's local safety survey, reported crimes per 100 000 inhabitants by category,
the municipality's own survey). The person ticks what fits; :meth:`StarterSetService.add`
writes it in one transaction, through the plan's and the indicators' own validation, and
:meth:`StarterSetService.take_back` removes exactly that again (the window's undo).

Parties are named by kind ("police", "municipality"): a promise is made by the agreement's
parties of those kinds (all its parties if none match, say a police-only agreement), and a
measure's owner is the party of its kind, else the promise's first maker. The others who make
the promise take part. Measures run over the agreement's whole period.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from promises_app.domain.enums import AgreementState
from promises_app.domain.validation import FieldError, ValidationError
from promises_app.paths import resource
from promises_app.services.base import FieldValues, Service, get_row, next_position, remove_from
from promises_app.services.indicators import find_indicator, validate_indicator, validate_link
from promises_app.services.plan import MEASURE_FIELDS, _set_organisations, validate_measure, validate_promise
from promises_app.storage import models as m

STARTER_FILE = "startpaket.json"


@dataclass(frozen=True)
class StarterMeasure:
    key: str
    title: str
    description: str
    cause: str
    responsible: str  # an organisation kind
    target_count: int | None
    target_unit: str


@dataclass(frozen=True)
class StarterPromise:
    key: str
    text: str
    description: str
    made_by: tuple[str, ...]  # organisation kinds
    measures: tuple[StarterMeasure, ...]


@dataclass(frozen=True)
class StarterIndicator:
    key: str
    name: str
    category: str
    source: str
    unit: str
    direction: str
    description: str


@dataclass(frozen=True)
class StarterCatalogue:
    promises: tuple[StarterPromise, ...]
    indicators: tuple[StarterIndicator, ...]


@dataclass(frozen=True)
class StarterAdded:
    """What one :meth:`StarterSetService.add` wrote: what its undo takes away, and what redo picks again."""

    agreement_id: int
    measure_keys: tuple[str, ...]
    indicator_keys: tuple[str, ...]
    promise_ids: tuple[int, ...]
    measure_ids: tuple[int, ...]
    link_ids: tuple[int, ...]
    #: Indicators this addition put in the register (those already there are only followed).
    created_indicator_ids: tuple[int, ...]


def load_catalogue() -> StarterCatalogue:
    """The starter set as shipped (resources/starter/startpaket.json)."""
    data = json.loads(resource("starter", STARTER_FILE).read_text(encoding="utf-8"))
    promises = tuple(
        StarterPromise(
            key=p["key"], text=p["text"], description=p["description"], made_by=tuple(p["made_by"]),
            measures=tuple(StarterMeasure(**x) for x in p["measures"]),
        )
        for p in data["promises"]
    )
    indicators = tuple(StarterIndicator(**i) for i in data["indicators"])
    return StarterCatalogue(promises, indicators)


class StarterSetService(Service):
    def catalogue(self) -> StarterCatalogue:
        return load_catalogue()

    def add(
        self, agreement_id: int, *, measure_keys: Sequence[str] = (), indicator_keys: Sequence[str] = ()
    ) -> StarterAdded:
        """Add the picked measures (each under its promise, made once) and let the agreement follow
        the picked indicators; one transaction. An indicator the register already has (same name) is
        followed as it is; one the agreement already follows is passed over."""
        catalogue = self.catalogue()
        wanted_measures = set(measure_keys)
        wanted_indicators = set(indicator_keys)
        known = {x.key for p in catalogue.promises for x in p.measures} | {i.key for i in catalogue.indicators}
        unknown = sorted((wanted_measures | wanted_indicators) - known)
        if unknown:
            raise ValidationError([FieldError("starter", f"Startpaketet har inget som heter {', '.join(unknown)}.")])
        if not wanted_measures and not wanted_indicators:
            raise ValidationError([FieldError("starter", "Startpaketet: kryssa i minst ett löfte, en åtgärd "
                                                         "eller en indikator.")])
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            promise_ids: list[int] = []
            measure_ids: list[int] = []
            for promise in catalogue.promises:
                picked = [x for x in promise.measures if x.key in wanted_measures]
                if picked:
                    made, measures = _add_promise(s, agreement, promise, picked)
                    promise_ids.append(made)
                    measure_ids.extend(measures)
            link_ids: list[int] = []
            created: list[int] = []
            followed = {link.indicator_id for link in agreement.indicator_links}
            for item in catalogue.indicators:
                if item.key not in wanted_indicators:
                    continue
                indicator = find_indicator(s, item.name)
                if indicator is None:
                    values: FieldValues = {
                        "name": item.name, "category": item.category, "source": item.source, "unit": item.unit,
                        "direction": item.direction, "area": "", "split_by_sex": False,
                        "description": item.description,
                    }
                    indicator = m.Indicator(**validate_indicator(s, values, current=None))
                    s.add(indicator)
                    s.flush()
                    created.append(indicator.id)
                elif indicator.id in followed:
                    continue
                link = m.AgreementIndicator(
                    agreement_id=agreement.id, indicator_id=indicator.id,
                    position=next_position(agreement.indicator_links),
                    **validate_link(dict.fromkeys(("baseline_period", "baseline_value", "target_value"))
                                    | {"target_text": ""}),
                )
                agreement.indicator_links.append(link)
                s.flush()
                followed.add(indicator.id)
                link_ids.append(link.id)
            return StarterAdded(
                agreement_id=agreement.id, measure_keys=tuple(sorted(wanted_measures)),
                indicator_keys=tuple(sorted(wanted_indicators)), promise_ids=tuple(promise_ids),
                measure_ids=tuple(measure_ids), link_ids=tuple(link_ids), created_indicator_ids=tuple(created),
            )

    def take_back(self, added: StarterAdded) -> None:
        """Remove what ``added`` wrote (the promises with their measures, the links, the indicators it
        put in the register unless another agreement follows them now); one transaction."""
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, added.agreement_id, "Överenskommelsen")
            for promise_id in added.promise_ids:
                remove_from(agreement.promises, get_row(s, m.Promise, promise_id, "Löftet"))
            for link_id in added.link_ids:
                link = get_row(s, m.AgreementIndicator, link_id, "Indikatorn i överenskommelsen")
                remove_from(agreement.indicator_links, link)
            s.flush()
            for indicator_id in added.created_indicator_ids:
                followed_elsewhere = s.scalar(
                    select(m.AgreementIndicator.id).where(m.AgreementIndicator.indicator_id == indicator_id).limit(1)
                )
                if followed_elsewhere is None:
                    s.delete(get_row(s, m.Indicator, indicator_id, "Indikatorn"))


def plan_locked(state: AgreementState) -> bool:
    """A signed or closed agreement's plan takes no new promises (storage/signed_guard.py)."""
    return state in (AgreementState.SIGNED, AgreementState.CLOSED)


def _add_promise(
    session: Session, agreement: m.Agreement, promise: StarterPromise, measures: Sequence[StarterMeasure]
) -> tuple[int, list[int]]:
    parties = [party.organisation for party in agreement.parties]
    if not parties:
        raise ValidationError([FieldError("maker_ids", (
            "Startpaketet: överenskommelsen har inga parter ännu. Lägg till parterna först "
            "(sidan Parter och undertecknare)."
        ))])
    makers = [o for kind in promise.made_by for o in parties if o.kind.value == kind] or parties
    maker_ids = list(dict.fromkeys(o.id for o in makers))
    values = validate_promise(session, agreement, {
        "text": promise.text, "description": promise.description, "maker_ids": maker_ids, "as_written": False,
    })
    row = m.Promise(text=values["text"], description=values["description"], as_written=values["as_written"],
                    position=next_position(agreement.promises))
    agreement.promises.append(row)
    session.flush()  # the signed-agreement guard speaks here
    _set_organisations(session, m.promise_makers, "promise_id", row.id, values["maker_ids"])
    made: list[int] = []
    for item in measures:
        owner = next((o.id for o in parties if o.kind.value == item.responsible), maker_ids[0])
        fields: FieldValues = dict.fromkeys(MEASURE_FIELDS) | {
            "promise_id": row.id, "title": item.title, "description": item.description, "cause": item.cause,
            "responsible_id": owner, "participant_ids": [i for i in maker_ids if i != owner],
            "start_date": agreement.start_date, "deadline": agreement.end_date,
            "target_count": item.target_count, "target_unit": item.target_unit,
        }
        cleaned = validate_measure(session, agreement, fields, allow_outside_agreement=False)
        participants = cleaned.pop("participant_ids")
        measure = m.Measure(**cleaned, position=len(made))
        session.add(measure)
        session.flush()
        _set_organisations(session, m.measure_participants, "measure_id", measure.id, participants)
        made.append(measure.id)
    return row.id, made
