"""A role on the throwaway server that must give a password (tests/pg_server.py trusts the rest).

The server's ``pg_hba.conf`` gets one line in front, for that role only, asking for a SCRAM
password over the socket; every other role is still trusted, so the other tests are unchanged.
"""

from __future__ import annotations

import contextlib
import time

import psycopg

from tests.pg_server import PgServer

ROLE = "pw_tester"
PASSWORD = "hemligt-losen-42"
#: How long the server may take to read its changed pg_hba.conf (a reload is a signal).
RELOAD_LIMIT_S = 10.0


def password_role(server: PgServer) -> str:
    """Make sure ``ROLE`` exists and must give ``PASSWORD``; its name."""
    hba = server.data / "pg_hba.conf"
    line = f"local all {ROLE} scram-sha-256\n"
    text = hba.read_text()
    if not text.startswith(line):
        hba.write_text(line + text)
        with contextlib.suppress(psycopg.errors.DuplicateObject):
            server.sql(f"CREATE ROLE {ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
        server.sql("SELECT pg_reload_conf()")
        _wait_until_asked(server)
    return ROLE


def _wait_until_asked(server: PgServer) -> None:
    """Until the reloaded rules ask ``ROLE`` for a password (a wait with a limit, not a sleep of a guess)."""
    deadline = time.monotonic() + RELOAD_LIMIT_S
    while True:
        try:
            psycopg.connect(host=str(server.socket_dir), dbname="postgres", user=ROLE, passfile="/nonexistent").close()
        except psycopg.OperationalError:
            return
        if time.monotonic() > deadline:
            raise AssertionError("the server did not start asking for the password")
        time.sleep(0.05)
