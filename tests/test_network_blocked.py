"""P15: the whole suite runs with network sockets blocked (pytest-socket, see pyproject.toml).

If this test fails, the blocking was switched off, and the suite no longer proves that the
program makes no network connections.
"""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketBlockedError


@pytest.mark.filterwarnings("ignore:A test tried to use socket.socket")
def test_opening_a_network_socket_is_refused_during_the_tests() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_the_program_works_end_to_end_without_the_network(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from promises_app.services import open_services

    services = open_services(tmp_path / "offline.sqlite")
    try:
        services.maintenance.load_demo()
        exported = services.exchange.export_json(1)
        services.backups.backup_now()
    finally:
        services.db.close()
    assert "Solna" in exported
