"""How a heading names the makers of a group of promises, and whether the promises continue it.

Promises are printed grouped by who makes them. The heading names the makers the way Swedish
agreements do: "Polisen", "Kommunen" or "Polisen och kommunen" where those words point at one
party each, otherwise every maker by its own name ("Norrstads parkeringsbolag och Norrstads
kommun"), never a mix of names and generic words.

A promise's text either continues the heading ("Polisen lovar att …" + "öka tryggheten i
centrum": the form every promise had before the text could stand as written), or is printed as
its makers wrote it ("synlig närvaro vid stationen på helgkvällar"). A group's heading ends in
"att …" only when every promise under it continues it; otherwise the heading ("Polisen lovar")
only groups, and a continuing promise under it is printed with its "att" ("att öka tryggheten").

The rules are here, once, so the printed documents (reports/) and the window's plan tree
(ui/plan/) cannot drift apart; each writes the words in its own language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Protocol

from promises_app.domain.enums import OrganisationKind


class Maker(Protocol):
    """An organisation as the heading needs it (a snapshot's, or a service record)."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def kind(self) -> OrganisationKind: ...


class MakersForm(Enum):
    """How a heading names its makers."""

    POLICE = "police"  # "Polisen"
    MUNICIPALITY = "municipality"  # "Kommunen"
    POLICE_AND_MUNICIPALITY = "police_and_municipality"  # "Polisen och kommunen"
    NAMES = "names"  # every maker by its name, in the promise's order


_USUAL = frozenset({OrganisationKind.POLICE, OrganisationKind.MUNICIPALITY})


def makers_form(makers: Sequence[Maker], parties: Sequence[Maker]) -> MakersForm:
    """"Polisen"/"Kommunen" only where the word can point at one party: the makers are the police,
    the municipality or the two of them, and the agreement has one party of each such kind.
    Anything else (a state agency, a municipal company, a second municipality) is named.

    ``parties``: the agreement's parties (the makers are among them)."""
    kinds = [maker.kind for maker in makers]
    if not kinds or len(set(kinds)) != len(kinds) or not set(kinds) <= _USUAL:
        return MakersForm.NAMES
    everyone = {maker.id: maker.kind for maker in (*parties, *makers)}
    if any(list(everyone.values()).count(kind) > 1 for kind in kinds):
        return MakersForm.NAMES
    if len(kinds) == 2:
        return MakersForm.POLICE_AND_MUNICIPALITY
    return MakersForm.POLICE if kinds == [OrganisationKind.POLICE] else MakersForm.MUNICIPALITY


def maker_names(makers: Sequence[Maker]) -> list[str]:
    """The makers' names for a :attr:`MakersForm.NAMES` heading, in the promise's own order."""
    return [maker.name for maker in makers]


def heading_continues(as_written: Iterable[bool]) -> bool:
    """Does the group's heading end in "lovar att …"? Only when no promise under it stands as written."""
    return not any(as_written)


def continues_under(as_written: bool, group_continues: bool) -> bool:
    """Is this promise printed with its "att" (a continuing promise under a heading that only groups)?"""
    return not as_written and not group_continues
