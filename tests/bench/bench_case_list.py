"""How the case list feels at 100 000 cases: every action a clerk takes, in the window's model.

Run on demand (not part of the test command: pytest does not collect tests/bench):

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_case_list.py [--cases N] [--pg URL]

Each action runs through `CaseTableModel` as the window does (count and first page, rows built
for display; the database call runs inline instead of on the worker thread) and prints its best
and median time of five: the target is every action under 100 ms. Scrolling to the end fetches
every page as the view would; the memory after it (resident set) should stay under 400 MB.
`--pg URL` runs on an empty PostgreSQL database instead (its tables are dropped first).
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import Engine, insert, text

from desktop.config import Paths, Settings
from desktop.domain.requests import RequestKind
from desktop.domain.roles import Role
from desktop.domain.status import CaseStatus
from desktop.gui.case_table_model import SORT_KEYS, CaseTableModel, Column
from desktop.gui.context import GuiContext
from desktop.gui.operations import ImmediateExecutor, OperationRunner
from desktop.matching.keys import address_key, name_key
from desktop.services import auth, case_list
from desktop.services.case_list import CaseQuery
from desktop.services.context import ServiceContext
from desktop.services.setup import ensure_key_file
from desktop.store import migrate
from desktop.store.db import create_db_engine, refresh_planner_statistics
from desktop.store.models import Case, CaseRequest, MailItem
from tests.gui.conftest import RecordingMessages

STATUSES = list(CaseStatus)
KINDS = [k.value for k in RequestKind]
FAMILY = "佐藤鈴木高橋田中伊藤渡辺山本中村小林加藤"
GIVEN = ["太郎", "花子", "一郎", "美咲", "健太", "陽子"]


def _fill(engine: Engine, count: int, user_id: int) -> None:
    """`count` cases with one or two requests and an incoming mail item, written in bulk."""
    rng = random.Random(count)
    now = datetime.now(UTC)
    batch = 10_000
    for start in range(0, count, batch):
        cases, requests, mail = [], [], []
        for n in range(start, min(count, start + batch)):
            family = FAMILY[2 * rng.randrange(len(FAMILY) // 2) :][:2]
            name = f"{family} {rng.choice(GIVEN)}{n}"
            address = f"東京都新宿区西新宿{rng.randint(1, 9)}-{rng.randint(1, 30)}-{n}"
            received = date(2026, 11, 20) - timedelta(days=rng.randint(0, 700))
            status = rng.choice(STATUSES)
            cases.append(
                {
                    "id": n + 1,
                    "reference": f"KD{received.year}-{n + 1:06d}",
                    "status": status.value,
                    "status_rank": status.rank,
                    "version": 1,
                    "requester_type": "principal",
                    "sender_name": name,
                    "sender_kana": "",
                    "sender_postal_code": "160-0023",
                    "sender_address": address,
                    "name_key": name_key(name),
                    "address_key": address_key(address),
                    "received_on": received,
                    "profile": "appi",
                    "due_on": received + timedelta(days=14),
                    "extension_reason": "",
                    "note": "",
                    "created_by": user_id,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            for kind in rng.sample(KINDS, rng.choice((1, 1, 2))):
                requests.append({"case_id": n + 1, "kind": kind, "detail": ""})
            mail.append(
                {
                    "case_id": n + 1,
                    "direction": "in",
                    "tracking_number": f"{5_000_000_000 + n}0",
                    "service": "registered",
                    "check_digit_ok": None,
                    "on_date": received,
                    "method": "",
                    "created_by": user_id,
                    "created_at": now,
                }
            )
        with engine.begin() as connection:
            connection.execute(insert(Case), cases)
            connection.execute(insert(CaseRequest), requests)
            connection.execute(insert(MailItem), mail)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def _times(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float, float]:
    """Best and median wall time, and the median CPU time of this process (the database runs
    in it on SQLite): on a shared, busy machine the CPU time is what a quiet one would take."""
    runs, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(runs), statistics.median(runs), statistics.median(cpu)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _context(url: str, folder: Path, count: int, *, reuse: bool = False) -> ServiceContext:
    engine = create_db_engine(url)
    if reuse:
        refresh_planner_statistics(engine)  # as the desktop does at start
        return ServiceContext.on(engine, Settings(paths=Paths(folder, folder, folder)))
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(engine)
    ctx = ServiceContext.on(engine, Settings(paths=Paths(folder, folder, folder)))
    ensure_key_file(ctx.settings.effective_key_file)
    info, _ = auth.create_user(
        ctx, None, username="bench", display_name="bench", role=Role.CLERK, password="bench-pw-1"
    )
    started = time.perf_counter()
    _fill(engine, count, info.user_id)
    refresh_planner_statistics(engine)  # as the desktop does at start
    print(f"filled {count:,} cases in {time.perf_counter() - started:.0f} s")  # noqa: T201
    return ctx


def _scroll_to_end(model: CaseTableModel) -> int:
    pages = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        pages += 1
    return pages


def main() -> None:  # noqa: PLR0915 — one script, top to bottom
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--pg", default="", help="an empty PostgreSQL database URL")
    parser.add_argument("--db", type=Path, help="keep the SQLite file here; reuse it if it exists")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = args.db or folder / "bench.db"
        reuse = args.db is not None and args.db.exists()
        url = args.pg or f"sqlite:///{path}"
        if reuse:
            shutil.copy(args.db.with_suffix(".key"), folder / "kaiji.key")
        ctx = _context(url, folder, args.cases, reuse=reuse)
        if args.db is not None and not reuse:
            shutil.copy(ctx.settings.effective_key_file, args.db.with_suffix(".key"))
        runner = OperationRunner(ImmediateExecutor(), RecordingMessages(), language="ja")
        gui = GuiContext(
            ctx, runner, QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)
        )
        model = CaseTableModel(gui)
        view = QTableView()
        view.resize(1200, 700)
        view.setModel(model)
        model.follow(view)
        view.show()
        app.processEvents()
        results: dict[str, tuple[float, float, float]] = {}

        def query(**changes: object) -> Callable[[], None]:
            wanted = replace(CaseQuery(), **changes)  # type: ignore[arg-type]
            return lambda: model.set_query(wanted)

        results["open (count + first page)"] = _times(query())
        for label, typed in (
            ("search name (高橋 美咲)", "高橋 美咲"),
            ("search two characters (高橋)", "高橋"),
            ("search address (西新宿3-12)", "西新宿3-12"),
            ("search reference", "KD2026-050001"),
            ("search whole mail number", "50000500160"),
            ("search part of a mail number", "0500016"),
            ("search, nothing found", "存在しない名前"),
        ):
            results[label] = _times(query(text=typed))
        results["filter overdue"] = _times(query(overdue_only=True))
        results["filter due soon"] = _times(query(due_soon_only=True))
        results["filter pending (awaiting documents)"] = _times(
            query(statuses=frozenset({CaseStatus.AWAITING_DOCUMENTS}))
        )
        results["filter kind (correction)"] = _times(query(kind=RequestKind.CORRECTION))
        for column in Column:
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                arrow = "↑" if order == Qt.SortOrder.AscendingOrder else "↓"

                def sort(column: Column = column, order: Qt.SortOrder = order) -> None:
                    model.set_query(CaseQuery())
                    started, started_cpu = time.perf_counter(), time.process_time()
                    model.sort(column, order)
                    sort.elapsed = time.perf_counter() - started  # type: ignore[attr-defined]
                    sort.cpu = time.process_time() - started_cpu  # type: ignore[attr-defined]

                runs, cpu = [], []
                for _ in range(5):
                    sort()
                    runs.append(sort.elapsed)  # type: ignore[attr-defined]
                    cpu.append(sort.cpu)  # type: ignore[attr-defined]
                name = f"sort {column.name.lower()} {arrow} ({SORT_KEYS[column]})"
                results[name] = (min(runs), statistics.median(runs), statistics.median(cpu))
        model.set_query(CaseQuery())
        gc.collect()
        before = _rss_mb()
        started = time.perf_counter()
        pages = _scroll_to_end(model)
        scrolled = time.perf_counter() - started
        rows = model.rowCount()
        view.scrollToBottom()
        app.processEvents()
        gc.collect()
        after = _rss_mb()
        results["next page (at the end)"] = _times(
            lambda: case_list.list_cases(ctx, model.query, 200, model.case_row(rows - 400))
        )
        results["refresh after scrolling (F5)"] = _times(model.refresh)
        assert model.rowCount() == rows, (model.rowCount(), rows)

        print(f"\n{args.cases:,} cases on {url.split(':')[0]}")  # noqa: T201
        print(f"{'action':46} {'best':>9} {'median':>9} {'cpu':>9}")  # noqa: T201
        for name, (best, median, cpu) in results.items():
            flag = "" if min(median, cpu) < 0.1 else "  over 100 ms"
            print(  # noqa: T201
                f"{name:46} {best * 1000:7.1f}ms {median * 1000:7.1f}ms {cpu * 1000:7.1f}ms{flag}"
            )
        print(  # noqa: T201
            f"scrolling to the end: {rows:,} rows in {pages} pages, {scrolled:.1f} s "
            f"({scrolled / max(pages, 1) * 1000:.1f} ms a page)"
        )
        print(f"memory: {before:.0f} MB before scrolling, {after:.0f} MB after")  # noqa: T201
        view.close()
        runner.shutdown()


if __name__ == "__main__":
    main()
