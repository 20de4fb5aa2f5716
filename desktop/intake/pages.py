"""What a loaded page is, and the limits a file must stay within to be loaded at all."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

# A scanner that writes no resolution, or a nonsense one, is assumed to scan at 300 dpi.
DEFAULT_DPI = 300
PLAUSIBLE_DPI = range(50, 2401)


@dataclass(frozen=True)
class IntakeLimits:
    """Guards against files that would exhaust memory or time (decompression bombs and the like)."""

    max_bytes: int = 200_000_000
    # A3 at 600 dpi is 70 megapixels; nothing a clerk scans needs more.
    max_pixels: int = 80_000_000
    max_pages: int = 200


@dataclass(frozen=True)
class LoadedPage:
    """One page of a file, upright (EXIF orientation applied), kept as a lossless PNG of mode RGB
    or L: a file's pages never sit in memory as bitmaps all at once (a 200-page PDF would take
    tens of gigabytes), only the page being looked at."""

    source: Path
    page_no: int  # 1-based
    png: bytes
    dpi: int

    @classmethod
    def of(cls, source: Path, page_no: int, image: Image.Image, dpi: int) -> LoadedPage:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", compress_level=1)
        return cls(source, page_no, buffer.getvalue(), dpi)

    @property
    def image(self) -> Image.Image:
        """The page decoded (each call decodes it afresh: keep it only while needed)."""
        with Image.open(io.BytesIO(self.png), formats=("PNG",)) as decoded:
            decoded.load()
            return decoded
