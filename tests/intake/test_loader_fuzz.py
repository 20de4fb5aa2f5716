"""Damaged page files are refused as damaged, never crash, and a file's pages never sit in memory
as bitmaps all at once."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.intake.loader import load_pages, page_count
from desktop.intake.refusals import FileRefused


def _image(fmt: str, **options: object) -> bytes:
    page = Image.new("RGB", (300, 200), "white")
    ImageDraw.Draw(page).rectangle((20, 20, 120, 60), fill="black")
    buffer = io.BytesIO()
    if fmt == "TIFF":
        page.save(
            buffer, format="TIFF", save_all=True, append_images=[page.convert("L")], **options
        )
    else:
        page.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number in range(2):
        canvas.drawString(72, 720, f"page {number + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


SEEDS = {
    "scan.jpg": _image("JPEG"),
    "scan.png": _image("PNG"),
    "scan.tif": _image("TIFF"),
    "deflate.tif": _image("TIFF", compression="tiff_deflate"),
    "scan.pdf": _pdf(),
}


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    how = draw(st.sampled_from(["cut", "flip", "insert"]))
    if how == "cut":
        data = data[: draw(st.integers(1, len(data) - 1))]
    elif how == "flip":
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    else:
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=16))
    return name, bytes(data)


def _load_or_refuse(path: Path) -> None:
    for load in (page_count, load_pages):
        refusal: FileRefused | None = None
        try:
            load(path)
        except FileRefused as refused:
            refusal = refused
        if refusal is not None:
            assert path.name in refusal.message_ja
            assert path.name in refusal.message_en


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_files())
# What crashed before: a 6-byte JPEG, half a TIFF, a PDF whose page tree is damaged.
@example(("scan.jpg", SEEDS["scan.jpg"][:6]))
@example(("scan.tif", SEEDS["scan.tif"][: len(SEEDS["scan.tif"]) // 2]))
@example(("deflate.tif", SEEDS["deflate.tif"][:200]))
@example(("scan.pdf", SEEDS["scan.pdf"].replace(b"/MediaBox", b"/MediaBux")))
def test_a_damaged_file_is_loaded_or_refused_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, damaged: tuple[str, bytes]
) -> None:
    name, data = damaged
    path = tmp_path_factory.mktemp("damaged") / name
    path.write_bytes(data)
    _load_or_refuse(path)


_PEAK_MEMORY = """
import io, json, resource, sys
from pathlib import Path
from reportlab.pdfgen.canvas import Canvas
from desktop.intake.loader import load_pages
buffer = io.BytesIO()
canvas = Canvas(buffer, pagesize=(1500, 1500))  # at 300 dpi: 6250 px square, 39 megapixels
for number in range(6):
    canvas.drawString(72, 72, f"page {number + 1}")
    canvas.showPage()
canvas.save()
path = Path(sys.argv[1])
path.write_bytes(buffer.getvalue())
pages = load_pages(path)
print(json.dumps({"pages": len(pages), "bytes": path.stat().st_size,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def test_a_small_pdf_of_huge_pages_does_not_take_gigabytes(tmp_path: Path) -> None:
    """A 3 kB PDF of six 39-megapixel pages took 1.2 GB when every page stayed a bitmap."""
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_MEMORY, str(tmp_path / "huge.pdf")],
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(result.stdout)
    assert measured["pages"] == 6
    assert measured["bytes"] < 10_000
    # One page at a time: one bitmap (~270 MB as BGRA and RGB) and the interpreter.
    assert measured["peak_mb"] < 800, measured
