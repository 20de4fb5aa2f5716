"""Does the window keep answering under load? A timer probe on the GUI event loop.

Run on demand (not part of the test command):

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_stall.py \
        [--customers 100000] [--pages 20] [--cases 20000] [--db FILE.db] [--untuned]

The desktop's own set-up (the database worker and the long-job thread, garbage collection tuned
and frozen after start, pages read only in worker processes) runs a 20-page OCR batch and a
100 000-customer import as long jobs, while the case list refreshes twice a second on the
database worker. A 10 ms timer on the GUI thread records every tick; a gap is how late a tick
came. Prints the median, p99 and worst gap, and the gaps over 50 ms (target: none).
`--untuned` runs with Python's default collector and OCR in this process, for comparison.
`--db` reuses (or keeps) the case-list database of `bench_case_list.py`.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QTableView

from desktop import gc_tuning
from desktop.domain.progress import CancelToken, Progress
from desktop.gui.case_table_model import CaseTableModel
from desktop.gui.context import GuiContext
from desktop.gui.operations import Operation, OperationRunner, ThreadExecutor
from desktop.ocr import placement
from desktop.ocr.batch import read_pages
from desktop.services import customers
from tests.bench.bench_case_list import _context
from tests.bench.bench_customer_import import _write_csv
from tests.gui.conftest import RecordingMessages
from tests.ocr.render import png, render

PROBE_MS = 10
STALL_MS = 50


def _pages(count: int) -> list[bytes]:
    names = ("山田 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲")
    return [
        png(
            render(
                [(40, 40, "委任状", 40), (40, 140, f"委任者 氏名 {names[n % len(names)]}", 34)],
                (1240, 1754),
            )
        )
        for n in range(count)
    ]


def main() -> None:  # noqa: PLR0915 — one script, top to bottom
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--db", type=Path, help="the case-list database to reuse or keep")
    parser.add_argument("--untuned", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = args.db or folder / "bench.db"
        reuse = args.db is not None and args.db.exists()
        if reuse:
            (folder / "kaiji.key").write_bytes(args.db.with_suffix(".key").read_bytes())
        ctx = _context(f"sqlite:///{path}", folder, args.cases, reuse=reuse)
        if args.db is not None and not reuse:
            args.db.with_suffix(".key").write_bytes(ctx.settings.effective_key_file.read_bytes())
        csv_path = folder / "customers.csv"
        _write_csv(csv_path, args.customers)
        pages = _pages(args.pages)
        if not args.untuned:
            gc_tuning.tune()
            placement.read_in_workers_only()
        runner = OperationRunner(
            ThreadExecutor(),
            RecordingMessages(),
            language="ja",
            long_executor=ThreadExecutor(thread_name="kaiji-job"),
        )
        prefs = QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)
        gui = GuiContext(ctx, runner, prefs)
        model = CaseTableModel(gui)
        view = QTableView()
        view.resize(1200, 700)
        view.setModel(model)
        model.follow(view)
        view.show()
        if not args.untuned:
            gc_tuning.freeze_loaded()

        ticks: list[float] = []
        jobs_left = [2]
        refreshes = [0]
        collections: list[float] = []
        started_gc = [0.0]

        def on_gc(phase: str, info: dict[str, int]) -> None:
            if info.get("generation") != 2:
                return
            if phase == "start":
                started_gc[0] = time.perf_counter()
            else:
                collections.append(time.perf_counter() - started_gc[0])

        gc.callbacks.append(on_gc)

        def done(_result: object = None) -> None:
            jobs_left[0] -= 1
            if jobs_left[0] == 0:
                QTimer.singleShot(500, app.quit)

        def ocr(progress: Progress, cancel: CancelToken) -> object:
            return read_pages(pages, 300, progress, cancel)

        def import_all(progress: Progress, cancel: CancelToken) -> object:
            return customers.import_customers(ctx, None, csv_path, progress=progress, cancel=cancel)

        def refresh() -> None:
            refreshes[0] += 1
            model.refresh()

        probe = QTimer()
        probe.setInterval(PROBE_MS)
        probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
        lister = QTimer()
        lister.setInterval(500)
        lister.timeout.connect(refresh)
        for work in (ocr, import_all):
            Operation.tracked(None, runner, work).on_long_thread().success(done).failure(
                lambda error: (print(error.message("en")), done())  # noqa: T201
            ).run()
        started = time.perf_counter()
        probe.start()
        lister.start()
        app.exec()
        elapsed = time.perf_counter() - started
        probe.stop()
        lister.stop()
        gc.callbacks.remove(on_gc)
        view.close()
        runner.shutdown()

    gaps = sorted(
        max(0.0, (b - a) * 1000 - PROBE_MS) for a, b in zip(ticks, ticks[1:], strict=False)
    )
    p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
    over = [g for g in gaps if g > STALL_MS]
    print(  # noqa: T201
        f"{'untuned' if args.untuned else 'tuned'}: {args.pages} OCR pages + "
        f"{args.customers:,} customers imported + {refreshes[0]} list refreshes "
        f"({args.cases:,} cases) in {elapsed:.1f} s\n"
        f"probe every {PROBE_MS} ms, {len(gaps)} ticks: median gap "
        f"{statistics.median(gaps) if gaps else 0:.1f} ms, p99 {p99:.1f} ms, "
        f"worst {gaps[-1] if gaps else 0:.1f} ms; {len(over)} over {STALL_MS} ms"
        + (f" ({', '.join(f'{g:.0f}' for g in over[-10:])} ms)" if over else "")
        + f"\nfull collections: {len(collections)}, longest "
        f"{max(collections, default=0) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
