"""The guards SQLite has as triggers, in PL/pgSQL for a PostgreSQL server (docs/shared-database.md).

The same properties hold on both engines (docs/reliability.md): the change log is append-only
and its head follows every entry; the database's id never changes; signed revisions, their
hand-signed copies and adopted reports are written once (migrations 0004 and 0009); the plan
of a signed or closed agreement is locked (migration 0006, ``plan_triggers``), so raw SQL
cannot do what ``storage/signed_guard.py`` refuses in the ORM.

Each refusal raises SQLSTATE 23000 (integrity_constraint_violation), so the driver reports it
as an ``IntegrityError``, as SQLite reports ``RAISE(ABORT, …)``. PostgreSQL allows no subquery
in a trigger's WHEN, so the conditions of 0006 live in the functions' bodies, with ``IS NOT``
written ``IS DISTINCT FROM``; the triggers keep SQLite's names.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

LOCKED = "('signed', 'closed')"
PLAN_MESSAGE = "the plan of a signed or closed agreement cannot change: start a new revision"

#: Tables whose rows, once written, stay as written (0004, 0009), with what the refusal says.
IMMUTABLE = {
    "signed_revisions": "a signed revision cannot be changed or deleted",
    "signed_copies": "a hand-signed copy cannot be changed or deleted",
    "adopted_reports": "an adopted follow-up report cannot be changed or deleted",
}

#: Plan tables → the SQL giving the id of the agreement a row ({r} is NEW or OLD) belongs to (0006).
AGREEMENT_OF = {
    "goals": "{r}.agreement_id",
    "parties": "{r}.agreement_id",
    "focus_areas": "{r}.agreement_id",
    "promises": "{r}.agreement_id",
    "signatories": "(SELECT agreement_id FROM parties WHERE id = {r}.party_id)",
    "promise_makers": "(SELECT agreement_id FROM promises WHERE id = {r}.promise_id)",
    "measures": "(SELECT agreement_id FROM promises WHERE id = {r}.promise_id)",
    "measure_participants": (
        "(SELECT p.agreement_id FROM measures x JOIN promises p ON p.id = x.promise_id "
        "WHERE x.id = {r}.measure_id)"
    ),
}

#: A measure's columns that are in the signed document (0006: contact person, last year's link
#: and the version counter are not, and stay editable after signing).
MEASURE_DOCUMENT_COLUMNS = (
    "id", "promise_id", "position", "title", "description", "cause", "responsible_id",
    "focus_area_id", "start_date", "deadline", "target_count", "target_unit",
)
#: An agreement's columns that no state change may touch while it is signed or closed (0006).
AGREEMENT_DOCUMENT_COLUMNS = (
    "id", "kind", "parent_id", "title", "municipality", "police_area", "start_date", "end_date",
    "reporting_scheme", "case_number", "introduction", "situation", "intended_effects",
    "follow_up_text",
)


def _raise(message: str) -> str:
    return f"RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';"


def _function(name: str, body: str) -> str:
    return f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} END $$"


def _refusal(name: str, message: str) -> str:
    return _function(name, _raise(message))


def _trigger(name: str, when: str, action: str, table: str, function: str, *, each: str = "ROW") -> str:
    return f"CREATE TRIGGER {name} {when} {action} ON {table} FOR EACH {each} EXECUTE FUNCTION {function}()"


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)


def _locked(table: str, row: str) -> str:
    return f"(SELECT state FROM agreements WHERE id = {AGREEMENT_OF[table].format(r=row)}) IN {LOCKED}"


def _change_log_guards() -> list[str]:
    return [
        _refusal("change_log_append_only", "the change log is append-only"),
        _trigger("change_log_no_update", "BEFORE", "UPDATE", "change_log", "change_log_append_only"),
        _trigger("change_log_no_delete", "BEFORE", "DELETE", "change_log", "change_log_append_only"),
        _trigger(
            "change_log_no_truncate", "BEFORE", "TRUNCATE", "change_log", "change_log_append_only", each="STATEMENT"
        ),
        _function(
            "change_log_head_follows",
            "UPDATE change_log_head SET entries = NEW.id, hash = NEW.hash WHERE id = 1; RETURN NEW;",
        ),
        _trigger("change_log_head_follows", "AFTER", "INSERT", "change_log", "change_log_head_follows"),
        _refusal("database_identity_fixed", "the database id never changes"),
        _trigger("database_identity_no_update", "BEFORE", "UPDATE", "database_identity", "database_identity_fixed"),
        _trigger("database_identity_no_delete", "BEFORE", "DELETE", "database_identity", "database_identity_fixed"),
    ]


def _immutable_guards() -> list[str]:
    """0004 and 0009: no UPDATE or DELETE (and, on a server, no TRUNCATE either)."""
    statements = []
    for table, message in IMMUTABLE.items():
        function = f"{table}_written_once"
        statements.append(_refusal(function, message))
        for action in ("UPDATE", "DELETE"):
            statements.append(_trigger(f"{table}_no_{action.lower()}", "BEFORE", action, table, function))
        statements.append(_trigger(f"{table}_no_truncate", "BEFORE", "TRUNCATE", table, function, each="STATEMENT"))
    return statements


def _plan_guards() -> list[str]:
    """0006: the plan of a signed or closed agreement refuses inserts, updates and deletes."""
    statements = []
    for table in AGREEMENT_OF:
        changed_update = f"({_locked(table, 'OLD')} OR {_locked(table, 'NEW')})"
        if table == "measures":
            changed_update += f" AND ({_changed(MEASURE_DOCUMENT_COLUMNS)})"
        function = f"{table}_plan_locked"
        statements.append(_function(
            function,
            f"IF TG_OP = 'INSERT' THEN IF {_locked(table, 'NEW')} THEN {_raise(PLAN_MESSAGE)} END IF; RETURN NEW; "
            f"ELSIF TG_OP = 'UPDATE' THEN IF {changed_update} THEN {_raise(PLAN_MESSAGE)} END IF; RETURN NEW; "
            f"ELSE IF {_locked(table, 'OLD')} THEN {_raise(PLAN_MESSAGE)} END IF; RETURN OLD; END IF;",
        ))
        for action in ("INSERT", "UPDATE", "DELETE"):
            statements.append(_trigger(f"{table}_signed_no_{action.lower()}", "BEFORE", action, table, function))
    agreement_changed = (
        f"OLD.state IN {LOCKED} AND ({_changed(AGREEMENT_DOCUMENT_COLUMNS)}"
        # signed ↔ closed changes nothing else; back to draft is a new, higher revision
        f" OR (NEW.state IN {LOCKED} AND (NEW.revision IS DISTINCT FROM OLD.revision"
        " OR NEW.signing_place IS DISTINCT FROM OLD.signing_place"
        " OR NEW.signing_date IS DISTINCT FROM OLD.signing_date))"
        f" OR (NEW.state NOT IN {LOCKED} AND NEW.revision <= OLD.revision))"
    )
    statements += [
        _function(
            "agreements_plan_locked",
            f"IF TG_OP = 'UPDATE' THEN IF {agreement_changed} THEN {_raise(PLAN_MESSAGE)} END IF; RETURN NEW; "
            f"ELSE IF OLD.state IN {LOCKED} THEN {_raise('a signed or closed agreement cannot be deleted')} END IF; "
            "RETURN OLD; END IF;",
        ),
        _trigger("agreements_signed_no_update", "BEFORE", "UPDATE", "agreements", "agreements_plan_locked"),
        _trigger("agreements_signed_no_delete", "BEFORE", "DELETE", "agreements", "agreements_plan_locked"),
    ]
    return statements


def guard_statements() -> list[str]:
    """The CREATE FUNCTION and CREATE TRIGGER statements, in order."""
    return _change_log_guards() + _immutable_guards() + _plan_guards()


def install_guards(connection: Connection) -> None:
    """Create every guard (inside the caller's transaction)."""
    for statement in guard_statements():
        connection.execute(text(statement))
