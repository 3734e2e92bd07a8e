"""The fixed vocabularies of the domain.

Values are stable codes stored in the database and in the JSON exchange format; the words
a person reads (Swedish first) live in :mod:`promises_app.domain.vocabulary`.
"""

from __future__ import annotations

from enum import StrEnum


class OrganisationKind(StrEnum):
    """What kind of organisation a party is (the order is the order the window offers them in)."""

    MUNICIPALITY = "municipality"
    MUNICIPAL_COMPANY = "municipal_company"  # kommunalt bolag, e.g. a parking or energy company
    POLICE = "police"
    STATE_AGENCY = "state_agency"  # statlig myndighet, e.g. Tullverket, Kustbevakningen
    HOUSING_COMPANY = "housing_company"
    PROPERTY_OWNERS = "property_owners"
    OTHER = "other"


class AgreementKind(StrEnum):
    """A samverkansöverenskommelse, or a medborgarlöfte (optionally under one)."""

    COOPERATION_AGREEMENT = "cooperation_agreement"
    CITIZEN_PROMISE = "citizen_promise"


class AgreementState(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    CLOSED = "closed"


class ReportingScheme(StrEnum):
    """How often measures are followed up. Periods are calendar periods clipped to the agreement."""

    QUARTER = "quarter"  # kvartal, 2022-Q3
    TERTIAL = "tertial"  # tertial, 2022-T2 (Jan–Apr, May–Aug, Sep–Dec)
    HALF_YEAR = "half_year"  # halvår, 2022-H1
    YEAR = "year"  # helår, 2022
    WHOLE_PERIOD = "whole_period"  # once, for the agreement's whole period


class FollowUpStatus(StrEnum):
    NOT_STARTED = "not_started"  # Ej påbörjad
    IN_PROGRESS = "in_progress"  # Pågående
    DONE = "done"  # Genomförd
    PARTLY_DONE = "partly_done"  # Delvis genomförd
    NOT_DONE = "not_done"  # Ej genomförd
    CANCELLED_OR_POSTPONED = "cancelled_or_postponed"  # Inställd/Framflyttad

    @property
    def is_finished(self) -> bool:
        """Done or cancelled: the measure needs no further follow-up and is never overdue."""
        return self in _FINISHED  # a set: asked once per measure and period of every overview


#: The statuses after which a measure needs no further follow-up.
_FINISHED = frozenset({FollowUpStatus.DONE, FollowUpStatus.CANCELLED_OR_POSTPONED})


class FindingStatus(StrEnum):
    """How far a safety-walk finding has been followed: still open, dealt with (åtgärdad), or
    declined (avböjd, with the reason why: the owner will not or cannot act on it)."""

    OPEN = "open"  # Öppen
    DEALT_WITH = "dealt_with"  # Åtgärdad (not "done": the codes of every vocabulary differ, domain/vocabulary.py)
    DECLINED = "declined"  # Avböjd


class TrafficLight(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NOT_ASSESSED = "not_assessed"
