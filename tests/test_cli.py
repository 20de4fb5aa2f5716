"""The `kaiji` command line, as administrators and scripts call it."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import demo


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out = capsys.readouterr().out
    assert out.count("\n") == 1, "exactly one JSON document on stdout"
    return json.loads(out)  # type: ignore[no-any-return]


def test_check_tracking_accepts_full_width_and_hyphens(capsys: pytest.CaptureFixture[str]) -> None:
    # 1234567890 mod 7 = 3: a well-formed 書留 number with a correct check digit.
    assert main(["check-tracking", "１２３－４５－６７８９０－３", "--json"]) == 0
    assert _json(capsys) == {
        "number": "１２３－４５－６７８９０－３",
        "normalized": "12345678903",
        "service": "registered",
        "valid_format": True,
        "check_digit_ok": True,
    }


def test_check_tracking_wrong_check_digit_is_not_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check-tracking", "123-45-67890-2", "--json"]) == 0
    assert _json(capsys)["check_digit_ok"] is False


def test_check_tracking_impossible_format_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-tracking", "12-34", "--json"]) == 2
    assert _json(capsys)["valid_format"] is False


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("令和元年5月1日", "2019-05-01"),
        ("R7.5.1", "2025-05-01"),
        ("平成32年1月1日", "2020-01-01"),
        ("２０２６年１１月２１日", "2026-11-21"),
    ],
)
def test_parse_date(capsys: pytest.CaptureFixture[str], text: str, iso: str) -> None:
    assert main(["parse-date", text, "--json"]) == 0
    assert _json(capsys) == {"text": text, "date": iso}


@pytest.mark.parametrize("text", ["令和元年4月30日", "2026年2月30日", "そのうち"])
def test_parse_date_rejects_non_dates(capsys: pytest.CaptureFixture[str], text: str) -> None:
    assert main(["parse-date", text, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "kaiji:" in captured.err


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KAIJI_DB"}
    env["KAIJI_HOME"] = str(home)
    return env


def test_init_creates_database_key_and_admin_and_is_idempotent(tmp_path: Path) -> None:
    password = tmp_path / "pw"
    password.write_text("first-admin-pass\n", encoding="utf-8")
    command = [sys.executable, "-m", "desktop", "init", "--admin-password-file", str(password)]
    first = subprocess.run(command, env=_env(tmp_path), capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "first administrator: admin" in first.stderr
    key = tmp_path / "data" / "kaiji.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.stat().st_size == 32
    key_bytes = key.read_bytes()

    again = subprocess.run(command, env=_env(tmp_path), capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stderr
    assert "first administrator" not in again.stderr
    assert key.read_bytes() == key_bytes

    from desktop.config import Paths, Settings
    from desktop.services import auth
    from desktop.services.context import ServiceContext
    from desktop.store.db import create_db_engine

    engine = create_db_engine(f"sqlite:///{tmp_path / 'data' / 'kaiji.db'}")
    ctx = ServiceContext.on(engine, Settings(paths=Paths(tmp_path / "data", tmp_path, tmp_path)))
    assert auth.login(ctx, "admin", "first-admin-pass").username == "admin"
    engine.dispose()


def test_init_without_password_and_no_terminal_explains(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "init"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 2
    assert "--admin-password-file" in result.stderr


def test_unreachable_database_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://nobody:x@127.0.0.1:1/none"
    assert main(["--db", url, "audit", "verify"]) == 2
    err = capsys.readouterr().err
    assert "データベースに接続できません" in err
    assert "Cannot connect to the database" in err
    assert ":x@" not in err


def test_demo_data_gives_a_living_app(tmp_path: Path) -> None:
    password = tmp_path / "pw"
    password.write_text("kaiji-demo", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "init", "--demo", "--admin-password-file", str(password)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    made = sum(demo.cases_by_status().values())  # the mix and the showcase cases
    assert f"demo data: 300 customers, {made} cases" in result.stderr
    verify = subprocess.run(
        [sys.executable, "-m", "desktop", "audit", "verify", "--json"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(verify.stdout)["ok"] is True
    # The demo has a letterhead, so its cases' letters can be previewed at once.
    letter = subprocess.run(
        [sys.executable, "-m", "desktop", "letter", "--case", "1", "--kind", "acknowledgement"]
        + ["--out", str(tmp_path / "ack.pdf")],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert letter.returncode == 0, letter.stderr
    assert (tmp_path / "ack.pdf").read_bytes().startswith(b"%PDF")

    from desktop.config import Paths, Settings
    from desktop.domain.status import CaseStatus
    from desktop.services import case_list
    from desktop.services.context import ServiceContext
    from desktop.store.db import create_db_engine

    engine = create_db_engine(f"sqlite:///{tmp_path / 'data' / 'kaiji.db'}")
    ctx = ServiceContext.on(engine, Settings(paths=Paths(tmp_path / "data", tmp_path, tmp_path)))
    load = case_list.workload(ctx)
    assert sum(load.by_status.values()) == made
    assert len(load.by_status) >= 10
    assert load.by_status[CaseStatus.IN_REVIEW] == 6
    engine.dispose()


def test_match_address_json(capsys: pytest.CaptureFixture[str]) -> None:
    a, b = "東京都新宿区西新宿二丁目8番1号", "〒160-0023 新宿区西新宿2-8-1"
    assert main(["match-address", a, b, "--json"]) == 0
    data = _json(capsys)
    assert set(data) == {
        "a",
        "b",
        "a_normalized",
        "b_normalized",
        "verdict",
        "differences",
        "score",
    }
    assert (data["a"], data["b"], data["verdict"], data["differences"]) == (a, b, "match", [])


def test_match_address_names_the_differing_component(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["match-address", "大阪府大阪市北区梅田1-1-1", "大阪市北区梅田1-2-1", "--json"]) == 0
    )
    data = _json(capsys)
    assert data["verdict"] == "mismatch"
    assert data["differences"] == [{"component": "block", "a": "1", "b": "2"}]


def test_match_name_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["match-name", "髙橋　一郎", "高橋一郎", "--json"]) == 0
    data = _json(capsys)
    assert (data["a"], data["b"], data["verdict"]) == ("髙橋　一郎", "高橋一郎", "variant")
    assert main(["match-name", "高橋 一郎", "高橋一郎", "--json"]) == 0
    assert _json(capsys)["verdict"] == "match"
    assert main(["match-name", "高橋一郎", "高橋二郎", "--json"]) == 0
    assert _json(capsys)["verdict"] == "mismatch"


def test_ocr_json_reads_every_page_and_never_prints_a_my_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.docgen import generate

    licence = generate("drivers_license", 41)
    back = generate("mynumber_back", 41)
    scan = tmp_path / "envelope.tiff"
    licence.image.save(scan, save_all=True, append_images=[back.image], dpi=(300, 300))
    audit = tmp_path / "masked"
    assert main(["ocr", str(scan), "--json", "--masked-dir", str(audit)]) == 0
    out = capsys.readouterr().out
    pages = json.loads(out)
    assert [(p["file"], p["page"], p["kind"]) for p in pages] == [
        (str(scan), 1, "drivers_license"),
        (str(scan), 2, "mynumber_back"),
    ]
    for page in pages:
        assert set(page) >= {"file", "page", "kind", "fields", "confidence", "masked"}
        assert set(page["fields"]) == {
            "name",
            "name_kana",
            "address",
            "postal_code",
            "birth_date",
            "expiry_date",
            "number",
        }
    assert pages[0]["fields"]["number"] == licence.fields["number"]
    assert pages[0]["fields"]["birth_date"] == licence.fields["birth_date"]
    assert pages[0]["masked"] == []
    assert pages[1]["masked"] == ["my_number"]
    assert pages[1]["fields"]["number"] is None
    assert pages[0]["field_confidence"]["number"] > 0.5
    # The auditor's copies: the very images that would be stored, the number blacked out.
    assert sorted(p.name for p in audit.iterdir()) == ["envelope_p1.jpg", "envelope_p2.jpg"]
    assert [p["masked_image"] for p in pages] == [
        str(audit / "envelope_p1.jpg"),
        str(audit / "envelope_p2.jpg"),
    ]
    (secret,) = back.secret_numbers
    digits = "".join(ch for ch in out if ch.isdigit())
    assert secret not in digits


def test_ocr_refuses_an_unreadable_file_with_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fake = tmp_path / "scan.png"
    fake.write_text("this is not a picture")
    assert main(["ocr", str(fake), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "scan.png" in captured.err


def test_python_m_desktop_reads_pages_in_worker_processes(tmp_path: Path) -> None:
    """`python -m desktop ocr` with several pages reads them in spawned worker processes."""
    from tests.docgen import generate

    pages = [generate("residence_card", 61).image, generate("passport", 61).image]
    scan = tmp_path / "two.tiff"
    pages[0].save(scan, save_all=True, append_images=pages[1:], dpi=(300, 300))
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "ocr", str(scan), "--json"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert [p["kind"] for p in json.loads(result.stdout)] == ["residence_card", "passport"]
