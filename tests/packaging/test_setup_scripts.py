"""The set-up scripts on a fresh Debian 12 (issue 12, point 10), with the system's tools stood in.

The whole run is `scripts/try-fresh-debian.sh` (a new Debian 12 root, a fresh clone, `CI=true
make test`; docs/packaging.md). Here the scripts' own decisions are checked quickly: the
build script asks apt for the Python shared library PyInstaller needs when the system lacks
it, and the install waits while another apt holds the package lists' lock instead of
failing. `apt-get`, `ldconfig`, `dpkg-query` and the interpreter's answers are small stand-in
scripts on PATH that write down how they were called; nothing is installed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

pytestmark = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                                reason="the scripts install as root (or through sudo, not tried here)")


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/usr/bin/env bash\n" + body, encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def tools(tmp_path: Path) -> Path:
    """A folder of stand-ins; apt-get writes each call to calls.txt."""
    folder = tmp_path / "bin"
    folder.mkdir()
    calls = tmp_path / "calls.txt"
    _tool(folder, "apt-get", f'''
echo "$*" >> {calls}
if [[ " $* " == *" update "* ]]; then
  n=$(cat {tmp_path}/update-count 2>/dev/null || echo 0); echo $((n + 1)) > {tmp_path}/update-count
  if [ "$n" -lt "${{LOCKED_UPDATES:-0}}" ]; then
    echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4711 (apt-get)" >&2
    exit 100
  fi
fi
''')
    return folder


def _run(script: str, tools: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPTS / script), *args], capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PATH": f"{tools}:{os.environ['PATH']}", **env},
    )


def _calls(tools: Path) -> list[str]:
    path = tools.parent / "calls.txt"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_the_install_waits_while_another_apt_holds_the_lists_then_installs(tools: Path) -> None:
    done = _run("apt-install.sh", tools, "libpython3.11", LOCKED_UPDATES="1", APT_LOCK_TIMEOUT="30")
    assert done.returncode == 0, done.stderr
    assert "Another apt or dpkg is running; waiting for it (up to 30 s)" in done.stdout
    update_calls = [c for c in _calls(tools) if "update" in c]
    assert len(update_calls) == 2  # refused once while locked, then done
    (install,) = [c for c in _calls(tools) if " install " in f" {c} "]
    assert install == "-o DPkg::Lock::Timeout=30 install -y -q --no-install-recommends libpython3.11"


def test_the_install_gives_up_after_the_timeout_and_says_so(tools: Path) -> None:
    done = _run("apt-install.sh", tools, "binutils", LOCKED_UPDATES="99", APT_LOCK_TIMEOUT="1")
    assert done.returncode == 1
    assert "Could not get lock" in done.stderr and "were not installed" in done.stderr
    assert not [c for c in _calls(tools) if " install " in f" {c} "]


def _python_without_shared_library(tools: Path, library_dir: Path) -> Path:
    """An interpreter that, like Debian's python3, was built shared but whose library is absent."""
    fake = tools / "python-debian"
    _tool(fake.parent, fake.name, f'printf "1\\nlibpython3.11.so.1.0\\n{library_dir}\\n/usr/bin/python3.11\\n"\n')
    return fake


def test_the_build_script_asks_for_the_python_shared_library_when_it_is_missing(tools: Path, tmp_path: Path) -> None:
    python = _python_without_shared_library(tools, tmp_path / "lib")
    _tool(tools, "ldconfig", "echo 'libc.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libc.so.6'\n")
    _tool(tools, "dpkg-query", "echo 'python3.11-minimal: /usr/bin/python3.11'\n")  # Debian's own python
    done = _run("ensure-build-packages.sh", tools, PYTHON=str(python))
    assert done.returncode == 0, done.stderr
    installs = [c for c in _calls(tools) if " install " in f" {c} "]
    assert len(installs) == 1 and installs[0].endswith("libpython3.11"), installs


def test_the_build_script_installs_nothing_when_the_library_is_there(tools: Path, tmp_path: Path) -> None:
    python = _python_without_shared_library(tools, tmp_path / "lib")
    _tool(tools, "ldconfig", "echo 'libpython3.11.so.1.0 (libc6,x86-64) => /usr/lib/libpython3.11.so.1.0'\n")
    done = _run("ensure-build-packages.sh", tools, PYTHON=str(python))
    assert done.returncode == 0, done.stderr
    assert not [c for c in _calls(tools) if "libpython" in c]


def test_the_test_packages_install_chromium_and_its_driver_when_missing(tools: Path, tmp_path: Path) -> None:
    done = _run("ensure-test-packages.sh", tools, CHROMIUM=str(tmp_path / "no-chromium"),
                CHROMEDRIVER=str(tmp_path / "no-chromedriver"))
    assert done.returncode == 0, done.stderr
    (install,) = [c for c in _calls(tools) if " install " in f" {c} "]
    assert install.endswith("install -y -q --no-install-recommends chromium chromium-driver")


def test_the_test_packages_install_nothing_when_both_are_there(tools: Path) -> None:
    _tool(tools, "chromium", "")
    _tool(tools, "chromedriver", "")
    done = _run("ensure-test-packages.sh", tools, CHROMIUM=str(tools / "chromium"),
                CHROMEDRIVER=str(tools / "chromedriver"))
    assert done.returncode == 0, done.stderr
    assert _calls(tools) == []
