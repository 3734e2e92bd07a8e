"""The signing date cannot be long before the agreement (issue 12 point 9: `sign --date 1900-01-01`
was accepted). The earliest is a year before the agreement starts, and never before 2000:
agreements are signed in the months before their period or during it, and
samverkansöverenskommelser and medborgarlöften are from the 2000s and 2010s. Refused at the
field (``signed_on``) by the service, so the command line and the sign-off dialog say the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.signoff import EARLIEST_SIGNING, earliest_signing
from tests.services.test_signoff import _draft, fake_render


@pytest.mark.parametrize("day", ["1900-01-01", "1999-12-31", "2020-12-31"])
def test_a_signing_date_long_before_the_agreement_is_refused_at_its_field(
    demo_services: Services, snapshot: Callable[[], Any], day: str
) -> None:
    agreement_id = _draft(demo_services)  # Solna 2022, from 2022-01-01
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        demo_services.signoff.sign(agreement_id, place="Solna", signed_on=day, render_pdf=fake_render)
    assert caught.value.for_field("signed_on") == [
        f"Datum för undertecknande ({day}) är för tidigt: en överenskommelse som gäller från 2022-01-01 "
        "undertecknas tidigast 2021-01-01."
    ]
    assert snapshot() == before


def test_a_year_before_the_start_is_still_accepted(demo_services: Services) -> None:
    agreement_id = _draft(demo_services)
    record = demo_services.signoff.sign(agreement_id, place="Solna", signed_on="2021-01-01", render_pdf=fake_render)
    assert record.signed_on == date(2021, 1, 1)


def test_the_earliest_signing_day() -> None:
    assert earliest_signing(date(2022, 1, 1)) == date(2021, 1, 1)
    assert earliest_signing(date(2024, 2, 29)) == date(2023, 2, 28)
    assert earliest_signing(date(1950, 6, 1)) == EARLIEST_SIGNING == date(2000, 1, 1)
