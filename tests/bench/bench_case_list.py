"""How the case list scales: a page, a count and a search on 100 000 cases vs 1 000.

Run on demand: `.venv/bin/python tests/bench/bench_case_list.py [--cases N]`. Prints the time per
operation at both sizes and the ratio; paging must not grow with the table (target ratio < 3 for a
page, the whole page under 50 ms).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from desktop.config import Paths, Settings
from desktop.domain.roles import Role
from desktop.domain.status import CaseStatus
from desktop.matching.keys import address_key, name_key
from desktop.services import auth, case_list
from desktop.services.context import ServiceContext
from desktop.services.setup import ensure_key_file
from desktop.store import migrate
from desktop.store.db import create_db_engine, unit_of_work
from desktop.store.models import Case, CaseRequest, MailItem

STATUSES = [s.value for s in CaseStatus]


def _fill(ctx: ServiceContext, count: int, user_id: int) -> None:
    rng = random.Random(count)
    now = datetime.now(UTC)
    batch = 5000
    for start in range(0, count, batch):
        with unit_of_work(ctx.sessions) as session:
            for n in range(start, min(count, start + batch)):
                name = f"{rng.choice('佐藤鈴木高橋田中伊藤')}{rng.choice('太郎花子一郎')}{n}"
                address = f"東京都新宿区西新宿{rng.randint(1, 9)}-{rng.randint(1, 30)}-{n}"
                received = date(2026, 11, 20) - timedelta(days=rng.randint(0, 700))
                case = Case(
                    reference=f"KD{received.year}-{n + 1:06d}",
                    status=rng.choice(STATUSES),
                    requester_type="principal",
                    sender_name=name,
                    sender_kana="",
                    sender_postal_code="160-0023",
                    sender_address=address,
                    name_key=name_key(name),
                    address_key=address_key(address),
                    received_on=received,
                    profile="appi",
                    due_on=received + timedelta(days=14),
                    extension_reason="",
                    created_by=user_id,
                    created_at=now,
                    updated_at=now,
                    requests=[CaseRequest(kind="disclosure", detail="")],
                )
                session.add(case)
                session.flush()
                session.add(
                    MailItem(
                        case_id=case.id,
                        direction="in",
                        tracking_number=f"{5_000_000_000 + n}0",
                        service="registered",
                        check_digit_ok=None,
                        on_date=received,
                        created_by=user_id,
                        created_at=now,
                    )
                )


def _time(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def _measure(folder: Path, count: int) -> dict[str, float]:
    engine = create_db_engine(f"sqlite:///{folder / f'bench{count}.db'}")
    migrate.upgrade(engine)
    ctx = ServiceContext.on(engine, Settings(paths=Paths(folder, folder, folder)))
    ensure_key_file(ctx.settings.effective_key_file)
    info, _ = auth.create_user(
        ctx,
        None,
        username="bench",
        display_name="bench",
        role=Role.CLERK,
        password="bench-password",
    )
    _fill(ctx, count, info.user_id)
    by_due = case_list.CaseQuery(sort="due_on", descending=False)
    results = {
        "first page (200, newest first)": _time(
            lambda: case_list.list_cases(ctx, case_list.CaseQuery(), 0, 200)
        ),
        "page 50 sorted by due date": _time(lambda: case_list.list_cases(ctx, by_due, 10_000, 200)),
        "count all": _time(lambda: case_list.count_cases(ctx, case_list.CaseQuery())),
        "overdue filter, first page": _time(
            lambda: case_list.list_cases(ctx, case_list.CaseQuery(overdue_only=True), 0, 200)
        ),
        "free-text search (name)": _time(
            lambda: case_list.list_cases(ctx, case_list.CaseQuery(text="高橋花子"), 0, 200)
        ),
        "workload counts": _time(lambda: case_list.workload(ctx)),
    }
    engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = _measure(Path(tmp), args.baseline)
        big = _measure(Path(tmp), args.cases)
    print(f"{'operation':34} {args.baseline:>9,} {args.cases:>11,}   ratio")  # noqa: T201
    for name, seconds in big.items():
        ratio = seconds / base[name]
        print(f"{name:34} {base[name] * 1000:7.1f}ms {seconds * 1000:9.1f}ms  {ratio:6.1f}x")  # noqa: T201


if __name__ == "__main__":
    main()
