"""P7: a database on a network share, a removable drive or in a cloud-synced folder is found,
gets a warning naming the path, and runs without WAL.

Every platform is checked here on Linux: the operating-system calls are probes, replaced by
fakes. Windows paths go through the detector's own Windows parsing, not ``pathlib``'s host
semantics.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from promises_app.storage.location_safety import (
    CONSEQUENCE,
    DRIVE_CDROM,
    DRIVE_FIXED,
    DRIVE_RAMDISK,
    DRIVE_REMOTE,
    DRIVE_REMOVABLE,
    LocationAssessment,
    LocationKind,
    Probes,
    assess_location,
    linux_is_removable_block_device,
    parse_darwin_mount_output,
    parse_proc_mounts,
    read_proc_mounts,
    sync_marker,
)

LOCAL, NETWORK, REMOVABLE, CLOUD = (
    LocationKind.LOCAL,
    LocationKind.NETWORK,
    LocationKind.REMOVABLE,
    LocationKind.CLOUD_SYNC,
)
PROFILE = r"C:\Users\anna"


def probes(**changes: Any) -> Probes:
    """Probes that detect nothing, with the given ones replaced."""
    return dataclasses.replace(Probes.inert(), **changes)


def windows(
    drive_types: dict[str, int] | None = None,
    targets: dict[str, str | None] | None = None,
    env: dict[str, str] | None = None,
    **changes: Any,
) -> Probes:
    drive_types = drive_types or {}
    targets = targets or {}
    environment = {"USERPROFILE": PROFILE, **(env or {})}
    defaults: dict[str, Any] = {
        "drive_type": lambda root: drive_types.get(root, DRIVE_FIXED),
        "mapped_drive_target": targets.get,
        "getenv": environment.get,
    }
    return probes(**{**defaults, **changes})


def on_windows(path: str, **kwargs: Any) -> LocationAssessment:
    return assess_location(Path(path), platform="win32", probes=windows(**kwargs))


def linux(
    mounts: list[tuple[str, str, str]], home: Path | str | None = None, real_files: bool = False, **changes: Any
) -> Probes:
    """Mocked mounts; with ``real_files`` the real resolve and sync-marker probes on tmp_path."""
    base = Probes() if real_files else Probes.inert()
    return dataclasses.replace(
        base,
        mounts=lambda: list(mounts),
        home=lambda: None if home is None else Path(home),
        getenv=lambda _name: None,
        drive_type=lambda _root: 0,
        is_removable_block_device=changes.pop("is_removable_block_device", lambda _source: False),
        **changes,
    )


ROOT_ONLY = [("/", "ext4", "/dev/nvme0n1p2")]


def assert_unsafe(result: LocationAssessment, kind: LocationKind, path: str) -> None:
    assert result.kind is kind, result.reason
    assert not result.safe
    assert result.journal_mode == "DELETE"
    assert path in result.reason
    assert CONSEQUENCE in result.reason


def assert_local(result: LocationAssessment) -> None:
    assert result.kind is LOCAL, result.reason
    assert result.safe
    assert result.journal_mode == "WAL"
    assert CONSEQUENCE not in result.reason


# ---------------------------------------------------------------------------- the result


@pytest.mark.parametrize("kind", list(LocationKind))
def test_journal_mode_is_wal_only_for_local(kind: LocationKind) -> None:
    assessment = LocationAssessment(kind, "x")
    assert assessment.safe is (kind is LOCAL)
    assert assessment.journal_mode == ("WAL" if kind is LOCAL else "DELETE")


def test_kinds_are_strings() -> None:
    assert [str(k) for k in LocationKind] == ["local", "network", "removable", "cloud_sync"]


# ---------------------------------------------------------------------------- Windows


@pytest.mark.parametrize(
    "path",
    [
        r"\\server\delad\Medborgarlöften\data.sqlite",
        r"\\?\UNC\server\delad\Medborgarlöften\data.sqlite",
        r"\\.\UNC\server\delad\data.sqlite",
        "//server/delad/data.sqlite",
        r"\\wsl$\Ubuntu\home\anna\data.sqlite",
    ],
)
def test_windows_unc_paths_are_network(path: str) -> None:
    result = on_windows(path)
    assert_unsafe(result, NETWORK, path)
    assert "nätverksenhet" in result.reason


def test_unc_reason_names_the_share() -> None:
    result = on_windows(r"\\?\UNC\server\delad\data.sqlite")
    assert r"\\server\delad" in result.reason.replace(r"\\?\UNC", "")


def test_mapped_network_drive_with_known_target() -> None:
    path = r"Z:\Förvaltning\data.sqlite"
    result = on_windows(path, drive_types={"Z:\\": DRIVE_REMOTE}, targets={"Z:": r"\\nas01\förvaltning"})
    assert_unsafe(result, NETWORK, path)
    assert "nätverksenheten Z:" in result.reason
    assert r"\\nas01\förvaltning" in result.reason


def test_mapped_network_drive_without_known_target() -> None:
    path = r"Z:\data.sqlite"
    result = on_windows(path, drive_types={"Z:\\": DRIVE_REMOTE})
    assert_unsafe(result, NETWORK, path)
    assert "nätverksenheten Z:." in result.reason


def test_mapped_drive_whose_target_lookup_fails_is_still_network() -> None:
    def broken(_letter: str) -> str:
        raise OSError("WNetGetConnectionW failed")

    path = r"Z:\data.sqlite"
    result = assess_location(
        Path(path), platform="win32", probes=windows({"Z:\\": DRIVE_REMOTE}, mapped_drive_target=broken)
    )
    assert_unsafe(result, NETWORK, path)


def test_drive_type_is_asked_with_the_root_of_the_drive() -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return DRIVE_FIXED

    assess_location(r"e:\mapp\data.sqlite", platform="win32", probes=windows(drive_type=drive_type))
    assess_location(r"\\?\D:\mapp\data.sqlite", platform="win32", probes=windows(drive_type=drive_type))
    assess_location(
        r"\\?\Volume{26a21bda-a627-11d7-9931-806e6f6e6963}\mapp\data.sqlite",
        platform="win32",
        probes=windows(drive_type=drive_type),
    )
    assert asked == ["E:\\", "D:\\", "\\\\?\\Volume{26a21bda-a627-11d7-9931-806e6f6e6963}\\"]


def test_usb_stick_is_removable() -> None:
    path = r"E:\Medborgarlöften\data.sqlite"
    result = on_windows(path, drive_types={"E:\\": DRIVE_REMOVABLE})
    assert_unsafe(result, REMOVABLE, path)
    assert "flyttbar enhet (E:)" in result.reason


def test_cd_is_removable() -> None:
    path = r"D:\data.sqlite"
    result = on_windows(path, drive_types={"D:\\": DRIVE_CDROM})
    assert_unsafe(result, REMOVABLE, path)
    assert "cd/dvd" in result.reason


@pytest.mark.parametrize("drive_type", [DRIVE_FIXED, DRIVE_RAMDISK, 0, 1])
def test_fixed_local_disk_is_local(drive_type: int) -> None:
    path = r"C:\Users\anna\Documents\Medborgarlöften\data.sqlite"
    result = on_windows(path, drive_types={"C:\\": drive_type})
    assert_local(result)
    assert path in result.reason


@pytest.mark.parametrize(
    ("variable", "folder"),
    [
        ("OneDrive", r"C:\Users\anna\OneDrive"),
        ("OneDriveConsumer", r"C:\Users\anna\OneDrive"),
        ("OneDriveCommercial", r"C:\Users\anna\OneDrive - Kommunen"),
        ("OneDrive", r"D:\Moln\OneDrive - Polisen"),  # moved off the profile
    ],
)
def test_onedrive_from_environment(variable: str, folder: str) -> None:
    path = folder + r"\Dokument\Medborgarlöften\data.sqlite"
    result = on_windows(path, env={variable: folder})
    assert_unsafe(result, CLOUD, path)
    assert "molnsynkad mapp (OneDrive)" in result.reason


def test_onedrive_business_folder_without_environment() -> None:
    path = r"C:\Users\anna\OneDrive - Kommunen\data.sqlite"
    assert_unsafe(on_windows(path), CLOUD, path)


def test_onedrive_env_folder_is_matched_by_whole_names() -> None:
    env = {"OneDrive": r"D:\Moln\OneDrive"}
    assert_local(on_windows(r"D:\Moln\OneDrive-gammal\data.sqlite", env=env))
    assert_local(on_windows(r"D:\Moln\data.sqlite", env=env))


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (r"C:\Users\anna\Dropbox\Medborgarlöften\data.sqlite", "Dropbox"),
        (r"C:\Users\anna\Dropbox (Kommunen)\data.sqlite", "Dropbox"),
        (r"C:\Users\anna\Google Drive\data.sqlite", "Google Drive"),
        (r"C:\Users\anna\My Drive\data.sqlite", "Google Drive"),
        (r"G:\My Drive\Medborgarlöften\data.sqlite", "Google Drive"),
        (r"G:\Min enhet\data.sqlite", "Google Drive"),
        (r"G:\Delade enheter\Trygghet\data.sqlite", "Google Drive"),
        (r"C:\Users\anna\iCloudDrive\data.sqlite", "iCloud Drive"),
        (r"C:\Users\anna\Nextcloud\data.sqlite", "Nextcloud"),
        (r"C:\Users\anna\ownCloud\data.sqlite", "ownCloud"),
        (r"C:\Users\anna\Box\data.sqlite", "Box"),
        (r"C:\Users\anna\pCloud Drive\data.sqlite", "pCloud"),
        (r"C:\Users\anna\MEGA\data.sqlite", "MEGA"),
        (r"C:\Users\anna\Sync\data.sqlite", "Sync"),
    ],
)
def test_windows_sync_folders(path: str, service: str) -> None:
    result = on_windows(path)
    assert_unsafe(result, CLOUD, path)
    assert service in result.reason


def test_google_drive_virtual_drive_reported_as_cloud_even_if_remote() -> None:
    path = r"G:\Min enhet\data.sqlite"
    result = on_windows(path, drive_types={"G:\\": DRIVE_REMOTE})
    assert_unsafe(result, CLOUD, path)


@pytest.mark.parametrize(
    "path",
    [
        r"c:\users\ANNA\onedrive\data.sqlite",
        r"C:\USERS\anna\DROPBOX\data.sqlite",
        r"c:/Users/Anna/google drive/data.sqlite",
        r"C:\Users\anna\dropbox.\data.sqlite",  # Windows drops trailing dots
        r"\\?\C:\Users\anna\Dropbox\data.sqlite",
        r"C:\Users\anna\Documents\..\Dropbox\data.sqlite",
    ],
)
def test_windows_folder_names_are_case_insensitive_and_normalised(path: str) -> None:
    result = on_windows(path, env={"OneDrive": r"C:\Users\anna\OneDrive"})
    assert_unsafe(result, CLOUD, path)


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\anna\Documents\Dropbox-export\data.sqlite",
        r"C:\Users\anna\OneDriveBackup\data.sqlite",
        r"C:\Users\anna\data.sqlite",
        r"C:\My Drive.sqlite",
    ],
)
def test_windows_lookalikes_are_local(path: str) -> None:
    assert_local(on_windows(path))


def test_profile_from_homedrive_and_homepath() -> None:
    env = {"HOMEDRIVE": "C:", "HOMEPATH": r"\Users\anna"}
    fake = probes(getenv=env.get, drive_type=lambda _root: DRIVE_FIXED)
    path = r"C:\Users\anna\Dropbox\data.sqlite"
    assert_unsafe(assess_location(path, platform="win32", probes=fake), CLOUD, path)


def test_windows_cloud_files_provider_and_markers() -> None:
    path = r"C:\Users\anna\Kommunen AB\Trygghet - Dokument\data.sqlite"  # a synced SharePoint library
    asked: list[str] = []

    def provider(where: str) -> str | None:
        asked.append(where)
        return "OneDrive"

    result = assess_location(path, platform="win32", probes=windows(cloud_sync_provider=provider))
    assert_unsafe(result, CLOUD, path)
    assert "(OneDrive)" in result.reason
    assert asked == [path]

    marked = {r"D:\Delat": "Syncthing"}
    result = assess_location(
        r"D:\Delat\Medborgarlöften\data.sqlite", platform="win32", probes=windows(sync_marker=marked.get)
    )
    assert result.kind is CLOUD and "Syncthing" in result.reason


def test_windows_resolved_path_is_checked_too() -> None:
    """A local-looking path that resolves to a share (e.g. a symlink) is caught."""
    path = r"C:\Users\anna\Länk\data.sqlite"
    fake = windows(resolve=lambda _p: r"\\server\delad\data.sqlite")
    result = assess_location(path, platform="win32", probes=fake)
    assert_unsafe(result, NETWORK, path)


def test_windows_relative_path_without_drive_is_local() -> None:
    assert_local(on_windows(r"mapp\data.sqlite"))


def test_windows_probes_that_raise_give_local() -> None:
    def boom(*_args: Any) -> Any:
        raise PermissionError("nej")

    everything_raises = Probes(**{field.name: boom for field in dataclasses.fields(Probes)})
    for path in (r"C:\Users\anna\Documents\data.sqlite", r"Z:\data.sqlite"):
        assert_local(assess_location(path, platform="win32", probes=everything_raises))


def test_windows_probe_answers_of_the_wrong_type_are_ignored() -> None:
    odd = windows(drive_type=lambda _r: "4", cloud_sync_provider=lambda _p: 7, sync_marker=lambda _f: object())
    assert_local(assess_location(r"Z:\data.sqlite", platform="win32", probes=odd))


def test_real_windows_probes_off_windows_do_not_raise() -> None:
    """On this Linux machine the real Windows calls fail; that must just mean "not detected"."""
    for path in (r"C:\data.sqlite", r"Z:\x\data.sqlite"):
        result = assess_location(path, platform="win32", probes=Probes(getenv=lambda _n: None))
        assert isinstance(result, LocationAssessment)
    assert assess_location(r"\\server\delad\x.sqlite", platform="win32").kind is NETWORK


# ---------------------------------------------------------------------------- Linux


@pytest.mark.parametrize(
    ("fs_type", "source"),
    [
        ("nfs4", "fil01.kommun.se:/export/hem"),
        ("nfs", "10.0.0.5:/data"),
        ("cifs", "//fil01/förvaltning"),
        ("smb3", "//fil01/förvaltning"),
        ("fuse.sshfs", "anna@server:/home/anna"),
        ("fuse.gvfsd-fuse", "gvfsd-fuse"),
        ("ceph", "10.0.0.7:6789:/"),
        ("9p", "192.168.1.10"),
    ],
)
def test_linux_network_file_systems(fs_type: str, source: str) -> None:
    mounts = [*ROOT_ONLY, ("/srv/delad", fs_type, source)]
    path = "/srv/delad/Medborgarlöften/data.sqlite"
    result = assess_location(Path(path), platform="linux", probes=linux(mounts))
    assert_unsafe(result, NETWORK, path)
    assert fs_type in result.reason


def test_local_9p_is_not_network() -> None:
    """WSL2's /mnt/c is 9p with source C:\\ ; a 9p mount counts only if its source looks remote."""
    mounts = [*ROOT_ONLY, ("/mnt/c", "9p", "C:\\")]
    assert_local(assess_location("/mnt/c/Users/anna/data.sqlite", platform="linux", probes=linux(mounts)))


def test_rclone_is_network_and_mentions_the_cloud() -> None:
    mounts = [*ROOT_ONLY, ("/home/anna/gdrive", "fuse.rclone", "gdrive:")]
    path = "/home/anna/gdrive/data.sqlite"
    result = assess_location(path, platform="linux", probes=linux(mounts))
    assert_unsafe(result, NETWORK, path)
    assert "molnlagring" in result.reason


def test_virtual_machine_host_share_is_network() -> None:
    mounts = [*ROOT_ONLY, ("/media/sf_delat", "vboxsf", "delat")]
    path = "/media/sf_delat/data.sqlite"
    assert_unsafe(assess_location(path, platform="linux", probes=linux(mounts)), NETWORK, path)


@pytest.mark.parametrize(
    "mount_point",
    ["/media/anna/USB", "/media/USB-MINNE", "/run/media/anna/KINGSTON", "/mnt/usb", "/mnt/usb1"],
)
def test_linux_removable_mount_points(mount_point: str) -> None:
    mounts = [*ROOT_ONLY, (mount_point, "vfat", "/dev/sdb1")]
    path = f"{mount_point}/Medborgarlöften/data.sqlite"
    result = assess_location(path, platform="linux", probes=linux(mounts))
    assert_unsafe(result, REMOVABLE, path)
    assert "flyttbar enhet" in result.reason


def test_linux_optical_disc_is_removable() -> None:
    mounts = [*ROOT_ONLY, ("/srv/skiva", "iso9660", "/dev/sr0")]
    path = "/srv/skiva/data.sqlite"
    assert_unsafe(assess_location(path, platform="linux", probes=linux(mounts)), REMOVABLE, path)


def test_removable_block_device_at_an_ordinary_mount_point() -> None:
    asked: list[str] = []

    def removable(source: str) -> bool:
        asked.append(source)
        return source == "/dev/sdb1"

    mounts = [*ROOT_ONLY, ("/srv/backup", "ext4", "/dev/sdb1"), ("/srv/data", "ext4", "/dev/sda3")]
    path = "/srv/backup/data.sqlite"
    result = assess_location(path, platform="linux", probes=linux(mounts, is_removable_block_device=removable))
    assert_unsafe(result, REMOVABLE, path)
    assert asked == ["/dev/sdb1"]
    assert_local(
        assess_location("/srv/data/x.sqlite", platform="linux", probes=linux(mounts, is_removable_block_device=removable))
    )


def _sys_block(sys_root: Path, disk: str, removable: str, *partitions: str, device_type: str | None = None) -> None:
    (sys_root / "block" / disk).mkdir(parents=True)
    (sys_root / "block" / disk / "removable").write_text(removable + "\n")
    if device_type:
        (sys_root / "block" / disk / "device").mkdir()
        (sys_root / "block" / disk / "device" / "type").write_text(device_type + "\n")
    for part in partitions:
        (sys_root / "class" / "block" / part).mkdir(parents=True)
        (sys_root / "class" / "block" / part / "partition").write_text("1\n")


def test_real_removable_probe_reads_sysfs(tmp_path: Path) -> None:
    """The default probe against a fake /sys: partitions traced to their disk."""
    sys_root = tmp_path / "sys"
    _sys_block(sys_root, "sdb", "1", "sdb1")
    _sys_block(sys_root, "sda", "0", "sda2")
    _sys_block(sys_root, "nvme0n1", "0", "nvme0n1p1")
    _sys_block(sys_root, "mmcblk0", "0", "mmcblk0p1", device_type="SD")
    _sys_block(sys_root, "mmcblk1", "0", "mmcblk1p2", device_type="MMC")  # soldered eMMC
    assert linux_is_removable_block_device("/dev/sdb1", sys_root=sys_root) is True
    assert linux_is_removable_block_device("/dev/sdb", sys_root=sys_root) is True
    assert linux_is_removable_block_device("/dev/sda2", sys_root=sys_root) is False
    assert linux_is_removable_block_device("/dev/nvme0n1p1", sys_root=sys_root) is False
    assert linux_is_removable_block_device("/dev/mmcblk0p1", sys_root=sys_root) is True
    assert linux_is_removable_block_device("/dev/mmcblk1p2", sys_root=sys_root) is False
    assert linux_is_removable_block_device("/dev/sdz9", sys_root=sys_root) is False  # unknown
    assert linux_is_removable_block_device("server:/export", sys_root=sys_root) is False
    assert linux_is_removable_block_device("tmpfs", sys_root=sys_root) is False

    mounts = [*ROOT_ONLY, ("/srv/backup", "ext4", "/dev/sdb1")]
    fake = linux(mounts, is_removable_block_device=lambda s: linux_is_removable_block_device(s, sys_root=sys_root))
    path = "/srv/backup/data.sqlite"
    assert_unsafe(assess_location(path, platform="linux", probes=fake), REMOVABLE, path)


def test_real_removable_probe_usb_disk_and_encrypted_volume(tmp_path: Path) -> None:
    """A USB hard drive says removable=0 but sits on the USB bus; a LUKS volume on it counts too."""
    sys_root = tmp_path / "sys"
    device = sys_root / "devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/block/sdc"
    (device / "sdc1").mkdir(parents=True)
    (device / "removable").write_text("0\n")
    (device / "sdc1" / "partition").write_text("1\n")
    (sys_root / "block").mkdir()
    (sys_root / "class" / "block").mkdir(parents=True)
    (sys_root / "block" / "sdc").symlink_to(device)
    (sys_root / "class" / "block" / "sdc").symlink_to(device)
    (sys_root / "class" / "block" / "sdc1").symlink_to(device / "sdc1")
    dm = sys_root / "devices/virtual/block/dm-0"
    (dm / "slaves").mkdir(parents=True)
    (dm / "removable").write_text("0\n")
    (dm / "slaves" / "sdc1").symlink_to(device / "sdc1")
    (sys_root / "block" / "dm-0").symlink_to(dm)
    (sys_root / "class" / "block" / "dm-0").symlink_to(dm)
    assert linux_is_removable_block_device("/dev/sdc1", sys_root=sys_root) is True
    assert linux_is_removable_block_device("/dev/dm-0", sys_root=sys_root) is True
    _sys_block(sys_root, "sda", "0", "sda1")
    assert linux_is_removable_block_device("/dev/sda1", sys_root=sys_root) is False


def test_octal_escaped_mount_points(tmp_path: Path) -> None:
    mounts_file = tmp_path / "mounts"
    mounts_file.write_text(
        "/dev/nvme0n1p2 / ext4 rw,relatime 0 0\n"
        "//fil01/delad\\040mapp /mnt/my\\040share cifs rw,vers=3.1.1 0 0\n"
        "/dev/sdb1 /media/anna/USB\\040MINNE vfat rw 0 0\n"
        "server:/a\\011b /mnt/tab\\011here nfs4 rw 0 0\n"
        "/dev/sdc1 /mnt/back\\134slash ext4 rw 0 0\n"
        "broken line\n"
    )
    mounts = read_proc_mounts(mounts_file)
    assert mounts == [
        ("/", "ext4", "/dev/nvme0n1p2"),
        ("/mnt/my share", "cifs", "//fil01/delad mapp"),
        ("/media/anna/USB MINNE", "vfat", "/dev/sdb1"),
        ("/mnt/tab\there", "nfs4", "server:/a\tb"),
        ("/mnt/back\\slash", "ext4", "/dev/sdc1"),
    ]
    path = "/mnt/my share/data.sqlite"
    result = assess_location(path, platform="linux", probes=linux(mounts))
    assert_unsafe(result, NETWORK, path)
    assert "//fil01/delad mapp" in result.reason
    assert assess_location("/media/anna/USB MINNE/d.sqlite", platform="linux", probes=linux(mounts)).kind is REMOVABLE
    assert_local(assess_location("/mnt/my/data.sqlite", platform="linux", probes=linux(mounts)))


def test_parse_proc_mounts_text() -> None:
    assert parse_proc_mounts("") == []
    assert parse_proc_mounts("a /b\\040c nfs rw 0 0") == [("/b c", "nfs", "a")]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/anna/Dokument/data.sqlite", NETWORK),
        ("/home/data.sqlite", NETWORK),
        ("/var/lib/medborgarloften/data.sqlite", LOCAL),
        ("/homework/data.sqlite", LOCAL),  # a prefix of the name, not of the path
        ("/home/anna/lokal/data.sqlite", LOCAL),  # a deeper local mount inside the share
    ],
)
def test_longest_mount_point_wins(path: str, kind: LocationKind) -> None:
    mounts = [
        ("/", "ext4", "/dev/vda1"),
        ("/home", "nfs", "fil01:/export/home"),
        ("/home/anna/lokal", "ext4", "/dev/vdb1"),
    ]
    assert assess_location(path, platform="linux", probes=linux(mounts)).kind is kind


def test_later_mount_on_the_same_point_hides_the_earlier() -> None:
    mounts = [*ROOT_ONLY, ("/srv", "ext4", "/dev/vdb1"), ("/srv/", "nfs4", "fil01:/srv")]
    assert assess_location("/srv/d.sqlite", platform="linux", probes=linux(mounts)).kind is NETWORK
    mounts = [*ROOT_ONLY, ("/srv", "nfs4", "fil01:/srv"), ("/srv", "ext4", "/dev/vdb1")]
    assert assess_location("/srv/d.sqlite", platform="linux", probes=linux(mounts)).kind is LOCAL


def test_nonexistent_database_in_existing_folder_resolved_through_symlink(tmp_path: Path) -> None:
    """The database does not exist yet; its folder is a symlink onto a share: found via the real resolve."""
    share = tmp_path / "share"
    share.mkdir()
    link = tmp_path / "länk"
    link.symlink_to(share, target_is_directory=True)
    path = link / "ny" / "data.sqlite"
    mounts = [*ROOT_ONLY, (str(share), "nfs4", "fil01:/export")]
    result = assess_location(path, platform="linux", probes=linux(mounts, real_files=True))
    assert_unsafe(result, NETWORK, str(path))
    assert_local(assess_location(tmp_path / "annan" / "data.sqlite", platform="linux", probes=linux(mounts, real_files=True)))


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("Dropbox", "Dropbox"),
        ("Dropbox (Kommunen)", "Dropbox"),
        ("OneDrive", "OneDrive"),
        ("Google Drive", "Google Drive"),
        ("GoogleDrive", "Google Drive"),
        ("pCloudDrive", "pCloud"),
        ("Nextcloud", "Nextcloud"),
        ("ownCloud", "ownCloud"),
        ("MEGA", "MEGA"),
        ("Sync", "Sync"),
        ("Seafile", "Seafile"),
        ("Box", "Box"),
    ],
)
def test_linux_home_sync_folders(tmp_path: Path, folder: str, service: str) -> None:
    home = tmp_path / "anna"
    (home / folder / "Medborgarlöften").mkdir(parents=True)
    path = home / folder / "Medborgarlöften" / "data.sqlite"  # does not exist yet
    result = assess_location(path, platform="linux", probes=linux(ROOT_ONLY, home=home, real_files=True))
    assert_unsafe(result, CLOUD, str(path))
    assert service in result.reason


def test_linux_names_are_exact(tmp_path: Path) -> None:
    home = tmp_path / "anna"
    for name in ("dropbox-gammal", "Dokument"):
        (home / name).mkdir(parents=True)
        result = assess_location(home / name / "d.sqlite", platform="linux", probes=linux(ROOT_ONLY, home, True))
        assert_local(result)
    assert_local(assess_location(home / "Dropbox", platform="linux", probes=linux(ROOT_ONLY, home, True)))


def test_syncthing_marker_in_an_ancestor(tmp_path: Path) -> None:
    home = tmp_path / "anna"
    shared = home / "Arbete" / "Delat"
    (shared / ".stfolder").mkdir(parents=True)
    (shared / "Medborgarlöften" / "2025").mkdir(parents=True)
    path = shared / "Medborgarlöften" / "2025" / "data.sqlite"
    result = assess_location(path, platform="linux", probes=linux(ROOT_ONLY, home=home, real_files=True))
    assert_unsafe(result, CLOUD, str(path))
    assert "Syncthing" in result.reason
    assert_local(assess_location(home / "Arbete" / "d.sqlite", platform="linux", probes=linux(ROOT_ONLY, home, True)))


@pytest.mark.parametrize(
    ("make_marker", "service"),
    [
        (lambda d: (d / ".dropbox").write_text("{}"), "Dropbox"),
        (lambda d: (d / ".sync_1a2b3c4d.db").write_bytes(b""), "Nextcloud"),
        (lambda d: (d / "._sync_1a2b3c4d.db").write_bytes(b""), "Nextcloud"),
        (lambda d: (d / ".nextcloudsync.log").write_text(""), "Nextcloud"),
        (lambda d: (d / ".owncloudsync.log").write_text(""), "ownCloud"),
        (lambda d: (d / ".megaignore").write_text(""), "MEGA"),
        (lambda d: ((d / ".sync").mkdir(), (d / ".sync" / "IgnoreList").write_text("")), "Resilio"),
        (lambda d: (d / ".stfolder").write_text(""), "Syncthing"),  # older Syncthing: a file
    ],
)
def test_sync_markers(tmp_path: Path, make_marker: Callable[[Path], object], service: str) -> None:
    root = tmp_path / "flyttad-synkmapp"
    (root / "a" / "b").mkdir(parents=True)
    make_marker(root)
    path = root / "a" / "b" / "data.sqlite"
    result = assess_location(path, platform="linux", probes=linux(ROOT_ONLY, real_files=True))
    assert_unsafe(result, CLOUD, str(path))
    assert service in result.reason


def test_settings_folders_are_not_sync_markers(tmp_path: Path) -> None:
    """~/.dropbox is Dropbox's settings *folder* on Linux, and a bare ~/.sync folder is not Resilio."""
    home = tmp_path / "anna"
    (home / ".dropbox").mkdir(parents=True)
    (home / ".sync").mkdir()
    (home / "Dokument").mkdir()
    assert sync_marker(str(home)) is None
    path = home / "Dokument" / "data.sqlite"
    assert_local(assess_location(path, platform="linux", probes=linux(ROOT_ONLY, home=home, real_files=True)))


def test_network_is_reported_before_cloud_names(tmp_path: Path) -> None:
    mounts = [*ROOT_ONLY, ("/home", "nfs4", "fil01:/home")]
    result = assess_location("/home/anna/Dropbox/d.sqlite", platform="linux", probes=linux(mounts, home="/home/anna"))
    assert result.kind is NETWORK


@pytest.mark.parametrize("platform", ["linux", "darwin", "freebsd14"])
def test_posix_probes_that_raise_give_local(platform: str) -> None:
    def boom(*_args: Any) -> Any:
        raise PermissionError("no /proc here")

    everything_raises = Probes(**{field.name: boom for field in dataclasses.fields(Probes)})
    for path in ("/srv/delad/data.sqlite", "/media/anna/USB/data.sqlite", "relativ/data.sqlite"):
        assert_local(assess_location(path, platform=platform, probes=everything_raises))


def test_missing_proc_mounts_means_no_mount_signal(tmp_path: Path) -> None:
    def missing() -> list[tuple[str, str, str]]:
        return read_proc_mounts(tmp_path / "no-such-file")

    assert_local(assess_location("/srv/delad/data.sqlite", platform="linux", probes=probes(mounts=missing)))


@pytest.mark.parametrize(
    "mounts",
    [None, "nfs", [None, ("/srv",), (1, 2, 3), ("srv", "nfs", "x")], iter([("/", "ext4", "/dev/vda")])],
)
def test_odd_mount_tables_are_ignored(mounts: Any) -> None:
    assert_local(assess_location("/srv/data.sqlite", platform="linux", probes=probes(mounts=lambda: mounts)))


def test_relative_path_is_resolved_by_the_real_probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    mounts = [*ROOT_ONLY, (str(tmp_path), "cifs", "//fil01/delad")]
    result = assess_location(Path("data.sqlite"), platform="linux", probes=linux(mounts, real_files=True))
    assert_unsafe(result, NETWORK, "data.sqlite")


# ---------------------------------------------------------------------------- macOS


def test_macos_volumes() -> None:
    mount_output = (
        "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
        "/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)\n"
        "//anna@nas01/delad on /Volumes/delad (smbfs, nodev, nosuid, mounted by anna)\n"
        "/dev/disk4s1 on /Volumes/USB MINNE (msdos, local, nodev, nosuid, noowners)\n"
    )
    mounts = parse_darwin_mount_output(mount_output)
    assert ("/Volumes/USB MINNE", "msdos", "/dev/disk4s1") in mounts
    fake = probes(mounts=lambda: mounts)
    assert assess_location("/Volumes/delad/data.sqlite", platform="darwin", probes=fake).kind is NETWORK
    usb = "/Volumes/USB MINNE/data.sqlite"
    assert_unsafe(assess_location(usb, platform="darwin", probes=fake), REMOVABLE, usb)
    assert_local(assess_location("/Users/anna/Documents/data.sqlite", platform="darwin", probes=fake))
    # Without a mount table, anything under /Volumes is taken for an external drive.
    assert assess_location("/Volumes/X/data.sqlite", platform="darwin", probes=probes()).kind is REMOVABLE


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/Users/anna/Library/CloudStorage/OneDrive-Kommunen/data.sqlite", "OneDrive"),
        ("/Users/anna/Library/CloudStorage/GoogleDrive-anna@kommun.se/Min enhet/data.sqlite", "(Google Drive)"),
        ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/data.sqlite", "iCloud Drive"),
        ("/Users/anna/dropbox/data.sqlite", "Dropbox"),  # case-insensitive volume
    ],
)
def test_macos_cloud_folders(path: str, service: str) -> None:
    result = assess_location(path, platform="darwin", probes=probes(home=lambda: Path("/Users/anna")))
    assert_unsafe(result, CLOUD, path)
    assert service in result.reason


# ---------------------------------------------------------------------------- the real machine


def test_real_default_probes_on_this_machine(tmp_path: Path) -> None:
    result = assess_location(tmp_path / "data.sqlite")
    assert isinstance(result, LocationAssessment)
    assert isinstance(result.reason, str) and str(tmp_path) in result.reason
    assert result.journal_mode in {"WAL", "DELETE"}
    existing = tmp_path / "finns.sqlite"
    existing.write_bytes(b"")
    assert assess_location(existing).kind is result.kind
    if os.name == "posix":
        # This machine keeps tmp_path on a local disk (tolerate a CI that does not).
        assert result.kind in set(LocationKind)


# ---------------------------------------------------------------------------- never raises


_PATH_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(["C:", "Z:", "\\\\", "\\", "/", "?", ".", "..", "UNC", "media", "home", "Dropbox", "\x00", " "]),
        max_size=20,
    ).map("".join),
)


def _hostile(field_name: str) -> Callable[..., Any]:
    answers = {
        "mounts": lambda: [("/", "nfs", "x:/"), ("\x00", "9p", "1.2.3.4")],
        "resolve": lambda p: p + "/../\x00",
        "home": lambda: Path("/"),
    }
    return answers.get(field_name, lambda *_a: (_ for _ in ()).throw(OSError("hostile")))


@settings(max_examples=300)
@given(text=_PATH_TEXT, platform=st.sampled_from(["win32", "linux", "darwin", "freebsd14", "cygwin", ""]))
def test_never_raises_for_any_path(text: str, platform: str) -> None:
    hostile = Probes(**{field.name: _hostile(field.name) for field in dataclasses.fields(Probes)})
    for candidate in (text, Path(text) if "\x00" not in text else text):
        for fake in (None, Probes.inert(), hostile):
            result = assess_location(candidate, platform=platform or None, probes=fake)
            assert isinstance(result, LocationAssessment)
            assert result.journal_mode == ("WAL" if result.kind is LOCAL else "DELETE")


def test_open_database_uses_the_delete_journal_where_wal_is_unsafe(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Wired into open_database: an unsafe place gets no WAL, and the assessment is kept for the window."""
    import sqlite3

    import promises_app.storage.database as database_module
    from promises_app.storage.database import open_database

    unsafe = LocationAssessment(LocationKind.NETWORK, f"Databasen ligger på en nätverksenhet ({tmp_path}).")
    monkeypatch.setattr(database_module, "assess_location", lambda path: unsafe)
    path = tmp_path / "shared.sqlite"
    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert database.location is unsafe and not database.location.safe
    finally:
        database.close()
    with sqlite3.connect(path) as raw:  # the file itself is not in WAL mode either
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"

    monkeypatch.setattr(database_module, "assess_location", lambda path: LocationAssessment(LocationKind.LOCAL, ""))
    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        database.close()
