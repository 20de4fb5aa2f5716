"""Scanning through SANE's `scanimage` command, where a scanner is attached (mostly Linux)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop.intake.refusals import ScannerError

__all__ = ["ScannerDevice", "available", "list_devices", "scan"]

_LIST_TIMEOUT = 20.0
# `scanimage -L`: device `epson2:libusb:001:004' is a Epson GT-S650 flatbed scanner
_DEVICE_LINE = re.compile(r"^device [`'‘](?P<name>.+?)['’] is an? (?P<description>.+)$")
# What scanimage says when the document feeder runs out, which ends every feeder batch.
_FEEDER_EMPTY = ("out of documents", "no more documents", "feeder is empty")


@dataclass(frozen=True)
class ScannerDevice:
    name: str  # the SANE device name, e.g. "epson2:libusb:001:004"
    description: str  # vendor, model and type as SANE reports them


def _scanimage() -> str | None:
    return shutil.which("scanimage")


def available() -> bool:
    """Whether `scanimage` is installed and lists at least one scanner."""
    try:
        return bool(list_devices())
    except ScannerError:
        return False


def list_devices() -> list[ScannerDevice]:
    """The scanners SANE can see; empty when there are none."""
    program = _scanimage()
    if program is None:
        return []
    try:
        done = subprocess.run(
            [program, "-L"],
            capture_output=True,
            text=True,
            timeout=_LIST_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ScannerError(
            "スキャナーの一覧が時間内に返りませんでした。",
            "listing the scanners took too long.",
        ) from exc
    except OSError as exc:
        raise ScannerError(
            "scanimage を起動できません。", f"cannot start scanimage ({exc})."
        ) from exc
    devices = []
    for line in done.stdout.splitlines():
        match = _DEVICE_LINE.match(line.strip())
        if match:
            devices.append(ScannerDevice(match["name"], match["description"]))
    return devices


def scan(
    device: ScannerDevice | str,
    dpi: int = 300,
    mode: str = "Gray",
    source: str | None = None,
    *,
    folder: Path | None = None,
    timeout: float = 600.0,
) -> list[Path]:
    """Scan every page in the feeder (or the one on the glass) to TIFF files, in page order.

    `source` is the backend's name for the paper source, e.g. "ADF Duplex" or "Flatbed". The
    files go into `folder`, or into a new temporary folder that the caller removes when done.
    """
    program = _scanimage()
    if program is None:
        raise ScannerError(
            "scanimage が見つかりません（SANE 未導入）。", "scanimage (SANE) is missing."
        )
    name = device.name if isinstance(device, ScannerDevice) else device
    out = folder or Path(tempfile.mkdtemp(prefix="kaiji-scan-"))
    # A name of its own for every batch, so that files left from an earlier scan are never taken.
    stem = f"page-{uuid.uuid4().hex[:8]}-"
    command = [
        program,
        f"--device-name={name}",
        f"--resolution={dpi}",
        f"--mode={mode}",
        "--format=tiff",
        f"--batch={out / stem}%04d.tif",
    ]
    if source:
        command.append(f"--source={source}")
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ScannerError(
            f"{timeout:.0f} 秒以内に終わりませんでした。紙詰まりを確認してください。",
            f"it did not finish within {timeout:.0f} s. Check for a paper jam.",
        ) from exc
    except OSError as exc:
        raise ScannerError(
            "scanimage を起動できません。", f"cannot start scanimage ({exc})."
        ) from exc
    pages = sorted(p for p in out.glob(f"{stem}*.tif") if p.stat().st_size > 0)
    feeder_ran_out = any(text in done.stderr.lower() for text in _FEEDER_EMPTY)
    if done.returncode != 0 and not (pages and feeder_ran_out):
        detail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise ScannerError(f"スキャナーのエラー：{detail[0]}", f"scanner error: {detail[0]}")
    if not pages:
        raise ScannerError(
            "1 枚も読み取れませんでした。原稿がセットされているか確認してください。",
            "no page was scanned. Check that the paper is in the scanner.",
        )
    return pages
