"""A handful of published sample images (../shared/realdocs, with their truth): real paper is
classified by its layout and its insurance numbers are masked in the image that would be stored,
boxed digits included, while the issuer's details stay."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image

from desktop.domain.documents import DocumentKind
from desktop.ocr.pipeline import PageResult, read_page
from tests.ocr.test_failsafe import tesseract_reads

REALDOCS = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdocs"
TRUTH: dict[str, dict[str, object]] = json.loads((REALDOCS / "truth.json").read_text("utf-8"))


def read(name: str) -> PageResult:
    path = REALDOCS / str(TRUTH[name]["file"])
    with Image.open(path) as image:
        dpi = image.info.get("dpi", (300, 300))[0]
        return read_page(image.convert("RGB"), round(float(dpi)))


@pytest.mark.parametrize("name", ["lic_kanagawa", "zry_moj"])
def test_real_card_is_read_as_its_kind(name: str) -> None:
    result = read(name)
    assert result.kind is DocumentKind(str(TRUTH[name]["kind"]))


def test_real_insurance_card_numbers_are_masked_boxed_ones_too() -> None:
    truth = TRUTH["ins_kyokai"]
    result = read("ins_kyokai")
    assert result.kind is DocumentKind.HEALTH_INSURANCE
    assert {r.reason for r in result.masked} >= set(truth["expect_masked"])  # type: ignore[arg-type]
    fresh = re.sub(r"\D", "", tesseract_reads(result))
    for secret in truth["secrets"]:  # type: ignore[attr-defined]
        assert secret["digits"] not in fresh
    stored = Image.open(io.BytesIO(result.image_data))
    assert stored.width > 900  # read as a card at working resolution, not at 447 px
