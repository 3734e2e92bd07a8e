"""A throwaway PostgreSQL server for the tests and the bench: ``initdb`` and ``pg_ctl`` on a temporary folder.

(Here rather than under tests/ so that ``make bench`` can start one too; tests/pg_server.py
imports it from here.)

The server listens on a Unix socket in that folder only (no TCP port, so the suite's blocked
network stays blocked), trusts local connections, and runs without fsync: it is thrown away
at the end of the run. Debian's ``postgresql`` package provides the binaries (`make test`
installs it when missing: scripts/ensure-test-packages.sh); ``PG_BIN`` names another folder.

PostgreSQL refuses to run as root, so as root (CI) the server runs as the ``postgres``
account the package creates (or ``nobody``), which is given the folder; the tests still
connect as the server's superuser ``promises_owner`` through the socket.

Each test gets its own database, copied from a template in which the program has already
created its schema (``CREATE DATABASE … TEMPLATE``: a file copy, much faster than migrating),
and dropped afterwards.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

SUPERUSER = "promises_owner"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (PG_BIN, else Debian's newest), or None."""
    named = os.environ.get("PG_BIN")
    if named:
        return Path(named) if (Path(named) / "initdb").exists() else None
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


class PgServer:
    """One running throwaway server; ``url(name)`` for a database in it."""

    def __init__(self, folder: Path, bin_dir: Path, *, durable: bool = False) -> None:
        #: fsync on (the bench: a server as IT runs it); off for the tests, thrown away anyway.
        self.durable = durable
        self.folder = folder
        self.bin = bin_dir
        self.data = folder / "data"
        self.socket_dir = folder / "socket"
        self._numbers = itertools.count(1)
        self._run_as = _unprivileged_account()

    # -- life cycle -------------------------------------------------------------------------------------------
    def start(self) -> PgServer:
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if self._run_as is not None:
            uid, gid = self._run_as
            for path in (self.folder, self.socket_dir):
                os.chown(path, uid, gid)
        self._run(["initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync"])
        options = (f"-k {self.socket_dir} -c listen_addresses=''{'' if self.durable else ' -F'} -c max_connections=200 "
                   "-c shared_buffers=32MB -c log_min_messages=fatal")
        self._run(["pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"),
                   "-w", "start"])
        return self

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(["pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"])

    # -- databases --------------------------------------------------------------------------------------------
    def url(self, name: str = "postgres", *, user: str = SUPERUSER) -> str:
        """The SQLAlchemy URL of database ``name`` (psycopg 3 over the Unix socket)."""
        return f"postgresql+psycopg://{user}@/{name}?host={self.socket_dir}"

    def new_name(self, prefix: str = "test") -> str:
        return f"{prefix}_{os.getpid()}_{next(self._numbers)}"

    def create_database(self, name: str, *, template: str | None = None) -> str:
        """Create database ``name`` (a copy of ``template`` if given); its URL."""
        clause = f' TEMPLATE "{template}"' if template else ""
        self.sql(f'CREATE DATABASE "{name}"{clause}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def sql(self, statement: str, *, database: str = "postgres") -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE, roles) as the superuser."""
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), dbname=database, user=SUPERUSER, autocommit=True) as conn:
            conn.execute(statement)  # test and bench only, statements built here

    def _run(self, command: list[str]) -> None:
        command = [str(self.bin / command[0]), *command[1:]]
        if self._run_as is not None:
            command = ["runuser", "-u", pwd.getpwuid(self._run_as[0]).pw_name, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)


def _unprivileged_account() -> tuple[int, int] | None:
    """As root: the account the server runs as (PostgreSQL refuses root). Otherwise None."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            entry = pwd.getpwnam(name)
            return entry.pw_uid, entry.pw_gid
    raise RuntimeError("running as root, and there is no postgres or nobody account to run PostgreSQL as")


@contextlib.contextmanager
def running_server(folder: Path, *, durable: bool = False) -> Iterator[PgServer]:
    """A server in ``folder`` for the block's duration (raises LookupError without the binaries).
    ``durable``: with fsync, as a real server runs (the bench); the tests' runs without it."""
    bin_dir = binaries()
    if bin_dir is None or shutil.which("runuser") is None and os.geteuid() == 0:
        raise LookupError("PostgreSQL's initdb and pg_ctl were not found (Debian: apt-get install postgresql)")
    server = PgServer(folder, bin_dir, durable=durable).start()
    try:
        yield server
    finally:
        server.stop()
