"""Letter rendering: one letter and a batch of 500, against a bare reportlab page measured in the
same run (one line of Japanese text in the same embedded font).

Run on demand: `.venv/bin/python tests/bench/bench_letters.py [--runs N] [--batch N]`.
Targets: one letter under 150 ms, 500 letters in one batch under 60 s.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.letters import LetterData, LetterKind, render_batch, render_letter, specimen
from desktop.letters.fonts import MINCHO, register_fonts


def _bare_page() -> bytes:
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=MINCHO)
    canvas.setFont(MINCHO, 10.5)
    canvas.drawString(72, 720, "保有個人データ開示決定通知書")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _median_ms(action: Callable[[], bytes], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _batch(size: int) -> list[LetterData]:
    kinds = list(LetterKind)
    letters = []
    for number in range(size):
        data = specimen(kinds[number % len(kinds)])
        letters.append(replace(data, reference=f"KD-2026-{number:06d}"))
    return letters


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    register_fonts()
    short = specimen(LetterKind.NON_DISCLOSURE)  # one page, the usual letter
    annexed = specimen(LetterKind.PARTIAL_DISCLOSURE)  # two pages with the disclosed data
    render_letter(annexed)  # warm-up: font subsetting code paths
    base = _median_ms(_bare_page, args.runs)
    one = _median_ms(lambda: render_letter(short), args.runs)
    two = _median_ms(lambda: render_letter(annexed), args.runs)
    letters = _batch(args.batch)
    started = time.perf_counter()
    pdf = render_batch(letters)
    batch = time.perf_counter() - started
    print(f"bare reportlab page   {base:8.1f} ms (median of {args.runs})")  # noqa: T201
    print(  # noqa: T201
        f"one-page letter       {one:8.1f} ms  ratio {one / base:5.1f}x  target < 150 ms"
    )
    print(  # noqa: T201
        f"letter with annex     {two:8.1f} ms  ratio {two / base:5.1f}x  target < 150 ms"
    )
    print(  # noqa: T201
        f"{args.batch} letters batch     {batch:8.2f} s   {batch / args.batch * 1000:5.1f} ms a "
        f"letter, {len(pdf) / 1e6:.1f} MB  target < 60 s"
    )


if __name__ == "__main__":
    main()
