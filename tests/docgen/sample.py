"""What the generator hands back: the scan and its ground truth."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from tests.docgen.canvas import Box, Page
from tests.docgen.people import Person

FIELD_NAMES = (
    "name",
    "name_kana",
    "address",
    "postal_code",
    "birth_date",
    "expiry_date",
    "number",
)


@dataclass
class Sample:
    """One synthetic scan and exactly what `kaiji ocr --json` should read from it."""

    kind: str
    image: Image.Image
    dpi: int
    fields: dict[str, str | None]
    secret_numbers: list[str]
    secret_boxes: list[Box]
    field_boxes: dict[str, Box]
    seal_box: Box | None
    person: Person
    extra: dict[str, str] = field(default_factory=dict)
    # Other things printed that are not fields: "photo", "mrz" (passport), "office_seal"
    # (the municipality's square seal on certificates), in `image` pixels like the rest.
    other_boxes: dict[str, Box] = field(default_factory=dict)


def empty_fields() -> dict[str, str | None]:
    return dict.fromkeys(FIELD_NAMES)


@dataclass
class Draft:
    """A document as rendered, before the scanner's degradations."""

    page: Page
    fields: dict[str, str | None] = field(default_factory=empty_fields)
    secret_numbers: list[str] = field(default_factory=list)
    seal_box: Box | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, value: str, box: Box) -> None:
        """Record a ground-truth field and where it is printed."""
        self.fields[name] = value
        self.page.field_boxes[name] = box
