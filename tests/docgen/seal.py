"""The red impression of a person's registered seal (実印): a ring with the family name in
seal-like lettering and uneven ink, the same for the same seal wherever it is pressed."""

from __future__ import annotations

import random
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from tests.docgen.canvas import Box, Page, font, mm

SEAL_RED = (208, 48, 42)
_DIAMETERS_MM = (13.5, 15.0, 16.5, 18.0)


@lru_cache(maxsize=32)
def seal_mask(seal_seed: int, family: str) -> Image.Image:
    """The ink coverage (L image, 255 = full ink) of the seal `seal_seed` engraved with `family`."""
    rng = random.Random(f"seal-{seal_seed}")
    size = mm(rng.choice(_DIAMETERS_MM))
    round_seal = rng.random() < 0.75
    border = max(6, size // 22)
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    outline = (border // 2, border // 2, size - border // 2 - 1, size - border // 2 - 1)
    if round_seal:
        draw.ellipse(outline, outline=255, width=border)
    else:
        draw.rounded_rectangle(outline, size // 7, outline=255, width=border)

    # Seal lettering is tall and narrow: each character squeezed into its cell, top to bottom.
    inner = size - 4 * border
    chars = list(family) or ["印"]
    cell_w = round(inner * (0.62 if len(chars) > 1 else 0.8))
    cell_h = round(inner * 0.86 / len(chars))
    top = (size - cell_h * len(chars)) // 2
    for i, char in enumerate(chars):
        glyph = Image.new("L", (200, 200), 0)
        ImageDraw.Draw(glyph).text(
            (100, 100), char, font=font("mincho", 180), fill=255, anchor="mm"
        )
        bbox = glyph.getbbox() or (0, 0, 200, 200)
        glyph = glyph.crop(bbox).resize((cell_w, cell_h), Image.Resampling.LANCZOS)
        glyph = glyph.filter(ImageFilter.MaxFilter(3))  # engraved strokes are bold
        mask.paste(255, ((size - cell_w) // 2, top + i * cell_h), glyph)

    # Uneven ink: a coarse random field stretched over the impression, plus a few dry specks.
    coarse = Image.frombytes("L", (12, 12), rng.randbytes(144)).resize(
        (size, size), Image.Resampling.BICUBIC
    )
    texture = coarse.point(lambda v: 150 + v * 105 // 255)
    specks = Image.new("L", (size, size), 255)
    speck_draw = ImageDraw.Draw(specks)
    for _ in range(size // 3):
        x, y, r = rng.randrange(size), rng.randrange(size), rng.choice((1, 2, 2, 3))
        speck_draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randrange(0, 120))
    mask = ImageChops.multiply(ImageChops.multiply(mask, texture), specks)
    return mask.filter(ImageFilter.GaussianBlur(0.8))


def press_seal(page: Page, xy: tuple[int, int], seal_seed: int, family: str) -> Box:
    """Press the seal with its top-left corner at `xy`; return the impression's box."""
    mask = seal_mask(seal_seed, family)
    x, y = xy
    page.image.paste(SEAL_RED, (x, y, x + mask.width, y + mask.height), mask)
    return (x, y, x + mask.width, y + mask.height)


def seal_size(seal_seed: int, family: str) -> int:
    return seal_mask(seal_seed, family).width


def official_seal(page: Page, xy: tuple[int, int], title: str, size: int = mm(21)) -> Box:
    """The square seal of office (職印) a municipality presses on its certificates."""
    x, y = xy
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    draw.rectangle((4, 4, size - 5, size - 5), outline=200, width=max(5, size // 28))
    chars = title + "之印"
    columns = -(-len(chars) // 3)
    cell_w, cell_h = (size - 24) // columns, (size - 24) // 3
    for i, char in enumerate(chars):
        col, row = columns - 1 - i // 3, i % 3  # read in columns, right to left
        draw.text(
            (12 + col * cell_w + cell_w // 2, 12 + row * cell_h + cell_h // 2),
            char,
            font=font("mincho", int(min(cell_w, cell_h) * 0.9)),
            fill=170,
            anchor="mm",
        )
    page.image.paste(SEAL_RED, (x, y, x + size, y + size), mask)
    page.other_boxes["office_seal"] = (x, y, x + size, y + size)
    return (x, y, x + size, y + size)
