"""What a scanner and a careless hand do to a page: skew, upside down, blur, noise, JPEG, 200 dpi.

Geometric degradations move the ground-truth boxes with the pixels."""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from tests.docgen.canvas import Box

DEGRADATIONS: tuple[str, ...] = ("skew", "upside_down", "blur", "noise", "jpeg50", "dpi200")

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
