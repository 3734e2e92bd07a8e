"""What the account connected to a shared database may do, asked of the server itself.

PostgreSQL decides who may read and write each table (the roles ``promises-app server-init``
makes: storage/server_init.py). The program asks ``has_table_privilege`` once, when it
connects, so the window can show "Ansluten som anna (läsa)" and grey out what the account may
not do (domain/permissions.py). The names of the roles to ask IT for are read from the tables'
own grants, so a database whose roles have another prefix names its own roles.

A write the server refuses anyway (a role taken away while the program was open) is turned
into a sentence naming the missing role by ``refusal`` (storage/server.ServerStore.failure).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from promises_app.domain.permissions import SIGNING_TABLES, Permissions, RoleNames

#: SQLSTATE of "permission denied" (psycopg's InsufficientPrivilege).
INSUFFICIENT_PRIVILEGE = "42501"

_PRIVILEGES = text("""
SELECT current_user AS account,
       has_table_privilege('measures', 'SELECT') AND has_table_privilege('change_log', 'SELECT') AS read,
       has_table_privilege('measures', 'INSERT') AND has_table_privilege('measures', 'UPDATE')
         AND has_table_privilege('measures', 'DELETE') AND has_table_privilege('follow_ups', 'INSERT')
         AND has_table_privilege('follow_ups', 'UPDATE') AND has_table_privilege('change_log', 'INSERT') AS edit,
       has_table_privilege('signed_revisions', 'INSERT') AND has_table_privilege('signed_copies', 'INSERT')
         AND has_table_privilege('adopted_reports', 'INSERT') AS sign,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
         OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'change_log'::regclass), 'USAGE')
         AS owner
""")

# The NOLOGIN roles granted a privilege directly on a table: who IT made readers, editors, signers.
_GRANTEES = text("""
SELECT a.privilege_type, r.rolname
FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee
WHERE c.oid = CAST(:table AS regclass) AND NOT r.rolcanlogin AND r.oid <> c.relowner
ORDER BY r.rolname
""")


def server_permissions(connection: Connection) -> Permissions:
    """What the connected account may do in this database, and the roles that give more."""
    row = connection.execute(_PRIVILEGES).one()
    owner = bool(row.owner)
    return Permissions(
        read=owner or bool(row.read),
        edit=owner or bool(row.edit),
        sign=owner or bool(row.sign),
        owner=owner,
        account=str(row.account),
        roles=role_names(connection),
    )


def role_names(connection: Connection) -> RoleNames:
    """The group roles that read, edit and sign here, as the grants on the tables show them
    (server-init's default names where there are no grants yet)."""
    default = RoleNames.with_prefix()

    def grantee(table: str, privilege: str) -> str | None:
        rows = connection.execute(_GRANTEES, {"table": table}).all()
        names = [str(r.rolname) for r in rows if r.privilege_type == privilege]
        return names[0] if names else None

    return RoleNames(
        reader=grantee("measures", "SELECT") or default.reader,
        editor=grantee("measures", "INSERT") or default.editor,
        signer=grantee("signed_revisions", "INSERT") or default.signer,
    )


def is_permission_denied(error: BaseException) -> bool:
    """Whether a driver error is the server's "permission denied"."""
    original: Any = getattr(error, "orig", None)
    return getattr(original, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


def refusal(error: BaseException, permissions: Permissions, address: str) -> str:
    """The Swedish sentence for a write the server refused, naming the role that is missing."""
    original: Any = getattr(error, "orig", None)
    found = re.search(r"permission denied for (?:table|relation|sequence) \"?(\w+)", str(original or error))
    table = found.group(1) if found else None
    if table in SIGNING_TABLES:
        return permissions.signing_refused()
    if table in _OWNER_ONLY:
        return (f"Bara databasens ägare får ändra {table} i den delade databasen {address}; ditt konto "
                f"{permissions.account} får inte det. Ingenting har sparats.")
    if not permissions.edit:
        return permissions.editing_refused(address)
    # The account could edit when it connected: a role taken away since.
    return (f"Servern nekade ditt konto {permissions.account} att ändra i den delade databasen {address}. "
            f"Ingenting har sparats. Kontot behöver rollen {permissions.roles.editor} (och för att underteckna "
            f"och fastställa {permissions.roles.signer}); be den som sköter databasen (kommunens IT) om den.")


#: Tables no group role may change (the log's head and coverage, the identity rows, Alembic's version).
_OWNER_ONLY = frozenset({
    "change_log_head", "change_log_coverage", "database_identity", "application_identity", "alembic_version",
})
