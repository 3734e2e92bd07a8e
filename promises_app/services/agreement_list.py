"""The agreement list: one cheap query, without the ORM.

The window shows this list first, before the ORM and the mapped models have loaded (importing
them takes longer than reading the list; docs/architecture.md, "The window"). So it is read with
SQLAlchemy Core, in one statement, from the nine columns a list line needs (not the agreements'
long texts), and put in tree order here: each cooperation agreement followed by the promise
documents under it. ``AgreementService.list_agreements`` is this same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, Integer, String, column, select, table

from promises_app.domain.enums import AgreementKind, AgreementState, ReportingScheme

if TYPE_CHECKING:
    from promises_app.storage.database import Database


@dataclass(frozen=True)
class AgreementSummary:
    """One line of the agreement list (id, title, period, state). Defined here rather than with
    the other records (services/records.py, which names it too) so the first list loads no more."""

    id: int
    kind: AgreementKind
    parent_id: int | None
    title: str
    start_date: date
    end_date: date
    reporting_scheme: ReportingScheme
    state: AgreementState
    revision: int

#: The columns of ``agreements`` the list reads (storage/models.Agreement; a test keeps them in step).
AGREEMENTS = table(
    "agreements",
    column("id", Integer),
    column("kind", String),
    column("parent_id", Integer),
    column("title", String),
    column("start_date", Date),
    column("end_date", Date),
    column("reporting_scheme", String),
    column("state", String),
    column("revision", Integer),
)
#: The stored codes and their values (a dictionary is read much faster than an enum is called).
_KINDS = {kind.value: kind for kind in AgreementKind}
_SCHEMES = {scheme.value: scheme for scheme in ReportingScheme}
_STATES = {state.value: state for state in AgreementState}


class AgreementListService:
    """``Services.agreement_list``: the list the window shows first."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def list_agreements(self) -> list[AgreementSummary]:
        """All agreements, cooperation agreements each followed by the promise documents under them."""
        return list_agreements(self.db)


def list_agreements(db: Database) -> list[AgreementSummary]:
    """All agreements in tree order, read in one statement."""
    a = AGREEMENTS.c
    with db.read_rows() as connection:
        rows = connection.execute(select(*AGREEMENTS.c).order_by(a.start_date, a.id)).all()
    summaries = [
        AgreementSummary(
            id=id_,
            kind=_KINDS[kind],
            parent_id=parent_id,
            title=title,
            start_date=start_date,
            end_date=end_date,
            reporting_scheme=_SCHEMES[scheme],
            state=_STATES[state],
            revision=revision,
        )
        for id_, kind, parent_id, title, start_date, end_date, scheme, state, revision in rows
    ]
    return in_tree_order(summaries)


def in_tree_order(summaries: list[AgreementSummary]) -> list[AgreementSummary]:
    """Each agreement followed by the documents under it, depth first, keeping the given order."""
    children: dict[int | None, list[AgreementSummary]] = {}
    for summary in summaries:
        children.setdefault(summary.parent_id, []).append(summary)
    ordered: list[AgreementSummary] = []
    pending = list(reversed(children.get(None, [])))
    while pending:
        summary = pending.pop()
        ordered.append(summary)
        pending.extend(reversed(children.get(summary.id, [])))
    return ordered
