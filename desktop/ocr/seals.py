"""Finding the seal impression (印影) on a page, so that the one on a power of attorney can be shown
next to the one on the seal-registration certificate, cropped and at the same scale.

A seal is a blob of red ink, roughly 8 to 30 mm across and about as tall as wide; red text and red
rules are too small, too thin or too long to be one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter

__all__ = ["SealCrop", "find_seal", "find_seals", "same_scale"]

MM_PER_INCH = 25.4
_WORK_PX_PER_MM = 4.0  # blobs are found on a copy reduced to about 100 dpi
_MIN_MM = 7.0
_MAX_MM = 34.0  # the largest registered seals are 25 mm; dilation and skew add a little
_MAX_ASPECT = 1.7  # round, square and oval (小判) seals
_MIN_FILL = 0.12  # ring plus characters; a bare outline or scattered specks fill less
_PAD_MM = 0.8
# Hue in Pillow's 0–255 scale: red wraps around 0 (about ±25°).
_RED_HUE_LOW = 18
_RED_HUE_HIGH = 238
_DARK = 90  # grey level of black print; red ink is lighter (about 95–130)
_PRINTED_FRACTION = 0.005
_RUN = re.compile(rb"[^\x00]+")


@dataclass(frozen=True)
class SealCrop:
    """A seal impression: where it is on the page, and the crop with the paper whitened."""

    box: tuple[int, int, int, int]  # (left, top, right, bottom) in the page's pixels
    image: Image.Image  # RGB: the red ink as scanned on white


def find_seal(image: Image.Image, dpi: int) -> SealCrop | None:
    """The person's seal impression on the page, or None when there is none.

    A seal-registration certificate also bears the seal of office (職印), pressed over the
    official's printed name; the registered impression stands clear of print, and comes first
    when the page is upright. On a power of attorney a seal in the top margin (捨印) is the
    principal's own.
    """
    found = find_seals(image, dpi)
    return found[0] if found else None


def find_seals(image: Image.Image, dpi: int) -> list[SealCrop]:
    """Every seal impression on the page: those clear of print first, each group from the top."""
    if dpi <= 0:
        raise ValueError(f"a page's resolution must be positive, not {dpi}")
    if image.mode != "RGB":
        if image.mode in ("L", "1"):
            return []  # no colour, no red ink
        image = image.convert("RGB")
    px_per_mm = dpi / MM_PER_INCH
    factor = max(1, round(px_per_mm / _WORK_PX_PER_MM))
    small = image.reduce(factor)
    # Widened by half a millimetre so that the characters join the ring (a box blur is far
    # quicker than a max filter and widens just as well once thresholded).
    mask = _red_mask(small, min_saturation=80).filter(ImageFilter.BoxBlur(2))
    mask = mask.point(lambda v: 255 if v >= 8 else 0)
    blobs = _merge_overlapping(_blobs(mask))
    crops = [
        _crop(image, _scaled(blob.box, factor), px_per_mm)
        for blob in blobs
        if _is_seal_shaped(blob, px_per_mm / factor)
    ]
    crops.sort(key=lambda crop: (_printed_over(image, crop.box), crop.box[1], crop.box[0]))
    return crops


def same_scale(
    a: SealCrop, dpi_a: int, b: SealCrop, dpi_b: int, size_mm: float = 25.0
) -> tuple[Image.Image, Image.Image]:
    """Both seals at the finer of the two resolutions, centred on white squares of equal size.

    The squares are `size_mm` wide, or wider when a seal is larger, so one pixel is the same
    distance on paper in both images.
    """
    px_per_mm = max(dpi_a, dpi_b) / MM_PER_INCH
    resized = [
        _resample(crop.image, px_per_mm * MM_PER_INCH / dpi)
        for crop, dpi in ((a, dpi_a), (b, dpi_b))
    ]
    side = max(round(size_mm * px_per_mm), *(max(im.size) for im in resized))
    squares = []
    for seal in resized:
        square = Image.new("RGB", (side, side), "white")
        square.paste(seal, ((side - seal.width) // 2, (side - seal.height) // 2))
        squares.append(square)
    return squares[0], squares[1]


def _resample(image: Image.Image, scale: float) -> Image.Image:
    if abs(scale - 1.0) < 1e-3:
        return image.copy()
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _red_mask(image: Image.Image, min_saturation: int) -> Image.Image:
    """255 where the ink is red and saturated (not pink paper, not black, not dark brown)."""
    hue, saturation, value = image.convert("HSV").split()
    red_hue = hue.point(lambda h: 255 if h <= _RED_HUE_LOW or h >= _RED_HUE_HIGH else 0)
    saturated = saturation.point(lambda s: 255 if s >= min_saturation else 0)
    bright = value.point(lambda v: 255 if v >= 70 else 0)
    return ImageChops.multiply(ImageChops.multiply(red_hue, saturated), bright)


@dataclass
class _Blob:
    box: tuple[int, int, int, int]
    pixels: int


def _blobs(mask: Image.Image) -> list[_Blob]:
    """8-connected blobs of a mask, labelled run by run (red ink is sparse on a page)."""
    width = mask.width
    data = mask.tobytes()
    parent: list[int] = []
    runs: list[tuple[int, int, int]] = []  # (row, start, end)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    previous: list[int] = []
    for row in range(mask.height):
        current = []
        offset = row * width
        for match in _RUN.finditer(data, offset, offset + width):
            start, end = match.start() - offset, match.end() - offset
            index = len(runs)
            runs.append((row, start, end))
            parent.append(index)
            for other in previous:
                _, other_start, other_end = runs[other]
                if other_start <= end and start <= other_end:  # touching, diagonals included
                    parent[root(other)] = root(index)
            current.append(index)
        previous = current
    blobs: dict[int, _Blob] = {}
    for index, (row, start, end) in enumerate(runs):
        blob = blobs.get(root(index))
        if blob is None:
            blobs[root(index)] = _Blob((start, row, end, row + 1), end - start)
            continue
        left, top, right, bottom = blob.box
        blob.box = (min(left, start), min(top, row), max(right, end), max(bottom, row + 1))
        blob.pixels += end - start
    return list(blobs.values())


def _printed_over(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    """Whether black print shows through the impression, as it does where a seal of office is
    pressed over the official's printed name; a person's seal sits in a clear space."""
    region = image.crop(box)
    dark = region.convert("L").point(lambda v: 255 if v < _DARK else 0)
    not_red = ImageChops.invert(_red_mask(region, min_saturation=50))
    printed = ImageChops.multiply(dark, not_red).histogram()[255]
    return printed > _PRINTED_FRACTION * region.width * region.height


def _merge_overlapping(blobs: list[_Blob]) -> list[_Blob]:
    """One blob per impression: the characters inside a ring may not touch the ring."""
    merged: list[_Blob] = []
    for blob in sorted(blobs, key=lambda b: b.pixels, reverse=True):
        for other in merged:
            if _overlap(blob.box, other.box):
                other.box = _union(blob.box, other.box)
                other.pixels += blob.pixels
                break
        else:
            merged.append(_Blob(blob.box, blob.pixels))
    return merged


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _union(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _is_seal_shaped(blob: _Blob, px_per_mm: float) -> bool:
    """Seal-sized, about as tall as wide, and filled enough to be more than a drawn outline."""
    left, top, right, bottom = blob.box
    width_mm, height_mm = (right - left) / px_per_mm, (bottom - top) / px_per_mm
    if not (_MIN_MM <= width_mm <= _MAX_MM and _MIN_MM <= height_mm <= _MAX_MM):
        return False
    if max(width_mm, height_mm) / min(width_mm, height_mm) > _MAX_ASPECT:
        return False
    return blob.pixels / ((right - left) * (bottom - top)) >= _MIN_FILL


def _crop(image: Image.Image, rough: tuple[int, int, int, int], px_per_mm: float) -> SealCrop:
    """Tighten the rough box on the full-resolution ink, then whiten everything that is not ink."""
    pad = round(_PAD_MM * px_per_mm)
    left, top, right, bottom = _clamp(image, rough, pad)
    region = image.crop((left, top, right, bottom))
    ink = _red_mask(region, min_saturation=50)
    tight = ink.getbbox()
    if tight is not None:
        box = _clamp(image, (left + tight[0], top + tight[1], left + tight[2], top + tight[3]), pad)
        region = image.crop(box)
        ink = _red_mask(region, min_saturation=50)
        left, top, right, bottom = box
    # A slightly widened mask keeps the soft edges of the strokes.
    keep = ink.filter(ImageFilter.MaxFilter(3))
    whitened = Image.composite(region, Image.new("RGB", region.size, "white"), keep)
    return SealCrop((left, top, right, bottom), whitened)


def _scaled(box: tuple[int, int, int, int], factor: int) -> tuple[int, int, int, int]:
    left, top, right, bottom = box
    return (left * factor, top * factor, right * factor, bottom * factor)


def _clamp(
    image: Image.Image, box: tuple[int, int, int, int], pad: int
) -> tuple[int, int, int, int]:
    left, top, right, bottom = box
    return (
        max(0, left - pad),
        max(0, top - pad),
        min(image.width, right + pad),
        min(image.height, bottom + pad),
    )
