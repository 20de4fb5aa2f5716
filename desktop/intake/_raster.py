"""Pages from JPEG, PNG and (multi-page) TIFF files, through Pillow."""

from __future__ import annotations

import struct
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from desktop.intake.pages import DEFAULT_DPI, PLAUSIBLE_DPI, IntakeLimits, LoadedPage
from desktop.intake.refusals import BrokenFile, NotAnImage, TooManyPages, TooManyPixels

_FORMATS = ("JPEG", "PNG", "TIFF")  # a phone's MPO opens as JPEG
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*")
# What Pillow raises on damaged data, depending on the format and where the damage is (a TIFF
# cut in half: TypeError "Missing dimensions"; a bad tag: KeyError; a short header: struct.error).
_DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    TypeError,
    struct.error,
    zlib.error,
)


@contextmanager
def _guarded(path: Path, limits: IntakeLimits) -> Iterator[None]:
    """Pillow's own bomb guard at our limit; its complaints about damaged metadata are ignored
    because the pixels are decoded in full afterwards, which is the real test."""
    pillows_own = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise TooManyPixels(path, limits.max_pixels) from exc
        finally:
            Image.MAX_IMAGE_PIXELS = pillows_own


def _open(path: Path) -> Image.Image:
    try:
        return Image.open(path, formats=_FORMATS)
    except UnidentifiedImageError as exc:
        with path.open("rb") as file:
            head = file.read(4)
        if head.startswith(_IMAGE_MAGIC):
            raise BrokenFile(path) from exc
        raise NotAnImage(path) from exc
    except _DECODE_ERRORS as exc:
        # Damage inside the headers Pillow reads on opening (a 6-byte JPEG, half a TIFF).
        raise BrokenFile(path) from exc


def raster_page_count(path: Path, limits: IntakeLimits) -> int:
    """The number of frames, read from the headers only."""
    with _guarded(path, limits), _open(path) as image:
        try:
            return int(getattr(image, "n_frames", 1))
        except _DECODE_ERRORS as exc:
            raise BrokenFile(path) from exc


def load_raster(path: Path, limits: IntakeLimits) -> list[LoadedPage]:
    with _guarded(path, limits), _open(path) as image:
        try:
            frames = int(getattr(image, "n_frames", 1))
            if frames > limits.max_pages:
                raise TooManyPages(path, frames, limits.max_pages)
            pages = []
            for index in range(frames):
                image.seek(index)
                if image.width * image.height > limits.max_pixels:
                    raise TooManyPixels(path, limits.max_pixels)
                image.load()
                pages.append(LoadedPage.of(path, index + 1, _upright(image), _dpi_of(image)))
        except _DECODE_ERRORS as exc:
            raise BrokenFile(path) from exc
    return pages


def _upright(frame: Image.Image) -> Image.Image:
    """A copy turned as its EXIF orientation says, in RGB (colour) or L (grey, black and white)."""
    turned = ImageOps.exif_transpose(frame)
    if turned.mode in ("RGB", "L"):
        return turned.copy() if turned is frame else turned
    if turned.mode == "1":
        return turned.convert("L")
    if turned.mode.startswith("I") or turned.mode == "F":
        return _to_grey(turned)
    if "A" in turned.getbands() or turned.mode == "P":
        rgba = turned.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return turned.convert("RGB")


def _to_grey(frame: Image.Image) -> Image.Image:
    """16-bit greys scaled to 8 bits; 32-bit and float greys by their actual range."""
    if frame.mode.startswith("I;16"):
        return frame.convert("I").point(lambda v: v / 257).convert("L")
    wide = frame if frame.mode == "F" else frame.convert("I")
    extrema: tuple[float, float] = wide.getextrema()  # type: ignore[assignment]  # one band
    low, high = extrema
    span = float(high - low) or 1.0
    return wide.point(lambda v: (v - low) * 255.0 / span).convert("L")


def _dpi_of(frame: Image.Image) -> int:
    dpi: tuple[float, float] = frame.info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))
    try:
        value = round(float(dpi[0]))
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI
    return value if value in PLAUSIBLE_DPI else DEFAULT_DPI
