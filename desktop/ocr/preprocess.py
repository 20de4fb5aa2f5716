"""Getting a scanned page ready for Tesseract with Pillow alone: grayscale, resolution, contrast,
border crop, deskew and quarter turns.

Measured on degraded cards (ARCHITECTURE.md "Facts"): cropping the border cut the character error
rate six-fold, while global binarisation made it worse, so the page stays grayscale; contrast is
stretched instead, which also lifts dark text off coloured bands (a licence's expiry band turns
light gray).
"""

from __future__ import annotations

from typing import cast

from PIL import Image, ImageChops, ImageFilter, ImageOps

from desktop.ocr.physical import frame

__all__ = ["PreparedPage", "deskew_angle", "prepare", "turn"]

_TARGET_DPI = 300
# Above this many pixels a page costs more than it reads better: A4 at 300 dpi is 8.7 million.
_MAX_PIXELS = 12_000_000
_MAX_ENLARGE = 3.0
# Gray level below which a pixel of a quarter-size copy counts as ink: small gray labels (氏名)
# fade when shrunk, and cropping them off loses the field they name.
_FAINT_INK = 200


class PreparedPage:
    """A grayscale page at a reading resolution, deskewed and cropped, and how it was made.

    `scale`, `angle` and `crop` let `same_geometry` give the colour scan the very same pixel grid,
    so what is stored (the scan as sent, in colour) and what was read share every box.
    """

    def __init__(
        self,
        image: Image.Image,
        dpi: int,
        scale: float = 1.0,
        angle: float = 0.0,
        crop: tuple[int, int, int, int] | None = None,
        frame: tuple[int, int, int, int] | None = None,
        card: bool = False,
    ) -> None:
        self.image = image
        self.frame = frame  # the document within the picture, before scaling
        self.card = card
        self.dpi = dpi
        self.scale = scale
        self.angle = angle
        self.crop = crop


def _grayscale(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        background = Image.new("RGB", image.size, "white")
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        image = background
    return image.convert("L")


def _flatten_background(image: Image.Image) -> Image.Image:
    """Ink measured against its local background: coloured bands and shaded boxes turn white.

    The background is the page with the ink filtered out (a max filter wider than any stroke), so
    dark text on a light-blue band keeps its contrast while the band itself disappears; Tesseract's
    global threshold would otherwise turn the whole band black and lose the line.
    """
    small = image.reduce(4)
    background = small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.BoxBlur(2))
    background = background.resize(image.size, Image.Resampling.BILINEAR)
    return ImageOps.invert(ImageChops.subtract(background, image))


_RULE = 128  # pixels of unbroken ink, along a row or a column, that only a ruled line has


def _rules(ink: Image.Image, horizontal: bool) -> Image.Image:
    """White where `ink` (white = ink) has long horizontal (or vertical) ruled lines."""
    width, height = ink.size
    if horizontal:
        cells = ink.resize((max(1, width // _RULE), height), Image.Resampling.BOX)
        thick = ImageFilter.MaxFilter(5)
    else:
        cells = ink.resize((width, max(1, height // _RULE)), Image.Resampling.BOX)
        thick = ImageFilter.MaxFilter(5)
    solid = cells.point(lambda v: 255 if v >= 235 else 0).filter(thick)
    return solid.resize(ink.size, Image.Resampling.NEAREST)


def remove_rules(image: Image.Image) -> Image.Image:
    """`image` with the ruled lines of tables and boxes painted white.

    Tesseract reads table borders as 「|」 or merges them into characters, and loses the labels
    in the cells; no character has a stroke of unbroken ink this long.
    """
    ink = image.point(lambda v: 255 if v < 128 else 0)
    mask = ImageChops.lighter(_rules(ink, horizontal=True), _rules(ink, horizontal=False))
    return ImageChops.lighter(image, mask)


def _crop_border(image: Image.Image) -> Image.Image:
    box = _border_box(image)
    return image if box is None else image.crop(box)


def _border_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The printed area with a margin, or None when cropping would keep nearly everything."""
    # Found on a quarter-size copy, where a speck of scanner noise no longer counts as ink.
    small = image.reduce(4)
    bbox = small.point(lambda v: 255 if v < _FAINT_INK else 0).getbbox()
    if bbox is None:
        return None
    bbox = (bbox[0] * 4, bbox[1] * 4, bbox[2] * 4, bbox[3] * 4)
    width, height = image.size
    margin = max(12, min(width, height) // 25)
    left, top, right, bottom = bbox
    box = (
        max(0, left - margin),
        max(0, top - margin),
        min(width, right + margin),
        min(height, bottom + margin),
    )
    # A crop that keeps nearly everything only costs a copy.
    if (box[2] - box[0]) * (box[3] - box[1]) > 0.97 * width * height:
        return None
    return box


def _row_sharpness(density: Image.Image, angle: float, fine: bool = True) -> float:
    resample = Image.Resampling.BILINEAR if fine else Image.Resampling.NEAREST
    rotated = density.rotate(angle, resample=resample, fillcolor=0)
    column = rotated.resize((1, rotated.height), Image.Resampling.BOX)
    rows = cast("list[int]", list(column.get_flattened_data()))
    return float(sum((a - b) ** 2 for a, b in zip(rows, rows[1:], strict=False)))


def deskew_angle(image: Image.Image, limit: float = 4.0) -> float:
    """The small rotation (degrees, counter-clockwise) that makes the text lines horizontal.

    Level text lines give the sharpest row profile of ink: try coarse angles, then refine. Ink is
    found at full resolution before shrinking, or thin strokes would fade into the paper.
    """
    half = image.reduce(2)
    ink = half.point(lambda v: 255 if v < 140 else 0)
    scale = 500 / max(half.size)
    density = ink.resize(
        (max(1, round(half.width * scale)), max(1, round(half.height * scale))),
        Image.Resampling.BOX,
    )
    candidates = [float(a) for a in range(-round(limit), round(limit) + 1)]
    # The coarse search only has to land within a degree: nearest-pixel turns are 4× cheaper.
    best = max(candidates, key=lambda a: _row_sharpness(density, a, fine=False))
    fine = [best + step / 5 for step in range(-3, 4)]
    return max(fine, key=lambda a: _row_sharpness(density, a))


def turn(image: Image.Image, degrees: int) -> Image.Image:
    """`image` turned counter-clockwise by a multiple of 90 degrees."""
    transposes = {
        90: Image.Transpose.ROTATE_90,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_270,
    }
    return image.transpose(transposes[degrees % 360]) if degrees % 360 else image


def prepare(image: Image.Image, dpi: int) -> PreparedPage:
    """Grayscale at about 300 dpi of the real paper (the card found in a photo or on a copy),
    contrast stretched, deskewed and cropped to the printed area."""
    gray = _grayscale(image)
    framing = frame(gray, dpi)
    if framing.crop is not None:
        gray = gray.crop(framing.crop)
    scale = _working_scale(gray.size, framing.dpi)
    if scale != 1.0:
        gray = gray.resize(_scaled(gray.size, scale), Image.Resampling.LANCZOS)
    dpi = max(72, round(framing.dpi * scale))
    gray = ImageOps.autocontrast(_flatten_background(gray), cutoff=(0.5, 0))
    # An empty page has no lines to level (and would be turned by noise).
    darkest = cast("tuple[int, int]", gray.getextrema())[0]
    angle = deskew_angle(gray) if darkest < 128 else 0.0
    if abs(angle) < 0.2:
        angle = 0.0
    else:
        gray = gray.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
    crop = _border_box(gray)
    if crop is not None:
        gray = gray.crop(crop)
    return PreparedPage(remove_rules(gray), dpi, scale, angle, crop, framing.crop, framing.card)


def _working_scale(size: tuple[int, int], dpi: float) -> float:
    """The factor to ~300 dpi: small images enlarged (at most 3×), large ones reduced, none past
    the pixel cap; a resolution already near 300 is left alone (resampling blurs)."""
    scale = 1.0
    if dpi < _TARGET_DPI * 0.9:
        scale = min(_MAX_ENLARGE, _TARGET_DPI / dpi)
    elif dpi > _TARGET_DPI * 1.4:
        scale = _TARGET_DPI / dpi
    pixels = size[0] * size[1] * scale * scale
    if pixels > _MAX_PIXELS:
        scale *= (_MAX_PIXELS / pixels) ** 0.5
    return scale


def _scaled(size: tuple[int, int], scale: float) -> tuple[int, int]:
    return round(size[0] * scale), round(size[1] * scale)


def same_geometry(image: Image.Image, prepared: PreparedPage) -> Image.Image:
    """The colour scan on the pixel grid of `prepared` (resampled, deskewed, cropped alike)."""
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        color = Image.new("RGB", image.size, "white")
        color.paste(rgba, mask=rgba.getchannel("A"))
    else:
        color = image.convert("RGB")
    if prepared.frame is not None:
        color = color.crop(prepared.frame)
    if prepared.scale != 1.0:
        color = color.resize(_scaled(color.size, prepared.scale), Image.Resampling.LANCZOS)
    if prepared.angle:
        color = color.rotate(
            prepared.angle,
            resample=Image.Resampling.BICUBIC,
            expand=True,
            fillcolor=(255, 255, 255),
        )
    if prepared.crop is not None:
        color = color.crop(prepared.crop)
    return color
