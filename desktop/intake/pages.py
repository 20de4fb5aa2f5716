"""What a loaded page is, and the limits a file must stay within to be loaded at all."""

from __future__ import annotations

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
    """One page of a file, upright (EXIF orientation applied), in mode RGB or L."""

    source: Path
    page_no: int  # 1-based
    image: Image.Image
    dpi: int
