"""Fixtures for the storage tests: child processes that are always ended after the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from ._support import Child


@pytest.fixture
def spawn() -> Iterator[Callable[..., Child]]:
    """``spawn(code, *args)`` starts a child Python; every child is killed (if still running) afterwards."""
    children: list[Child] = []

    def start(code: str, *args: str) -> Child:
        child = Child(code, *args)
        children.append(child)
        return child

    yield start
    for child in children:
        child.close()
