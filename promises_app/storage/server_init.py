"""``promises-app server-init URL``: the roles of a shared database, made once by municipal IT.

Run with an owner account (the database's owner, or a superuser). It creates the schema if the
database is empty (storage/server_schema.py) and three NOLOGIN group roles that IT then grants
to people (``GRANT medborgarloften_redigerare TO anna;``):

- ``<prefix>_lasare`` reads everything;
- ``<prefix>_redigerare`` (a member of the reader) also inserts, updates and deletes the
  content tables, appends to the change log and uses the sequences, but may not insert signed
  revisions, signed copies or adopted reports;
- ``<prefix>_undertecknare`` (a member of the editor) may also sign, attach signed copies and
  adopt reports.

Role names are server-wide in PostgreSQL, so a second database on the same server takes another
prefix (``--prefix``). Nobody but the owner may change the change log (the triggers refuse it
anyway), alter a table or drop a trigger: the roles get no more than the above, ``CREATE`` on
the schema is taken from ``PUBLIC``, and only the reader role (and so its members) may connect.

The change log's head follows each entry by a trigger; its function runs as the owner
(``SECURITY DEFINER``), so an editor appends to the log without being able to write its head.

The whole run is one transaction and asks the catalogue before each step: what already holds is
left alone, so a second run changes nothing and says so. A privilege granted to one of the three
roles beyond the above is taken back (and said).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from promises_app.domain.permissions import DEFAULT_ROLE_PREFIX, SIGNING_TABLES, RoleNames
from promises_app.storage.errors import DatabaseOpenError
from promises_app.storage.server import create_server_engine, open_server_database, shown_address
from promises_app.storage.server_schema import SCHEMA_LOCK, schema_version_of

_Quote = Callable[[str], str]

#: A prefix a role name can carry unquoted (lower case; PostgreSQL's names are at most 63 bytes).
_PREFIX = re.compile(r"[a-z_][a-z0-9_]{0,40}")
#: The tables only the owner writes (besides the change log, to which editors append).
OWNER_ONLY_TABLES = frozenset({
    "change_log_head", "change_log_coverage", "database_identity", "application_identity", "alembic_version",
})
#: The trigger function that moves the log's head; it runs as the owner (SECURITY DEFINER).
HEAD_FUNCTION = "change_log_head_follows"
_WRITES = ("INSERT", "UPDATE", "DELETE")


class ServerInitError(DatabaseOpenError):
    """server-init cannot run (not an owner account, no right to create roles, a bad prefix)."""


@dataclass
class InitReport:
    """What server-init did (empty ``done``: nothing needed doing) and the roles it keeps."""

    roles: RoleNames
    database: str
    done: list[str] = field(default_factory=list)

    def grant_lines(self, person: str = "anna") -> list[str]:
        """The statements IT runs to let people in (one account per person, one role each)."""
        lines = [(f"GRANT {self.roles.reader} TO {person};", "läsa"),
                 (f"GRANT {self.roles.editor} TO {person};", "läsa och ändra"),
                 (f"GRANT {self.roles.signer} TO {person};", "ändra, underteckna och fastställa")]
        width = max(len(grant) for grant, _ in lines)
        return [f"{grant.ljust(width)}  -- {what}" for grant, what in lines]


def run_server_init(url: str, prefix: str = DEFAULT_ROLE_PREFIX) -> InitReport:
    """``server-init``: check the account owns the database, create the schema if it is empty, then
    the roles and their privileges (one transaction). What was done is in the report."""
    roles = role_names_for(prefix)
    address = shown_address(url)
    engine = create_server_engine(url)
    try:
        with engine.connect() as connection:
            check_owner(connection, address)  # before anything is created
            empty = schema_version_of(connection) is None
    except OperationalError as error:
        raise DatabaseOpenError(
            _where(address), f"Den delade databasen {address} kunde inte nås ({_first_line(error)}). "
            "Kontrollera adressen och att servern är igång. Ingenting har ändrats.",
        ) from error
    finally:
        engine.dispose()
    database = open_server_database(url)  # an empty database gets the schema here (storage/server_schema.py)
    try:
        with database.engine.connect().execution_options(isolation_level="READ COMMITTED") as connection:
            with connection.begin():
                report = initialise(connection, address, roles)
    finally:
        database.close()
    if empty:
        report.done.insert(0, f"Skapade Medborgarlöftens tabeller i {report.database}.")
    return report


def role_names_for(prefix: str = DEFAULT_ROLE_PREFIX) -> RoleNames:
    """The three roles for ``prefix``; refused in Swedish unless it is a plain lower-case name."""
    if not _PREFIX.fullmatch(prefix):
        raise ServerInitError(
            _where(prefix), f"Prefixet {prefix!r} duger inte till rollnamn: använd små bokstäver a–z, siffror och "
            "understreck (högst 41 tecken), och börja med en bokstav.",
        )
    return RoleNames.with_prefix(prefix)


def check_owner(connection: Connection, address: str) -> None:
    """Refuse unless the connected account is a superuser or (a member of) the database's owner."""
    row = connection.execute(text(
        "SELECT current_user AS account, r.rolsuper AS superuser, "
        "pg_has_role(current_user, d.datdba, 'MEMBER') AS owns, pg_get_userbyid(d.datdba) AS owner "
        "FROM pg_database d, pg_roles r WHERE d.datname = current_database() AND r.rolname = current_user"
    )).one()
    if not (row.superuser or row.owns):
        raise ServerInitError(
            _where(address),
            f"server-init måste köras av databasens ägare ({row.owner}) eller en superanvändare; kontot "
            f"{row.account} är ingen av dem. Ingenting har ändrats. Kör kommandot igen med ägarens konto, "
            f"t.ex. postgresql://{row.owner}@server/databas.",
        )


def initialise(connection: Connection, address: str, roles: RoleNames) -> InitReport:
    """Bring the roles and their privileges to what they should be, in the caller's transaction."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
    check_owner(connection, address)
    _check_tables_owned(connection, address)
    database = str(connection.execute(text("SELECT current_database()")).scalar_one())
    report = InitReport(roles, database)
    quote = connection.dialect.identifier_preparer.quote
    _make_roles(connection, address, roles, report)
    _memberships(connection, roles, report)
    _connect_and_schema(connection, database, roles, report, quote)
    _table_privileges(connection, roles, report, quote)
    _head_may_be_locked(connection, roles, report)
    _head_runs_as_owner(connection, report)
    return report


def _make_roles(connection: Connection, address: str, roles: RoleNames, report: InitReport) -> None:
    wanted = [(roles.reader, "får läsa allt"), (roles.editor, "får läsa och ändra innehållet"),
              (roles.signer, "får ändra, underteckna och fastställa")]
    missing = [(name, what) for name, what in wanted if not _role_exists(connection, name)]
    if not missing:
        return
    may_create = connection.execute(text(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    )).scalar_one()
    if not may_create:
        names = ", ".join(name for name, _ in missing)
        raise ServerInitError(
            _where(address), f"Kontot får inte skapa roller (CREATEROLE), och rollerna {names} finns inte. Ingenting "
            "har ändrats. Kör kommandot med en superanvändare, eller ge ägarkontot CREATEROLE.",
        )
    for name, what in missing:
        connection.execute(text(f"CREATE ROLE {name} NOLOGIN"))
        report.done.append(f"Skapade gruppen {name} (kan inte logga in själv; {what}).")


def _memberships(connection: Connection, roles: RoleNames, report: InitReport) -> None:
    for group, member in ((roles.reader, roles.editor), (roles.editor, roles.signer)):
        held = connection.execute(text(
            "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE g.rolname = :group AND u.rolname = :member"
        ), {"group": group, "member": member}).first()
        if held is None:
            connection.execute(text(f"GRANT {group} TO {member}"))
            report.done.append(f"{member} har allt som {group} har.")


def _connect_and_schema(
    connection: Connection, database: str, roles: RoleNames, report: InitReport, quote: _Quote
) -> None:
    def holds(function: str, role: str, target: str, privilege: str) -> bool:
        return bool(connection.execute(
            text(f"SELECT {function}(:role, :target, :privilege)"),
            {"role": role, "target": target, "privilege": privilege},
        ).scalar_one())

    if holds("has_database_privilege", "public", database, "CONNECT"):
        connection.execute(text(f"REVOKE CONNECT ON DATABASE {quote(database)} FROM PUBLIC"))
        report.done.append(f"Alla konton fick tidigare ansluta till {database}; nu bara de som har någon av rollerna "
                           "(och ägaren).")
    if not holds("has_database_privilege", roles.reader, database, "CONNECT"):
        connection.execute(text(f"GRANT CONNECT ON DATABASE {quote(database)} TO {roles.reader}"))
        report.done.append(f"{roles.reader} får ansluta till {database}.")
    if holds("has_schema_privilege", "public", "public", "CREATE"):
        connection.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
        report.done.append("Ingen utom ägaren får längre skapa tabeller i schemat public.")
    if not holds("has_schema_privilege", roles.reader, "public", "USAGE"):
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {roles.reader}"))
        report.done.append(f"{roles.reader} får använda schemat public.")


def _table_privileges(connection: Connection, roles: RoleNames, report: InitReport, quote: _Quote) -> None:
    """Exactly the direct grants the three roles should have on every table and sequence."""
    relations = connection.execute(text(
        "SELECT relname, relkind FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S') "
        "ORDER BY relname"
    )).all()
    wanted: dict[tuple[str, str], set[str]] = {}
    for name, kind in relations:
        if kind == "S":
            wanted[(roles.editor, name)] = {"USAGE", "SELECT"}
            continue
        wanted[(roles.reader, name)] = {"SELECT"}
        if name == "change_log":
            wanted[(roles.editor, name)] = {"INSERT"}
        elif name in SIGNING_TABLES:
            wanted[(roles.signer, name)] = {"INSERT"}
        elif name not in OWNER_ONLY_TABLES:
            wanted[(roles.editor, name)] = set(_WRITES)
    held: dict[tuple[str, str], set[str]] = {}
    for row in connection.execute(text(
        "SELECT c.relname, r.rolname, a.privilege_type FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a "
        "JOIN pg_roles r ON r.oid = a.grantee WHERE c.relnamespace = 'public'::regnamespace "
        "AND c.relkind IN ('r', 'S') AND r.rolname IN (:reader, :editor, :signer)"
    ), {"reader": roles.reader, "editor": roles.editor, "signer": roles.signer}):
        held.setdefault((str(row.rolname), str(row.relname)), set()).add(str(row.privilege_type))
    kinds = {str(name): str(kind) for name, kind in relations}
    granted: dict[str, list[str]] = {}
    for (role, name), privileges in sorted(wanted.items()):
        missing = privileges - held.get((role, name), set())
        if missing:
            what = "SEQUENCE " if kinds[name] == "S" else "TABLE "
            connection.execute(text(f"GRANT {', '.join(sorted(missing))} ON {what}{quote(name)} TO {role}"))
            granted.setdefault(role, []).append(name)
    for role, names in granted.items():
        report.done.append(f"{role} fick sina rättigheter på {len(names)} tabeller och sekvenser.")
    for (role, name), privileges in sorted(held.items()):
        extra = privileges - wanted.get((role, name), set())
        if extra:
            what = "SEQUENCE " if kinds[name] == "S" else "TABLE "
            connection.execute(text(f"REVOKE {', '.join(sorted(extra))} ON {what}{quote(name)} FROM {role}"))
            report.done.append(f"{role} hade för mycket på {name} ({', '.join(sorted(extra))}); det är borttaget.")


def _head_may_be_locked(connection: Connection, roles: RoleNames, report: InitReport) -> None:
    """Appending to the change log locks its head row (``SELECT … FOR UPDATE``, storage/changelog.py),
    which PostgreSQL allows only with UPDATE on a column of the table: the editor gets it on ``id``
    alone, which the row's CHECK (id = 1) keeps as it is; ``entries`` and ``hash`` stay the owner's."""
    held = connection.execute(
        text("SELECT has_column_privilege(:role, 'change_log_head', 'id', 'UPDATE')"), {"role": roles.editor}
    ).scalar_one()
    if not held:
        connection.execute(text(f"GRANT UPDATE (id) ON change_log_head TO {roles.editor}"))
        report.done.append(f"{roles.editor} får låsa ändringsloggens huvud medan en ändring skrivs (men inte ändra "
                           "det).")


def _head_runs_as_owner(connection: Connection, report: InitReport) -> None:
    definer = connection.execute(text(
        "SELECT prosecdef FROM pg_proc WHERE proname = :name AND pronamespace = 'public'::regnamespace"
    ), {"name": HEAD_FUNCTION}).scalar()
    if definer is False:
        connection.execute(text(
            f"ALTER FUNCTION {HEAD_FUNCTION}() SECURITY DEFINER SET search_path = pg_catalog, public"
        ))
        report.done.append("Ändringsloggens huvud flyttas av ägaren (SECURITY DEFINER), så redigerare kan lägga till "
                           "i loggen men inte skriva dess huvud.")


def _check_tables_owned(connection: Connection, address: str) -> None:
    """The tables' grants can be given only by their owner: refuse an account that does not own them."""
    row = connection.execute(text(
        "SELECT pg_get_userbyid(relowner) AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
        "OR pg_has_role(current_user, relowner, 'MEMBER') AS owns FROM pg_class WHERE oid = 'change_log'::regclass"
    )).one()
    if not row.owns:
        raise ServerInitError(
            _where(address), f"Tabellerna ägs av {row.owner}; bara det kontot (eller en superanvändare) kan ge "
            "rollerna deras rättigheter. Ingenting har ändrats.",
        )


def _role_exists(connection: Connection, name: str) -> bool:
    return connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first() is not None


def _first_line(error: OperationalError) -> str:
    return str(error.orig or error).strip().splitlines()[0]


def _where(address: str) -> Path:
    return Path(address)
