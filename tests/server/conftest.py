"""Fixtures of the shared-database tests: a demo database after server-init, with an account per role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from promises_app.domain.permissions import RoleNames
from promises_app.storage.database import Database, open_database
from promises_app.storage.server_init import run_server_init
from tests.pg_server import PgServer


@dataclass
class Shared:
    """A demo database after server-init, and one account per role."""

    server: PgServer
    name: str
    roles: RoleNames
    reader: str
    editor: str
    signer: str

    def open_as(self, account: str) -> Database:
        return open_database(self.server.url(self.name, user=account))


@pytest.fixture
def shared(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[Shared]:
    name = pg_server.new_name("roles")
    pg_server.create_database(name, template=_pg_templates["demo"])
    prefix = f"p_{name}"
    report = run_server_init(pg_server.url(name), prefix)
    accounts = {}
    for kind, role in (("reader", report.roles.reader), ("editor", report.roles.editor),
                       ("signer", report.roles.signer)):
        account = f"{kind}_{name}"
        pg_server.sql(f"CREATE ROLE {account} LOGIN")
        pg_server.sql(f"GRANT {role} TO {account}")
        accounts[kind] = account
    try:
        yield Shared(pg_server, name, report.roles, **accounts)
    finally:
        pg_server.drop_database(name)
        for account in accounts.values():
            pg_server.sql(f"DROP ROLE {account}")
        for role in (report.roles.signer, report.roles.editor, report.roles.reader):
            pg_server.sql(f"DROP ROLE {role}")
