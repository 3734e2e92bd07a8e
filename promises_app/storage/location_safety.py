"""Is the database somewhere SQLite is safe? (Property P7.)

SQLite's own documentation lists network file systems among the ways to corrupt a database,
and WAL mode needs shared memory that only works when every connection is on the same
machine. Removable drives can vanish mid-write, and cloud-sync programs (OneDrive, Dropbox,
Google Drive, Syncthing, …) copy the file and its ``-wal``/``-journal`` companions at
arbitrary moments. In all three cases the product warns the user and uses
``journal_mode=DELETE`` instead of WAL.

Everything here is a pure function of the path, the platform name and a set of *probes*
(small callables that ask the operating system). The real probes are the defaults; tests
replace them, so every platform can be checked on Linux. A probe that fails (no ``/proc``,
permission denied, no ``ctypes.windll``, …) only switches off its own signal: the
assessment never raises and falls back to "local".
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = [
    "DRIVE_CDROM",
    "DRIVE_FIXED",
    "DRIVE_RAMDISK",
    "DRIVE_REMOTE",
    "DRIVE_REMOVABLE",
    "LocationAssessment",
    "LocationKind",
    "Probes",
    "assess_location",
    "default_probes",
    "linux_is_removable_block_device",
    "parse_darwin_mount_output",
    "parse_proc_mounts",
    "read_proc_mounts",
    "sync_marker",
]


class LocationKind(StrEnum):
    LOCAL = "local"
    NETWORK = "network"
    REMOVABLE = "removable"
    CLOUD_SYNC = "cloud_sync"


@dataclass(frozen=True)
class LocationAssessment:
    kind: LocationKind
    #: For the user (Swedish); names the path, what kind of place it is and what that means.
    reason: str

    @property
    def safe(self) -> bool:
        return self.kind is LocationKind.LOCAL

    @property
    def journal_mode(self) -> str:
        return "WAL" if self.safe else "DELETE"


# --------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------

CONSEQUENCE = (
    "Medborgarlöften använder ett säkrare men långsammare sparläge här. Flytta helst "
    "databasen till en lokal mapp (t.ex. Dokument) och använd säkerhetskopiorna för att dela."
)
_WHY = {
    LocationKind.NETWORK: (
        "Över nätverket kan databasfilen skadas om anslutningen bryts eller om flera datorer använder den."
    ),
    LocationKind.REMOVABLE: "Om enheten tas bort eller matas ut medan programmet sparar kan databasfilen skadas.",
    LocationKind.CLOUD_SYNC: (
        "Synkprogrammet kan kopiera filen mitt i en sparning, vilket kan ge skadade kopior eller konfliktkopior."
    ),
}


def _unsafe(kind: LocationKind, where: str) -> LocationAssessment:
    return LocationAssessment(kind, f"{where} {_WHY[kind]} {CONSEQUENCE}")


def _local(shown: str) -> LocationAssessment:
    return LocationAssessment(LocationKind.LOCAL, f"Databasen {shown} ligger på en lokal disk.")


# --------------------------------------------------------------------------------------
# Constants: drive types, file systems, folder names
# --------------------------------------------------------------------------------------

# GetDriveTypeW results.
DRIVE_UNKNOWN = 0
DRIVE_NO_ROOT_DIR = 1
DRIVE_REMOVABLE = 2
DRIVE_FIXED = 3
DRIVE_REMOTE = 4
DRIVE_CDROM = 5
DRIVE_RAMDISK = 6

#: Linux file-system types that reach over a network (or to another machine's disk).
NETWORK_FS_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ceph", "glusterfs", "lustre", "ncpfs",
        "coda", "davfs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.davfs2", "fuse.glusterfs",
        "fuse.ceph-fuse", "fuse.smbnetfs", "fuse.curlftpfs", "gvfsd-fuse", "fuse.gvfsd-fuse",
    }
)  # fmt: skip
#: Shared folders from a virtual machine's host: another machine's file system, like a share.
HOST_SHARE_FS_TYPES = frozenset({"vboxsf", "vmhgfs", "fuse.vmhgfs-fuse", "prl_fs"})
#: FUSE file systems that are cloud storage mounted as a drive (reported as network, naming the cloud).
CLOUD_FUSE_HINTS = ("rclone", "s3fs", "gcsfuse", "goofys", "onedriver", "google-drive", "pcloud", "seadrive")
OPTICAL_FS_TYPES = frozenset({"iso9660", "udf"})
#: macOS mount types (from `mount`) that are network file systems.
DARWIN_NETWORK_FS_TYPES = frozenset({"smbfs", "afpfs", "nfs", "webdav", "cifs", "ftp", "macfuse", "osxfuse"})

#: Mount points for removable media on Linux.
REMOVABLE_MOUNT_BASES = ("/media", "/run/media")

#: Sync-client folders directly in the home folder (Linux and macOS; exact names).
HOME_SYNC_FOLDERS = {
    "Dropbox": "Dropbox",
    "OneDrive": "OneDrive",
    "Google Drive": "Google Drive",
    "GoogleDrive": "Google Drive",
    "pCloudDrive": "pCloud",
    "Nextcloud": "Nextcloud",
    "ownCloud": "ownCloud",
    "MEGA": "MEGA",
    "MEGAsync": "MEGA",
    "Sync": "Syncthing/Sync",
    "Seafile": "Seafile",
    "SeaDrive": "Seafile",
    "Box": "Box",
}
#: Business/team variants: "Dropbox (Kommunen)", "OneDrive - Kommunen".
HOME_SYNC_PREFIXES = {"Dropbox (": "Dropbox", "OneDrive - ": "OneDrive"}

#: The same on Windows, under %USERPROFILE%, compared case-insensitively.
WINDOWS_PROFILE_SYNC_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "iclouddrive": "iCloud Drive",
    "icloud drive": "iCloud Drive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "box": "Box",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "pclouddrive": "pCloud",
    "mega": "MEGA",
    "megasync": "MEGA",
    "sync": "Syncthing/Sync",
    "seafile": "Seafile",
}
WINDOWS_PROFILE_SYNC_PREFIXES = {"dropbox (": "Dropbox", "onedrive - ": "OneDrive"}
#: Top-level folders of Google Drive for desktop's virtual drive (usually G:), English and Swedish.
GOOGLE_DRIVE_ROOT_FOLDERS = frozenset(
    {"my drive", "min enhet", "shared drives", "delade enheter", "other computers", "andra datorer"}
)
#: macOS ~/Library/CloudStorage folder prefixes that are spelt differently in the product's messages.
_CLOUD_STORAGE_NAMES = {"googledrive": "Google Drive", "box": "Box", "onedrive": "OneDrive", "dropbox": "Dropbox"}
ONEDRIVE_ENV_VARS = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")

#: How many folders above the database are searched for sync-client marker files.
MAX_MARKER_DEPTH = 64

_MOUNT_ESCAPE = re.compile(r"\\([0-7]{3})")
_PARTITION_PATTERNS = (
    re.compile(r"((?:nvme\d+n\d+)|(?:mmcblk\d+)|(?:md\d+)|(?:loop\d+)|(?:nbd\d+))p\d+"),
    re.compile(r"((?:sd|hd|vd|xvd)[a-z]+)\d+"),
)
_REMOTE_9P_SOURCE = re.compile(r"^(?:[^\s/\\:]+:/|//|\d{1,3}(?:\.\d{1,3}){3}\b)")


# --------------------------------------------------------------------------------------
# Real probes
# --------------------------------------------------------------------------------------


def _windows_drive_type(root: str) -> int:
    """GetDriveTypeW for a root such as ``C:\\`` (raises off Windows: no ``ctypes.windll``)."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # Windows only
    get_drive_type = kernel32.GetDriveTypeW
    get_drive_type.argtypes = [ctypes.c_wchar_p]
    get_drive_type.restype = ctypes.c_uint
    return int(get_drive_type(root))


def _windows_mapped_drive_target(letter: str) -> str | None:
    """The UNC path a drive letter (``Z:``) is mapped to, via WNetGetConnectionW; None if unknown."""
    import ctypes

    letter = letter.rstrip("\\/")
    if not letter.endswith(":"):
        letter += ":"
    mpr = ctypes.WinDLL("mpr")  # type: ignore[attr-defined]  # Windows only
    get_connection = mpr.WNetGetConnectionW
    get_connection.argtypes = [ctypes.c_wchar_p, ctypes.c_wchar_p, ctypes.POINTER(ctypes.c_ulong)]
    get_connection.restype = ctypes.c_ulong
    size = ctypes.c_ulong(1024)
    for _attempt in range(2):
        buffer = ctypes.create_unicode_buffer(size.value)
        result = get_connection(letter, buffer, ctypes.byref(size))
        if result == 0:
            return buffer.value or None
        if result != 234:  # ERROR_MORE_DATA: size now holds what is needed
            return None
    return None


def _windows_cloud_sync_provider(path: str) -> str | None:
    """Name of the Cloud Files sync provider (OneDrive, Dropbox, Box, iCloud …) whose sync root
    holds ``path``; "" if inside one but unnamed; None if not inside one (or not Windows)."""
    if os.name != "nt":
        return None
    import ctypes

    folder = _nearest_existing(path)
    if folder is None:
        return None
    cldapi = ctypes.WinDLL("cldapi")  # type: ignore[attr-defined]  # Windows 10 1709 and later only
    get_info = cldapi.CfGetSyncRootInfoByPath
    get_info.argtypes = [
        ctypes.c_wchar_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong)
    ]  # fmt: skip
    get_info.restype = ctypes.c_long  # HRESULT, checked by hand
    buffer = ctypes.create_string_buffer(4096)
    returned = ctypes.c_ulong(0)
    cf_sync_root_info_provider = 2
    if get_info(folder, cf_sync_root_info_provider, buffer, len(buffer), ctypes.byref(returned)) < 0:
        return None
    # CF_SYNC_ROOT_PROVIDER_INFO: ULONG ProviderStatus; WCHAR ProviderName[256]; WCHAR ProviderVersion[256]
    name = ctypes.wstring_at(ctypes.addressof(buffer) + 4, 256).split("\0", 1)[0].strip()
    return name if name.isprintable() else ""


def _nearest_existing(path: str) -> str | None:
    current = path
    for _ in range(256):
        if os.path.exists(current):
            return current
        parent = os.path.dirname(current)
        if parent == current or not parent:
            return None
        current = parent
    return None


def _resolve(path: str) -> str:
    """Absolute, with symlinks resolved as far as the path exists (its nearest existing parent)."""
    return os.path.realpath(os.path.abspath(path))


def _home() -> Path | None:
    return Path.home()


def parse_proc_mounts(text: str) -> list[tuple[str, str, str]]:
    """``(mount_point, fs_type, source)`` from the text of ``/proc/self/mounts``.

    The kernel writes space, tab, newline and backslash in names as octal escapes
    (``/mnt/my\\040share``); they are decoded here.
    """
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        source, mount_point, fs_type = (_MOUNT_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), f) for f in fields[:3])
        mounts.append((mount_point, fs_type, source))
    return mounts


def read_proc_mounts(mounts_file: str | os.PathLike[str] = "/proc/self/mounts") -> list[tuple[str, str, str]]:
    with open(mounts_file, "rb") as handle:
        return parse_proc_mounts(os.fsdecode(handle.read()))


def parse_darwin_mount_output(text: str) -> list[tuple[str, str, str]]:
    """``(mount_point, fs_type, source)`` from macOS ``mount`` output
    (``//anna@nas/delad on /Volumes/delad (smbfs, nodev, nosuid, mounted by anna)``)."""
    mounts = []
    for line in text.splitlines():
        match = re.match(r"^(.*) on (.*) \(([^,)]+)", line)
        if match:
            source, mount_point, fs_type = match.groups()
            mounts.append((mount_point, fs_type.strip(), source))
    return mounts


def _mounts() -> list[tuple[str, str, str]]:
    if sys.platform.startswith("linux"):
        return read_proc_mounts()
    if sys.platform == "darwin":
        completed = subprocess.run(
            ["/sbin/mount"], capture_output=True, text=True, timeout=3, check=False
        )
        return parse_darwin_mount_output(completed.stdout)
    return []


def linux_is_removable_block_device(source: str, *, sys_root: str | os.PathLike[str] = "/sys") -> bool:
    """Whether the block device behind a mount source (``/dev/sdb1``) is removable.

    Partitions are traced to their disk (sdb1 → sdb, nvme0n1p1 → nvme0n1, mmcblk0p1 →
    mmcblk0) and ``/sys/block/<disk>/removable`` is read. A disk on the USB bus (USB hard
    drives often say removable=0) and an SD card also count; device-mapper and md devices
    (encrypted or RAID volumes) count if a device below them does.
    """
    if not source.startswith("/dev/"):
        return False
    name = os.path.basename(os.path.realpath(source))  # /dev/disk/by-uuid/…, /dev/mapper/… → sdb1, dm-0
    return _block_removable(name, Path(sys_root), depth=0)


def _block_removable(name: str, sys_root: Path, depth: int) -> bool:
    if depth > 4 or not name or "/" in name:
        return False
    node = sys_root / "class" / "block" / name
    disk = _whole_disk(name, node)
    for base in (sys_root / "block" / disk, sys_root / "class" / "block" / disk):
        flag = _read_small(base / "removable")
        if flag is None:
            continue
        if flag == "1":
            return True
        where = os.path.relpath(os.path.realpath(base), os.path.realpath(sys_root))
        if "/usb" in "/" + where.replace(os.sep, "/"):
            return True
        if _read_small(base / "device" / "type") == "SD":
            return True
        break
    for slaves in (node / "slaves", sys_root / "block" / disk / "slaves"):
        try:
            below = os.listdir(slaves)
        except OSError:
            continue
        return any(_block_removable(item, sys_root, depth + 1) for item in below)
    return False


def _whole_disk(name: str, node: Path) -> str:
    if (node / "partition").exists():
        parent = Path(os.path.realpath(node)).parent
        if (parent / "removable").exists():
            return parent.name
    for pattern in _PARTITION_PATTERNS:
        match = pattern.fullmatch(name)
        if match:
            return match.group(1)
    return name


def _read_small(path: Path) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            return handle.read(64).strip()
    except OSError:
        return None


def sync_marker(folder: str) -> str | None:
    """The sync client whose marker file is directly in ``folder`` (a sync root), else None.

    Dropbox: a ``.dropbox`` *file* (``~/.dropbox`` the settings folder does not count).
    Syncthing: ``.stfolder``. Nextcloud/ownCloud: ``.sync_*.db``, ``._sync_*.db``,
    ``.nextcloudsync.log``, ``.owncloudsync.log``. Resilio Sync: a ``.sync`` folder holding
    its ``ID``/``IgnoreList``/``StreamsList``. MEGA: ``.megaignore``.
    """
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name == ".dropbox":
                if entry.is_file():
                    return "Dropbox"
            elif name == ".stfolder":
                return "Syncthing"
            elif name == ".nextcloudsync.log":
                return "Nextcloud"
            elif name == ".owncloudsync.log":
                return "ownCloud"
            elif fnmatch.fnmatchcase(name, "._sync_*.db") or fnmatch.fnmatchcase(name, ".sync_*.db"):
                return "Nextcloud/ownCloud"
            elif name == ".megaignore":
                return "MEGA"
            elif name == ".sync" and entry.is_dir() and _is_resilio_folder(entry.path):
                return "Resilio Sync"
    return None


def _is_resilio_folder(folder: str) -> bool:
    return any(os.path.exists(os.path.join(folder, name)) for name in ("ID", "IgnoreList", "StreamsList"))


@dataclass(frozen=True)
class Probes:
    """What the assessment asks the operating system. Defaults are the real calls."""

    #: Environment lookup (Windows: OneDrive, OneDriveCommercial, OneDriveConsumer, USERPROFILE).
    getenv: Callable[[str], str | None] = os.environ.get
    #: The user's home folder (Linux, macOS).
    home: Callable[[], Path | None] = _home
    #: Absolute path with symlinks resolved as far as it exists.
    resolve: Callable[[str], str] = _resolve
    #: Sync client that marks ``folder`` as its sync root, or None.
    sync_marker: Callable[[str], str | None] = sync_marker
    #: Windows: GetDriveTypeW of a root like ``C:\\``.
    drive_type: Callable[[str], int] = _windows_drive_type
    #: Windows: UNC target of a mapped drive letter like ``Z:``, or None.
    mapped_drive_target: Callable[[str], str | None] = _windows_mapped_drive_target
    #: Windows: Cloud Files provider holding the path (OneDrive, Dropbox …), "" if unnamed, or None.
    cloud_sync_provider: Callable[[str], str | None] = _windows_cloud_sync_provider
    #: Linux/macOS: ``(mount_point, fs_type, source)`` of every mount, in mount order.
    mounts: Callable[[], list[tuple[str, str, str]]] = _mounts
    #: Linux: whether the block device ``source`` (``/dev/sdb1``) is removable.
    is_removable_block_device: Callable[[str], bool] = linux_is_removable_block_device

    @classmethod
    def inert(cls) -> Probes:
        """Probes that detect nothing and leave paths as given: a base for tests and for other platforms."""
        return cls(
            getenv=lambda _name: None,
            home=lambda: None,
            resolve=lambda path: path,
            sync_marker=lambda _folder: None,
            drive_type=lambda _root: DRIVE_UNKNOWN,
            mapped_drive_target=lambda _letter: None,
            cloud_sync_provider=lambda _path: None,
            mounts=list,
            is_removable_block_device=lambda _source: False,
        )


def _family(platform: str) -> str:
    name = platform.lower()
    if name.startswith("win") or name == "nt":
        return "windows"
    if name in {"darwin", "macos", "mac", "osx"}:
        return "darwin"
    return "posix"


def default_probes(platform: str | None = None) -> Probes:
    """The real probes when ``platform`` is the running system; inert ones for any other."""
    if platform is None or _family(platform) == _family(sys.platform):
        return Probes()
    return Probes.inert()


# --------------------------------------------------------------------------------------
# The assessment
# --------------------------------------------------------------------------------------


def assess_location(
    path: Path | str, *, platform: str | None = None, probes: Probes | None = None
) -> LocationAssessment:
    """Classify where the database file ``path`` lives. Never raises; unknown means LOCAL."""
    try:
        raw = os.fspath(path)
        if isinstance(raw, bytes):
            raw = os.fsdecode(raw)
    except Exception:  # noqa: BLE001 - never raise: an odd path object is shown as text
        raw = str(path)
    try:
        platform = platform or sys.platform
        probes = probes or default_probes(platform)
        family = _family(platform)
        if family == "windows":
            return _assess_windows(raw, probes)
        return _assess_posix(raw, probes, darwin=family == "darwin")
    except Exception:  # noqa: BLE001 - a last safety net: a probe's odd answer must never stop the program
        return _local(raw)


def _ask(probe: Callable[..., Any], *args: Any, default: Any = None) -> Any:
    try:
        return probe(*args)
    except Exception:  # noqa: BLE001 - a failing probe only switches off its own signal
        return default


def _ask_str(probe: Callable[..., Any], *args: Any) -> str | None:
    value = _ask(probe, *args)
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    return value if isinstance(value, str) else None


# ---- Windows ------------------------------------------------------------------------


@dataclass(frozen=True)
class _WinPath:
    #: "unc", "drive", "volume" or "" (relative, or a device path we do not interpret).
    anchor_kind: str
    #: ``\\server\share``, ``C:``, ``\\?\Volume{…}\`` or "".
    anchor: str
    parts: tuple[str, ...]

    def key(self) -> tuple[str, str, tuple[str, ...]]:
        """Compared case-insensitively, ignoring trailing dots and spaces (as Windows does)."""
        return (self.anchor_kind, self.anchor.casefold(), tuple(_win_fold(p) for p in self.parts))

    def within(self, base: _WinPath) -> bool:
        mine, theirs = self.key(), base.key()
        return (
            bool(mine[0])
            and mine[:2] == theirs[:2]
            and len(mine[2]) > len(theirs[2])
            and mine[2][: len(theirs[2])] == theirs[2]
        )

    def text(self, parts: Iterable[str] | None = None) -> str:
        parts = self.parts if parts is None else tuple(parts)
        if self.anchor_kind == "volume":
            return self.anchor + "\\".join(parts)
        if self.anchor_kind:
            return self.anchor + "\\" + "\\".join(parts)
        return "\\".join(parts)


def _win_fold(part: str) -> str:
    return part.rstrip(" .").casefold() or part.casefold()


def _win_parse(raw: str) -> _WinPath:
    s = raw.replace("/", "\\")
    head = s[:8].upper()
    if head.startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        s = "\\\\" + s[8:]
    elif s.startswith(("\\\\?\\", "\\\\.\\")) and len(s) >= 6 and s[5] == ":" and s[4].isascii() and s[4].isalpha():
        s = s[4:]
    if s.startswith(("\\\\?\\", "\\\\.\\")):
        comps = [c for c in s[4:].split("\\") if c]
        if comps and comps[0].casefold().startswith("volume{"):
            return _WinPath("volume", "\\\\?\\" + comps[0] + "\\", _win_normal(comps[1:]))
        return _WinPath("", "", tuple(comps))
    if s.startswith("\\\\"):
        comps = [c for c in s[2:].split("\\") if c]
        if not comps:
            return _WinPath("", "", ())
        anchor = "\\\\" + "\\".join(comps[:2])
        return _WinPath("unc", anchor, _win_normal(comps[2:]))
    if len(s) >= 2 and s[1] == ":" and s[0].isascii() and s[0].isalpha():
        return _WinPath("drive", s[0].upper() + ":", _win_normal(s[2:].split("\\")))
    return _WinPath("", "", tuple(c for c in s.split("\\") if c))


def _win_normal(comps: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for comp in comps:
        if comp in ("", "."):
            continue
        if comp == "..":
            if out:
                out.pop()
            continue
        out.append(comp)
    return tuple(out)


def _assess_windows(raw: str, probes: Probes) -> LocationAssessment:
    shown = raw
    candidates = [_win_parse(raw)]
    resolved = _ask_str(probes.resolve, raw)
    if resolved and _win_parse(resolved).key() != candidates[0].key():
        candidates.append(_win_parse(resolved))

    # 1. Sync folders known by name: they say the most about what will happen.
    for candidate in candidates:
        service = _windows_sync_folder(candidate, probes)
        if service:
            return _unsafe(LocationKind.CLOUD_SYNC, f"Databasen {shown} ligger i en molnsynkad mapp ({service}).")

    # 2. Network shares and removable drives.
    asked: dict[str, int | None] = {}
    for candidate in candidates:
        if candidate.anchor_kind == "unc":
            return _unsafe(LocationKind.NETWORK, f"Databasen {shown} ligger på en nätverksenhet ({candidate.anchor}).")
        if candidate.anchor_kind not in ("drive", "volume"):
            continue
        root = candidate.anchor if candidate.anchor_kind == "volume" else candidate.anchor + "\\"
        if root not in asked:
            value = _ask(probes.drive_type, root)
            asked[root] = value if isinstance(value, int) else None
        drive_type = asked[root]
        label = candidate.anchor if candidate.anchor_kind == "drive" else "enheten"
        if drive_type == DRIVE_REMOTE:
            target = None
            if candidate.anchor_kind == "drive":
                target = _ask_str(probes.mapped_drive_target, candidate.anchor)
            where = f"Databasen {shown} ligger på nätverksenheten {label}"
            where += f", som är ansluten till {target}." if target else "."
            return _unsafe(LocationKind.NETWORK, where)
        if drive_type == DRIVE_REMOVABLE:
            return _unsafe(
                LocationKind.REMOVABLE,
                f"Databasen {shown} ligger på en flyttbar enhet ({label}), t.ex. ett USB-minne eller minneskort.",
            )
        if drive_type == DRIVE_CDROM:
            return _unsafe(LocationKind.REMOVABLE, f"Databasen {shown} ligger på en cd/dvd-skiva ({label}).")

    # 3. Sync roots the system or the sync client marks.
    anchored = [c for c in reversed(candidates) if c.anchor_kind in ("drive", "volume")]
    for candidate in anchored[:1]:
        provider = _ask(probes.cloud_sync_provider, candidate.text())
        if isinstance(provider, str):
            service = provider or "molntjänst"
            return _unsafe(LocationKind.CLOUD_SYNC, f"Databasen {shown} ligger i en molnsynkad mapp ({service}).")
        for folder in _win_ancestors(candidate):
            service = _ask_str(probes.sync_marker, folder)
            if service:
                return _unsafe(LocationKind.CLOUD_SYNC, f"Databasen {shown} ligger i en molnsynkad mapp ({service}).")
    return _local(shown)


def _win_ancestors(path: _WinPath) -> Iterator[str]:
    parts = path.parts
    for depth in range(len(parts) - 1, max(-1, len(parts) - 1 - MAX_MARKER_DEPTH), -1):
        yield path.text(parts[:depth])


def _windows_sync_folder(path: _WinPath, probes: Probes) -> str | None:
    if not path.anchor_kind:
        return None
    for var in ONEDRIVE_ENV_VARS:
        value = _ask_str(probes.getenv, var)
        if value and value.strip() and path.within(_win_parse(value.strip())):
            return "OneDrive"
    folded = [_win_fold(p) for p in path.parts]
    # Google Drive for desktop: a virtual drive whose top folders are "My Drive" / "Min enhet" …
    if path.anchor_kind in ("drive", "volume") and len(folded) > 1 and folded[0] in GOOGLE_DRIVE_ROOT_FOLDERS:
        return "Google Drive"
    profile = _ask_str(probes.getenv, "USERPROFILE")
    if not profile:
        drive, rest = _ask_str(probes.getenv, "HOMEDRIVE"), _ask_str(probes.getenv, "HOMEPATH")
        profile = drive + rest if drive and rest else None
    if profile and profile.strip():
        base = _win_parse(profile.strip())
        if path.within(base) and len(path.parts) > len(base.parts) + 1:
            first = folded[len(base.parts)]
            if first in WINDOWS_PROFILE_SYNC_FOLDERS:
                return WINDOWS_PROFILE_SYNC_FOLDERS[first]
            for prefix, service in WINDOWS_PROFILE_SYNC_PREFIXES.items():
                if first.startswith(prefix):
                    return service
    return None


# ---- Linux, other POSIX, macOS -----------------------------------------------------


def _assess_posix(raw: str, probes: Probes, *, darwin: bool) -> LocationAssessment:
    shown = raw
    candidates: list[str] = []
    resolved = _ask_str(probes.resolve, raw)
    for candidate in (resolved, raw):
        if candidate and candidate.startswith("/"):
            normal = posixpath.normpath(candidate)
            if normal not in candidates:
                candidates.append(normal)
    if not candidates:
        return _local(shown)
    real = candidates[0]  # the resolved path when the probe worked

    mounts = _mount_table(probes)
    mount = _find_mount(real, mounts)

    if darwin:
        verdict = _darwin_volume(real, mount, shown)
        if verdict:
            return verdict
    elif mount:
        verdict = _linux_mount_verdict(mount, shown, probes)
        if verdict:
            return verdict

    service = _home_sync_folder(candidates, probes, darwin=darwin)
    if service:
        return _unsafe(LocationKind.CLOUD_SYNC, f"Databasen {shown} ligger i en molnsynkad mapp ({service}).")
    for candidate in candidates:
        for folder in _posix_ancestors(candidate):
            service = _ask_str(probes.sync_marker, folder)
            if service:
                return _unsafe(LocationKind.CLOUD_SYNC, f"Databasen {shown} ligger i en molnsynkad mapp ({service}).")
    return _local(shown)


def _mount_table(probes: Probes) -> list[tuple[str, str, str]]:
    table = _ask(probes.mounts, default=None)
    if not isinstance(table, Iterable) or isinstance(table, (str, bytes)):
        return []
    clean = []
    try:
        for entry in table:
            if isinstance(entry, (tuple, list)) and len(entry) >= 3 and all(isinstance(x, str) for x in entry[:3]):
                clean.append((entry[0], entry[1], entry[2]))
    except Exception:  # noqa: BLE001, S110 - a probe's iterator that breaks keeps what it gave
        pass
    return clean


def _find_mount(path: str, mounts: list[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """The mount holding ``path``: the longest mount point that is a path prefix; a later mount
    on the same point hides an earlier one."""
    best: tuple[str, str, str] | None = None
    best_length = -1
    for mount_point, fs_type, source in mounts:
        if not mount_point.startswith("/"):
            continue
        point = posixpath.normpath(mount_point)
        if point == "//":
            point = "/"
        inside = point == "/" or path == point or path.startswith(point + "/")
        if inside and len(point) >= best_length:
            best, best_length = (point, fs_type, source), len(point)
    return best


def _linux_mount_verdict(
    mount: tuple[str, str, str], shown: str, probes: Probes
) -> LocationAssessment | None:
    point, fs_type, source = mount
    fs = fs_type.lower()
    if fs in NETWORK_FS_TYPES or fs.startswith("fuse.") and any(h in fs for h in CLOUD_FUSE_HINTS):
        if any(hint in fs for hint in CLOUD_FUSE_HINTS):
            where = (
                f"Databasen {shown} ligger i en molnlagring som är monterad som nätverksenhet ({fs_type}, {source})."
            )
        else:
            where = f"Databasen {shown} ligger på en nätverksenhet ({fs_type}, {source})."
        return _unsafe(LocationKind.NETWORK, where)
    if fs == "9p" and _REMOTE_9P_SOURCE.match(source):
        return _unsafe(LocationKind.NETWORK, f"Databasen {shown} ligger på en nätverksenhet ({fs_type}, {source}).")
    if fs in HOST_SHARE_FS_TYPES:
        return _unsafe(
            LocationKind.NETWORK,
            f"Databasen {shown} ligger i en delad mapp från en annan dator ({fs_type}, {source}).",
        )
    if fs in OPTICAL_FS_TYPES:
        return _unsafe(LocationKind.REMOVABLE, f"Databasen {shown} ligger på en cd/dvd-skiva ({point}).")
    removable_point = any(point == base or point.startswith(base + "/") for base in REMOVABLE_MOUNT_BASES)
    removable_point = removable_point or point.lower().startswith("/mnt/usb")
    if removable_point or (source.startswith("/dev/") and _ask(probes.is_removable_block_device, source) is True):
        return _unsafe(
            LocationKind.REMOVABLE,
            f"Databasen {shown} ligger på en flyttbar enhet ({point}), t.ex. ett USB-minne eller minneskort.",
        )
    return None


def _darwin_volume(
    path: str, mount: tuple[str, str, str] | None, shown: str
) -> LocationAssessment | None:
    """macOS: other volumes live under /Volumes (the boot volume's entry there is a symlink to /)."""
    if mount and mount[0] != "/" and not mount[0].startswith("/System/Volumes/"):
        point, fs_type, source = mount
        if fs_type.lower() in DARWIN_NETWORK_FS_TYPES:
            return _unsafe(LocationKind.NETWORK, f"Databasen {shown} ligger på en nätverksenhet ({fs_type}, {source}).")
        if point.startswith("/Volumes/"):
            return _unsafe(LocationKind.REMOVABLE, f"Databasen {shown} ligger på en extern enhet ({point}).")
        return None
    if mount is None and path.startswith("/Volumes/") and len(path.split("/")) > 3:
        volume = "/".join(path.split("/")[:3])
        return _unsafe(LocationKind.REMOVABLE, f"Databasen {shown} ligger på en extern enhet ({volume}).")
    return None


def _home_sync_folder(candidates: list[str], probes: Probes, *, darwin: bool) -> str | None:
    home = _ask_str(probes.home)
    if not home or not home.startswith("/"):
        return None
    homes = [posixpath.normpath(home)]
    real_home = _ask_str(probes.resolve, home)
    if real_home and real_home.startswith("/") and posixpath.normpath(real_home) not in homes:
        homes.append(posixpath.normpath(real_home))
    fold = str.casefold if darwin else (lambda s: s)  # macOS volumes are case-insensitive by default
    folders = {fold(k): v for k, v in HOME_SYNC_FOLDERS.items()}
    prefixes = {fold(k): v for k, v in HOME_SYNC_PREFIXES.items()}
    for candidate in candidates:
        for base in homes:
            if base == "/" or not candidate.startswith(base + "/"):
                continue
            rest = candidate[len(base) + 1 :].split("/")
            if len(rest) < 2:
                continue  # a file directly in the home folder
            first = fold(rest[0])
            if first in folders:
                return folders[first]
            for prefix, service in prefixes.items():
                if first.startswith(prefix):
                    return service
            if darwin and len(rest) >= 3 and fold(rest[0]) == "library":
                if fold(rest[1]) == "cloudstorage":  # File Provider: OneDrive-…, Dropbox, GoogleDrive-…, Box-Box
                    provider = rest[2].split("-", 1)[0]
                    return _CLOUD_STORAGE_NAMES.get(provider.casefold(), provider) or "molntjänst"
                if fold(rest[1]) == "mobile documents":
                    return "iCloud Drive"
    return None


def _posix_ancestors(path: str) -> Iterator[str]:
    current = posixpath.dirname(path)
    for _ in range(MAX_MARKER_DEPTH):
        yield current
        parent = posixpath.dirname(current)
        if parent == current:
            return
        current = parent
