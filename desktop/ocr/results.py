"""What reading a page gives back: plain, picklable values that cross process boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.documents import DocumentKind, FieldName
from desktop.ocr.engine import Box

__all__ = ["FieldReading", "MaskedRegion", "PageResult"]


@dataclass(frozen=True)
class FieldReading:
    """One field as read: its value (None when absent), a confidence 0–1 and its box on the page."""

    value: str | None
    confidence: float
    box: Box | None


ABSENT = FieldReading(None, 0.0, None)


@dataclass(frozen=True)
class MaskedRegion:
    """A blacked-out rectangle: `reason` is my_number, insurance_number or insurer_number."""

    reason: str
    box: Box


@dataclass(frozen=True)
class PageResult:
    """A page read, classified and masked. `text` and `image_data` (JPEG) are those of the masked
    page; boxes are pixel coordinates in `image_data` (the upright colour page as stored)."""

    kind: DocumentKind
    kind_confidence: float
    fields: dict[FieldName, FieldReading]
    extras: dict[str, str]
    text: str
    masked: tuple[MaskedRegion, ...]
    warnings: tuple[str, ...]
    image_data: bytes = field(repr=False)
    rotation: int

    def to_json(self, file: str, page: int) -> dict[str, object]:
        """The object `kaiji ocr --json` prints for this page; `kaiji ocr --help` documents it."""
        return {
            "file": file,
            "page": page,
            "kind": self.kind.value,
            "fields": {name.value: self.fields[name].value for name in FieldName},
            "field_confidence": {
                name.value: round(self.fields[name].confidence, 3) for name in FieldName
            },
            "confidence": self.kind_confidence,
            "masked": sorted({region.reason for region in self.masked}),
            "warnings": list(self.warnings),
        }
