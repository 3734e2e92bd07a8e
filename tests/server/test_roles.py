"""Who may do what in a shared database: `server-init`'s roles and what each may do (docs/shared-database.md).

Each test makes its own roles (a prefix of its own: role names are server-wide) and its own login
accounts, granted by the server's superuser as municipal IT would.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from promises_app import cli
from promises_app.domain.enums import AgreementState
from promises_app.domain.permissions import Level, RoleNames
from promises_app.services import Services
from promises_app.storage.changelog import verify_chain
from promises_app.storage.database import Database, open_database
from promises_app.storage.errors import DatabaseOpenError, ReadOnlyError
from promises_app.storage.server_init import run_server_init
from tests.pg_server import PgServer
from tests.server.conftest import Shared
from tests.services.test_signoff import SOLNA, fake_render


def _solna(services: Services) -> int:
    return services.agreements.find_agreements(SOLNA)[0].id


def _new_person(services: Services) -> None:
    services.register.create_person(name="Anna Andersson", title="Samordnare")


def test_server_init_creates_the_roles_once_and_a_second_run_changes_nothing(
    pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run by the database's owner (not a superuser, but allowed to create roles), as IT would."""
    name = pg_server.new_name("init")
    owner = f"it_{name}"
    pg_server.sql(f"CREATE ROLE {owner} LOGIN CREATEROLE")
    pg_server.sql(f'CREATE DATABASE "{name}" OWNER {owner}')
    prefix = f"p_{name}"
    roles = RoleNames.with_prefix(prefix)
    url = pg_server.url(name, user=owner)
    try:
        assert cli.main(["server-init", url, "--prefix", prefix]) == 0
        first = capsys.readouterr().out
        assert "Skapade Medborgarlöftens tabeller" in first
        for role in (roles.reader, roles.editor, roles.signer):
            assert f"Skapade gruppen {role}" in first
        assert f"GRANT {roles.editor} TO anna;" in first

        assert cli.main(["server-init", url, "--prefix", prefix]) == 0
        second = capsys.readouterr().out
        assert "Ingenting behövde ändras" in second
        assert "Skapade" not in second
        assert f"GRANT {roles.signer} TO anna;" in second
    finally:
        pg_server.drop_database(name)
        for role in (roles.signer, roles.editor, roles.reader, owner):
            pg_server.sql(f"DROP ROLE IF EXISTS {role}")


def test_server_init_takes_back_what_a_role_should_not_have(shared: Shared) -> None:
    shared.server.sql(f"GRANT INSERT ON signed_revisions TO {shared.roles.editor}", database=shared.name)
    report = run_server_init(shared.server.url(shared.name), shared.roles.reader.removesuffix("_lasare"))
    assert report.done == [f"{shared.roles.editor} hade för mycket på signed_revisions (INSERT); det är borttaget."]
    database = shared.open_as(shared.editor)
    try:
        assert database.permissions.level is Level.EDIT
    finally:
        database.close()


def test_server_init_without_owner_rights_is_refused_and_changes_nothing(
    shared: Shared, capsys: pytest.CaptureFixture[str]
) -> None:
    stranger = f"stranger_{shared.name}"
    shared.server.sql(f"CREATE ROLE {stranger} LOGIN")
    try:
        shared.server.sql(f'GRANT CONNECT ON DATABASE "{shared.name}" TO {stranger}')
        code = cli.main(["server-init", shared.server.url(shared.name, user=stranger), "--prefix", "p_other"])
        error = capsys.readouterr().err
        assert code == 1
        assert "server-init måste köras av databasens ägare" in error
        assert f"kontot {stranger} är ingen av dem" in error
        assert "Traceback" not in error
        with psycopg.connect(host=str(shared.server.socket_dir), dbname="postgres", user="promises_owner") as conn:
            assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'p_other_lasare'").fetchone() is None
    finally:
        shared.server.sql(f'REVOKE CONNECT ON DATABASE "{shared.name}" FROM {stranger}')
        shared.server.sql(f"DROP ROLE {stranger}")


def test_an_account_without_a_role_cannot_connect(shared: Shared) -> None:
    outsider = f"outsider_{shared.name}"
    shared.server.sql(f"CREATE ROLE {outsider} LOGIN")
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            psycopg.connect(host=str(shared.server.socket_dir), dbname=shared.name, user=outsider).close()
    finally:
        shared.server.sql(f"DROP ROLE {outsider}")


def test_a_reader_reads_but_cannot_write_and_is_told_which_role_to_ask_for(shared: Shared) -> None:
    database = shared.open_as(shared.reader)
    try:
        permissions = database.permissions
        assert (permissions.read, permissions.edit, permissions.sign, permissions.owner) == (True, False, False, False)
        assert permissions.described() == f"{shared.reader} (läsa)"
        assert database.read_only is not None
        services = Services(database)
        assert _solna(services)
        with pytest.raises(ReadOnlyError) as refused:
            _new_person(services)
        assert f"Ditt konto {shared.reader} får bara läsa" in str(refused.value)
        assert f"rollen {shared.roles.editor}" in str(refused.value)
    finally:
        database.close()


def test_a_write_the_server_refuses_names_the_missing_role(shared: Shared) -> None:
    """IT takes the editor's role away while the program is open: the server refuses, in Swedish."""
    database = shared.open_as(shared.editor)
    try:
        assert database.permissions.edit
        shared.server.sql(f"REVOKE {shared.roles.editor} FROM {shared.editor}")
        with pytest.raises(ReadOnlyError) as refused:
            _new_person(Services(database))
        message = str(refused.value)
        assert f"Servern nekade ditt konto {shared.editor}" in message
        assert f"rollen {shared.roles.editor}" in message
        assert "Ingenting har sparats" in message
    finally:
        database.close()


def test_an_editor_edits_but_cannot_sign(shared: Shared) -> None:
    database = shared.open_as(shared.editor)
    try:
        assert database.permissions.level is Level.EDIT
        assert database.read_only is None
        services = Services(database)
        _new_person(services)
        assert "Anna Andersson" in [p.name for p in services.register.list_people()]
        agreement_id = _solna(services)
        services.signoff.new_revision(agreement_id)
        with pytest.raises(ReadOnlyError) as refused:
            services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20", render_pdf=fake_render)
        assert f"det kräver rollen {shared.roles.signer}" in str(refused.value)
        assert services.agreements.get_agreement(agreement_id).state is AgreementState.DRAFT
        with database.read() as session:
            assert verify_chain(session.connection()) == []
    finally:
        database.close()


def test_a_signer_signs(shared: Shared) -> None:
    database = shared.open_as(shared.signer)
    try:
        assert database.permissions.level is Level.SIGN
        services = Services(database)
        agreement_id = _solna(services)
        services.signoff.new_revision(agreement_id)
        record = services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20", render_pdf=fake_render)
        assert record.revision == 2
        assert services.agreements.get_agreement(agreement_id).state is AgreementState.SIGNED
    finally:
        database.close()


def test_no_role_may_change_the_log_alter_a_table_or_drop_a_trigger(shared: Shared) -> None:
    with psycopg.connect(host=str(shared.server.socket_dir), dbname=shared.name, user=shared.signer,
                         autocommit=True) as conn:
        for statement in (
            "UPDATE change_log SET account = 'x'",
            "DELETE FROM change_log",
            "UPDATE change_log_head SET entries = 0",
            "UPDATE change_log_head SET hash = ''",
            "ALTER TABLE measures ADD COLUMN x integer",
            "DROP TRIGGER change_log_no_update ON change_log",
            "CREATE TABLE mine (id integer)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]  # test statements
        # The change log's lock (storage/changelog.py) is allowed: it changes nothing.
        assert conn.execute("SELECT entries FROM change_log_head WHERE id = 1 FOR UPDATE").fetchone()
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("UPDATE change_log_head SET id = 2")


def test_the_change_log_records_the_database_account(shared: Shared) -> None:
    database = shared.open_as(shared.editor)
    try:
        _new_person(Services(database))
        with database.read() as session:
            account = session.execute(text("SELECT account FROM change_log ORDER BY id DESC LIMIT 1")).scalar_one()
        assert account == shared.editor
    finally:
        database.close()


def test_a_file_on_this_computer_may_do_everything(db: Database) -> None:
    assert db.permissions.level is Level.OWNER
    assert db.permissions.account is None


def test_server_init_of_a_file_is_refused_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["server-init", str(tmp_path / "x.sqlite")])
    error = capsys.readouterr().err
    assert code == 1
    assert "är ingen adress till en PostgreSQL-databas" in error
    assert not (tmp_path / "x.sqlite").exists()


def test_server_init_refuses_a_prefix_that_is_no_role_name(shared: Shared, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["server-init", shared.server.url(shared.name), "--prefix", "Kommun; DROP TABLE measures"])
    assert code == 1
    assert "duger inte till rollnamn" in capsys.readouterr().err


def test_an_account_that_may_not_create_the_tables_is_told_to_ask_for_server_init(pg_server: PgServer) -> None:
    """An empty database opened by someone who is not its owner: no tables can be made, said in words."""
    name = pg_server.new_name("empty")
    account = f"someone_{name}"
    pg_server.create_database(name)
    pg_server.sql(f"CREATE ROLE {account} LOGIN")
    try:
        with pytest.raises(DatabaseOpenError) as refused:
            open_database(pg_server.url(name, user=account)).close()
        assert "bara dess ägare får göra" in str(refused.value)
        assert "promises-app server-init" in str(refused.value)
        with psycopg.connect(host=str(pg_server.socket_dir), dbname=name, user="promises_owner") as conn:
            assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)
    finally:
        pg_server.drop_database(name)
        pg_server.sql(f"DROP ROLE {account}")
