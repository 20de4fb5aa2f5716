"""Column mappings saved per source: the next file from the same system imports without one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.domain.errors import InvalidInput
from desktop.services.context import ServiceContext
from desktop.services.customers import (
    ImportRefused,
    import_customers,
    load_saved_mapping,
    preview_file,
    save_mapping,
    saved_sources,
)
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent, Customer
from tests.conftest import FrozenClock, Staff, both_databases

# A system whose headers nobody would recognise.
LINES = ["ID,NM,KN,BD", "A1,山田 太郎,ヤマダ タロウ,S60.1.1", "A2,佐藤 花子,サトウ ハナコ,"]
MAPPING = {"customer_no": "ID", "name": "NM", "name_kana": "KN", "birth_date": "BD"}


def _file(tmp_path: Path, lines: list[str] = LINES, encoding: str = "cp932") -> Path:
    path = tmp_path / f"export-{len(lines)}.csv"
    path.write_bytes("\n".join(lines).encode(encoding) + b"\n")
    return path


def _names(ctx: ServiceContext) -> dict[str, str]:
    with unit_of_work(ctx.sessions) as session:
        rows = session.execute(select(Customer.customer_no, Customer.name)).all()
        return {number: name for number, name in rows}


@both_databases
def test_a_source_remembers_its_mapping_and_encoding(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    with pytest.raises(ImportRefused, match="mapping"):
        import_customers(ctx, staff.admin, _file(tmp_path), source="基幹システム")
    assert load_saved_mapping(ctx, "基幹システム") is None  # a refused import saves nothing

    import_customers(
        ctx, staff.admin, _file(tmp_path), mapping=MAPPING, encoding="cp932", source="基幹システム"
    )
    saved = load_saved_mapping(ctx, " 基幹システム ")
    assert saved is not None
    assert (saved.mapping, saved.encoding) == (MAPPING, "cp932")

    newer = _file(tmp_path, [*LINES, "A3,鈴木 誠,スズキ マコト,"])
    report = import_customers(ctx, staff.admin, newer, source="基幹システム")
    assert (report.inserted, report.updated) == (1, 2)
    assert set(_names(ctx)) == {"A1", "A2", "A3"}
    assert saved_sources(ctx) == ["基幹システム"]


def test_saving_a_mapping_is_audited_and_admin_only(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    with pytest.raises(ImportRefused):
        save_mapping(ctx, staff.supervisor, "CRM", {"customer_no": "ID"})
    with pytest.raises(InvalidInput, match="Unknown fields"):
        save_mapping(ctx, staff.admin, "CRM", {"favourite_colour": "色"})
    with pytest.raises(InvalidInput):
        save_mapping(ctx, staff.admin, "   ", {"customer_no": "ID"})

    saved = save_mapping(ctx, staff.admin, "CRM", {"customer_no": "ID", "name": ""}, "utf-8")
    assert saved.mapping == {"customer_no": "ID"}  # an unmapped item is not stored
    assert saved.updated_at == clock.now()
    with unit_of_work(ctx.sessions) as session:
        query = select(AuditEvent).where(AuditEvent.action == "import_mapping_saved")
        event = session.execute(query).scalar_one()
    assert (event.actor_name, event.changes["source"]) == ("admin", "CRM")


def test_a_saved_mapping_naming_a_missing_column_is_refused_clearly(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    save_mapping(ctx, staff.admin, "CRM", {"customer_no": "会員ID", "name": "NM"})
    with pytest.raises(ImportRefused, match="会員ID"):
        import_customers(ctx, staff.admin, _file(tmp_path), source="CRM")


def test_preview_shows_the_first_rows_and_the_recognised_headers(tmp_path: Path) -> None:
    lines = ["顧客番号,氏名,Tel,備考", *[f"C{n},名前{n},03-0000-000{n},x" for n in range(9)]]
    preview = preview_file(_file(tmp_path, lines, "utf-8"), rows=3)
    assert preview.encoding == "utf-8"
    assert preview.header == ["顧客番号", "氏名", "Tel", "備考"]
    assert [r[0] for r in preview.rows] == ["C0", "C1", "C2"]
    assert preview.recognised == {"customer_no": "顧客番号", "name": "氏名", "phone": "Tel"}


@pytest.mark.usefixtures("kaiji_home")
def test_cli_source_saves_the_mapping_file_for_next_time(
    ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(ctx.sessions.kw["bind"].url)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING, ensure_ascii=False), encoding="utf-8")
    args = ["--db", url, "import-customers", "--source", "CRM", "--json"]
    assert main([*args, str(_file(tmp_path)), "--mapping", str(mapping)]) == 0
    capsys.readouterr()

    newer = _file(tmp_path, [*LINES, "A3,鈴木 誠,スズキ マコト,"])
    assert main([*args, str(newer)]) == 0
    assert json.loads(capsys.readouterr().out)["inserted"] == 1
    assert _names(ctx)["A3"] == "鈴木 誠"
