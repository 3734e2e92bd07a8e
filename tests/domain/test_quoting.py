"""The one quoting helper (domain/validation): a message quotes at most ~80 characters of a value.

Issue 12 point 9: a 10 MB field was echoed whole in a message. These check the helper itself;
the places that use it are checked with the same 10 MB value in tests/cli/test_messages.py and
tests/services/test_exchange_messages.py.
"""

from __future__ import annotations

import pytest

from promises_app.domain.validation import QUOTE_LIMIT, quoted, shorten, shown_path
from promises_app.services import Services
from promises_app.services.errors import ValidationError

TEN_MB = "x" * (10 * 1024 * 1024)


def test_a_short_value_is_quoted_as_typed() -> None:
    assert quoted("Kiruna") == "'Kiruna'"
    assert shorten("Kiruna") == "Kiruna"
    assert quoted(12) == "12"


def test_a_10_mb_value_is_cut_to_the_limit_with_an_ellipsis() -> None:
    assert len(shorten(TEN_MB)) == QUOTE_LIMIT
    assert shorten(TEN_MB).endswith("…")
    assert quoted(TEN_MB) == "'" + "x" * (QUOTE_LIMIT - 1) + "…'"
    assert len(shorten("y" * QUOTE_LIMIT)) == QUOTE_LIMIT and "…" not in shorten("y" * QUOTE_LIMIT)


def test_control_and_direction_characters_are_shown_escaped_not_sent_to_the_terminal() -> None:
    assert quoted("röd\x1b[31m\nrad\u202e") == "'röd\\x1b[31m\\nrad\\u202e'"
    assert len(shorten("\x00" * 1000)) == QUOTE_LIMIT


def test_a_number_too_long_to_write_out_is_described_not_a_crash() -> None:
    huge = 10 ** 5000  # Python refuses to turn more than 4 300 digits into text
    assert "tal" in quoted(huge)
    assert len(quoted(2**70)) <= QUOTE_LIMIT


def test_a_long_path_keeps_its_file_name() -> None:
    path = "/home/" + "mapp/" * 200 + "rapport.json"
    shown = shown_path(path)
    assert len(shown) == QUOTE_LIMIT and shown.startswith("…") and shown.endswith("/rapport.json")
    assert shown_path("/tmp/rapport.json") == "/tmp/rapport.json"


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda s: s.register.create_person(name="Eva", email=TEN_MB), "email"),
        (lambda s: s.register.create_organisation(name="X", kind=TEN_MB), "kind"),
        (lambda s: s.agreements.create_agreement(kind="citizen_promise", title="T", start_date=TEN_MB,
                                                 end_date="2022-12-31", reporting_scheme="year"), "start_date"),
    ],
    ids=["e-mail", "organisation-kind", "date"],
)
def test_validation_messages_quote_a_10_mb_value_shortened(services: Services, make, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        make(services)
    messages = caught.value.for_field(field)
    assert messages, caught.value.errors
    assert all(len(message) < 300 for message in messages), [len(m) for m in messages]
    assert any("x" * 20 in message and "…" in message for message in messages), messages
