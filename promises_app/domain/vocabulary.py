"""The domain's own Swedish words for the coded values, for the command line and printed reports.

The window shows the same words through Qt's translation catalogue (ui/common/labels.py); a test keeps
the two in step.
"""

from __future__ import annotations

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

SWEDISH: dict[object, str] = {
    OrganisationKind.MUNICIPALITY: "Kommun",
    OrganisationKind.MUNICIPAL_COMPANY: "Kommunalt bolag",
    OrganisationKind.POLICE: "Polis",
    OrganisationKind.STATE_AGENCY: "Statlig myndighet",
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
    FindingStatus.OPEN: "Öppen",
    FindingStatus.DEALT_WITH: "Åtgärdad",
    FindingStatus.DECLINED: "Avböjd",
    TrafficLight.GREEN: "Grön",
    TrafficLight.YELLOW: "Gul",
    TrafficLight.RED: "Röd",
    TrafficLight.NOT_ASSESSED: "Ej bedömd",
    IndicatorSource.REPORTED_CRIME: "Anmälda brott",
    IndicatorSource.NTU: "Brås Nationella trygghetsundersökning (NTU)",
    IndicatorSource.POLICE_SURVEY: "Polisens trygghetsmätning",
    IndicatorSource.MUNICIPAL_SURVEY: "Kommunens trygghetsmätning",
    IndicatorSource.ACTIVITY_COUNT: "Aktiviteter",
    IndicatorSource.OTHER_SOURCE: "Annan källa",
    Direction.LOWER_IS_BETTER: "Lägre är bättre",
    Direction.HIGHER_IS_BETTER: "Högre är bättre",
    Sex.TOTAL: "Totalt",
    Sex.WOMEN: "Kvinnor",
    Sex.MEN: "Män",
    Verdict.BETTER: "Bättre",
    Verdict.WORSE: "Sämre",
    Verdict.UNCHANGED: "Oförändrat",
    Verdict.UNKNOWN: "Inget att jämföra med",
}


def swedish(value: object) -> str:
    """The Swedish word for a coded value (e.g. FollowUpStatus.DONE → "Genomförd")."""
    return SWEDISH[value]


#: How a promise's text is printed (``as_written``), as the list of changes says it.
AS_WRITTEN_WORDS: dict[bool, str] = {True: "som den står", False: "efter ”… lovar att”"}


#: What a row of an agreement is called, for the list of changes since signing.
ENTITY_WORDS: dict[str, str] = {
    "agreement": "Överenskommelsen",
    "goal": "Mål",
    "party": "Part",
    "signatory": "Undertecknare",
    "focus_area": "Fokusområde",
    "promise": "Löfte",
    "measure": "Åtgärd",
}

#: The compared fields (domain/snapshot_diff.py), as the agreement's own headings call them.
FIELD_WORDS: dict[str, str] = {
    "title": "Titel",
    "kind": "Typ",
    "municipality": "Kommun",
    "police_area": "Lokalpolisområde",
    "start_date": "Startdatum",
    "end_date": "Slutdatum",
    "reporting_scheme": "Uppföljningsperioder",
    "case_number": "Diarienummer",
    "introduction": "Inledning",
    "situation": "Situationen idag",
    "intended_effects": "Det här ska vi åstadkomma tillsammans",
    "follow_up_text": "Följ med hur det går",
    "text": "Text",
    "name": "Namn",
    "description": "Beskrivning",
    "makers": "Vem lovar",
    "as_written": "Löftets text skrivs ut",
    "promise": "Löfte",
    "cause": "Problem eller orsak",
    "responsible_name": "Ansvarig",
    "participant_names": "Deltar",
    "focus_area_name": "Fokusområde",
    "deadline": "Klart senast",
    "target": "Mål",
    "logo": "Logotyp",
    "order": "Ordning",
}
