"""The content the "Lägesbild och indikatorer" screenshot shows (ui/shell/screenshots.py renders it).


The demo's citizen promise ("Solna – medborgarlöften 2022") gets, through the services as the
page's own edits would: a new revision (a draft, so a finding can become a measure), two
sources, two indicators with values for 2020–2022 followed with baseline and target, and one
safety walk with two findings, one of them made into a measure. "Today" is fixed at
2022-09-01, like the window's screenshots.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from promises_app.domain.enums import AgreementState

if TYPE_CHECKING:
    from promises_app.services import Services

SCREEN_SIZE = (1366, 768)
DEMO_TODAY = date(2022, 9, 1)
DEMO_PROMISE = "Solna – medborgarlöften 2022"
FILE_NAME = "situation-page.png"

SAFE_SHARE = "Andel som känner sig trygga i Hagalund"
DAMAGE = "Anmälda skadegörelsebrott per 100 000 invånare"


def fill_demo(services: Services, agreement_id: int) -> None:
    """The page's content, added through the services (as the page's forms would)."""
    if services.agreements.get_agreement(agreement_id).state is not AgreementState.DRAFT:
        services.signoff.new_revision(agreement_id)
    walks = services.walks
    walks.add_source(agreement_id, text="Polisens trygghetsmätning 2021 (Solna)")
    walks.add_source(agreement_id, text="Anmälda brott 2019–2021, Polisens statistik")

    indicators = services.indicators
    safe = indicators.create_indicator(
        name=SAFE_SHARE, category="Trygghet", source="police_survey", unit="%",
        direction="higher_is_better", area="Hagalund",
    )
    damage = indicators.create_indicator(
        name=DAMAGE, category="Anmälda brott", source="reported_crime", unit="per 100 000 inv.",
        direction="lower_is_better",
    )
    for period, value in (("2020", 46), ("2021", 57), ("2022", 64)):
        indicators.set_value(safe.id, period=period, value=value)
    for period, typed in (("2020", 1420), ("2021", 1310), ("2022", "1 234,5")):
        indicators.set_value(damage.id, period=period, value=typed)
    indicators.link_to_agreement(
        agreement_id, safe.id, baseline_period="2021", baseline_value=57, target_value=67,
        target_text="Två av tre känner sig trygga",
    )
    indicators.link_to_agreement(agreement_id, damage.id, baseline_period="2020", target_value=1200)

    walk = walks.create_walk(
        agreement_id, walked_on=date(2021, 10, 12), place="Hagalund centrum",
        participants="Solna stad\nLokalpolisområde Solna\nFamiljebostäder\nBoende i Hagalund",
    )
    dark = walks.add_finding(walk.id, text="Gångvägen mot Hagalundsparken är mörk: flera lampor är trasiga")
    walks.add_finding(walk.id, text="Klotter och nedskräpning vid busshållplatsen på Hagalundsgatan")
    promise = services.plan.list_promises(agreement_id)[0]
    walks.turn_finding_into_measure(dark.id, promise_id=promise.id, title="Laga belysningen på gångvägen")
