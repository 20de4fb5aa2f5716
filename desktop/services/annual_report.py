"""The annual report (開示等請求の運用状況): counts per request kind, as CSV, PDF and a chart.

A case counts in the year it was received. It was answered on the day the answer went out: the
posting date of the outgoing registered mail, or else the day the case first reached `sent`. It
was on time when that day is not after its due date (extensions included). The outcome columns
count answered cases only: a decision not yet sent is no answer. Requests for documents are not
answers and count as decided.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.domain.spreadsheet import neutralise_row
from desktop.domain.status import CaseStatus
from desktop.letters.fonts import register_fonts
from desktop.resources import font_file
from desktop.services.context import JST, ServiceContext
from desktop.store import reports as report_store
from desktop.store.db import Session, read_only

# Decision outcomes in the order the report shows them: the final answers, then the requests for
# documents.
OUTCOMES: tuple[Outcome, ...] = tuple(sorted(Outcome, key=lambda o: not o.is_final))

# Where a heading may break when its column is narrow: between these words, never inside one.
_OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "全部応諾": ("全部", "応諾"),
    "一部応諾": ("一部", "応諾"),
    "補正依頼": ("補正", "依頼"),
    "保有なし": ("保有", "なし"),
}
HEADINGS: tuple[tuple[str, ...], ...] = (
    ("請求の種類",),
    ("受付", "件数"),
    ("回答", "件数"),
    *(_OUTCOME_WORDS.get(o.short_label_ja, (o.short_label_ja,)) for o in OUTCOMES),
    ("取下げ",),
    ("期限内", "回答"),
    ("期限超過", "回答"),
    ("期限", "延長"),
    ("平均", "回答日数"),
)
CSV_HEADER = tuple("".join(words) for words in HEADINGS)

_RECEIVED_COLOUR = (84, 110, 122)
_ANSWERED_COLOUR = (38, 166, 154)
_LATE_COLOUR = (239, 83, 80)


@dataclass
class ReportRow:
    """The figures of one request kind, or of all cases (`kind` None, each case counted once)."""

    kind: RequestKind | None
    received: int = 0
    answered: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    withdrawn: int = 0
    on_time: int = 0
    late: int = 0
    extended: int = 0
    days_to_answer: int = 0  # summed over the answered cases

    @property
    def label_ja(self) -> str:
        return self.kind.label_ja if self.kind else "合計（案件数）"

    @property
    def average_days(self) -> float | None:
        return self.days_to_answer / self.answered if self.answered else None


@dataclass(frozen=True)
class AnnualReport:
    year: int
    fiscal: bool  # April to March (年度) instead of the calendar year
    start: date
    end: date
    rows: tuple[ReportRow, ...]  # one per request kind, in the catalog's order
    total: ReportRow

    @property
    def title_ja(self) -> str:
        period = f"{self.year}年度" if self.fiscal else f"{self.year}年"
        return f"個人情報開示等請求の運用状況（{period}）"


@dataclass(frozen=True)
class _CaseFacts:
    status: str
    received_on: date
    due_on: date
    extended: bool
    answered_on: date | None


def annual_report(ctx: ServiceContext, year: int, *, fiscal: bool = False) -> AnnualReport:
    """The figures for the cases received in `year` (or in the fiscal year starting April)."""
    start = date(year, 4, 1) if fiscal else date(year, 1, 1)
    end = date(year + 1, 3, 31) if fiscal else date(year, 12, 31)
    with read_only(ctx.sessions) as session:
        answered = _answered_on(session, start, end)
        facts = {
            case.case_id: _CaseFacts(
                case.status,
                case.received_on,
                case.due_on,
                case.extended,
                answered.get(case.case_id),
            )
            for case in report_store.cases_received(session, start, end)
        }
        kinds = report_store.request_kinds_received(session, start, end)
        outcomes = report_store.outcomes_received(session, start, end)
    rows = {kind: ReportRow(kind) for kind in RequestKind}
    for case_id, kind in kinds:
        _count(rows[RequestKind(kind)], facts[case_id], [outcomes.get((case_id, kind))])
    by_case: dict[int, list[str]] = {}
    for (case_id, _), outcome in outcomes.items():
        by_case.setdefault(case_id, []).append(outcome)
    total = ReportRow(None)
    for case_id, case_facts in facts.items():
        _count(total, case_facts, by_case.get(case_id, []))
    return AnnualReport(year, fiscal, start, end, tuple(rows.values()), total)


def _count(row: ReportRow, facts: _CaseFacts, outcomes: Iterable[str | None]) -> None:
    row.received += 1
    answered = facts.answered_on is not None
    row.outcomes.update(o for o in outcomes if o and (answered or not Outcome(o).is_final))
    if facts.status == CaseStatus.WITHDRAWN.value:
        row.withdrawn += 1
    if facts.extended:
        row.extended += 1
    if facts.answered_on is not None:
        row.answered += 1
        row.days_to_answer += (facts.answered_on - facts.received_on).days
        if facts.answered_on <= facts.due_on:
            row.on_time += 1
        else:
            row.late += 1


def _answered_on(session: Session, start: date, end: date) -> dict[int, date]:
    """When each answered case's answer went out: the outgoing mail's date, else reaching `sent`."""
    answered = {
        case_id: _office_day(occurred_at)
        for case_id, occurred_at in report_store.first_sent_at(session, start, end).items()
    }
    answered.update(report_store.first_posted_on(session, start, end))
    return answered


def _office_day(instant: datetime) -> date:
    aware = instant if instant.tzinfo else instant.replace(tzinfo=UTC)
    return aware.astimezone(JST).date()


def _cells(row: ReportRow) -> list[str]:
    average = row.average_days
    return [
        row.label_ja,
        str(row.received),
        str(row.answered),
        *(str(row.outcomes[o.value]) for o in OUTCOMES),
        str(row.withdrawn),
        str(row.on_time),
        str(row.late),
        str(row.extended),
        f"{average:.1f}" if average is not None else "",
    ]


def table_rows(report: AnnualReport) -> list[list[str]]:
    """The header and one line per request kind, then the total: what the CSV and PDF show."""
    return [list(CSV_HEADER), *(_cells(r) for r in report.rows), _cells(report.total)]


def to_csv(report: AnnualReport) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Japanese headings correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(neutralise_row(row) for row in table_rows(report))
    return buffer.getvalue().encode("utf-8-sig")


def to_pdf(report: AnnualReport) -> bytes:
    """One A4 page: title, period, the table and a bar chart per request kind (fonts embedded)."""
    mincho, gothic = register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=report.title_ja,
        invariant=True,
        # Without it reportlab's Helvetica lands in the PDF, unembedded.
        initialFontName=mincho,
    )
    title = ParagraphStyle("title", fontName=gothic, fontSize=14, leading=20)
    body = ParagraphStyle("body", fontName=mincho, fontSize=9, leading=13)
    period = f"対象期間：{report.start.isoformat()} ～ {report.end.isoformat()}（受付日基準）"
    story = [
        Paragraph(report.title_ja, title),
        Paragraph(period, body),
        Spacer(1, 5 * mm),
        _pdf_table(report, mincho, gothic, document.width),
        Spacer(1, 8 * mm),
        _pdf_chart(report, gothic, document.width),
    ]
    document.build(story)
    return buffer.getvalue()


_HEAD_SIZE = 7.0
_PADDING = 2.5


def _heading(words: tuple[str, ...], style: ParagraphStyle, width: float) -> Paragraph:
    """A heading on one line when it fits its column, else broken between its words."""
    text = "".join(words)
    fits = stringWidth(text, style.fontName, style.fontSize) <= width - 2 * _PADDING
    return Paragraph(text if fits else "<br/>".join(words), style)


def _column_widths(rows: list[list[str]], gothic: str, width: float) -> list[float]:
    """Each column as wide as its longest heading word or figure, the rest shared out."""
    needed = [
        max(
            *(stringWidth(word, gothic, _HEAD_SIZE) for word in HEADINGS[column]),
            *(stringWidth(row[column], gothic, 7.5) for row in rows[1:]),
        )
        + 2 * _PADDING
        + 1
        for column in range(len(HEADINGS))
    ]
    spare = max(0.0, width - sum(needed))
    return [w + spare * w / sum(needed) for w in needed]


def _pdf_table(report: AnnualReport, mincho: str, gothic: str, width: float) -> Table:
    rows = table_rows(report)
    style = ParagraphStyle("h", fontName=gothic, fontSize=_HEAD_SIZE, leading=_HEAD_SIZE * 1.25)
    widths = _column_widths(rows, gothic, width)
    header = [_heading(words, style, w) for words, w in zip(HEADINGS, widths, strict=True)]
    table = Table([header, *rows[1:]], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), mincho),
                ("FONTSIZE", (0, 1), (-1, -1), 7.5),
                ("FONTNAME", (0, -1), (-1, -1), gothic),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
            ]
        )
    )
    return table


def _pdf_chart(report: AnnualReport, gothic: str, width: float) -> Drawing:
    height = 75 * mm
    drawing = Drawing(width, height, initialFontName=gothic)
    chart = VerticalBarChart()
    chart.x, chart.y = 15 * mm, 22 * mm
    chart.width, chart.height = width - 25 * mm, height - 30 * mm
    chart.data = [
        [r.received for r in report.rows],
        [r.answered for r in report.rows],
        [r.late for r in report.rows],
    ]
    chart.categoryAxis.categoryNames = [_short(r) for r in report.rows]
    chart.categoryAxis.labels.fontName = gothic
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = gothic
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, _nice_step(max(chart.data[0], default=0)))
    for index, rgb in enumerate((_RECEIVED_COLOUR, _ANSWERED_COLOUR, _LATE_COLOUR)):
        chart.bars[index].fillColor = colors.Color(*(c / 255 for c in rgb))
    drawing.add(chart)
    legend = Legend()
    legend.fontName = gothic
    legend.fontSize = 8
    legend.x, legend.y = 15 * mm, 8 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [
        (chart.bars[0].fillColor, "受付"),
        (chart.bars[1].fillColor, "回答"),
        (chart.bars[2].fillColor, "期限超過"),
    ]
    drawing.add(legend)
    return drawing


def _short(row: ReportRow) -> str:
    """Chart axis labels: the catalog's names are too long to stand under a bar."""
    return row.kind.short_label_ja if row.kind else row.label_ja


def _nice_step(largest: int) -> int:
    """A tick step of 1, 2 or 5 times a power of ten giving at most ten ticks."""
    magnitude = 1
    while True:
        for multiple in (1, 2, 5):
            if largest <= 10 * multiple * magnitude:
                return multiple * magnitude
        magnitude *= 10


def chart_png(report: AnnualReport, width: int = 960, height: int = 420) -> bytes:
    """The bar chart (received, answered, late per request kind) as a PNG for the window."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_file("gothic")), 15)
    small = ImageFont.truetype(str(font_file("gothic")), 13)
    left, top, bottom = 60, 40, height - 70
    plot_width = width - left - 20
    series = (
        ("受付", _RECEIVED_COLOUR, [r.received for r in report.rows]),
        ("回答", _ANSWERED_COLOUR, [r.answered for r in report.rows]),
        ("期限超過", _LATE_COLOUR, [r.late for r in report.rows]),
    )
    largest = max([1, *series[0][2], *series[1][2], *series[2][2]])
    step = _nice_step(largest)
    scale_top = ((largest + step - 1) // step) * step
    for tick in range(0, scale_top + 1, step):
        y = bottom - (bottom - top) * tick / scale_top
        draw.line([(left, y), (width - 20, y)], fill=(224, 224, 224))
        draw.text((left - 8, y), str(tick), fill="black", font=small, anchor="rm")
    group = plot_width / len(report.rows)
    bar = group * 0.8 / len(series)
    for index, row in enumerate(report.rows):
        x0 = left + group * index + group * 0.1
        for offset, (_, colour, values) in enumerate(series):
            if values[index]:
                y = bottom - (bottom - top) * values[index] / scale_top
                draw.rectangle(
                    [x0 + bar * offset, y, x0 + bar * (offset + 1) - 2, bottom], fill=colour
                )
        draw.text(
            (x0 + group * 0.4, bottom + 8),
            _short(row),
            fill="black",
            font=small,
            anchor="ma",
        )
    draw.line([(left, bottom), (width - 20, bottom)], fill="black")
    x = left
    for name, colour, _ in series:
        draw.rectangle([x, 12, x + 14, 26], fill=colour)
        draw.text((x + 20, 19), name, fill="black", font=font, anchor="lm")
        x += 40 + int(draw.textlength(name, font=font))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
