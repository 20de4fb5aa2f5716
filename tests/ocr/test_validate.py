"""A postal code read is checked against Japan Post's data and the address beside it."""

from __future__ import annotations

import pytest

from desktop.domain.documents import FieldName
from desktop.ocr.results import ABSENT, FieldReading
from desktop.ocr.validate import check_postal_code


def fields(postal: str, address: str) -> dict[FieldName, FieldReading]:
    read = dict.fromkeys(FieldName, ABSENT)
    read[FieldName.POSTAL_CODE] = FieldReading(postal, 0.9, (0, 0, 10, 10))
    read[FieldName.ADDRESS] = FieldReading(address, 0.9, (0, 20, 10, 30))
    return read


@pytest.mark.parametrize(
    ("postal", "address"),
    [("9000015", "沖縄県那覇市久茂地3丁目22-5"), ("0600042", "札幌市中央区大通西１丁目")],
)
def test_a_postal_code_that_fits_its_address_is_kept_as_read(postal: str, address: str) -> None:
    checked, findings = check_postal_code(fields(postal, address))
    assert findings == []
    assert checked[FieldName.POSTAL_CODE].confidence == 0.9


@pytest.mark.parametrize(
    ("postal", "finding"),
    [("1600023", "postal_code_address_mismatch"), ("9999999", "postal_code_unknown")],
)
def test_a_doubtful_postal_code_is_kept_with_less_confidence(postal: str, finding: str) -> None:
    checked, findings = check_postal_code(fields(postal, "沖縄県那覇市久茂地3丁目22-5"))
    assert findings == [finding]
    assert checked[FieldName.POSTAL_CODE].value == postal
    assert checked[FieldName.POSTAL_CODE].confidence < 0.9
