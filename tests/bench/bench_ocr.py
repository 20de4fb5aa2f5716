"""How fast the OCR pipeline reads a page, against the bare `tesseract` command on the same image.

Run on demand: `.venv/bin/python tests/bench/bench_ocr.py [--pages N] [--batch N]`. Targets:
- per card page, the whole pipeline (prepare, orient, read, classify, extract, mask and prove)
  takes at most 1.3 × one bare `tesseract IMAGE - -l jpn --dpi 300` run, measured in the same run;
- a batch of 20 pages on 2 cores is at least 1.7 × faster than the same batch on one worker.
Field accuracy is reported by `python -m tests.ocr.accuracy`.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.ocr.pipeline import read_page, read_pages  # noqa: E402
from tests.docgen import CARDS, generate  # noqa: E402

RATIO_TARGET = 1.3
SPEEDUP_TARGET = 1.7


def bare_tesseract(path: Path) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    subprocess.run(
        ["tesseract", str(path), "-", "-l", "jpn", "--dpi", "300"],
        check=True,
        env=env,
        capture_output=True,
    )
    return time.perf_counter() - started


def per_page(pages: int) -> None:
    print(f"{'page':<28}{'bare s':>9}{'pipeline s':>12}{'ratio':>8}")  # noqa: T201
    total_bare = total_pipeline = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for i in range(pages):
            kind = CARDS[i % len(CARDS)]
            sample = generate(kind, 1000 + i)
            gray = sample.image.convert("L")
            path = Path(folder) / f"{kind}-{i}.png"
            gray.save(path, dpi=(sample.dpi, sample.dpi))
            read_page(gray, sample.dpi) if i == 0 else None  # warm caches and imports once
            bare = bare_tesseract(path)
            started = time.perf_counter()
            read_page(sample.image, sample.dpi)
            pipeline = time.perf_counter() - started
            total_bare += bare
            total_pipeline += pipeline
            print(f"{kind + ' ' + str(i):<28}{bare:9.3f}{pipeline:12.3f}{pipeline / bare:8.2f}")  # noqa: T201
    ratio = total_pipeline / total_bare
    verdict = "ok" if ratio <= RATIO_TARGET else "SLOWER THAN TARGET"
    summary = (
        f"per card page: bare {total_bare / pages:.3f} s, pipeline {total_pipeline / pages:.3f} s,"
        f" ratio {ratio:.2f} (target ≤ {RATIO_TARGET}) {verdict}"
    )
    print(summary)  # noqa: T201


def batch(pages: int) -> None:
    images = []
    for i in range(pages):
        sample = generate(CARDS[i % len(CARDS)], 2000 + i)
        out = io.BytesIO()
        sample.image.convert("L").save(out, format="PNG")
        images.append(out.getvalue())
    timings = {}
    for workers in (1, 2):
        started = time.perf_counter()
        read_pages(images, 300, workers=workers)
        timings[workers] = time.perf_counter() - started
        print(f"{pages} pages, {workers} worker(s): {timings[workers]:.2f} s")  # noqa: T201
    speedup = timings[1] / timings[2]
    verdict = "ok" if speedup >= SPEEDUP_TARGET else "BELOW TARGET"
    print(f"speed-up on 2 workers: {speedup:.2f}× (target ≥ {SPEEDUP_TARGET}) {verdict}")  # noqa: T201


def main() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=12, help="card pages timed one by one")
    parser.add_argument("--batch", type=int, default=20, help="pages in the parallel batch")
    args = parser.parse_args()
    per_page(args.pages)
    batch(args.batch)


if __name__ == "__main__":
    main()
