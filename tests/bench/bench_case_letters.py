"""Letters for real cases: the letter's data read from the database, rendered, encrypted and stored,
against rendering the same kind of letter from a specimen in the same run.

Run on demand: `.venv/bin/python tests/bench/bench_case_letters.py [--runs N] [--batch N]`.
Targets: one case letter under 150 ms, 500 case letters in one batch under 60 s.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.config import Paths, Settings
from desktop.domain.requests import RequestKind
from desktop.domain.roles import Role
from desktop.letters import LetterKind, render_batch, render_letter, specimen
from desktop.letters.fonts import register_fonts
from desktop.services import auth, cases, letters
from desktop.services.cases import EnvelopeInput
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.setup import ensure_key_file
from desktop.store import migrate
from desktop.store.db import create_db_engine, unit_of_work
from desktop.store.models import Case, Customer

KIND = LetterKind.ACKNOWLEDGEMENT


def _envelope(serial: int) -> EnvelopeInput:
    body = 4_000_000_000 + serial
    return EnvelopeInput(
        tracking_number=f"{body:010d}{body % 7}",
        received_on=date(2026, 11, 18),
        sender_name=f"見本 太郎{serial}",
        sender_postal_code="160-0023",
        sender_address="東京都新宿区西新宿二丁目8番1号",
        request_kinds=frozenset({RequestKind.DISCLOSURE}),
    )


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _context(folder: Path) -> tuple[ServiceContext, CurrentUser]:
    engine = create_db_engine(f"sqlite:///{folder / 'kaiji.db'}")
    migrate.upgrade(engine)
    settings = replace(
        Settings(paths=Paths(folder, folder, folder)),
        company_name="株式会社見本商事",
        company_department="お客様相談室",
        company_postal_code="100-0005",
        company_address="東京都千代田区丸の内一丁目2番3号",
        company_phone="0120-555-123",
        complaint_contact="当社お客様相談室",
    )
    ensure_key_file(settings.effective_key_file)
    ctx = ServiceContext.on(engine, settings)
    info, _ = auth.create_user(
        ctx, None, username="clerk", display_name="clerk", role=Role.CLERK, password="x" * 12
    )
    return ctx, CurrentUser(info.user_id, info.username, info.display_name, info.role)


def _cases(ctx: ServiceContext, clerk: CurrentUser, count: int) -> list[int]:
    """`count` received cases, each linked to its registered customer."""
    ids = []
    now = datetime.now(UTC)
    for serial in range(1, count + 1):
        case_id = cases.log_envelope(ctx, clerk, _envelope(serial)).case_id
        ids.append(case_id)
    with unit_of_work(ctx.sessions) as session:
        for serial, case_id in enumerate(ids, start=1):
            customer = Customer(
                customer_no=f"C-{serial:07d}",
                name=f"見本 太郎{serial}",
                birth_date=date(1985, 1, 1),
                postal_code="1600023",
                address=f"東京都新宿区西新宿二丁目{serial % 9 + 1}番1号",
                name_key=f"見本太郎{serial}",
                columns={"会員番号": f"C-{serial:07d}"},
                created_at=now,
                updated_at=now,
            )
            session.add(customer)
            session.flush()
            case = session.get(Case, case_id)
            assert case is not None
            case.customer_id = customer.id
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        ctx, clerk = _context(Path(folder))
        ids = _cases(ctx, clerk, max(args.batch, args.runs))
        sample = specimen(KIND)
        render_letter(sample)  # warm-up: font subsetting code paths
        letters.render_case_letter(ctx, ids[0], KIND)
        base = _median_ms(lambda: render_letter(sample), args.runs)
        preview = _median_ms(lambda: letters.render_case_letter(ctx, ids[0], KIND), args.runs)
        issue_ids = iter(ids)
        issue = _median_ms(
            lambda: letters.issue_letter(ctx, clerk, next(issue_ids), KIND), args.runs
        )
        started = time.perf_counter()
        pdf = render_batch(
            [letters.letter_data(ctx, case_id, KIND) for case_id in ids[: args.batch]]
        )
        batch = time.perf_counter() - started
    print(f"specimen letter       {base:8.1f} ms (median of {args.runs})")  # noqa: T201
    print(  # noqa: T201
        f"case letter preview   {preview:8.1f} ms  ratio {preview / base:5.1f}x  target < 150 ms"
    )
    print(  # noqa: T201
        f"issue (store, crypt)  {issue:8.1f} ms  ratio {issue / base:5.1f}x  target < 150 ms"
    )
    print(  # noqa: T201
        f"{args.batch} case letters      {batch:8.2f} s   {batch / args.batch * 1000:5.1f} ms a "
        f"letter, {len(pdf) / 1e6:.1f} MB  target < 60 s"
    )


if __name__ == "__main__":
    main()
