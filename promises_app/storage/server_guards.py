"""The guards SQLite has as triggers, in PL/pgSQL for a PostgreSQL server (docs/shared-database.md).

The same properties hold on both engines (docs/reliability.md): the change log is append-only
and its head follows every entry; the database's id never changes.
"""

from __future__ import annotations

from sqlalchemy import Connection, text


def _refusal(name: str, message: str) -> str:
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'raise_exception'; END $$"
    )


def guard_statements() -> list[str]:
    """The CREATE FUNCTION and CREATE TRIGGER statements, in order."""
    statements = [
        _refusal("change_log_append_only", "the change log is append-only"),
        "CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log "
        "FOR EACH ROW EXECUTE FUNCTION change_log_append_only()",
        "CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log "
        "FOR EACH ROW EXECUTE FUNCTION change_log_append_only()",
        "CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only()",
        "CREATE FUNCTION change_log_head_follows() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE change_log_head SET entries = NEW.id, hash = NEW.hash WHERE id = 1; RETURN NEW; END $$",
        "CREATE TRIGGER change_log_head_follows AFTER INSERT ON change_log "
        "FOR EACH ROW EXECUTE FUNCTION change_log_head_follows()",
        _refusal("database_identity_fixed", "the database id never changes"),
        "CREATE TRIGGER database_identity_no_update BEFORE UPDATE ON database_identity "
        "FOR EACH ROW EXECUTE FUNCTION database_identity_fixed()",
        "CREATE TRIGGER database_identity_no_delete BEFORE DELETE ON database_identity "
        "FOR EACH ROW EXECUTE FUNCTION database_identity_fixed()",
    ]
    return statements


def install_guards(connection: Connection) -> None:
    """Create every guard (inside the caller's transaction)."""
    for statement in guard_statements():
        connection.execute(text(statement))
