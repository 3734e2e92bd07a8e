"""A folder that even root cannot write to, for the read-only tests of every package.

The tests run as root, for whom ``chmod 0444``/``0555`` stops nothing. A read-only bind mount
does: the kernel refuses every write with ``EROFS``, for root too, and ``os.access`` says so.
Where mounting is not permitted (not Linux, not root, a container without the capability)
the test is skipped, saying why. For plain permissions the tests run the check in a forked
child that has dropped root instead (tests/storage/test_read_only.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, check=False)


@contextlib.contextmanager
def read_only_view(folder: Path) -> Iterator[Path]:
    """``folder`` seen through a read-only bind mount (a new folder beside it), unmounted afterwards."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs Linux and root")
    view = folder.with_name(folder.name + "-skrivskyddad")
    view.mkdir()
    done = _run("mount", "--bind", str(folder), str(view))
    if done.returncode != 0:
        view.rmdir()
        pytest.skip(f"bind mounts are not permitted here: {done.stderr.strip()}")
    try:
        done = _run("mount", "-o", "remount,ro,bind", str(view))
        if done.returncode != 0:
            pytest.skip(f"a read-only remount is not permitted here: {done.stderr.strip()}")
        assert not os.access(view, os.W_OK)
        yield view
    finally:
        if _run("umount", str(view)).returncode != 0:
            _run("umount", "-l", str(view))
        view.rmdir()


def listing(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (not below it) with the SHA-256 of its bytes: "nothing was written"."""
    return {
        entry.name: hashlib.sha256(entry.read_bytes()).hexdigest() if entry.is_file() else "<mapp>"
        for entry in sorted(folder.iterdir())
    }
