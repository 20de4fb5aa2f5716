"""The large name in a certificate's or form's table, read again from its own line."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.domain.documents import FieldName
from desktop.matching.names import fold_variants
from tests.ocr.conftest import Reader


@pytest.mark.parametrize("kind", ["seal_certificate", "application_form"])
def test_a_large_name_in_a_table_reads_right(read_sample: Reader, kind: str) -> None:
    # Read with the whole page, these names came out as 高木 夢 and 高木 較.
    sample, result = read_sample(kind, 0)
    got = result.fields[FieldName.NAME].value
    assert got is not None
    assert fold_variants(got) == fold_variants(unicodedata.normalize("NFKC", sample.fields["name"]))
