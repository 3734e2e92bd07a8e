"""Translatable words for the coded values, as the window shows them.

The source strings are English; the Swedish catalogue (resources/translations) carries the
domain's own words, kept equal to domain.vocabulary by a test.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from promises_app.domain.enums import (
    AgreementKind,
    AgreementState,
    FindingStatus,
    FollowUpStatus,
    OrganisationKind,
    ReportingScheme,
    TrafficLight,
)
from promises_app.domain.indicators import Direction, IndicatorSource, Sex, Verdict

CONTEXT = "Labels"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``source`` for the catalogue under ``context`` and give it back unchanged, as Qt's
    own does (PySide6 types that one as returning ``object``, which no dict of words can hold)."""
    return source

SOURCE: dict[object, str] = {
    OrganisationKind.MUNICIPALITY: QT_TRANSLATE_NOOP("Labels", "Municipality"),
    OrganisationKind.MUNICIPAL_COMPANY: QT_TRANSLATE_NOOP("Labels", "Municipal company"),
    OrganisationKind.POLICE: QT_TRANSLATE_NOOP("Labels", "Police"),
    OrganisationKind.STATE_AGENCY: QT_TRANSLATE_NOOP("Labels", "State agency"),
    OrganisationKind.HOUSING_COMPANY: QT_TRANSLATE_NOOP("Labels", "Housing company"),
    OrganisationKind.PROPERTY_OWNERS: QT_TRANSLATE_NOOP("Labels", "Property owners"),
    OrganisationKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    AgreementKind.COOPERATION_AGREEMENT: QT_TRANSLATE_NOOP("Labels", "Cooperation agreement"),
    AgreementKind.CITIZEN_PROMISE: QT_TRANSLATE_NOOP("Labels", "Citizen promise"),
    AgreementState.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    AgreementState.SIGNED: QT_TRANSLATE_NOOP("Labels", "Signed"),
    AgreementState.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    ReportingScheme.QUARTER: QT_TRANSLATE_NOOP("Labels", "Quarter"),
    ReportingScheme.TERTIAL: QT_TRANSLATE_NOOP("Labels", "Tertial"),
    ReportingScheme.HALF_YEAR: QT_TRANSLATE_NOOP("Labels", "Half-year"),
    ReportingScheme.YEAR: QT_TRANSLATE_NOOP("Labels", "Full year"),
    ReportingScheme.WHOLE_PERIOD: QT_TRANSLATE_NOOP("Labels", "Whole period"),
    FollowUpStatus.NOT_STARTED: QT_TRANSLATE_NOOP("Labels", "Not started"),
    FollowUpStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    FollowUpStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    FollowUpStatus.PARTLY_DONE: QT_TRANSLATE_NOOP("Labels", "Partly done"),
    FollowUpStatus.NOT_DONE: QT_TRANSLATE_NOOP("Labels", "Not done"),
    FollowUpStatus.CANCELLED_OR_POSTPONED: QT_TRANSLATE_NOOP("Labels", "Cancelled/Postponed"),
    FindingStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    FindingStatus.DEALT_WITH: QT_TRANSLATE_NOOP("Labels", "Dealt with"),
    FindingStatus.DECLINED: QT_TRANSLATE_NOOP("Labels", "Declined"),
    TrafficLight.GREEN: QT_TRANSLATE_NOOP("Labels", "Green"),
    TrafficLight.YELLOW: QT_TRANSLATE_NOOP("Labels", "Yellow"),
    TrafficLight.RED: QT_TRANSLATE_NOOP("Labels", "Red"),
    TrafficLight.NOT_ASSESSED: QT_TRANSLATE_NOOP("Labels", "Not assessed"),
    IndicatorSource.REPORTED_CRIME: QT_TRANSLATE_NOOP("Labels", "Reported crime"),
    IndicatorSource.NTU: QT_TRANSLATE_NOOP("Labels", "Brå's National Crime Survey (NTU)"),
    IndicatorSource.POLICE_SURVEY: QT_TRANSLATE_NOOP("Labels", "The Police's safety survey"),
    IndicatorSource.MUNICIPAL_SURVEY: QT_TRANSLATE_NOOP("Labels", "The municipality's safety survey"),
    IndicatorSource.ACTIVITY_COUNT: QT_TRANSLATE_NOOP("Labels", "Activities"),
    IndicatorSource.OTHER_SOURCE: QT_TRANSLATE_NOOP("Labels", "Other source"),
    Direction.LOWER_IS_BETTER: QT_TRANSLATE_NOOP("Labels", "Lower is better"),
    Direction.HIGHER_IS_BETTER: QT_TRANSLATE_NOOP("Labels", "Higher is better"),
    Sex.TOTAL: QT_TRANSLATE_NOOP("Labels", "Total"),
    Sex.WOMEN: QT_TRANSLATE_NOOP("Labels", "Women"),
    Sex.MEN: QT_TRANSLATE_NOOP("Labels", "Men"),
    Verdict.BETTER: QT_TRANSLATE_NOOP("Labels", "Better"),
    Verdict.WORSE: QT_TRANSLATE_NOOP("Labels", "Worse"),
    Verdict.UNCHANGED: QT_TRANSLATE_NOOP("Labels", "Unchanged"),
    Verdict.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Nothing to compare with"),
}


def label(value: object) -> str:
    """The coded value in the interface language."""
    return QCoreApplication.translate(CONTEXT, SOURCE[value])
