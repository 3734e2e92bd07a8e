"""The register: organisations and people (create, read, update, delete, validation, conflicts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from promises_app.domain.enums import OrganisationKind
from promises_app.services import Services
from promises_app.services.errors import ConflictError, NotFoundError, ValidationError


def test_organisation_crud(services: Services) -> None:
    reg = services.register
    created = reg.create_organisation(name="  Solna stad ", kind="municipality", short_name="Solna")
    assert (created.name, created.kind, created.short_name, created.version) == (
        "Solna stad",
        OrganisationKind.MUNICIPALITY,
        "Solna",
        1,
    )
    assert reg.get_organisation(created.id) == created
    assert reg.list_organisations() == [created]

    updated = reg.update_organisation(created.id, expected_version=1, short_name="SS")
    assert updated.short_name == "SS" and updated.name == "Solna stad"
    assert updated.version == 2
    assert reg.get_organisation(created.id) == updated

    reg.delete_organisation(created.id)
    assert reg.list_organisations() == []
    with pytest.raises(NotFoundError):
        reg.get_organisation(created.id)


def test_organisations_listed_by_name(services: Services) -> None:
    for name in ["Solna stad", "Lokalpolisområde Solna", "Bostadsbolaget"]:
        services.register.create_organisation(name=name, kind="other")
    assert [o.name for o in services.register.list_organisations()] == [
        "Bostadsbolaget",
        "Lokalpolisområde Solna",
        "Solna stad",
    ]


def test_same_name_and_kind_refused_but_other_kind_allowed(services: Services, snapshot: Callable[[], Any]) -> None:
    services.register.create_organisation(name="Solna", kind="municipality")
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.register.create_organisation(name="Solna", kind="municipality")
    assert caught.value.for_field("name")
    assert snapshot() == before
    services.register.create_organisation(name="Solna", kind="other")


def test_rename_onto_another_organisation_refused(services: Services, snapshot: Callable[[], Any]) -> None:
    services.register.create_organisation(name="A", kind="other")
    b = services.register.create_organisation(name="B", kind="other")
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.register.update_organisation(b.id, name="A")
    assert caught.value.for_field("name")
    assert snapshot() == before
    # Saving an organisation under its own name is not a clash.
    assert services.register.update_organisation(b.id, name="B", short_name="b").short_name == "b"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "Solna\u202estad"}, "name"),
        ({"name": "Solna\x00"}, "name"),
        ({"name": "Sol\nna"}, "name"),
        ({"short_name": "x" * 61}, "short_name"),
        ({"kind": "pirates"}, "kind"),
    ],
)
def test_organisation_validation(
    services: Services, snapshot: Callable[[], Any], changes: dict[str, Any], field: str
) -> None:
    existing = services.register.create_organisation(name="Solna stad", kind="municipality")
    before = snapshot()
    values = {"name": "Ny", "kind": "other", "short_name": ""} | changes
    with pytest.raises(ValidationError) as caught:
        services.register.create_organisation(**values)
    assert caught.value.for_field(field), caught.value.errors
    with pytest.raises(ValidationError) as caught:
        services.register.update_organisation(existing.id, **changes)
    assert caught.value.for_field(field)
    assert snapshot() == before


def test_unknown_field_refused(services: Services) -> None:
    org = services.register.create_organisation(name="A", kind="other")
    with pytest.raises(TypeError):
        services.register.update_organisation(org.id, colour="red")


def test_stale_organisation_update_conflicts(services: Services, snapshot: Callable[[], Any]) -> None:
    org = services.register.create_organisation(name="A", kind="other")
    services.register.update_organisation(org.id, expected_version=org.version, short_name="first")
    before = snapshot()
    with pytest.raises(ConflictError):
        services.register.update_organisation(org.id, expected_version=org.version, short_name="second")
    assert snapshot() == before
    assert services.register.get_organisation(org.id).short_name == "first"


def test_organisation_in_use_cannot_be_deleted(demo_services: Services, snapshot: Callable[[], Any]) -> None:
    solna = next(o for o in demo_services.register.list_organisations() if o.name == "Solna stad")
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        demo_services.register.delete_organisation(solna.id)
    assert caught.value.for_field("organisation")
    assert "Solna stad" in str(caught.value)
    assert snapshot() == before


def test_organisation_with_people_cannot_be_deleted(services: Services) -> None:
    org = services.register.create_organisation(name="A", kind="other")
    services.register.create_person(name="Anna", organisation_id=org.id)
    with pytest.raises(ValidationError) as caught:
        services.register.delete_organisation(org.id)
    assert caught.value.for_field("organisation")


def test_person_crud(services: Services) -> None:
    reg = services.register
    org = reg.create_organisation(name="Solna stad", kind="municipality")
    person = reg.create_person(
        name=" Anna Andersson ",
        title="Kommunstyrelsens ordförande",
        organisation_id=org.id,
        email="anna@example.se",
        phone="08-123 45",
    )
    assert person.name == "Anna Andersson"
    assert person.organisation_name == "Solna stad"
    assert reg.get_person(person.id) == person
    assert reg.list_people(organisation_id=org.id) == [person]
    assert reg.list_people(organisation_id=org.id + 100) == []

    moved = reg.update_person(person.id, expected_version=person.version, organisation_id=None, title="Kommunchef")
    assert (moved.organisation_id, moved.organisation_name, moved.title) == (None, "", "Kommunchef")
    assert moved.version == person.version + 1

    reg.delete_person(person.id)
    assert reg.list_people() == []
    with pytest.raises(NotFoundError):
        reg.get_person(person.id)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Anna\u2066"}, "name"),
        ({"title": "x" * 201}, "title"),
        ({"email": "inte en adress"}, "email"),
        ({"email": "anna"}, "email"),
        ({"phone": "08\x07"}, "phone"),
        ({"organisation_id": 99999}, "organisation_id"),
    ],
)
def test_person_validation(
    services: Services, snapshot: Callable[[], Any], changes: dict[str, Any], field: str
) -> None:
    existing = services.register.create_person(name="Befintlig")
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.register.create_person(**({"name": "Ny"} | changes))
    assert caught.value.for_field(field), caught.value.errors
    with pytest.raises(ValidationError) as caught:
        services.register.update_person(existing.id, **changes)
    assert caught.value.for_field(field)
    assert snapshot() == before


def test_stale_person_update_conflicts(services: Services, snapshot: Callable[[], Any]) -> None:
    person = services.register.create_person(name="Anna")
    services.register.update_person(person.id, title="Ett")
    before = snapshot()
    with pytest.raises(ConflictError):
        services.register.update_person(person.id, expected_version=person.version, title="Två")
    assert snapshot() == before


def test_signatory_person_cannot_be_deleted(demo_services: Services, snapshot: Callable[[], Any]) -> None:
    agreement = demo_services.agreements.list_agreements()[0]
    signatory = demo_services.agreements.list_parties(agreement.id)[0].signatories[0]
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        demo_services.register.delete_person(signatory.person_id)
    assert caught.value.for_field("person")
    assert snapshot() == before


def test_missing_rows_are_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.register.update_organisation(12345, name="x")
    with pytest.raises(NotFoundError):
        services.register.delete_person(12345)


# --- text validation (docs/reliability.md, P13), property-based on the pure validator -----------------
from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from promises_app.domain.validation import Checker  # noqa: E402

BIDI = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
C0 = [chr(c) for c in range(0x00, 0x20)]
C1 = [chr(c) for c in range(0x7F, 0xA0)]
BIG = 1_000_000


def _forbidden(multiline: bool) -> set[str]:
    allowed = set("\n\t\r") if multiline else set()  # \r is turned into \n in multi-line text
    # Lone surrogates too: they cannot be stored as UTF-8 (domain/validation.forbidden_characters).
    return set(BIDI) | set(C1) | {c for c in C0 if c not in allowed} | SURROGATES


SURROGATES = {chr(code) for code in range(0xD800, 0xE000)}


def _normalised(value: str, multiline: bool) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n") if multiline else value


def _check(value: object, multiline: bool) -> tuple[str, Checker]:
    checker = Checker("$.x.")
    cleaned = checker.text("name", value, label="Namn", max_length=BIG, multiline=multiline)
    return cleaned, checker


texts = st.text(alphabet=st.characters(codec=None), max_size=60)
nasty = st.sampled_from(sorted(set(BIDI) | set(C0) | set(C1)))
mixed_text = st.lists(st.one_of(texts, nasty), max_size=6).map("".join)
plain_char = st.characters(blacklist_categories=("Cc", "Cf", "Zs", "Zl", "Zp", "Cs"))


@given(value=st.one_of(mixed_text, st.none(), st.integers(), st.binary()), multiline=st.booleans(),
       max_length=st.integers(0, 100), required=st.booleans())
def test_text_never_raises(value: object, multiline: bool, max_length: int, required: bool) -> None:
    checker = Checker()
    cleaned = checker.text("f", value, label="F", max_length=max_length, required=required, multiline=multiline)
    assert isinstance(cleaned, str)
    assert all(error.field == "f" for error in checker.errors)
    if value is not None and not isinstance(value, str):
        assert checker.errors


@given(value=mixed_text, multiline=st.booleans())
def test_accepted_text_is_the_input_stripped(value: str, multiline: bool) -> None:
    cleaned, checker = _check(value, multiline)
    if not checker.errors:
        assert cleaned == _normalised(value, multiline).strip()


@given(inner=mixed_text, first=plain_char, last=plain_char, multiline=st.booleans())
def test_accepts_exactly_the_texts_without_forbidden_characters_inside(
    inner: str, first: str, last: str, multiline: bool
) -> None:
    """Texts that need no trimming: accepted if and only if no forbidden character is in them."""
    value = first + inner + last
    _, checker = _check(value, multiline)
    has_forbidden = bool(set(_normalised(value, multiline)) & _forbidden(multiline))
    assert bool(checker.errors) == has_forbidden
    for error in checker.errors:
        assert error.field == "$.x.name"
        assert error.message.startswith("Namn")


@given(before=mixed_text, bad=nasty, after=mixed_text, first=plain_char, last=plain_char, multiline=st.booleans())
def test_control_or_bidi_character_inside_is_refused_naming_the_field(
    before: str, bad: str, after: str, first: str, last: str, multiline: bool
) -> None:
    if multiline and bad in "\n\t\r":
        return  # allowed in multi-line text
    _, checker = _check(first + before + bad + after + last, multiline)
    assert [e.field for e in checker.errors] == ["$.x.name"]
    assert f"U+{ord(bad):04X}" in checker.errors[0].message or bad in "\n\t\r"


@given(value=mixed_text, multiline=st.booleans())
@example(value="Solna\x1f", multiline=False)
@example(value="\x85Solna", multiline=True)
@example(value="Solna\n", multiline=False)
def test_any_text_with_a_forbidden_character_is_refused(value: str, multiline: bool) -> None:
    """The rule as documented (P13, docs/exchange-format.md "Text"), wherever the character is."""
    _, checker = _check(value, multiline)
    has_forbidden = bool(set(_normalised(value, multiline)) & _forbidden(multiline))
    assert bool(checker.errors) == has_forbidden


def test_a_lone_surrogate_is_refused_at_the_field_not_a_crash(services) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.register.create_organisation(name="Solna\ud800", kind="municipality")
    assert error.value.for_field("name")
    assert services.register.list_organisations() == []
