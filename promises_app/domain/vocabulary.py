"""The domain's own Swedish words for the coded values, for the command line and printed reports.

The window shows the same words through Qt's translation catalogue (ui/labels.py); a test keeps
the two in step.
"""

from __future__ import annotations

from promises_app.domain.enums import (
    AgreementKind,
    AgreementState,
    FollowUpStatus,
    OrganisationKind,
    ReportingScheme,
    TrafficLight,
)

SWEDISH: dict[object, str] = {
    OrganisationKind.MUNICIPALITY: "Kommun",
    OrganisationKind.POLICE: "Polis",
    OrganisationKind.HOUSING_COMPANY: "Bostadsbolag",
    OrganisationKind.PROPERTY_OWNERS: "Fastighetsägare",
    OrganisationKind.OTHER: "Annan",
    AgreementKind.COOPERATION_AGREEMENT: "Samverkansöverenskommelse",
    AgreementKind.CITIZEN_PROMISE: "Medborgarlöfte",
    AgreementState.DRAFT: "Utkast",
    AgreementState.SIGNED: "Undertecknad",
    AgreementState.CLOSED: "Avslutad",
    ReportingScheme.QUARTER: "Kvartal",
    ReportingScheme.TERTIAL: "Tertial",
    ReportingScheme.HALF_YEAR: "Halvår",
    ReportingScheme.YEAR: "Helår",
    ReportingScheme.WHOLE_PERIOD: "Hela perioden",
    FollowUpStatus.NOT_STARTED: "Ej påbörjad",
    FollowUpStatus.IN_PROGRESS: "Pågående",
    FollowUpStatus.DONE: "Genomförd",
    FollowUpStatus.PARTLY_DONE: "Delvis genomförd",
    FollowUpStatus.NOT_DONE: "Ej genomförd",
    FollowUpStatus.CANCELLED_OR_POSTPONED: "Inställd/Framflyttad",
    TrafficLight.GREEN: "Grön",
    TrafficLight.YELLOW: "Gul",
    TrafficLight.RED: "Röd",
    TrafficLight.NOT_ASSESSED: "Ej bedömd",
}


def swedish(value: object) -> str:
    """The Swedish word for a coded value (e.g. FollowUpStatus.DONE → "Genomförd")."""
    return SWEDISH[value]
