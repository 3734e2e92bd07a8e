"""A throwaway PostgreSQL server for the tests: it lives in promises_app/bench/pg_server.py, which
``make bench`` uses too (its PostgreSQL figures)."""

from promises_app.bench.pg_server import SUPERUSER, PgServer, binaries, running_server

__all__ = ["SUPERUSER", "PgServer", "binaries", "running_server"]
