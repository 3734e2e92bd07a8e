"""Who may do what in a shared database: reading, editing, signing, owning (docs/shared-database.md).

On a PostgreSQL server the database's own roles decide. ``promises-app server-init`` makes
three group roles that municipal IT grants to people: one that reads, one that also edits, and
one that also signs agreements and adopts reports. The program asks the server what the
connected account may do (storage/roles.py), shows it, and greys out the rest; a write the
server refuses anyway ends in a Swedish sentence naming the role that is missing.

A SQLite file on this computer has no accounts: whoever can open it may do everything, unless
it is open for reading only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

#: The default prefix of the group roles; a second database on the same server takes another one.
DEFAULT_ROLE_PREFIX = "medborgarloften"


class Level(Enum):
    """The most the connected account may do, from least to most."""

    READ = "read"
    EDIT = "edit"
    SIGN = "sign"
    OWNER = "owner"


#: How each level is said in Swedish ("Ansluten som anna (läsa)").
LEVEL_WORDS = {Level.READ: "läsa", Level.EDIT: "redigera", Level.SIGN: "underteckna", Level.OWNER: "ägare"}


@dataclass(frozen=True)
class RoleNames:
    """The three group roles of one database (PostgreSQL role names are server-wide, so two
    databases on one server take different prefixes)."""

    reader: str
    editor: str
    signer: str

    @classmethod
    def with_prefix(cls, prefix: str = DEFAULT_ROLE_PREFIX) -> RoleNames:
        return cls(reader=f"{prefix}_lasare", editor=f"{prefix}_redigerare", signer=f"{prefix}_undertecknare")


@dataclass(frozen=True)
class Permissions:
    """What the connected account may do. ``account`` is None for a file on this computer."""

    read: bool
    edit: bool
    sign: bool
    owner: bool
    account: str | None = None
    roles: RoleNames = RoleNames.with_prefix()

    @classmethod
    def everything(cls) -> Permissions:
        """A writable file on this computer."""
        return cls(read=True, edit=True, sign=True, owner=True)

    @classmethod
    def reading_only(cls) -> Permissions:
        """A file open for reading only."""
        return cls(read=True, edit=False, sign=False, owner=False)

    @property
    def level(self) -> Level:
        if self.owner:
            return Level.OWNER
        if self.sign:
            return Level.SIGN
        return Level.EDIT if self.edit else Level.READ

    def described(self) -> str:
        """"anna (läsa)": the account and the most it may do, in Swedish."""
        return f"{self.account or 'den här datorns användare'} ({LEVEL_WORDS[self.level]})"

    def editing_refused(self, address: str) -> str:
        """The message for an edit refused because the account may only read."""
        return (f"Ditt konto {self.account} får bara läsa i den delade databasen {address}. Ingenting har sparats. "
                f"För att ändra behöver kontot rollen {self.roles.editor}: be den som sköter databasen "
                "(kommunens IT) att ge kontot den.")

    def signing_refused(self) -> str:
        """The message for signing, a signed copy or an adoption refused because the account may not sign."""
        return (f"Ditt konto {self.account} får inte underteckna överenskommelser eller fastställa uppföljningar "
                f"i den delade databasen: det kräver rollen {self.roles.signer}. Ingenting har sparats. Be den som "
                "sköter databasen (kommunens IT) att ge kontot rollen, eller be någon som har den.")


@dataclass(frozen=True)
class ReadingOnly:
    """Why a shared database is open for reading only: the account's role (a ``ReadOnly`` reason,
    storage/read_only.py, so the window greys out what it greys out for a read-only file)."""

    permissions: Permissions
    address: str

    def describe(self) -> str:
        return (f"kontot {self.permissions.account} får bara läsa (rollen {self.permissions.roles.editor} "
                "behövs för att ändra)")

    def refusal(self) -> str:
        return self.permissions.editing_refused(self.address)


#: Tables only a signer (or the owner) may insert into: the signed record of the agreements.
SIGNING_TABLES = ("signed_revisions", "signed_copies", "adopted_reports")
