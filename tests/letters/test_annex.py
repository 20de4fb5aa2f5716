"""The disclosed data's annex reads well: dates in the letter's style, numbers right-aligned, a
one-record source as item/value pairs, a wide table of many rows on few pages."""

from __future__ import annotations

from dataclasses import replace

import pypdfium2

from desktop.letters import DateStyle, DisclosedSection, LetterKind, render_letter, specimen
from tests.letters.pdf_reading import letter_text, placed_chars

REGISTRY = DisclosedSection(
    "顧客台帳", ("氏名", "入会日", "累計購入額"), (("山田 花子", "2019-04-01", "486,300"),)
)
WIDE = DisclosedSection(
    "受注管理システム",
    tuple(f"項目{n}" for n in range(9)),
    tuple(
        (
            f"2026-0{1 + r % 9}-15",
            f"O-{r:05d}",
            "見本の品",
            str(1000 + r),
            "",
            "備考",
            "A",
            "B",
            "C",
        )
        for r in range(60)
    ),
)


def _pdf(style: str = DateStyle.ERA) -> bytes:
    data = replace(specimen(LetterKind.DISCLOSURE), date_style=style, disclosed=(REGISTRY, WIDE))
    return render_letter(data)


def test_dates_follow_the_letter_and_system_names_do_not_appear() -> None:
    assert "平成31年4月1日" in letter_text(_pdf())
    assert "2019年4月1日" in letter_text(_pdf(DateStyle.WESTERN))
    assert "2019-04-01" not in letter_text(_pdf())


def test_numbers_are_right_aligned() -> None:
    pdf = _pdf()
    document = pypdfium2.PdfDocument(pdf)
    pages = len(document)
    document.close()
    chars = [c for page in range(pages) for c in placed_chars(pdf, page)]
    # "486,300" ends where the value column ends; "山田" starts where it starts.
    total_end = next(
        c
        for c in chars
        if c.char == "3" and any(d.char == "4" and abs(d.top_mm - c.top_mm) < 1 for d in chars)
    ).right_mm
    name_start = next(c for c in chars if c.char == "花").left_mm
    assert total_end > 170  # against the right edge of a 170 mm wide table from 20 mm
    assert name_start < 80


def test_sixty_rows_of_a_wide_table_take_few_pages() -> None:
    document = pypdfium2.PdfDocument(_pdf())
    assert len(document) <= 4
    document.close()
