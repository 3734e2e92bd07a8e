"""Which parties an agreement's municipality and local police area stand for (issue 16, point 1).

A new secretary types "Solna stad" and "Lokalpolisområde Solna" in the agreement's details and
expects them to be the agreement's parties. These rules say which register organisation each
field means and whether the agreement still lacks it; the service applies them in the same
transaction as the save, and the details form shows the same answer as a note while typing.

- the municipality field names a municipality (kind ``municipality``), as typed;
- the police-area field names a police organisation (kind ``police``); a bare place name
  ("Solna") is read as "Lokalpolisområde Solna", the name the police use;
- an agreement that already has a party of that kind (or of that name) is left as it is: we do
  not guess which of two municipalities is meant;
- an organisation of that kind and name (case and spacing aside) already in the register is
  used; else a new one is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from promises_app.domain.enums import OrganisationKind

#: How the police name a local police area; a bare place name gets it in front.
POLICE_AREA_PREFIX = "Lokalpolisområde"


@dataclass(frozen=True)
class PlaceParty:
    """A party the details call for: its name (the register's, when it is there) and kind, and the
    register organisation it is (None: new)."""

    name: str
    kind: OrganisationKind
    organisation_id: int | None


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def wanted(municipality: str, police_area: str) -> list[tuple[str, OrganisationKind]]:
    """The organisations the two fields name (empty fields name none)."""
    found: list[tuple[str, OrganisationKind]] = []
    town = " ".join(municipality.split())
    if town:
        found.append((town, OrganisationKind.MUNICIPALITY))
    area = " ".join(police_area.split())
    if area:
        if not area.casefold().startswith(("lokalpolisområde", "polis")):
            area = f"{POLICE_AREA_PREFIX} {area}"
        found.append((area, OrganisationKind.POLICE))
    return found


def missing_parties(
    municipality: str,
    police_area: str,
    parties: Iterable[tuple[str, OrganisationKind]],
    register: Iterable[tuple[int, str, OrganisationKind]],
) -> list[PlaceParty]:
    """The parties the fields call for that the agreement (``parties``: name, kind) lacks, each
    with the register organisation (``register``: id, name, kind) it is, if there is one."""
    party_list = list(parties)
    organisations = list(register)
    missing: list[PlaceParty] = []
    for name, kind in wanted(municipality, police_area):
        if any(_key(n) == _key(name) or k is kind for n, k in party_list):
            continue
        same = next(((i, n) for i, n, k in organisations if k is kind and _key(n) == _key(name)), None)
        missing.append(PlaceParty(name, kind, None) if same is None else PlaceParty(same[1], kind, same[0]))
    return missing
