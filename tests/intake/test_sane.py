"""Scanning through SANE, against a stand-in `scanimage` (no scanner is attached here)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PIL import Image

from desktop.intake import sane
from desktop.intake.loader import load_pages
from desktop.intake.refusals import ScannerError

# Behaves like scanimage: `-L` lists the devices in $FAKE_DEVICES; a scan writes $FAKE_PAGES copies
# of $FAKE_TIFF to the --batch pattern, then ends as a feeder that ran out of paper does.
FAKE_SCANIMAGE = r"""#!/bin/sh
echo "$@" >> "$FAKE_LOG"
if [ "$1" = "-L" ]; then
    if [ -n "$FAKE_DEVICES" ]; then
        printf '%s\n' "$FAKE_DEVICES"
    else
        echo "No scanners were identified. If you were expecting something different,"
    fi
    exit 0
fi
if [ -n "$FAKE_SLEEP" ]; then exec sleep "$FAKE_SLEEP"; fi
for arg in "$@"; do
    case "$arg" in --batch=*) pattern="${arg#--batch=}";; esac
done
i=1
while [ "$i" -le "${FAKE_PAGES:-0}" ]; do
    cp "$FAKE_TIFF" "$(printf "$pattern" "$i")"
    i=$((i + 1))
done
if [ -n "$FAKE_ERROR" ]; then
    echo "scanimage: sane_start: $FAKE_ERROR" >&2
    exit 7
fi
"""

DEVICES = (
    "device `epson2:libusb:001:004' is a Epson GT-S650 flatbed scanner\n"
    "device `fujitsu:fi-7160:12345' is a FUJITSU fi-7160 scanner"
)


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-in scanimage first on PATH; returns the file it logs its arguments to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "scanimage"
    script.write_text(FAKE_SCANIMAGE, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    tiff = tmp_path / "sheet.tif"
    Image.new("L", (850, 1100), 255).save(tiff, dpi=(100, 100))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("FAKE_TIFF", str(tiff))
    log = tmp_path / "calls.log"
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_DEVICES", DEVICES)
    for name in ("FAKE_PAGES", "FAKE_ERROR", "FAKE_SLEEP"):
        monkeypatch.delenv(name, raising=False)
    return log


def test_devices_are_listed_with_name_and_description(fake: Path) -> None:
    devices = sane.list_devices()
    assert [d.name for d in devices] == ["epson2:libusb:001:004", "fujitsu:fi-7160:12345"]
    assert devices[1].description == "FUJITSU fi-7160 scanner"
    assert sane.available()


def test_not_available_without_a_device(fake: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_DEVICES", "")
    assert sane.list_devices() == []
    assert not sane.available()


def test_not_available_without_scanimage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not sane.available()
    with pytest.raises(ScannerError):
        sane.scan("epson2:libusb:001:004", folder=tmp_path)


def test_a_feeder_batch_gives_every_page_in_order(
    fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_PAGES", "3")
    monkeypatch.setenv("FAKE_ERROR", "Document feeder out of documents")
    out = tmp_path / "out"
    out.mkdir()
    (out / "page-0001.tif").write_bytes(b"left from yesterday")
    [device, _] = sane.list_devices()
    pages = sane.scan(device, dpi=200, mode="Color", source="ADF Duplex", folder=out)
    assert [p.name[-8:] for p in pages] == ["0001.tif", "0002.tif", "0003.tif"]
    assert all(p.parent == out for p in pages)
    assert len(load_pages(pages[0])) == 1
    call = fake.read_text(encoding="utf-8").splitlines()[-1]
    for expected in (
        "--device-name=epson2:libusb:001:004",
        "--resolution=200",
        "--mode=Color",
        "--format=tiff",
        "--source=ADF Duplex",
    ):
        assert expected in call


def test_pages_go_to_a_new_temporary_folder_by_default(
    fake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_PAGES", "1")
    [page] = sane.scan("epson2:libusb:001:004")
    try:
        assert page.exists()
        assert page.parent.name.startswith("kaiji-scan-")
    finally:
        page.unlink()
        page.parent.rmdir()


def test_a_scanner_error_is_reported(
    fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_ERROR", "Error during device I/O")
    with pytest.raises(ScannerError) as failed:
        sane.scan("epson2:libusb:001:004", folder=tmp_path)
    assert "Error during device I/O" in failed.value.message_en


def test_an_empty_feeder_is_reported(
    fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_ERROR", "Document feeder out of documents")
    with pytest.raises(ScannerError) as failed:
        sane.scan("epson2:libusb:001:004", folder=tmp_path)
    assert "Document feeder out of documents" in failed.value.message_en


def test_a_hung_scanner_times_out(
    fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_SLEEP", "10")
    with pytest.raises(ScannerError) as failed:
        sane.scan("epson2:libusb:001:004", folder=tmp_path, timeout=0.5)
    assert "paper jam" in failed.value.message_en
