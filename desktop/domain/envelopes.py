"""Window envelopes: where the window falls on the folded sheet, from a named envelope spec.

A spec gives the envelope as it lies window side up with the address reading left to right, the
window's position on it, and where the folded A4 sheet's top third sits inside. The window seen
on the sheet is the window moved by that offset; the addressee is kept `margin_mm` inside it
because the folded sheet moves in the envelope. A company adjusts for its own stock with a shift
(settings `envelope_shift_x_mm`, `envelope_shift_y_mm`) checked on a calibration print.

All figures are millimetres; on the sheet they are measured from its top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass

A4_WIDTH_MM, A4_HEIGHT_MM = 210.0, 297.0
# 三つ折り: the sheet folded in three equal panels, the top one (the address) facing out.
TRIFOLD_MM = (A4_HEIGHT_MM / 3, 2 * A4_HEIGHT_MM / 3)


@dataclass(frozen=True)
class Rect:
    """A rectangle on the sheet: left, top, right, bottom in mm from the top-left corner."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def inset(self, by: float) -> Rect:
        return Rect(self.left + by, self.top + by, self.right - by, self.bottom - by)

    def moved(self, x: float, y: float) -> Rect:
        return Rect(self.left + x, self.top + y, self.right + x, self.bottom + y)


@dataclass(frozen=True)
class EnvelopeSpec:
    """One envelope stock with a window, and how the folded letter lies in it."""

    key: str
    label_ja: str
    label_en: str
    width_mm: float  # the envelope lying window side up, address reading left to right
    height_mm: float
    window: Rect  # on the envelope, from its top-left corner
    sheet_left_mm: float  # where the folded sheet's top-left corner sits in the envelope
    sheet_top_mm: float
    folds_mm: tuple[float, ...]  # fold lines, mm from the top of the sheet
    margin_mm: float  # kept clear inside the window's edges: the sheet's play

    def window_on_sheet(self, shift_x_mm: float = 0, shift_y_mm: float = 0) -> Rect:
        """The part of the sheet the window shows, moved by the company's shift."""
        return self.window.moved(shift_x_mm - self.sheet_left_mm, shift_y_mm - self.sheet_top_mm)

    def address_area(self, shift_x_mm: float = 0, shift_y_mm: float = 0) -> Rect:
        """Where the addressee may be printed: the window on the sheet less the margin."""
        return self.window_on_sheet(shift_x_mm, shift_y_mm).inset(self.margin_mm)


# 長形3号 (JIS S 5502: 120 × 235 mm) with the window of the makers' stock A4 三つ折り envelopes:
# 90 × 45 mm, 23 mm from the left and 13 mm from the top edge, envelope lying landscape. The
# folded sheet (210 × 99 mm) is pushed to the top edge and 3 mm from the closed left end, which
# puts the window at x 20–110, y 13–58 mm on the sheet.
NAGA3_WINDOW = EnvelopeSpec(
    key="naga3_window",
    label_ja="長形3号 窓付き（窓 90×45 mm・左23 mm・上13 mm）",
    label_en="Naga 3 window envelope (window 90 × 45 mm, 23 mm left, 13 mm top)",
    width_mm=235.0,
    height_mm=120.0,
    window=Rect(23.0, 13.0, 113.0, 58.0),
    sheet_left_mm=3.0,
    sheet_top_mm=0.0,
    folds_mm=TRIFOLD_MM,
    margin_mm=3.0,
)

ENVELOPES: dict[str, EnvelopeSpec] = {NAGA3_WINDOW.key: NAGA3_WINDOW}
DEFAULT_ENVELOPE = NAGA3_WINDOW.key
SHIFT_LIMIT_MM = 10  # a larger shift means another envelope stock, not a printer's drift


def envelope(key: str) -> EnvelopeSpec:
    """The spec named `key` (a settings value checked at start, so always known)."""
    return ENVELOPES[key]
