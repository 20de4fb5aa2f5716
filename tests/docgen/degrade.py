"""What a scanner and a careless hand do to a page: skew, upside down, blur, noise, JPEG, 200 dpi.

Geometric degradations move the ground-truth boxes with the pixels."""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from tests.docgen.canvas import Box

DEGRADATIONS: tuple[str, ...] = (
    "skew",
    "upside_down",
    "blur",
    "noise",
    "jpeg50",
    "dpi200",
    "photocopy",
    "phone",
    "fax",
)
A4_300 = (2480, 3508)

Point = tuple[float, float]
PointMap = Callable[[Point], Point]


def apply_degradations(
    image: Image.Image, dpi: int, names: tuple[str, ...], rng: random.Random
) -> tuple[Image.Image, int, Callable[[Box], Box]]:
    """Apply `names` in order; return the image, its dpi and how boxes move."""
    maps: list[PointMap] = []
    for name in names:
        if name == "skew":
            image, point_map = _skew(image, rng.uniform(1.0, 3.0) * rng.choice((-1, 1)))
            maps.append(point_map)
        elif name == "upside_down":
            maps.append(_half_turn(image.size))
            image = image.rotate(180)
        elif name == "blur":
            image = image.filter(ImageFilter.GaussianBlur(1.0))
        elif name == "noise":
            image = _noise(image, rng)
        elif name == "jpeg50":
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=50)
            image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
        elif name == "dpi200":
            factor = 200 / dpi
            size = (round(image.width * factor), round(image.height * factor))
            image = image.resize(size, Image.Resampling.BOX)  # a sensor averages over its area
            maps.append(_scaling(factor))
            dpi = 200
        elif name == "photocopy":
            image, point_map = _photocopy(image, rng)
            maps.append(point_map)
        elif name == "phone":
            image, point_map = _phone(image, rng)
            maps.append(point_map)
            dpi = 72  # what phones write in the file, whatever the real resolution
        elif name == "fax":
            image, point_map = _fax(image, dpi)
            maps.append(point_map)
            dpi = 200
        else:
            msg = f"unknown degradation {name!r}; known: {', '.join(DEGRADATIONS)}"
            raise ValueError(msg)
    bounds = image.size

    def move(box: Box) -> Box:
        left, top, right, bottom = box
        corners: list[Point] = [(left, top), (right, top), (left, bottom), (right, bottom)]
        for point_map in maps:
            corners = [point_map(c) for c in corners]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        return (
            max(0, math.floor(min(xs))),
            max(0, math.floor(min(ys))),
            min(bounds[0], math.ceil(max(xs))),
            min(bounds[1], math.ceil(max(ys))),
        )

    return image, dpi, move


def _half_turn(size: tuple[int, int]) -> PointMap:
    width, height = size
    return lambda p: (width - p[0], height - p[1])


def _scaling(factor: float) -> PointMap:
    return lambda p: (p[0] * factor, p[1] * factor)


def _skew(image: Image.Image, degrees: float) -> tuple[Image.Image, PointMap]:
    """Rotate counter-clockwise by `degrees` on a white background, growing the canvas."""
    width, height = image.size
    rotated = image.rotate(
        degrees, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=(255, 255, 255)
    )
    cx, cy = width / 2, height / 2
    ncx, ncy = rotated.width / 2, rotated.height / 2
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))

    def point_map(p: Point) -> Point:
        dx, dy = p[0] - cx, p[1] - cy
        return (ncx + dx * cos + dy * sin, ncy - dx * sin + dy * cos)

    return rotated, point_map


def _noise(image: Image.Image, rng: random.Random) -> Image.Image:
    """Grey Gaussian-like noise (σ ≈ 12, the mean of four uniform layers) and a few specks."""
    width, height = image.size
    layers = [Image.frombytes("L", image.size, rng.randbytes(width * height)) for _ in range(4)]
    mean = Image.blend(
        Image.blend(layers[0], layers[1], 0.5), Image.blend(layers[2], layers[3], 0.5), 0.5
    )
    # Uniform bytes have σ ≈ 73.9, the mean of four ≈ 37: scale to σ ≈ 12 around 128.
    noise = mean.point([max(0, min(255, round(128 + (v - 128) * 0.325))) for v in range(256)])
    noisy = ImageChops.add(image, Image.merge("RGB", (noise, noise, noise)), 1.0, -128)
    draw = ImageDraw.Draw(noisy)
    for _ in range(width * height // 40000):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.choice((1, 1, 2))
        shade = rng.choice((40, 90, 230))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(shade, shade, shade))
    return noisy


def _photocopy(image: Image.Image, rng: random.Random) -> tuple[Image.Image, PointMap]:
    """A grey photocopy: a card lies somewhere on an A4 sheet (a page stays a page), colours
    turn to grey and darken, so a coloured band prints dark behind its text."""
    gray = image.convert("L").point(lambda v: round(30 + 0.8 * v * v / 255))
    if image.width < A4_300[0] * 0.6:
        sheet = Image.new("L", A4_300, 250)
        x = rng.randint(150, A4_300[0] - image.width - 150)
        y = rng.randint(150, A4_300[1] // 2 - image.height)
        sheet.paste(gray, (x, y))
        gray, offset = sheet, (float(x), float(y))
    else:
        offset = (0.0, 0.0)
    return gray.convert("RGB"), lambda p: (p[0] + offset[0], p[1] + offset[1])


def _phone(image: Image.Image, rng: random.Random) -> tuple[Image.Image, PointMap]:
    """A phone photo of the document on a desk: 4032 px wide, a slight perspective, a shadow
    across one side and a glare spot; the file says 72 dpi."""
    width = 4032
    factor = width * 0.62 / image.width
    card = image.resize(
        (round(image.width * factor), round(image.height * factor)), Image.Resampling.BICUBIC
    )
    height = max(round(width * 0.75), card.height + 400)
    desk = Image.new("RGB", (width, height), (96, 84, 70))
    x, y = (width - card.width) // 2, (height - card.height) // 2
    desk.paste(card, (x, y))
    # Perspective: the top edge seen a little wider than the bottom (boxes move by the scale
    # alone: a few pixels off at the top corners).
    inset = card.width * rng.uniform(0.01, 0.03)
    source = (inset, 0.0, 0.0, float(height), float(width), float(height), width - inset, 0.0)
    photo = desk.transform(desk.size, Image.Transform.QUAD, source, Image.Resampling.BILINEAR)
    shade = Image.linear_gradient("L").resize(desk.size).point(lambda v: 255 - v // 4)
    photo = ImageChops.multiply(photo, Image.merge("RGB", (shade, shade, shade)))
    glare = Image.new("L", desk.size, 0)
    gx, gy = rng.randint(x, x + card.width), rng.randint(y, y + card.height)
    ImageDraw.Draw(glare).ellipse((gx - 120, gy - 80, gx + 120, gy + 80), fill=60)
    glare = glare.filter(ImageFilter.GaussianBlur(40))
    photo = ImageChops.add(photo, Image.merge("RGB", (glare, glare, glare)))

    def point_map(p: Point) -> Point:
        return (x + p[0] * factor, y + p[1] * factor)

    return photo, point_map


def _fax(image: Image.Image, dpi: int) -> tuple[Image.Image, PointMap]:
    """A fax-like 200-dpi scan: black and white, no grey left."""
    factor = 200 / dpi
    small = image.convert("L").resize(
        (round(image.width * factor), round(image.height * factor)), Image.Resampling.BOX
    )
    return small.point(lambda v: 0 if v < 150 else 255).convert("RGB"), _scaling(factor)
