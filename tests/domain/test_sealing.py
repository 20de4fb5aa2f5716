"""The sealing rule: one letter's pages, all of them, once each, and that addressee's label."""

from __future__ import annotations

from desktop.domain.sealing import (
    Destination,
    LabelScan,
    LetterOnFile,
    PageScan,
    Problem,
    SlipScan,
    check_envelope,
    label_code,
    page_code,
    read_scan,
)

KEY = "KD-2026-000001/disclosure/1"
OTHER = "KD-2026-000002/disclosure/1"
ON_FILE = LetterOnFile(KEY, pages=3, addressee="山田太郎|東京都新宿区")
OWN_LABEL = Destination("KD-2026-000001", "山田太郎|東京都新宿区")


def _pages(key: str, numbers: list[int], total: int = 3) -> list[PageScan]:
    return [PageScan(key, n, total) for n in numbers]


def _problems(pages: list[PageScan], destination: Destination | None = OWN_LABEL) -> set[Problem]:
    verdict = check_envelope(pages, ON_FILE, LabelScan(KEY), destination)
    return {finding.problem for finding in verdict.findings}


def test_codes_read_back_as_what_they_name() -> None:
    assert read_scan(page_code(KEY, 2, 3)) == PageScan(KEY, 2, 3)
    assert read_scan(label_code(KEY) + "\r") == LabelScan(KEY)
    assert read_scan("123-45-67890-1") == SlipScan("123-45-67890-1")
    assert read_scan("KJP|x|4|3") is None  # page 4 of 3
    assert read_scan("hello") is None


def test_all_pages_in_any_order_with_the_own_label_are_accepted() -> None:
    verdict = check_envelope(_pages(KEY, [2, 1, 3]), ON_FILE, LabelScan(KEY), OWN_LABEL)
    assert verdict.accepted
    assert verdict.letter == KEY


def test_a_page_of_another_letter_is_refused_naming_it() -> None:
    verdict = check_envelope(
        [*_pages(KEY, [1, 2, 3]), PageScan(OTHER, 1, 1)], ON_FILE, LabelScan(KEY), OWN_LABEL
    )
    assert not verdict.accepted
    [finding] = verdict.findings
    assert finding.problem is Problem.FOREIGN_PAGE
    assert OTHER in finding.message_ja
    assert OTHER in finding.message_en


def test_a_missing_page_is_refused_by_number_even_if_the_page_count_on_file_is_larger() -> None:
    assert _problems(_pages(KEY, [1, 3])) == {Problem.MISSING_PAGE}
    verdict = check_envelope(_pages(KEY, [1, 3]), ON_FILE, LabelScan(KEY), OWN_LABEL)
    assert "2/3" in verdict.findings[0].message_ja


def test_a_page_scanned_twice_is_reported() -> None:
    assert _problems(_pages(KEY, [1, 2, 2, 3])) == {Problem.DUPLICATE_PAGE}


def test_another_cases_label_or_another_addressee_is_refused() -> None:
    other_case = Destination("KD-2026-000002", "佐藤花子|大阪府大阪市")
    assert _problems(_pages(KEY, [1, 2, 3]), other_case) == {Problem.FOREIGN_LABEL}
    same_case_other_person = Destination("KD-2026-000001", "山田花子|東京都新宿区")
    assert _problems(_pages(KEY, [1, 2, 3]), same_case_other_person) == {Problem.FOREIGN_LABEL}


def test_a_slip_of_the_same_case_is_accepted_an_unknown_one_refused() -> None:
    pages = _pages(KEY, [1, 2, 3])
    slip = SlipScan("12345678901")
    mine = Destination("KD-2026-000001", None)
    assert check_envelope(pages, ON_FILE, slip, mine).accepted
    refused = check_envelope(pages, ON_FILE, slip, None)
    assert [f.problem for f in refused.findings] == [Problem.UNKNOWN_SLIP]


def test_no_label_no_pages_and_a_superseded_letter_are_refused() -> None:
    pages = _pages(KEY, [1, 2, 3])
    assert [f.problem for f in check_envelope(pages, ON_FILE, None, None).findings] == [
        Problem.NO_LABEL
    ]
    assert not check_envelope([], None, None, None).accepted
    superseded = LetterOnFile(KEY, pages=None, addressee=ON_FILE.addressee)
    verdict = check_envelope(pages, superseded, LabelScan(KEY), OWN_LABEL)
    assert [f.problem for f in verdict.findings] == [Problem.NOT_ISSUED]
