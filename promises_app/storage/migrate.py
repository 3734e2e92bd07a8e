"""Schema migrations (Alembic), applied on open in one transaction.

``SCHEMA_VERSION`` is what ``PRAGMA user_version`` holds after the newest migration; the
header check uses it to refuse files made by a newer version without importing Alembic, and
to skip Alembic entirely (it is slow to import) when the file is already current.

Developers add a migration with ``python -m promises_app.storage.migrate revision "message"``.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from promises_app.storage.engine import BEGIN_MODE_OPTION

if TYPE_CHECKING:
    from alembic.config import Config  # imported when needed: Alembic is slow to import

#: The schema version this program writes. Raise it with every new migration.
SCHEMA_VERSION = 11

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


class MigrationError(RuntimeError):
    """A migration left the database inconsistent (a foreign key dangling); nothing was committed."""


@contextlib.contextmanager
def migration_transaction(engine: Engine) -> Iterator[Connection]:
    """One ``BEGIN IMMEDIATE`` transaction to migrate in, with foreign keys off.

    SQLite changes a table's CHECK constraints only by building the table anew (batch mode, as
    migration 0008 does for the organisation kinds), and a table other rows refer to cannot be
    dropped for that while foreign keys are enforced. So, as SQLite's own procedure for such
    changes says, they are switched off before the transaction begins (inside one SQLite ignores
    the switch), and every foreign key is checked before it commits: a migration that left a
    reference dangling raises MigrationError and commits nothing.
    """
    with engine.connect() as connection:
        _foreign_keys(connection, on=False)
        try:
            with connection.execution_options(**{BEGIN_MODE_OPTION: "IMMEDIATE"}).begin():
                yield connection
                dangling = connection.execute(text("PRAGMA foreign_key_check")).first()
                if dangling is not None:
                    raise MigrationError(f"a foreign key of {dangling[0]} row {dangling[1]} dangles after migrating")
        finally:
            _foreign_keys(connection, on=True)


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    """Switch foreign keys on the driver's connection directly: SQLAlchemy would begin a transaction
    first, and inside one SQLite ignores the switch."""
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def upgrade_to_head(connection: Connection) -> None:
    """Apply every pending migration on ``connection``, inside its current transaction."""
    from alembic import command

    command.upgrade(_config(connection), "head")


def current_revision(connection: Connection) -> str | None:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def _new_revision(message: str) -> None:
    """Autogenerate a migration by comparing the models with a database at the current head."""
    from alembic import command

    from promises_app.storage.engine import create_database_engine, write_engine

    with tempfile.TemporaryDirectory() as folder:
        engine = create_database_engine(f"sqlite:///{folder}/head.sqlite")
        with write_engine(engine).begin() as connection:
            if list((MIGRATIONS_DIR / "versions").glob("*.py")) != [
                MIGRATIONS_DIR / "versions" / "__init__.py"
            ]:
                upgrade_to_head(connection)
            config = _config(connection)
            number = SCHEMA_VERSION + (1 if _has_revisions() else 0)
            command.revision(config, message=message, autogenerate=True, rev_id=f"{number:04d}")
        engine.dispose()


def _has_revisions() -> bool:
    return any(p.name != "__init__.py" for p in (MIGRATIONS_DIR / "versions").glob("*.py"))


if __name__ == "__main__":  # pragma: no cover - developer tool
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m promises_app.storage.migrate revision "message"')
    _new_revision(sys.argv[2])
