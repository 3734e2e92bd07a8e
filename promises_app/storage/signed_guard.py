"""Signed means signed (docs/reliability.md, P9): the ORM refuses edits a signature forbids.

``refuse_signed_edits`` runs before every flush of a write session (storage/database.py):

- a ``SignedRevision`` or ``SignedCopy`` is written once and never updated or deleted, and so
  is an ``AdoptedReport`` (a period's follow-up as a council or board adopted it);
- while an agreement is signed or closed, its plan (the agreement's own fields, goals,
  parties, signatories, focus areas, promises and measures) cannot change; the only way
  forward is a new revision, which turns it back into a draft first. Follow-ups, the
  occurrence log and a measure's contact person are not in the signed document: they go
  on after signing.

A new agreement inserted together with its rows (an import of a signed agreement) is not
an edit of a signed one. The triggers of migrations 0004 and 0009 refuse raw-SQL changes to signed
revisions and adopted reports; this guard is what says why, in Swedish.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from promises_app.domain.enums import AgreementState
from promises_app.storage import models as m
from promises_app.storage.errors import SignedRecordError

LOCKED_STATES = frozenset({AgreementState.SIGNED, AgreementState.CLOSED})
#: What starting a new revision (signed → draft) changes on the agreement itself.
NEW_REVISION_FIELDS = frozenset({"state", "revision", "signing_place", "signing_date"})

_CREATED = "signed_guard.created_agreements"
#: Columns of plan rows that the signed document does not contain, so they stay editable:
#: who to ask about a measure, and the link to last year's measure.
_NOT_IN_DOCUMENT: dict[type, set[str]] = {m.Measure: {"contact_id", "previous_measure_id", "version"}}
_NOT_IN_DOCUMENT_RELATIONSHIPS: dict[type, set[str]] = {
    m.Measure: {"contact", "follow_ups", "occurrences"},
}

_PLAN_PARENTS: dict[type, tuple[str, str, type[m.Base]]] = {
    m.Goal: ("agreement", "agreement_id", m.Agreement),
    m.Party: ("agreement", "agreement_id", m.Agreement),
    m.FocusArea: ("agreement", "agreement_id", m.Agreement),
    m.Promise: ("agreement", "agreement_id", m.Agreement),
    m.Signatory: ("party", "party_id", m.Party),
    m.Measure: ("promise", "promise_id", m.Promise),
}


def refuse_signed_edits(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    """before_flush hook: raise SignedRecordError for any change a signature forbids."""
    with session.no_autoflush:
        for obj in chain(session.dirty, session.deleted):
            if isinstance(obj, (m.SignedRevision, m.SignedCopy)) and (
                obj in session.deleted or session.is_modified(obj)
            ):
                raise SignedRecordError(
                    "En undertecknad revision och dess inskannade kopia kan inte ändras eller tas bort."
                )
            if isinstance(obj, m.AdoptedReport) and (obj in session.deleted or session.is_modified(obj)):
                raise SignedRecordError(
                    "En fastställd uppföljning kan inte ändras eller tas bort. En rättelse fastställs som "
                    "en ny version av perioden."
                )
        locked: dict[int, AgreementState] = {}
        for obj in chain(session.new, session.dirty, session.deleted):
            if obj in session.dirty and (not session.is_modified(obj) or _outside_the_document(obj)):
                continue
            agreement = _agreement_of(session, obj)
            if agreement is None or agreement in session.new or agreement in session.info.get(_CREATED, ()):
                continue
            if agreement.id not in locked:
                locked[agreement.id] = _locked_state(session, agreement.id)
            if locked[agreement.id] in LOCKED_STATES and _committed_state(agreement) not in LOCKED_STATES:
                raise _locked(agreement)  # signed by someone else since this transaction read it
            if _committed_state(agreement) not in LOCKED_STATES:
                continue
            if obj is agreement and obj not in session.deleted:
                _check_agreement_change(agreement)
            elif obj is agreement or agreement.state in LOCKED_STATES:
                raise _locked(agreement)


def _locked_state(session: Session, agreement_id: int) -> AgreementState:
    """The agreement's state as committed, its row locked until the transaction ends.

    On a server (READ COMMITTED) a signature committed after this session read the agreement
    is seen here, and one being made waits until this edit is committed (services/signoff.py
    locks the same row). The services lock the agreement before they read it
    (services/plan.lock_plan_of); this catches any change to a plan that did not. On SQLite,
    where ``BEGIN IMMEDIATE`` already serialises writers, it reads the state as loaded.
    """
    state = session.execute(select(m.Agreement.state).where(m.Agreement.id == agreement_id).with_for_update()).scalar()
    return AgreementState.DRAFT if state is None else state  # None: deleted by this transaction's own flush


def remember_created_agreements(session: Session, _flush: UOWTransaction) -> None:
    """after_flush hook: agreements inserted by this session are its own to fill in (an import)."""
    created = session.info.setdefault(_CREATED, set())
    created.update(obj for obj in session.new if isinstance(obj, m.Agreement))


def _outside_the_document(obj: object) -> bool:
    """Only fields the signed document does not contain changed (a measure's contact person)."""
    allowed = _NOT_IN_DOCUMENT.get(type(obj))
    if not allowed:
        return False
    state = inspect(obj)
    changed = {attr.key for attr in state.mapper.column_attrs if state.attrs[attr.key].history.has_changes()}
    relationships_changed = any(
        state.attrs[rel.key].history.has_changes()
        for rel in state.mapper.relationships
        if rel.key not in _NOT_IN_DOCUMENT_RELATIONSHIPS.get(type(obj), ())
    )
    return not relationships_changed and changed <= allowed


def _check_agreement_change(agreement: m.Agreement) -> None:
    state = inspect(agreement)
    changed = {
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key != "version" and state.attrs[attr.key].history.has_changes()
    }
    if agreement.state in LOCKED_STATES:
        allowed = {"state"}  # signed ↔ closed
    else:
        allowed = set(NEW_REVISION_FIELDS)  # a new revision: back to draft
    if changed - allowed:
        raise _locked(agreement)


def _locked(agreement: m.Agreement) -> SignedRecordError:
    return SignedRecordError(
        f"«{_committed(agreement, 'title')}» är undertecknad (revision {_committed_revision(agreement)}) och kan inte "
        "ändras. Starta en ny revision för att ändra planen; den undertecknade revisionen finns kvar "
        "som den var."
    )


def _agreement_of(session: Session, obj: object) -> m.Agreement | None:
    if isinstance(obj, m.Agreement):
        return obj
    parent_info = _PLAN_PARENTS.get(type(obj))
    if parent_info is None:
        return None
    parent = _parent(session, obj, *parent_info)
    return None if parent is None else _agreement_of(session, parent)


def _parent(session: Session, obj: object, relationship: str, foreign_key: str, cls: type[m.Base]) -> object | None:
    """The row's parent, from memory when loaded, else by its (committed) foreign key."""
    state = inspect(obj)
    parent: object | None = state.dict.get(relationship)
    if parent is not None:
        return parent
    history = state.attrs[foreign_key].history
    key = next(iter(chain(history.added, history.unchanged, history.deleted)), None)
    if key is None:
        return None
    return session.get(cls, key)


def _committed(agreement: m.Agreement, field: str) -> Any:  # the field's own type
    history = inspect(agreement).attrs[field].history
    if history.deleted:
        return history.deleted[0]
    return getattr(agreement, field)


def _committed_state(agreement: m.Agreement) -> AgreementState:
    state: AgreementState = _committed(agreement, "state")
    return state


def _committed_revision(agreement: m.Agreement) -> int:
    revision: int = _committed(agreement, "revision")
    return revision
