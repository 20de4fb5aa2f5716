"""How fast the customer registry imports: N rows of CP932 CSV into a fresh SQLite database.

Run on demand: `.venv/bin/python tests/bench/bench_customer_import.py [--rows N]` (default
1 000 000; the target is under 3 minutes for a million on a 2-core machine). Prints the import's
rows/s and, as a baseline measured in the same run, plain `csv.reader` over the same file, so the
ratio says how much the normalizing, key computing and writing cost on this machine. The CPU
seconds of this process and its workers are printed too: on a busy shared machine the wall time
grows with the other load, while CPU seconds / 2 cores is what an idle 2-core machine would take.
`--keep FILE.db` keeps the imported database (for `bench_customer_search.py --db FILE.db`).
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from desktop.config import Paths, Settings
from desktop.services.context import ServiceContext
from desktop.services.customers import import_customers
from desktop.services.demo import FAMILY, GIVEN, KANJI_DIGITS, TOWNS
from desktop.services.setup import ensure_key_file
from desktop.store import migrate
from desktop.store.db import create_db_engine

HEADER = ["顧客番号", "氏名", "フリガナ", "生年月日", "郵便番号", "住所", "電話番号", "会員種別"]


def _write_csv(path: Path, rows: int) -> None:
    rng = random.Random(rows)
    with path.open("w", encoding="cp932", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for n in range(rows):
            family, family_kana = rng.choice(FAMILY)
            given, given_kana = rng.choice(GIVEN)
            postal, town = rng.choice(TOWNS)
            chome = KANJI_DIGITS[rng.randint(1, 5)]
            address = f"{town}{chome}丁目{rng.randint(1, 30)}番{rng.randint(1, 20)}号"
            birth = date(1940, 1, 1) + timedelta(days=rng.randint(0, 365 * 64))
            written = birth.isoformat() if n % 3 else f"{birth.year}年{birth.month}月{birth.day}日"
            writer.writerow(
                [
                    f"C{n:08d}",
                    f"{family} {given}",
                    f"{family_kana} {given_kana}",
                    written,
                    postal.replace("-", "") if n % 2 else postal,
                    address,
                    f"0{rng.randint(3, 9)}0-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                    rng.choice(["一般", "プレミアム"]),
                ]
            )


def _baseline(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="cp932", newline="") as stream:
        for _ in csv.reader(stream):
            pass
    return time.perf_counter() - started


def _cpu_seconds() -> float:
    """CPU time used so far by this process and its finished children (the import's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="copy the imported database here")
    parser.add_argument("--no-reimport", action="store_true", help="skip the second import")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        path = base / "customers.csv"
        started = time.perf_counter()
        _write_csv(path, args.rows)
        written = time.perf_counter() - started
        size = path.stat().st_size / 1e6
        print(f"wrote {args.rows} rows ({size:.1f} MB CP932) in {written:.1f} s")  # noqa: T201
        engine = create_db_engine(f"sqlite:///{base / 'kaiji.db'}")
        migrate.upgrade(engine)
        ctx = ServiceContext.on(engine, Settings(paths=Paths(base, base, base)))
        ensure_key_file(ctx.settings.effective_key_file)
        baseline = _baseline(path)
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        report = import_customers(ctx, None, path)
        elapsed, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
        re_elapsed, updated = 0.0, 0
        if not args.no_reimport:
            again = time.perf_counter()
            updated = import_customers(ctx, None, path).updated
            re_elapsed = time.perf_counter() - again
        engine.dispose()
        if args.keep:
            shutil.copy(base / "kaiji.db", args.keep)
    print(  # noqa: T201
        f"csv.reader baseline: {baseline:.2f} s ({args.rows / baseline:,.0f} rows/s)\n"
        f"import:   {elapsed:.1f} s ({args.rows / elapsed:,.0f} rows/s, "
        f"{elapsed / baseline:.0f}x baseline), inserted {report.inserted}, "
        f"rejected {len(report.rejected)}\n"
        f"          CPU {cpu:.1f} s in all processes: {cpu / 2:.1f} s on 2 idle cores\n"
        f"reimport: {re_elapsed:.1f} s, updated {updated}\n"
        f"projected for 1 000 000 rows: {elapsed / args.rows * 1e6:.0f} s"
    )


if __name__ == "__main__":
    main()
