"""The scanner's folder: files are reported once, and only when the scanner has finished them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.intake.refusals import WatchedFolderUnavailable
from desktop.intake.watch import FolderWatch


def _write(path: Path, data: bytes, mtime: int) -> None:
    with path.open("ab") as file:
        file.write(data)
    os.utime(path, ns=(mtime * 10**9, mtime * 10**9))


def test_a_file_is_reported_once_after_it_settles(tmp_path: Path) -> None:
    watch = FolderWatch(tmp_path, settle_seconds=2.0)
    scan = tmp_path / "scan001.pdf"
    _write(scan, b"%PDF-1.7 first part", mtime=1000)
    assert watch.poll(now=0.0) == []
    assert watch.poll(now=1.0) == []
    assert watch.poll(now=2.0) == [scan]
    assert watch.poll(now=3.0) == []
    assert watch.poll(now=60.0) == []


def test_a_file_still_being_written_waits_until_it_stops_growing(tmp_path: Path) -> None:
    watch = FolderWatch(tmp_path, settle_seconds=2.0)
    scan = tmp_path / "scan.tif"
    _write(scan, b"II*\x00", mtime=1000)
    watch.poll(now=0.0)
    _write(scan, b"more", mtime=1001)
    assert watch.poll(now=1.5) == []
    _write(scan, b"and more", mtime=1003)
    assert watch.poll(now=3.0) == []  # it changed again: the 2 s start over
    assert watch.poll(now=4.9) == []
    assert watch.poll(now=5.0) == [scan]


def test_only_supported_visible_nonempty_files_are_reported(tmp_path: Path) -> None:
    watch = FolderWatch(tmp_path, settle_seconds=0.5)
    wanted = [tmp_path / "a.jpg", tmp_path / "b.PNG", tmp_path / "c.tiff"]
    for path in wanted:
        _write(path, b"x", mtime=1000)
    _write(tmp_path / "notes.txt", b"x", mtime=1000)
    _write(tmp_path / ".scan0001.pdf", b"x", mtime=1000)  # the scanner's temporary file
    _write(tmp_path / "scan.pdf.part", b"x", mtime=1000)
    (tmp_path / "empty.pdf").touch()
    (tmp_path / "sub.pdf").mkdir()
    _write(tmp_path / "sub.pdf" / "inner.pdf", b"x", mtime=1000)
    watch.poll(now=0.0)
    assert watch.poll(now=1.0) == wanted


def test_a_file_that_disappears_is_forgotten_and_a_new_one_of_that_name_is_new(
    tmp_path: Path,
) -> None:
    watch = FolderWatch(tmp_path, settle_seconds=1.0)
    scan = tmp_path / "scan.pdf"
    _write(scan, b"first", mtime=1000)
    watch.poll(now=0.0)
    scan.unlink()
    assert watch.poll(now=1.0) == []
    _write(scan, b"second scan", mtime=2000)
    assert watch.poll(now=2.0) == []
    assert watch.poll(now=3.0) == [scan]


def test_a_done_file_is_not_reported_again_while_it_stays(tmp_path: Path) -> None:
    watch = FolderWatch(tmp_path, settle_seconds=1.0)
    scan = tmp_path / "scan.pdf"
    _write(scan, b"pages", mtime=1000)
    watch.poll(now=0.0)
    assert watch.poll(now=1.0) == [scan]
    watch.mark_done(scan)
    _write(scan, b"touched", mtime=1500)
    assert watch.poll(now=2.0) == []
    assert watch.poll(now=10.0) == []
    scan.unlink()
    watch.poll(now=11.0)
    _write(scan, b"a new scan", mtime=3000)
    watch.poll(now=12.0)
    assert watch.poll(now=13.0) == [scan]


def test_a_reported_file_that_is_rewritten_is_reported_again(tmp_path: Path) -> None:
    """e.g. it was reported during a long pause of the scanner and then grew."""
    watch = FolderWatch(tmp_path, settle_seconds=1.0)
    scan = tmp_path / "scan.pdf"
    _write(scan, b"half", mtime=1000)
    watch.poll(now=0.0)
    assert watch.poll(now=1.0) == [scan]
    _write(scan, b" and the rest", mtime=1010)
    assert watch.poll(now=2.0) == []
    assert watch.poll(now=3.0) == [scan]


def test_an_ignored_file_comes_back_only_when_it_changes(tmp_path: Path) -> None:
    watch = FolderWatch(tmp_path, settle_seconds=1.0)
    broken, unwanted = tmp_path / "broken.pdf", tmp_path / "unwanted.pdf"
    _write(broken, b"cut short", mtime=1000)
    _write(unwanted, b"not ours", mtime=1000)
    watch.poll(now=0.0)
    assert watch.poll(now=1.0) == [broken, unwanted]
    watch.ignore(broken)
    watch.ignore(unwanted, for_good=True)
    assert watch.poll(now=5.0) == []
    _write(broken, b" fixed", mtime=2000)
    _write(unwanted, b" changed", mtime=2000)
    watch.poll(now=6.0)
    assert watch.poll(now=7.0) == [broken]


def test_files_present_before_watching_are_reported_too(tmp_path: Path) -> None:
    scan = tmp_path / "overnight.pdf"
    _write(scan, b"pages", mtime=1000)
    watch = FolderWatch(tmp_path, settle_seconds=2.0)
    watch.poll(now=100.0)
    assert watch.poll(now=102.0) == [scan]


def test_a_missing_folder_is_a_known_error(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    watch = FolderWatch(folder)
    watch.poll(now=0.0)
    folder.rmdir()
    with pytest.raises(WatchedFolderUnavailable) as refused:
        watch.poll(now=1.0)
    assert "scans" in refused.value.message_ja
    folder.mkdir()
    assert watch.poll(now=2.0) == []
