"""A shared database's address as shown, remembered and built (storage/server.py): never a password."""

from __future__ import annotations

import pytest

from promises_app.storage.server import is_server_address, remembered_address, server_address, shown_address

WITH_PASSWORDS = "postgresql+psycopg://anna:hemligt@db.kommun.se:5433/loften?sslmode=verify-full&password=hemligt"


def test_shown_hides_the_password_in_the_url_and_in_the_query() -> None:
    shown = shown_address(WITH_PASSWORDS)
    assert "hemligt" not in shown
    assert shown == "postgresql+psycopg://anna:***@db.kommun.se:5433/loften?password=***&sslmode=verify-full"


def test_a_socket_folder_is_shown_as_written() -> None:
    assert shown_address("postgresql://anna@/loften?host=/var/run/postgresql") == \
        "postgresql://anna@/loften?host=/var/run/postgresql"


def test_remembered_has_no_password_at_all_and_opens_the_same_database() -> None:
    remembered = remembered_address(WITH_PASSWORDS)
    assert "hemligt" not in remembered and "***" not in remembered
    assert remembered == "postgresql+psycopg://anna@db.kommun.se:5433/loften?sslmode=verify-full"
    assert remembered_address(remembered) == remembered


@pytest.mark.parametrize(("host", "port", "expected"), [
    ("db.kommun.se", 5432, "postgresql://anna@db.kommun.se:5432/loften?sslmode=verify-full"),
    ("/var/run/postgresql", 5432, "postgresql://anna@/loften?host=%2Fvar%2Frun%2Fpostgresql&sslmode=verify-full"),
])
def test_built_from_the_connect_dialogs_fields(host: str, port: int, expected: str) -> None:
    address = server_address(host, "loften", user="anna", port=port, sslmode="verify-full")
    assert address == expected and is_server_address(address)


@pytest.mark.parametrize(("target", "server"), [
    ("postgresql://a@b/c", True), ("postgres://a@b/c", True), ("postgresql+psycopg://?service=x", True),
    ("/home/anna/loften.sqlite", False), ("postgresql.sqlite", False), ("C:\\\\data\\\\x.sqlite", False),
])
def test_a_url_is_told_from_a_file(target: str, server: bool) -> None:
    assert is_server_address(target) is server
