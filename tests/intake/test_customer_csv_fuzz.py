"""Whatever bytes a registry file holds, reading it either yields checked records or refuses the
file with a message (`ImportRefused`); it never escapes with `csv.Error`, `UnicodeError` or
another crash, and the work stays linear in the size of the header."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.intake.customer_csv import (
    ImportRefused,
    Records,
    RowRejected,
    batches,
    check_records,
    column_indexes,
    inspect_file,
    open_text,
    preview_file,
    read_header,
    read_record,
)

HEADER = "顧客番号,氏名,フリガナ,生年月日,郵便番号,住所,電話番号"
SEED = f"{HEADER}\r\nC1,髙橋 一郎,ﾀｶﾊｼ,昭和50年3月4日,160-0023,東京都新宿区,03-1234-5678\r\n"
OVER_LIMIT = f'{HEADER}\r\nC1,山田,,,,"{"東" * 131_073}",\r\n'
DUPLICATES = ",".join(f"列{n % 5_000}" for n in range(10_000)) + "\r\n"


def _read_all(path: Path) -> tuple[int, list[RowRejected]]:
    """Everything the import reads, without a database: the records checked and the rows
    rejected, or a refusal."""
    facts = inspect_file(path, "auto")
    preview_file(path)
    check_records(path, facts.encoding)
    read = 0
    rejected: list[RowRejected] = []
    with open_text(path, facts.encoding) as stream:
        reader = Records(stream, path.name)
        header = read_header(next(reader, None))
        columns = column_indexes(header, None)
        for batch in batches(reader, 3):
            for _line, record in batch:
                try:
                    read_record(record, header, columns)
                    read += 1
                except RowRejected as why:
                    rejected.append(why)
    return read, rejected


def _flipped(at: int, value: int) -> bytes:
    raw = SEED.encode("cp932")
    return raw[:at] + bytes([value]) + raw[at + 1 :]


def _texts() -> st.SearchStrategy[str]:
    cell = st.one_of(
        st.text(max_size=12),
        st.sampled_from(
            ["髙橋", "ｶﾅ", "令和元年5月1日", "１６０－００２３", '"', '""', "\r\n", ","]
        ),
    )
    row = st.lists(cell, max_size=9).map(",".join)
    return st.lists(row, max_size=6).map(lambda rows: "\r\n".join([HEADER, *rows]))


@given(
    data=st.one_of(
        st.binary(max_size=400),
        _texts().map(lambda text: text.encode("utf-8")),
        _texts().map(lambda text: text.encode("cp932", errors="replace")),
        _texts().map(lambda text: text.encode("shift_jis", errors="replace")),
        st.builds(_flipped, st.integers(0, len(SEED.encode("cp932")) - 1), st.integers(0, 255)),
    )
)
@example(data=SEED.encode("cp932"))
@example(data=SEED.replace("髙", "高").encode("shift_jis"))
@example(data=SEED.encode("utf-8-sig"))
@example(data=OVER_LIMIT.encode("cp932"))
@example(data=OVER_LIMIT.encode("utf-8"))
@example(data=DUPLICATES.encode("cp932"))
@example(data=b'\x8d\x8c\x8bq\x94\xd4\x8d\x86,"unclosed\r\n')
@example(data=b"\xef\xbb\xbf")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_file_is_read_or_refused_with_a_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "registry.csv"
    path.write_bytes(data)
    refusal: ImportRefused | None = None
    rejected: list[RowRejected] = []
    try:
        _read, rejected = _read_all(path)
    except ImportRefused as refused:
        refusal = refused
    assert refusal is None or (refusal.message_ja and refusal.message_en)
    assert all(why.reason_ja and why.reason_en for why in rejected)


def test_the_shift_jis_seed_reads_its_record(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_bytes(SEED.encode("cp932"))
    assert _read_all(path) == (1, [])


@pytest.mark.parametrize("encoding", ["cp932", "utf-8"])
def test_a_field_over_the_limit_is_refused_with_its_line(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "registry.csv"
    path.write_bytes(OVER_LIMIT.encode(encoding))
    with pytest.raises(ImportRefused) as caught:
        _read_all(path)
    assert "2 行目" in caught.value.message_ja
    assert "Line 2 of registry.csv" in caught.value.message_en


def test_a_duplicate_among_ten_thousand_headers_is_named() -> None:
    header = [f"列{n}" for n in range(10_000)]
    assert read_header(header) == header
    with pytest.raises(ImportRefused, match="列0"):
        read_header([*header, "列0"])
