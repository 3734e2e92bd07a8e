"""Every coded value has its own Swedish word: no two vocabularies share a code.

A StrEnum member hashes as its value, so FollowUpStatus.DONE ("done") and a finding status
coded "done" would be one key of ``SWEDISH``: the later word would silently replace the
earlier one in every report ("Åtgärdad" for "Genomförd").
"""

from __future__ import annotations

from promises_app.domain import enums, indicators
from promises_app.domain.vocabulary import SWEDISH, swedish


def test_no_two_coded_values_share_a_key() -> None:
    vocabularies = [enums.OrganisationKind, enums.AgreementKind, enums.AgreementState, enums.ReportingScheme,
                    enums.FollowUpStatus, enums.FindingStatus, enums.TrafficLight, indicators.IndicatorSource,
                    indicators.Direction, indicators.Sex, indicators.Verdict]
    members = [member for vocabulary in vocabularies for member in vocabulary]
    assert len({member.value for member in members}) == len(members)
    assert len(SWEDISH) == len(members)
    assert swedish(enums.FollowUpStatus.DONE) == "Genomförd"
    assert swedish(enums.FindingStatus.DEALT_WITH) == "Åtgärdad"
