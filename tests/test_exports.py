"""Every file Kaiji Desk writes for its users is whole or absent, and a CSV cell never runs as a
spreadsheet formula."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.domain.spreadsheet import neutralise
from desktop.exports import ExportFailed, write_atomically


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_is_written_whole_and_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    write_atomically(target, b"%PDF-1.7 whole")
    assert target.read_bytes() == b"%PDF-1.7 whole"
    assert target.stat().st_mode & 0o077 == 0
    assert _leftovers(tmp_path) == ["letter.pdf"]


def test_a_full_disk_keeps_the_old_file_and_leaves_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.csv"
    target.write_bytes(b"yesterday's report")

    def disk_full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ExportFailed) as failed:
        write_atomically(target, b"today's report, cut short")

    assert target.read_bytes() == b"yesterday's report"
    assert _leftovers(tmp_path) == ["report.csv"]
    assert "No partial file" in failed.value.message("en")
    assert "途中までのファイルは残していません" in failed.value.message("ja")


def test_a_folder_that_cannot_be_written_is_a_message_not_a_crash(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file where a folder was expected")
    with pytest.raises(ExportFailed):
        write_atomically(not_a_folder / "letter.pdf", b"%PDF")
    assert _leftovers(tmp_path) == ["notes.txt"]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+81 3 1234", "'+81 3 1234"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("山田 太郎", "山田 太郎"),
        ("a=b", "a=b"),
        ("", ""),
        (-500, "-500"),
        (12, "12"),
        (None, ""),
    ],
)
def test_csv_cells_are_never_formulas(cell: object, written: str) -> None:
    assert neutralise(cell) == written
