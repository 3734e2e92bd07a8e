"""Ids and revisions SQLite cannot hold (2**63, -2**63-1, 23 digits) reach the services from the
command line and from files: each is "not found", in Swedish, never an OverflowError traceback
(issue 12 point 9). The command line refuses them earlier still (tests/cli/test_messages.py);
these check the services themselves, the last place before the driver.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from promises_app.reports.agreement_document import agreement_pdf
from promises_app.services import Services
from promises_app.services.errors import NotFoundError, ServiceError

HUGE = {"2**63": 2**63, "-2**63-1": -(2**63) - 1, "23 digits": 10**22 - 1}
SOLNA = 2  # "Solna – medborgarlöften 2022", signed as revision 1 in the demo


@pytest.mark.parametrize("number", HUGE.values(), ids=HUGE.keys())
@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda s, n: s.privacy.export_person_json(n), "Personen (id {n}) finns inte"),
        (lambda s, n: s.privacy.erase_person(n), "Personen (id {n}) finns inte"),
        (lambda s, n: s.privacy.pseudonymise_person(n), "Personen (id {n}) finns inte"),
        (lambda s, n: s.agreements.get_agreement(n), "Överenskommelsen (id {n}) finns inte"),
        (lambda s, n: agreement_pdf(s, SOLNA, revision=n), "har ingen undertecknad revision {n}"),
        (lambda s, n: s.signoff.attach_signed_copy(SOLNA, n, file_name="kopia.pdf", data=b"%PDF-1.4\n%%EOF\n"),
         "har ingen undertecknad revision {n}"),
    ],
    ids=["person-export", "person-erase", "person-pseudonymise", "agreement", "report-revision", "attach-revision"],
)
def test_an_id_too_big_for_the_database_is_not_found_in_swedish(
    demo_services: Services, snapshot: Callable[[], Any], call: Callable[[Services, int], object], words: str,
    number: int,
) -> None:
    before = snapshot()
    with pytest.raises(ServiceError) as caught:  # NotFoundError is one; OverflowError is not
        call(demo_services, number)
    assert words.format(n=number) in str(caught.value)
    assert snapshot() == before


def test_a_reference_of_odd_digits_finds_nothing(demo_services: Services) -> None:
    for reference in ["9" * 23, "²", "1" * 5000, str(2**63)]:
        assert demo_services.agreements.find_agreements(reference) == []
    assert [a.id for a in demo_services.agreements.find_agreements(str(SOLNA))] == [SOLNA]
    assert issubclass(NotFoundError, ServiceError)
