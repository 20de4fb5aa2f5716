"""The calibration print: the window of the company's envelope outlined on an A4 sheet.

Printed at 100 %, folded in three on the fold marks and put in an envelope, the outline should
run along the window's edges; how far it is off, in mm, goes into `envelope_shift_x_mm` and
`envelope_shift_y_mm`.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.letters.fonts import GOTHIC, MINCHO, register_fonts
from desktop.letters.layout import (
    ADDRESS_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Paper,
    draw_addressee,
    draw_fold_marks,
)

_SAMPLE_LINES = ("〒160-0023", "東京都新宿区西新宿三丁目25番15号", "グランドメゾン西新宿 1203号室")
_SAMPLE_NAME = "見本 太郎 様"


def _rect(canvas: Canvas, left: float, top: float, right: float, bottom: float) -> None:
    canvas.rect(left * mm, PAGE_HEIGHT - bottom * mm, (right - left) * mm, (bottom - top) * mm)


def _instructions(paper: Paper) -> list[tuple[str, str, float]]:
    window = paper.window
    spec = paper.spec
    return [
        (GOTHIC, "封筒の窓位置の確認（キャリブレーション）", 14),
        (MINCHO, f"封筒: {spec.label_ja}", 10),
        (
            MINCHO,
            f"窓（用紙上）: 左 {window.left:g} mm・上 {window.top:g} mm・"
            f"幅 {window.width:g} mm・高さ {window.height:g} mm"
            f"（補正 右 {paper.shift_x_mm:g} mm・下 {paper.shift_y_mm:g} mm）",
            10,
        ),
        (MINCHO, "1. 倍率100 %（実際のサイズ）で印刷し、左右の折り線の印で三つ折りにします。", 10),
        (MINCHO, "2. 封筒に入れ、実線の枠が窓の縁に沿うか、見本の宛名が窓に収まるかを見ます。", 10),
        (
            MINCHO,
            "3. ずれた分（mm）を設定 envelope_shift_x_mm（右が正）・"
            "envelope_shift_y_mm（下が正）に加えます。",
            10,
        ),
        (MINCHO, f"Envelope: {spec.label_en}. Print at 100 %, fold on the marks, insert,", 9),
        (MINCHO, "and add the offset in mm to envelope_shift_x_mm / envelope_shift_y_mm.", 9),
    ]


def calibration_sheet(paper: Paper) -> bytes:
    """An A4 page outlining the window (solid), the address area (dashed) and the folds."""
    register_fonts()
    out = BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=True)
    canvas.setLineWidth(0.5)
    window = paper.window
    _rect(canvas, window.left, window.top, window.right, window.bottom)
    canvas.saveState()
    canvas.setDash(2, 2)
    canvas.setStrokeGray(0.5)
    area = paper.address_area
    _rect(canvas, area.left, area.top, area.right, area.bottom)
    canvas.restoreState()
    draw_addressee(canvas, paper, _SAMPLE_LINES, _SAMPLE_NAME)
    draw_fold_marks(canvas, paper)
    y = PAGE_HEIGHT - (paper.spec.folds_mm[0] + 12) * mm
    for font, text, size in _instructions(paper):
        canvas.setFont(font, size)
        canvas.drawString(20 * mm, y, text)
        y -= size * 1.8
    canvas.setFont(MINCHO, ADDRESS_SIZE)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
