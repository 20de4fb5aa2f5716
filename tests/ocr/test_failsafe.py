"""A My Number card back as it really arrives (label white on a dark band, digits large on grey
boxes; photocopied on A4, faxed, photographed) is never stored legible: the `tesseract` command,
run on the very image that would be stored, reads neither the number nor any group of it."""

from __future__ import annotations

import io
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop.domain.documents import DocumentKind, FieldName
from desktop.ocr.pipeline import PageResult, read_page
from tests.ocr.conftest import Reader
from tests.ocr.render import render


def tesseract_reads(result: PageResult) -> str:
    """What the bare `tesseract` command reads on the stored image, as a block and as sparse
    text (which finds digits scattered over boxes)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stored.jpg"
        path.write_bytes(result.image_data)
        return "\n".join(
            subprocess.run(
                ["tesseract", str(path), "-", "-l", "jpn", "--dpi", "300", "--psm", psm],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            ).stdout
            for psm in ("6", "11")
        )


def assert_unreadable(number: str, result: PageResult) -> None:
    read = tesseract_reads(result)
    digits = re.sub(r"\D", "", read)
    assert number not in digits
    for group in (number[:4], number[4:8], number[8:]):
        assert group not in digits
    assert not re.search(r"\d{12}", re.sub(r"[ \-]", "", read))


@pytest.mark.parametrize("condition", ["photocopy", "fax", "phone"])
def test_card_back_in_poor_copies_is_masked_and_named(read_sample: Reader, condition: str) -> None:
    sample, result = read_sample("mynumber_back", 7, condition)
    number = sample.secret_numbers[0]
    assert result.kind is DocumentKind.MYNUMBER_BACK
    assert "my_number" in {r.reason for r in result.masked}
    assert_unreadable(number, result)
    assert number not in re.sub(r"\D", "", result.text)


def test_card_with_the_backs_band_and_no_digits_found_is_blacked_out_and_held() -> None:
    image = render([(60, 300, "氏名 山田 太郎", 30)])
    ImageDraw.Draw(image).rectangle((0, 60, 700, 130), fill=(50, 50, 56))
    result = read_page(image, 300)
    assert "possible_my_number" in result.warnings
    assert [r.reason for r in result.masked] == ["possible_my_number"]
    stored = Image.open(io.BytesIO(result.image_data)).convert("L")
    assert stored.getextrema()[1] < 40  # nothing left to read


def test_photocopied_card_is_cropped_from_the_sheet(read_sample: Reader) -> None:
    sample, result = read_sample("mynumber_back", 7, "photocopy")
    stored = Image.open(io.BytesIO(result.image_data))
    assert sample.image.width > 2000
    assert 1.4 < stored.width / stored.height < 1.8
    assert stored.width < sample.image.width / 2


@pytest.mark.parametrize("seed", [3, 5])
def test_boxed_insurer_number_is_masked_and_the_phone_kept(read_sample: Reader, seed: int) -> None:
    sample, result = read_sample("health_insurance", seed)
    assert "insurer_number" in {r.reason for r in result.masked}
    read = re.sub(r"\D", "", tesseract_reads(result))
    for secret in sample.secret_numbers:
        assert secret not in read
    assert result.fields[FieldName.POSTAL_CODE].value is None  # not taken from TEL 03-…
    assert "TEL" in result.text
