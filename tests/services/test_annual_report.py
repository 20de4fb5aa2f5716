"""The annual report: per request kind received, answered, outcomes, on time or late, extensions,
days to answer; as a CSV Excel opens, a PDF with embedded fonts, and a chart."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime

import pypdfium2
import pytest
from PIL import Image

from desktop.domain.decisions import FeeStatus, KindDecision, ResponseMethod
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import FORM_DEFECT, HARM_TO_PERSON
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.services import annual_report, cases
from desktop.services.annual_report import AnnualReport
from desktop.services.context import JST, ServiceContext
from tests.conftest import FrozenClock, Staff
from tests.factories import envelope
from tests.letters.pdf_reading import font_rows, letter_text
from tests.workflow import move

_TO_SENT = (
    CaseStatus.VERIFYING,
    CaseStatus.DECIDED,
    CaseStatus.IN_REVIEW,
    CaseStatus.APPROVED,
    CaseStatus.LETTER_PRINTED,
    CaseStatus.SENT,
)


def _on(clock: FrozenClock, day: date) -> None:
    clock.instant = datetime(day.year, day.month, day.day, 10, tzinfo=JST)


def _case(
    ctx: ServiceContext,
    clock: FrozenClock,
    staff: Staff,
    serial: int,
    received_on: date,
    kinds: frozenset[RequestKind] = frozenset({RequestKind.DISCLOSURE}),
) -> int:
    _on(clock, received_on)
    data = envelope(serial, received_on=received_on, request_kinds=kinds)
    return cases.log_envelope(ctx, staff.clerk, data).case_id


def _move(
    ctx: ServiceContext,
    clock: FrozenClock,
    staff: Staff,
    case_id: int,
    on: date,
    path: tuple[CaseStatus, ...],
    comment: str = "",
    decided: Sequence[KindDecision] | None = None,
    sent_on: date | None = None,
) -> None:
    _on(clock, on)
    move(ctx, staff, case_id, *path, comment=comment, decided=decided, on=sent_on)


@pytest.fixture
def year_of_requests(ctx: ServiceContext, staff: Staff, clock: FrozenClock) -> None:
    """2026: answered in 8 days; extended and answered in 24; late (posted on day 18); withdrawn.
    Plus one case of December 2025, still open."""
    prompt = _case(ctx, clock, staff, 1, date(2026, 3, 2))
    _move(ctx, clock, staff, prompt, date(2026, 3, 10), (*_TO_SENT, CaseStatus.CLOSED))

    both = frozenset({RequestKind.DISCLOSURE, RequestKind.CORRECTION})
    extended = _case(ctx, clock, staff, 2, date(2026, 4, 1), both)
    _on(clock, date(2026, 4, 10))
    version = cases.get_case(ctx, extended).version
    cases.extend_deadline(ctx, staff.clerk, extended, version, "調査に時間を要するため")
    partly = [
        KindDecision(
            RequestKind.DISCLOSURE,
            Outcome.PARTIAL,
            (HARM_TO_PERSON,),
            detail="第三者の氏名",
            method=ResponseMethod.PAPER,
            fee_status=FeeStatus.PAID,
        ),
        KindDecision(RequestKind.CORRECTION, Outcome.REFUSE, (FORM_DEFECT,)),
    ]
    _move(ctx, clock, staff, extended, date(2026, 4, 25), _TO_SENT, decided=partly)

    late = _case(ctx, clock, staff, 3, date(2026, 6, 1), frozenset({RequestKind.PURPOSE_NOTICE}))
    # Posted on the 19th, recorded the day after.
    _move(ctx, clock, staff, late, date(2026, 6, 20), _TO_SENT, sent_on=date(2026, 6, 19))

    withdrawn = _case(ctx, clock, staff, 4, date(2026, 7, 1))
    _move(ctx, clock, staff, withdrawn, date(2026, 7, 2), (CaseStatus.WITHDRAWN,), "取下げ")

    _case(ctx, clock, staff, 5, date(2025, 12, 20))
    _on(clock, date(2026, 11, 20))


def _row(report: AnnualReport, kind: RequestKind) -> annual_report.ReportRow:
    return next(r for r in report.rows if r.kind is kind)


@pytest.mark.usefixtures("year_of_requests")
def test_calendar_and_fiscal_year_counts_per_kind_and_in_total(ctx: ServiceContext) -> None:
    report = annual_report.annual_report(ctx, 2026)
    assert (report.start, report.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert [r.kind for r in report.rows] == list(RequestKind)

    disclosure = _row(report, RequestKind.DISCLOSURE)
    assert (disclosure.received, disclosure.answered, disclosure.withdrawn) == (3, 2, 1)
    assert (disclosure.on_time, disclosure.late, disclosure.extended) == (2, 0, 1)
    assert dict(disclosure.outcomes) == {"full": 1, "partial": 1}
    assert disclosure.average_days == 16.0

    correction = _row(report, RequestKind.CORRECTION)
    assert (correction.received, correction.on_time, correction.average_days) == (1, 1, 24.0)
    assert dict(correction.outcomes) == {"refuse": 1}

    notice = _row(report, RequestKind.PURPOSE_NOTICE)
    # The posting date of the outgoing mail counts, not the day the status was changed.
    assert (notice.answered, notice.on_time, notice.late, notice.average_days) == (1, 0, 1, 18.0)

    suspension = _row(report, RequestKind.SUSPENSION)
    assert (suspension.received, suspension.average_days) == (0, None)

    total = report.total
    assert (total.received, total.answered, total.on_time, total.late) == (4, 3, 2, 1)
    assert (total.extended, total.withdrawn) == (1, 1)
    assert dict(total.outcomes) == {"full": 2, "partial": 1, "refuse": 1}
    assert total.average_days == pytest.approx((8 + 24 + 18) / 3)

    # The fiscal year (年度) 2025 runs from April 2025 to March 2026.
    report = annual_report.annual_report(ctx, 2025, fiscal=True)
    assert (report.start, report.end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert "2025年度" in report.title_ja
    disclosure = _row(report, RequestKind.DISCLOSURE)
    assert (disclosure.received, disclosure.answered, disclosure.on_time) == (2, 1, 1)
    assert report.total.received == 2


@pytest.mark.usefixtures("year_of_requests")
def test_csv_pdf_and_chart_show_the_figures(ctx: ServiceContext) -> None:
    """The CSV opens in Excel with Japanese headings; the PDF is one A4 page with embedded
    fonts; the chart draws bars for received, answered and late answers."""
    report = annual_report.annual_report(ctx, 2026)
    data = annual_report.to_csv(report)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[0] == "請求の種類"
    assert "平均回答日数" in header
    assert len(body) == len(RequestKind) + 1
    by_kind = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    disclosure = by_kind[RequestKind.DISCLOSURE.label_ja]
    assert disclosure["受付件数"] == "3"
    assert disclosure["全部応諾"] == "1"
    assert disclosure["期限延長"] == "1"
    assert disclosure["平均回答日数"] == "16.0"
    assert body[-1][0].startswith("合計")
    assert by_kind[body[-1][0]]["期限超過回答"] == "1"

    pdf = annual_report.to_pdf(report)
    document = pypdfium2.PdfDocument(pdf)
    try:
        assert len(document) == 1
        width, height = document[0].get_size()
    finally:
        document.close()
    assert (round(width), round(height)) == (595, 842)
    text = letter_text(pdf)
    assert "個人情報開示等請求の運用状況（2026年）" in text
    assert "第三者提供の停止" in text
    assert "平均回答日数" in text
    assert "期限超過" in text
    fonts = font_rows(pdf)
    assert fonts
    assert all(row[-5] == "yes" for row in fonts)  # the "emb" column

    year = annual_report.chart_png(report)
    empty = annual_report.chart_png(annual_report.annual_report(ctx, 2024))
    assert Image.open(io.BytesIO(year)).size == (960, 420)
    received, answered, late = (84, 110, 122), (38, 166, 154), (239, 83, 80)
    for colour in (received, answered, late):
        # The empty year shows only the legend's swatches.
        assert _pixels(year, colour) > _pixels(empty, colour) > 0


def _pixels(png: bytes, colour: tuple[int, int, int]) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(n for n, c in image.getcolors(image.width * image.height) or [] if c == colour)


def test_outcome_columns_count_answered_cases_only(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    answered = _case(ctx, clock, staff, 1, date(2026, 5, 1))
    _move(ctx, clock, staff, answered, date(2026, 5, 8), _TO_SENT)
    waiting = _case(ctx, clock, staff, 2, date(2026, 5, 1))
    _move(ctx, clock, staff, waiting, date(2026, 5, 8), _TO_SENT[:4])  # approved, not sent

    report = annual_report.annual_report(ctx, 2026)
    disclosure = _row(report, RequestKind.DISCLOSURE)
    assert (disclosure.received, disclosure.answered) == (2, 1)
    assert sum(disclosure.outcomes.values()) == 1
    assert sum(report.total.outcomes.values()) == 1


@pytest.mark.usefixtures("year_of_requests")
def test_pdf_headings_break_between_words_only(ctx: ServiceContext) -> None:
    pdf = annual_report.to_pdf(annual_report.annual_report(ctx, 2026))
    document = pypdfium2.PdfDocument(pdf)
    try:
        lines = document[0].get_textpage().get_text_range().splitlines()
    finally:
        document.close()
    for words in annual_report.HEADINGS:
        for word in words:
            assert any(word in line for line in lines), (word, lines[:12])
