"""Resource failures lose nothing (docs/reliability.md, P8).

* Disk full, two ways: ``PRAGMA max_page_count`` set on every new connection of the product's
  engine (portable), and a real 2 MB tmpfs filled up (Linux, root; skipped elsewhere). A big
  import fails with DiskFullError ("Disken är full"), what was saved before is intact, the
  caller's document is untouched, and a later save works once there is room. On the real
  full disk a read fails the same way (SQLite cannot grow the WAL's ``-shm``), a backup is a
  BackupError and leaves no partial file, and an export leaves the old file as it was.
* A read-only folder, a read-only file, an unreadable file and a folder made read-only while
  the database is open, as an unprivileged user (a forked child that drops root; root ignores
  permissions): a StorageFailure (or, when opening, a DatabaseOpenError) with a Swedish
  message naming the path, the form's values unchanged and the file unchanged.
* The file moved, deleted or replaced while open: DatabaseMovedError for writes and reads, no
  new empty database at the old path, and everything works again once it is moved back.
* Exports are written to a temporary file and renamed (``cli.write_atomically``): a failure
  while writing, syncing or renaming leaves no partial target and no temporary file, and an
  existing target keeps its old content.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Self

import pytest
from sqlalchemy import event

from promises_app import cli
from promises_app.cli import main, write_atomically
from promises_app.domain.validation import shown_path
from promises_app.paths import resource
from promises_app.services import Services, open_services
from promises_app.storage import backups
from promises_app.storage.backups import BackupError, backup_dir
from promises_app.storage.database import Database, open_database
from promises_app.storage.errors import (
    DatabaseMovedError,
    DatabaseOpenError,
    DiskFullError,
    StorageFailure,
)

from ._support import demo_copy, dump, helsingborg_document, integrity, sidecars

ORGANISATION_FORM = {"name": "Räddningstjänsten Syd", "kind": "other", "short_name": "RSyd"}
BIG_TEXT = 3000  # characters in every measure description of the big import


def _page_count(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())


# --- disk full ----------------------------------------------------------------------------------


def test_big_import_grows_the_file(tmp_path: Path, _templates: dict[str, Path]) -> None:
    """Control for the next test: without a limit the big import needs well over 2 new pages."""
    copy_path = demo_copy(_templates, tmp_path / "kontroll" / "stor.sqlite")
    database = open_database(copy_path)
    try:
        before = _page_count(database)
        Services(database).exchange.import_document(helsingborg_document("Stor", text_size=BIG_TEXT), backup=False)
        assert _page_count(database) > before + 4
    finally:
        database.close()


def test_disk_full_via_max_page_count(
    demo_services: Services, db: Database, db_path: Path, snapshot: Callable[[], dict[str, Any]]
) -> None:
    services = demo_services
    services.register.create_organisation(name="Sparad före", kind="other")  # an earlier save
    before = snapshot()
    document = helsingborg_document("Stor överenskommelse", text_size=BIG_TEXT)
    typed = copy.deepcopy(document)
    limit_to = _page_count(db) + 2
    limited: list[int] = []

    def small_disk(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit_to}")
        limited.append(limit_to)

    event.listen(db.engine, "connect", small_disk)
    try:
        with pytest.raises(DiskFullError) as caught:
            services.exchange.import_document(document)
        with pytest.raises(DiskFullError):
            services.exchange.import_document(document)  # again: same clean failure, no lock left
    finally:
        event.remove(db.engine, "connect", small_disk)
    assert limited, "the limit never reached a connection"

    message = str(caught.value)
    assert "Disken är full" in message and str(db_path) in message
    assert "inget som sparats tidigare har gått förlorat" in message
    assert document == typed
    assert snapshot() == before
    assert integrity(db_path) == ["ok"]
    # Taken before, still good; the second failed import's backup was the same, so it is kept once.
    assert [b.reason for b in backups.list_backups(db_path)] == ["import"]
    assert all(backups.verify(b.path) is None for b in backups.list_backups(db_path))

    services.register.create_organisation(name="Liten sparning efteråt", kind="other")
    result = services.exchange.import_document(document)  # with room again, the same document imports
    assert len(result.agreement_ids) == 1
    assert integrity(db_path) == ["ok"]


def _mount_tmpfs(folder: Path, size: str) -> None:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real tmpfs needs Linux and root")
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")


def _unmount(folder: Path) -> None:
    if subprocess.run(["umount", str(folder)], capture_output=True, check=False).returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "fyllnad"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    assert shutil.disk_usage(folder).free < 4096
    return filler


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "liten-disk"
    _mount_tmpfs(folder, "2m")
    try:
        yield folder
    finally:
        _unmount(folder)


def test_disk_full_on_a_real_small_tmpfs(small_disk: Path, _templates: dict[str, Path]) -> None:
    path = demo_copy(_templates, small_disk / "medborgarloften.sqlite")
    services = open_services(path, exclusive=True)
    try:
        services.register.create_organisation(name="Sparad före", kind="other")
        first_backup = services.backups.backup_now()
        before = dump(path)
        export_target = small_disk / "export.json"
        export_target.write_text("gammal export\n", encoding="utf-8")
        filler = _fill(small_disk)

        document = helsingborg_document("Stor överenskommelse", text_size=BIG_TEXT)
        typed = copy.deepcopy(document)
        for backup_first in (True, False):
            with pytest.raises(DiskFullError, match="Disken är full") as caught:
                services.exchange.import_document(document, backup=backup_first)
            assert str(path) in str(caught.value)
        form = dict(ORGANISATION_FORM)
        with pytest.raises(DiskFullError):
            services.register.create_organisation(**form)
        assert form == ORGANISATION_FORM and document == typed
        with pytest.raises(BackupError, match="kunde inte göras"):
            services.backups.backup_now()
        with pytest.raises(OSError) as caught:
            write_atomically(export_target, "ny export\n" * 100_000)
        assert caught.value.errno == errno.ENOSPC
        assert export_target.read_text(encoding="utf-8") == "gammal export\n"
        assert sorted(p.name for p in small_disk.iterdir() if p.name.startswith(".")) == []
        assert [b.path for b in backups.list_backups(path)] == [first_backup.path]
        assert os.listdir(backup_dir(path)) == [first_backup.path.name]  # no partial backup left

        filler.unlink()
        assert dump(path) == before
        assert integrity(path) == ["ok"]
        services.register.create_organisation(**form)  # room again: the same form saves
        services.exchange.import_document(document)
        assert integrity(path) == ["ok"]
    finally:
        services.db.close()


# --- permissions, as a user root's permissions do not cover ---------------------------------------

NOBODY = 65534


def _as_nobody(action: Callable[[], dict[str, Any]], *, between: Callable[[], None] | None = None) -> dict[str, Any]:
    """Run ``action`` in a forked child that has dropped root (uid/gid 65534); its JSON-able result.

    A fork, not a new interpreter: the interpreter lives under /root, which an unprivileged
    user may not read, and the child keeps every module the parent already imported.
    ``between`` runs in the parent once the child has reported "ready" (``action`` calls
    ``ready()`` from the argument it gets, if it wants a pause).
    """
    if not hasattr(os, "fork") or os.geteuid() != 0:
        pytest.skip("needs root (to drop to an unprivileged user) and fork")
    to_parent_r, to_parent_w = os.pipe()
    to_child_r, to_child_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(to_parent_r)
            os.close(to_child_w)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)

            def ready() -> None:
                os.write(to_parent_w, b"READY\n")
                os.read(to_child_r, 1)

            try:
                result = action(ready) if between is not None else action()  # type: ignore[call-arg]
            except BaseException as error:  # noqa: BLE001 (reported to the parent)
                result = {
                    "error": type(error).__name__,
                    "message": str(error),
                    "storage_failure": isinstance(error, StorageFailure),
                    "open_error": isinstance(error, DatabaseOpenError),
                    "path": str(getattr(error, "path", "")),
                }
            os.write(to_parent_w, b"RESULT " + json.dumps(result).encode() + b"\n")
        except BaseException:  # noqa: BLE001 (the child must reach os._exit)
            code = 1
        finally:
            os._exit(code)
    os.close(to_parent_w)
    os.close(to_child_r)
    received = b""
    with os.fdopen(to_parent_r, "rb") as from_child:
        for line in from_child:
            if line == b"READY\n":
                assert between is not None
                between()
                os.write(to_child_w, b"G")
            else:
                received = line
    os.close(to_child_w)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert received.startswith(b"RESULT "), "the child reported nothing"
    return json.loads(received[len(b"RESULT "):])


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder an unprivileged user can reach (pytest's own tmp folders are root-only)."""
    base = Path(tempfile.mkdtemp(prefix="medborgarloften-behorighet-"))
    os.chmod(base, 0o755)
    try:
        yield base
    finally:
        for folder, _, _ in os.walk(base):
            os.chmod(folder, 0o755)
        shutil.rmtree(base)


def _database_in(folder: Path, _templates: dict[str, Path]) -> Path:
    folder.mkdir()
    path = demo_copy(_templates, folder / "medborgarloften.sqlite")
    services = open_services(path)
    try:
        services.register.create_organisation(name="Sparad före", kind="other")
    finally:
        services.db.close()
    # Warm up in the parent what the child will run (the child cannot import from /root).
    warm = open_database(demo_copy(_templates, folder.parent / f".varm-{folder.name}.sqlite"), exclusive=True)
    try:
        Services(warm).register.create_organisation(**ORGANISATION_FORM)
        Services(warm).register.list_organisations()
    finally:
        warm.close()
    return path


def _try_save(path: Path, *, exclusive: bool) -> Callable[[], dict[str, Any]]:
    def action() -> dict[str, Any]:
        form = dict(ORGANISATION_FORM)
        database = open_database(path, exclusive=exclusive)
        try:
            try:
                Services(database).register.create_organisation(**form)
            except StorageFailure as error:
                return {"opened": True, "error": type(error).__name__, "message": str(error),
                        "storage_failure": True, "path": str(error.path), "form_kept": form == ORGANISATION_FORM}
            return {"opened": True, "saved": True}
        finally:
            database.close()

    return action


def _unchanged(path: Path) -> Callable[..., None]:
    """A check that ``path`` has the bytes it has now and nothing new appeared beside it."""
    content, listing = path.read_bytes(), sorted(os.listdir(path.parent))

    def check(*, allow_sidecars: bool = False) -> None:
        assert path.read_bytes() == content
        now = sorted(os.listdir(path.parent))
        if allow_sidecars:  # a read-only connection may leave its -wal/-shm, never anything else
            now = [n for n in now if n not in {s.name for s in sidecars(path)}]
        assert now == listing

    return check


@pytest.mark.parametrize("exclusive", [False, True], ids=["open", "exclusive-open"])
def test_read_only_folder_and_file(shared_folder: Path, _templates: dict[str, Path], exclusive: bool) -> None:
    path = _database_in(shared_folder / "skrivskyddad", _templates)
    before = dump(path)
    os.chmod(path, 0o444)
    os.chmod(path.parent, 0o555)
    unchanged = _unchanged(path)

    result = _as_nobody(_try_save(path, exclusive=exclusive))

    assert result.get("storage_failure") is True, result  # refused with a message, when opening
    assert "saved" not in result
    assert result["path"] == str(path) and str(path) in result["message"]
    assert "skrivskyddad" in result["message"], result["message"]
    assert "skadad" not in result["message"]  # not mistaken for damage (which would offer a restore)
    unchanged()
    os.chmod(path.parent, 0o755)
    assert dump(path) == before


def test_read_only_file_in_a_writable_folder(shared_folder: Path, _templates: dict[str, Path]) -> None:
    path = _database_in(shared_folder / "fil-skrivskyddad", _templates)
    before = dump(path)
    os.chmod(path, 0o444)
    os.chmod(path.parent, 0o777)
    unchanged = _unchanged(path)

    # Opened to read, it opens (read-only, storage/read_only.py) and the save is refused.
    result = _as_nobody(_try_save(path, exclusive=False))

    assert result["opened"] is True and "saved" not in result, result
    assert result["error"] == "ReadOnlyError", result
    assert result["path"] == str(path) and "skrivskyddad" in result["message"]
    assert f"databasfilen {path} är skrivskyddad" in result["message"], "names the file that blocks"
    assert "inget som sparats tidigare har gått förlorat" in result["message"]
    assert result["form_kept"] is True
    unchanged()  # read-only: not even a -wal or -shm beside it

    # Opened to write (the one-writer lock), it is refused at once, naming the file.
    result = _as_nobody(_try_save(path, exclusive=True))

    assert "opened" not in result and result["error"] == "ReadOnlyError", result
    assert f"databasfilen {path} är skrivskyddad" in result["message"]
    unchanged()
    assert dump(path) == before


def test_unreadable_file_is_refused_with_a_message(shared_folder: Path, _templates: dict[str, Path]) -> None:
    if not hasattr(os, "fork") or os.geteuid() != 0:  # before the file is made unreadable to us too
        pytest.skip("needs root (to drop to an unprivileged user) and fork")
    path = _database_in(shared_folder / "olasbar", _templates)
    os.chmod(path, 0o000)
    unchanged = _unchanged(path)

    result = _as_nobody(_try_save(path, exclusive=False))

    assert result.get("open_error") is True, result
    assert result["path"] == str(path) and str(path) in result["message"]
    assert "går inte att läsa" in result["message"]
    unchanged()


def test_folder_made_read_only_while_open(shared_folder: Path, _templates: dict[str, Path]) -> None:
    path = _database_in(shared_folder / "blir-skrivskyddad", _templates)
    os.chmod(path.parent, 0o777)
    os.chmod(path, 0o666)
    content: dict[str, bytes] = {}

    def action(ready: Callable[[], None]) -> dict[str, Any]:
        database = open_database(path)
        try:
            services = Services(database)
            services.register.create_organisation(name="Sparad medan skrivbar", kind="other")
            ready()  # the parent now makes the folder and the file read-only
            form = dict(ORGANISATION_FORM)
            try:
                services.register.create_organisation(**form)
            except StorageFailure as error:
                return {"error": type(error).__name__, "message": str(error), "path": str(error.path),
                        "form_kept": form == ORGANISATION_FORM}
            return {"saved": True}
        finally:
            database.close()

    def make_read_only() -> None:
        os.chmod(path, 0o444)
        os.chmod(path.parent, 0o555)
        content["bytes"] = path.read_bytes()

    result = _as_nobody(action, between=make_read_only)

    assert "saved" not in result, result
    assert result["error"] in {"ReadOnlyError", "DatabaseMovedError", "StorageIOError"}, result
    assert result["path"] == str(path) and str(path) in result["message"]
    assert "sparades inte" in result["message"]
    if result["error"] == "ReadOnlyError":  # the folder that blocks is named (issue 12 point 9)
        assert f"mappen {shown_path(path.parent)} är skrivskyddad" in result["message"], result["message"]
    assert result["form_kept"] is True
    assert path.read_bytes() == content["bytes"]
    os.chmod(path.parent, 0o755)
    os.chmod(path, 0o600)
    names = [o.name for o in _organisations(path)]
    assert "Sparad före" in names and "Sparad medan skrivbar" in names
    assert ORGANISATION_FORM["name"] not in names
    assert integrity(path) == ["ok"]


def _organisations(path: Path) -> list[Any]:
    database = open_database(path, create=False)
    try:
        return Services(database).register.list_organisations()
    finally:
        database.close()


# --- the file moved, deleted or replaced while open ------------------------------------------------


def test_file_moved_while_open(services: Services, db_path: Path, tmp_path: Path) -> None:
    services.register.create_organisation(name="Sparad före", kind="other")
    moved = tmp_path / "flyttad" / "annan.sqlite"
    moved.parent.mkdir()
    db_path.rename(moved)
    listing = sorted(os.listdir(db_path.parent))

    form = dict(ORGANISATION_FORM)
    with pytest.raises(DatabaseMovedError) as caught:
        services.register.create_organisation(**form)
    assert str(db_path) in str(caught.value) and "flyttats" in str(caught.value)
    assert form == ORGANISATION_FORM
    with pytest.raises(DatabaseMovedError):
        services.register.list_organisations()  # a read too: SQLite would make a new empty file
    assert not db_path.exists()
    assert sorted(os.listdir(db_path.parent)) == listing

    moved.rename(db_path)
    services.register.create_organisation(**form)
    names = [o.name for o in services.register.list_organisations()]
    assert names == sorted(["Sparad före", ORGANISATION_FORM["name"]])
    assert integrity(db_path) == ["ok"]


def test_file_deleted_while_open(services: Services, db_path: Path) -> None:
    services.register.create_organisation(name="Sparad före", kind="other")
    db_path.unlink()
    for sidecar in sidecars(db_path):
        sidecar.unlink(missing_ok=True)
    with pytest.raises(DatabaseMovedError) as caught:
        services.register.create_organisation(**ORGANISATION_FORM)
    assert str(db_path) in str(caught.value)
    with pytest.raises(DatabaseMovedError):
        services.agreements.list_agreements()
    assert not db_path.exists()  # never a new, empty database in its place


def test_checking_actions_refuse_a_deleted_file_without_making_a_new_one(services: Services, db_path: Path) -> None:
    """An import first runs the full integrity check, and `promises-app check` runs it too: on a
    file deleted while open, each is refused as any transaction is, and SQLite is never let
    to create a new, empty database at the old path (it did, for the import's check)."""
    demo = resource("demo", "solna-2022.json").read_bytes()
    services.register.create_organisation(name="Sparad före", kind="other")
    db_path.unlink()
    for sidecar in sidecars(db_path):
        sidecar.unlink(missing_ok=True)
    for action in (lambda: services.exchange.import_json(demo), services.maintenance.check):
        with pytest.raises(DatabaseMovedError) as caught:
            action()
        assert str(db_path) in str(caught.value)
        assert not db_path.exists()  # never a new, empty database in its place


def test_file_replaced_while_open(services: Services, db_path: Path, tmp_path: Path, _templates: dict[str, Path]) -> None:
    services.register.create_organisation(name="Sparad före", kind="other")
    other = demo_copy(_templates, tmp_path / "annan" / "ersättare.sqlite")
    content = other.read_bytes()
    os.replace(other, db_path)
    with pytest.raises(DatabaseMovedError, match="bytts ut"):
        services.register.create_organisation(**ORGANISATION_FORM)
    assert db_path.read_bytes() == content  # the file now at the path was not written through the old handle


# --- exports: a temporary file, then a rename -----------------------------------------------------


class _FailingHandle:
    """Wraps the real handle; ``write`` writes half the text, then fails as a full disk does."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, text: str) -> int:
        self._handle.write(text[: len(text) // 2])
        self._handle.flush()  # the half really reaches the temporary file
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


@contextlib.contextmanager
def _failing(point: str, monkeypatch: pytest.MonkeyPatch, folder: Path) -> Iterator[list[str]]:
    """Make write_atomically fail at ``point``; yields the temporary files seen while it ran."""
    seen: list[str] = []

    def look() -> None:
        seen.extend(n for n in os.listdir(folder) if n.endswith(".tmp"))

    if point == "write":
        real_fdopen = os.fdopen

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            handle = _FailingHandle(real_fdopen(fd, *args, **kwargs))
            look()
            return handle

        monkeypatch.setattr(cli.os, "fdopen", fdopen)
    elif point == "fsync":
        def fsync(fd: int) -> None:
            look()
            raise OSError(errno.EIO, "Input/output error")

        monkeypatch.setattr(cli.os, "fsync", fsync)
    else:
        def replace(source: Any, target: Any) -> None:
            look()
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(cli.os, "replace", replace)
    yield seen
    monkeypatch.undo()


@pytest.mark.parametrize("existing", [False, True], ids=["new-target", "existing-target"])
@pytest.mark.parametrize("point", ["write", "fsync", "replace"])
def test_export_failure_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, point: str, existing: bool
) -> None:
    folder = tmp_path / "exporter"
    folder.mkdir()
    target = folder / "överenskommelse.json"
    if existing:
        target.write_text("gammal export\n", encoding="utf-8")
    with _failing(point, monkeypatch, folder) as seen, pytest.raises(OSError):
        write_atomically(target, '{"ny": "export"}\n' * 10_000)
    assert seen, "the temporary file was never there: the failure was not inside write_atomically"
    assert all(name.startswith(".överenskommelse.json.") for name in seen)
    assert os.listdir(folder) == (["överenskommelse.json"] if existing else [])
    if existing:
        assert target.read_text(encoding="utf-8") == "gammal export\n"


def test_export_success_replaces_the_target_whole(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("gammal export\n", encoding="utf-8")
    write_atomically(target, "ny export\n")
    assert target.read_text(encoding="utf-8") == "ny export\n"
    assert os.listdir(tmp_path) == ["export.json"]


def test_cli_export_failure_exits_with_a_message_and_no_file(
    demo_services: Services, db: Database, db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    agreement = demo_services.agreements.list_agreements()[0]
    db.close()
    out_dir = tmp_path / "ut"
    out_dir.mkdir()
    target = out_dir / "export.json"
    with _failing("write", monkeypatch, out_dir):
        assert main(["--db", str(db_path), "export-json", str(agreement.id), "-o", str(target)]) == 1
    assert "fel:" in capsys.readouterr().err
    assert os.listdir(out_dir) == []
    assert main(["--db", str(db_path), "export-json", str(agreement.id), "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["agreement"]["title"] == agreement.title
