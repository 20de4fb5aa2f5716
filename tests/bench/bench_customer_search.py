"""How fast the customer for a case is found: 200 candidate searches of varied kinds on a registry
of N customers (default 1 000 000; the target is under 100 ms a search).

Run on demand: `.venv/bin/python tests/bench/bench_customer_search.py [--rows N] [--db FILE.db]`.
Without `--db` the registry is built first through the real import (minutes for a million;
`bench_customer_import.py --keep FILE.db` leaves one to reuse). As a baseline measured in the same
run, the same number of primary-key look-ups of one customer each, through the same session
set-up, so the ratio shows what the search itself costs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_customer_import import _write_csv
from sqlalchemy import func, select

from desktop.config import Paths, Settings
from desktop.services.context import ServiceContext
from desktop.services.customer_search import CandidateQuery, find_candidates
from desktop.services.customers import import_customers
from desktop.services.setup import ensure_key_file
from desktop.store import migrate
from desktop.store.db import create_db_engine, unit_of_work
from desktop.store.models import Customer

SEARCHES = 200


def _variant(name: str) -> str:
    return name.replace("高", "髙").replace("崎", "﨑").replace(" ", "　")


def _queries(customer: Customer, rng: random.Random) -> dict[str, CandidateQuery]:
    """Searches a clerk makes, from everything on the form down to a single field."""
    return {
        "full form": CandidateQuery(
            name=customer.name,
            kana=customer.name_kana,
            birth_date=customer.birth_date,
            postal_code=customer.postal_code,
            address=customer.address,
        ),
        "variant name + birth date": CandidateQuery(
            name=_variant(customer.name), birth_date=customer.birth_date
        ),
        "kana + address": CandidateQuery(kana=customer.name_kana, address=customer.address),
        "phone only": CandidateQuery(phone=customer.phone),
        "name + postal code": CandidateQuery(name=customer.name, postal_code=customer.postal_code),
        "moved: old address": CandidateQuery(
            name=customer.name,
            birth_date=customer.birth_date,
            address=f"北海道札幌市中央区北一条西{rng.randint(1, 9)}丁目",
        ),
    }


def _timed(calls: list[Callable[[], object]]) -> list[float]:
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _summary(label: str, times: list[float]) -> str:
    cuts = statistics.quantiles(times, n=20)
    return (
        f"{label:<28} p50 {statistics.median(times):7.2f} ms   p95 {cuts[18]:7.2f} ms"
        f"   max {max(times):7.2f} ms"
    )


def _build(path: Path, rows: int, folder: Path) -> None:
    csv_path = folder / "customers.csv"
    _write_csv(csv_path, rows)
    engine = create_db_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    ctx = ServiceContext.on(engine, Settings(paths=Paths(folder, folder, folder)))
    ensure_key_file(ctx.settings.effective_key_file)
    started = time.perf_counter()
    import_customers(ctx, None, csv_path)
    print(f"built {rows} customers in {time.perf_counter() - started:.0f} s")  # noqa: T201
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="an imported registry to search (kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        path = args.db or base / "kaiji.db"
        if not path.exists():
            _build(path, args.rows, base)
        engine = create_db_engine(f"sqlite:///{path}")
        migrate.upgrade(engine)
        ctx = ServiceContext.on(engine, Settings(paths=Paths(base, base, base)))
        ensure_key_file(ctx.settings.effective_key_file)
        rng = random.Random(5)
        with unit_of_work(ctx.sessions) as session:
            top = session.execute(select(func.max(Customer.id))).scalar_one()
            people = [session.get(Customer, rng.randint(1, top)) for _ in range(SEARCHES)]
        found = [p for p in people if p is not None]
        kinds: dict[str, list[Callable[[], object]]] = {}
        hits = 0
        for customer in found:
            for kind, query in _queries(customer, rng).items():
                kinds.setdefault(kind, []).append(lambda q=query: find_candidates(ctx, q))
        # Warm the caches (SQLite pages, address parser) the way a running program has them.
        for call in kinds["full form"][:5]:
            call()
        for customer in found[:SEARCHES]:
            best = find_candidates(ctx, _queries(customer, rng)["full form"])
            hits += bool(best) and best[0].customer_no == customer.customer_no
        ids = [c.id for c in found]

        def look_up(customer_id: int) -> object:
            with unit_of_work(ctx.sessions) as session:
                return session.get(Customer, customer_id)

        baseline = _timed([lambda i=i: look_up(i) for i in ids])
        print(_summary("baseline: primary-key get", baseline))  # noqa: T201
        every: list[float] = []
        for kind, calls in kinds.items():
            times = _timed(calls)
            every += times
            print(_summary(kind, times))  # noqa: T201
        engine.dispose()
    ratio = statistics.median(every) / statistics.median(baseline)
    print(  # noqa: T201
        _summary(f"all {len(every)} searches", every)
        + f"\nratio p50 search / baseline: {ratio:.0f}x"
        + f"\nfull-form search ranks the customer first: {hits}/{len(found)}"
    )


if __name__ == "__main__":
    main()
