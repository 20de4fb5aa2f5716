"""The `kaiji` command: the window, set-up, and headless checks for administrators and scripts.

`--json` prints exactly one JSON document on stdout; messages go to stderr. Exit codes: 0 done,
1 a check found a problem, 2 the input or environment is unusable.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.config import Paths, Settings, load_settings, prepare_database_file, save_settings
from desktop.domain.errors import KnownError

log = logging.getLogger("kaiji.cli")

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_UNUSABLE = 2


def _provisions_parser(sub: Any) -> None:  # argparse's subparsers action has no public type
    provisions = sub.add_parser(
        "provisions", help="the third-party provision ledger (第三者提供記録, Art. 29)"
    )
    provisions_sub = provisions.add_subparsers(
        dest="provisions_command", metavar="ACTION", required=True
    )
    provisions_import = provisions_sub.add_parser(
        "import", help="add the records of a CSV file (UTF-8 or CP932)"
    )
    provisions_import.add_argument("file", type=Path, metavar="FILE")
    provisions_import.add_argument("--encoding", choices=["utf-8", "cp932", "auto"], default="auto")
    provisions_import.add_argument("--json", action="store_true")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kaiji",
        description="Kaiji Desk (開示デスク): requests for disclosure etc. received by mail.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: SQLite in the "
        "user data folder; also KAIJI_DB), e.g. postgresql+psycopg://host/kaiji",
    )
    parser.add_argument(
        "--exit-after-start",
        nargs="?",
        const="main",
        choices=["main", "login"],
        metavar="WINDOW",
        help="open the main window (or with =login the log-in window), wait for its first "
        "paint, exit (smoke test, start-up benchmark)",
    )
    parser.add_argument("--lang", choices=["ja", "en"], help="user interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create or upgrade the database, key file and first admin")
    init.add_argument(
        "--demo",
        action="store_true",
        help="also load fictitious customers and cases to try the program",
    )
    init.add_argument(
        "--admin-password-file",
        type=Path,
        metavar="FILE",
        help="read the first admin's password from FILE instead of asking",
    )

    _audit_commands(sub)
    _database_commands(sub)

    _check_commands(sub)

    ocr = sub.add_parser("ocr", help="read scanned pages: kind and fields (nothing is stored)")
    ocr.add_argument("files", type=Path, nargs="+", metavar="FILE")
    ocr.add_argument("--json", action="store_true")
    ocr.add_argument(
        "--masked-dir",
        type=Path,
        metavar="DIR",
        help="write the exact masked image each page would be stored as into DIR",
    )

    import_customers = sub.add_parser(
        "import-customers", help="import the customer registry from a CSV file (顧客台帳)"
    )
    import_customers.add_argument("csv", type=Path, metavar="CSV")
    import_customers.add_argument(
        "--encoding",
        choices=["utf-8", "cp932", "auto"],
        default="auto",
        help="the file's encoding (default: UTF-8 if it is, else CP932/Shift_JIS)",
    )
    import_customers.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE.json",
        help='which header is which field, e.g. {"customer_no": "会員ID", "name": "お名前"}',
    )
    import_customers.add_argument(
        "--source",
        metavar="NAME",
        help="the system the file comes from: its saved mapping is used, and this one saved",
    )
    import_customers.add_argument("--json", action="store_true")

    _provisions_parser(sub)

    purge = sub.add_parser(
        "purge", help="destroy submitted documents whose retention period has ended (廃棄)"
    )
    purge.add_argument("--dry-run", action="store_true", help="only list what would be destroyed")
    purge.add_argument("--json", action="store_true")

    letter = sub.add_parser("letter", help="render a response letter to a PDF file")
    which = letter.add_mutually_exclusive_group(required=True)
    which.add_argument("--specimen", metavar="KIND", help="a fictitious case, for template review")
    which.add_argument("--case", type=int, metavar="ID", help="a real case (its database id)")
    letter.add_argument("--kind", metavar="KIND", help="the letter kind, with --case")
    letter.add_argument(
        "--lang",
        dest="letter_lang",
        choices=["ja", "en"],
        default="ja",
        help="a specimen's language (a case letter uses the settings)",
    )
    letter.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    _letters_parser(sub)
    _add_case_commands(sub)
    return parser


def _audit_commands(sub: Any) -> None:
    """`audit verify` and `audit anchor`."""
    audit = sub.add_parser("audit", help="audit log commands")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser("verify", help="check the keyed chain of the audit log")
    verify.add_argument(
        "--anchor",
        type=Path,
        metavar="FILE",
        help="also prove that nothing up to the event recorded in FILE was removed or changed",
    )
    verify.add_argument("--json", action="store_true")
    anchor = audit_sub.add_parser(
        "anchor", help="print (or write) the newest event and its MAC, to keep outside the database"
    )
    anchor.add_argument("--output", type=Path, metavar="FILE", help="write the anchor to FILE")


def _check_commands(sub: Any) -> None:
    """Headless checks that open no database: mail numbers, addresses, names, dates."""
    tracking = sub.add_parser("check-tracking", help="check a registered-mail number (書留番号)")
    tracking.add_argument("number")
    tracking.add_argument("--json", action="store_true")

    match_address = sub.add_parser("match-address", help="compare two Japanese addresses")
    match_address.add_argument("a")
    match_address.add_argument("b")
    match_address.add_argument("--json", action="store_true")

    match_name = sub.add_parser("match-name", help="compare two Japanese names (or readings)")
    match_name.add_argument("a")
    match_name.add_argument("b")
    match_name.add_argument("--json", action="store_true")

    parse_date = sub.add_parser("parse-date", help="read a Japanese or Western date (和暦可)")
    parse_date.add_argument("text")
    parse_date.add_argument("--json", action="store_true")


def _database_commands(sub: Any) -> None:
    """`backup`, `restore` and `key rotate`: an administrator's work on the whole database."""
    backup = sub.add_parser(
        "backup", help="copy the database (while in use) to FILE; the key file is not included"
    )
    backup.add_argument("file", type=Path, metavar="FILE")
    backup.add_argument("--json", action="store_true")
    restore = sub.add_parser(
        "restore", help="restore a backup into an empty database, then check it with the key"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--json", action="store_true")
    key = sub.add_parser("key", help="workstation key commands")
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    rotate = key_sub.add_parser(
        "rotate",
        help="re-seal every page and letter under a new key and re-key the audit log "
        "(run again to finish an interrupted rotation)",
    )
    rotate.add_argument("--json", action="store_true")


def _letters_parser(sub: Any) -> None:
    letters = sub.add_parser("letters", help="letter printing aids")
    letters_sub = letters.add_subparsers(dest="letters_command", required=True)
    calibration = letters_sub.add_parser(
        "calibration", help="print the envelope window outline (窓位置の確認) to a PDF file"
    )
    calibration.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")


def _add_case_commands(sub: Any) -> None:
    """`kaiji case show` and `kaiji package`."""
    case = sub.add_parser("case", help="case commands (an administrator's read, audited)")
    case_sub = case.add_subparsers(dest="case_command", metavar="SUBCOMMAND", required=True)
    show = case_sub.add_parser(
        "show", help="the case, its decisions item by item (with values) and its letters"
    )
    show.add_argument("case", metavar="CASE", help="the case's id or reference (受付番号)")
    show.add_argument("--json", action="store_true")

    package = sub.add_parser(
        "package",
        help="the electronic disclosure package: the issued letter as an AES-256 PDF "
        "carrying the disclosed data",
    )
    package.add_argument("--case", required=True, metavar="CASE", help="id or reference")
    package.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    package.add_argument(
        "--password-file",
        type=Path,
        required=True,
        metavar="FILE",
        help="where the package's password is written (owner-only); print it apart",
    )


def _emit(data: dict[str, Any], as_json: bool, lines: Sequence[str]) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("\n".join(lines) + "\n")


def _error(message: str) -> None:
    sys.stderr.write(f"kaiji: {message}\n")


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(Paths.resolve())
    if args.db:
        from dataclasses import replace

        settings = replace(settings, database_url=args.db)
    return settings


def _cmd_check_tracking(args: argparse.Namespace) -> int:
    from desktop.matching.tracking import check_tracking

    result = check_tracking(args.number)
    check = {True: "ok", False: "NG — please re-check the number", None: "-"}
    _emit(
        result.to_json(),
        args.json,
        [
            f"number:      {result.number}",
            f"normalized:  {result.formatted}",
            f"service:     {result.service.value if result.service else '-'}",
            f"format:      {'valid' if result.valid_format else 'impossible'}",
            f"check digit: {check[result.check_digit_ok]}",
        ],
    )
    return EXIT_OK if result.valid_format else EXIT_UNUSABLE


def _cmd_parse_date(args: argparse.Namespace) -> int:
    from desktop.domain.eras import DateParseError, format_era, parse_date

    try:
        parsed = parse_date(args.text)
    except DateParseError as exc:
        _error(f"{exc.message_ja} / {exc.message_en}")
        return EXIT_UNUSABLE
    _emit(
        {"text": args.text, "date": parsed.isoformat()},
        args.json,
        [f"{parsed.isoformat()} ({format_era(parsed)})"],
    )
    return EXIT_OK


def _cmd_match_address(args: argparse.Namespace) -> int:
    from desktop.matching.addresses import compare_addresses, parse_address

    a, b = parse_address(args.a), parse_address(args.b)
    result = compare_addresses(a, b)
    differences = [{"component": d.component, "a": d.a, "b": d.b} for d in result.differences]
    data = {
        "a": args.a,
        "b": args.b,
        "a_normalized": a.normalized(),
        "b_normalized": b.normalized(),
        "verdict": result.verdict.value,
        "differences": differences,
        "score": round(result.score, 3),
    }
    lines = [
        f"{result.verdict.value}  (score {result.score:.2f})",
        f"  A: {a.normalized()}",
        f"  B: {b.normalized()}",
    ]
    lines += [f"  {d['component']}: {d['a'] or '—'} / {d['b'] or '—'}" for d in differences]
    _emit(data, args.json, lines)
    return EXIT_OK


def _cmd_match_name(args: argparse.Namespace) -> int:
    from desktop.matching.names import compare_names

    result = compare_names(args.a, args.b)
    data = result.to_json(args.a, args.b)
    lines = [result.verdict.value, f"  A: {result.a_normalized}", f"  B: {result.b_normalized}"]
    lines += [f"  variant: A {in_a} / B {in_b}" for in_a, in_b in result.folded]
    _emit(data, args.json, lines)
    return EXIT_OK


def _context(settings: Settings):  # type: ignore[no-untyped-def]  # lazy imports
    from desktop.services.context import ServiceContext
    from desktop.store.db import check_connection, create_db_engine

    prepare_database_file(settings.effective_database_url)
    engine = create_db_engine(settings.effective_database_url)
    check_connection(engine)
    return engine, ServiceContext.on(engine, settings)


def _cmd_init(args: argparse.Namespace) -> int:
    from desktop.services import setup

    settings = _settings(args)
    engine, ctx = _context(settings)
    password: str | None = None
    if not _schema_ready(engine) or not setup.has_users(ctx):
        password = _admin_password(args.admin_password_file)
    report = setup.initialize(ctx, engine, settings, admin_password=password)
    sys.stderr.write(
        f"database: {engine.url.render_as_string(hide_password=True)} "
        f"({'upgraded' if report.schema_upgraded else 'up to date'})\n"
        f"key file: {settings.effective_key_file} "
        f"({'created' if report.key_created else 'kept'})\n"
    )
    if report.admin_created:
        sys.stderr.write("first administrator: admin\n")
    if args.demo:
        from desktop.services import demo

        summary = demo.load_demo(ctx, password or _admin_password(args.admin_password_file))
        lettered = demo.demo_settings(settings)
        if lettered is not settings:
            save_settings(lettered)
        sys.stderr.write(
            f"demo data: {summary.customers} customers, {summary.cases} cases, "
            f"users {', '.join(summary.usernames)}\n"
        )
    engine.dispose()
    return EXIT_OK


def _schema_ready(engine: Any) -> bool:
    from desktop.store import migrate

    return migrate.current_revision(engine) is not None


def _admin_password(path: Path | None) -> str:
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise KnownError(
                f"パスワードファイル {path} を読めません: {exc.strerror}",
                f"Cannot read the password file {path}: {exc.strerror}",
            ) from exc
    if not sys.stdin.isatty():
        raise KnownError(
            "管理者のパスワードを --admin-password-file で指定してください。",
            "Give the administrator's password with --admin-password-file.",
        )
    first = getpass.getpass("管理者のパスワード / administrator password: ")
    second = getpass.getpass("もう一度 / again: ")
    if first != second:
        raise KnownError("パスワードが一致しません。", "The passwords do not match.")
    return first


def _cmd_audit(args: argparse.Namespace) -> int:

    engine, ctx = _context(_settings(args))
    try:
        if args.audit_command == "anchor":
            return _audit_anchor(ctx, args.output)
        return _audit_verify(ctx, args)
    finally:
        engine.dispose()


def _audit_verify(ctx: Any, args: argparse.Namespace) -> int:
    from desktop.services import audit_log

    anchor = audit_log.read_anchor(args.anchor) if args.anchor else None
    report = audit_log.verify_audit_log(ctx, anchor)
    data = {
        "ok": report.ok,
        "events": report.events,
        "first_bad_event": report.first_bad_seq,
        "problem": report.problem or None,
        "missing_triggers": list(report.missing_protection),
        "unkeyed_events": report.unkeyed_events,
        "anchor_checked": anchor is not None and report.ok,
    }
    if report.ok:
        lines = [f"audit log intact: {report.events} events"]
        if report.unkeyed_events:
            lines.append(f"(events 1–{report.unkeyed_events} predate the keyed chain)")
        if anchor is not None:
            lines.append(f"anchor at event {anchor.seq}: matches")
    else:
        lines = [
            f"audit log BROKEN at event {report.first_bad_seq}: {report.problem}",
            f"監査ログ異常（イベント {report.first_bad_seq}）: {report.problem_ja}",
            f"({report.events} events before it are intact)",
        ]
    _emit(data, args.json, lines)
    return EXIT_OK if report.ok else EXIT_PROBLEM


def _audit_anchor(ctx: Any, output: Path | None) -> int:
    from desktop.services import audit_log

    report = audit_log.verify_audit_log(ctx)
    if not report.ok or report.head is None:
        sys.stderr.write(
            f"no anchor taken: the audit log is broken at event {report.first_bad_seq}: "
            f"{report.problem}\n"
        )
        return EXIT_PROBLEM
    if output is None:
        sys.stdout.write(audit_log.anchor_text(report.head))
    else:
        audit_log.write_anchor(report.head, output)
        sys.stderr.write(f"anchor at event {report.head.seq} written to {output}\n")
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from desktop.services.backup import take_backup

    engine, ctx = _context(_settings(args))
    try:
        report = take_backup(ctx, engine, args.file)
    finally:
        engine.dispose()
    data = {"file": str(report.path), "database": report.backend, "bytes": report.bytes}
    lines = [
        f"backup written: {report.path} ({report.bytes} bytes)",
        "the key file is not in the backup: keep it elsewhere",
        "鍵ファイルはバックアップに含まれていません。別の場所に保管してください。",
    ]
    _emit(data, args.json, lines)
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services.backup import restore_backup

    engine, ctx = _context(_settings(args))
    try:
        report = restore_backup(ctx, engine, args.file)
    finally:
        engine.dispose()
    chain, sealed = report.chain, report.sealed
    data = {
        "ok": report.ok,
        "database": report.backend,
        "audit_events": chain.events,
        "audit_ok": chain.ok,
        "audit_problem": chain.problem or None,
        "pages": sealed.pages,
        "letters": sealed.letters,
        "unreadable": list(sealed.unreadable),
    }
    lines = [
        f"restored from {args.file}",
        f"audit log: {'intact' if chain.ok else 'BROKEN: ' + chain.problem}"
        f" ({chain.events} events)",
        f"opened with this key: {sealed.pages} pages, {sealed.letters} letters",
    ]
    lines += [f"cannot be opened: {name}" for name in sealed.unreadable]
    _emit(data, args.json, lines)
    return EXIT_OK if report.ok else EXIT_PROBLEM


def _cmd_key(args: argparse.Namespace) -> int:
    from desktop.services.key_rotation import rotate_key

    engine, ctx = _context(_settings(args))
    try:
        report = rotate_key(ctx)
    finally:
        engine.dispose()
    data = {
        "old_fingerprint": report.old_fingerprint,
        "new_fingerprint": report.new_fingerprint,
        "pages_resealed": report.pages,
        "letters_resealed": report.letters,
        "key_file": str(report.key_file),
        "retired_key_file": str(report.retired_key),
    }
    lines = [
        f"key rotated: {report.pages} pages and {report.letters} letters re-sealed",
        f"new key: {report.key_file} (fingerprint {report.new_fingerprint})",
        f"old key kept as {report.retired_key}: it opens only backups taken before today;"
        " store it with them, away from this computer, and copy the new key to every workstation",
        f"旧鍵は {report.retired_key} に残しています（今日より前のバックアップ用）。"
        "新しい鍵を全端末にコピーしてください。",
    ]
    _emit(data, args.json, lines)
    return EXIT_OK


def _cmd_import_customers(args: argparse.Namespace) -> int:
    from desktop.services.customers import import_customers, load_mapping

    mapping = load_mapping(args.mapping) if args.mapping else None
    engine, ctx = _context(_settings(args))
    # The command line is an administrator's shell: it imports as the system.
    report = import_customers(
        ctx, None, args.csv, encoding=args.encoding, mapping=mapping, source=args.source
    )
    engine.dispose()
    lines = [
        f"{report.file_name} ({report.encoding}): {report.inserted} inserted, "
        f"{report.updated} updated, {len(report.rejected)} rejected"
    ]
    lines += [f"  line {r.row}: {r.reason_ja} / {r.reason_en}" for r in report.rejected]
    _emit(report.to_json(), args.json, lines)
    return EXIT_PROBLEM if report.rejected else EXIT_OK


def _cmd_provisions(args: argparse.Namespace) -> int:
    from desktop.services.provisions import import_provisions

    engine, ctx = _context(_settings(args))
    try:
        # The command line is an administrator's shell: it imports as the system.
        report = import_provisions(ctx, None, args.file, encoding=args.encoding)
    finally:
        engine.dispose()
    lines = [
        f"{report.file_name} ({report.encoding}): {report.added} added, "
        f"{len(report.rejected)} rejected"
    ]
    lines += [f"  line {r.line}: {r.reason_ja} / {r.reason_en}" for r in report.rejected]
    payload = {
        "file": report.file_name,
        "encoding": report.encoding,
        "added": report.added,
        "rejected": [
            {"line": r.line, "reason_ja": r.reason_ja, "reason_en": r.reason_en}
            for r in report.rejected
        ],
    }
    _emit(payload, args.json, lines)
    return EXIT_PROBLEM if report.rejected else EXIT_OK


def _cmd_ocr(args: argparse.Namespace) -> int:
    from desktop.services.page_reading import read_files_for_report

    pages = read_files_for_report(args.files, masked_dir=args.masked_dir)
    if args.json:
        sys.stdout.write(json.dumps(pages, ensure_ascii=False) + "\n")
        return EXIT_OK
    for page in pages:
        fields = page["fields"]
        assert isinstance(fields, dict)
        sys.stdout.write(f"{page['file']} p.{page['page']}: {page['kind']}\n")
        for name, value in fields.items():
            if value is not None:
                sys.stdout.write(f"  {name}: {value}\n")
        masked = page.get("masked")
        if isinstance(masked, list) and masked:
            sys.stdout.write(f"  masked: {', '.join(str(m) for m in masked)}\n")
    return EXIT_OK


def _cmd_purge(args: argparse.Namespace) -> int:
    from desktop.services.context import JST
    from desktop.services.retention import purge

    engine, ctx = _context(_settings(args))
    # The command line is an administrator's shell: it destroys as the system.
    report = purge(ctx, None, ctx.clock.today(), dry_run=args.dry_run)
    engine.dispose()
    verb = "would destroy" if report.dry_run else "destroyed"
    lines = [
        f"{c.reference}  closed {c.closed_at.astimezone(JST).date().isoformat()}  "
        f"{c.pages} pages  {c.bytes} bytes"
        for c in report.candidates
    ]
    lines.append(f"{verb}: {len(report.candidates)} cases, {report.pages} pages")
    lines += [f"skipped (on hold or already purged): {r}" for r in report.skipped]
    _emit(report.to_json(), args.json, lines)
    return EXIT_OK


def _letter_kind(value: str | None) -> Any:
    from desktop.letters import LetterKind

    kinds = ", ".join(k.value for k in LetterKind)
    if value is None:
        raise KnownError(
            f"--kind で通知書の種類を指定してください（{kinds}）。",
            f"Give the letter kind with --kind ({kinds}).",
        )
    try:
        return LetterKind(value)
    except ValueError:
        raise KnownError(
            f"通知書の種類「{value}」はありません（{kinds}）。",
            f"Unknown letter kind {value!r} (one of {kinds}).",
        ) from None


def _write_pdf(out: Path, pdf: bytes) -> None:
    from desktop.exports import write_atomically

    write_atomically(out, pdf)
    sys.stderr.write(f"{out}: {len(pdf)} bytes\n")


def _cmd_letters(args: argparse.Namespace) -> int:
    """`kaiji letters calibration`: the window outline of the envelope in the settings."""
    from desktop.letters.calibration import calibration_sheet
    from desktop.letters.layout import Paper

    s = _settings(args)
    paper = Paper.named(s.envelope, s.envelope_shift_x_mm, s.envelope_shift_y_mm)
    _write_pdf(args.out, calibration_sheet(paper))
    return EXIT_OK


def _cmd_letter(args: argparse.Namespace) -> int:
    """`kaiji letter`: a specimen, or a preview of a real case's letter (nothing is stored)."""
    from desktop.letters import render_letter, specimen

    if args.specimen is not None:
        pdf = render_letter(specimen(_letter_kind(args.specimen), args.letter_lang))
    else:
        from desktop.services.letters import render_case_letter

        engine, ctx = _context(_settings(args))
        pdf = render_case_letter(ctx, args.case, _letter_kind(args.kind))
        engine.dispose()
    _write_pdf(args.out, pdf)
    return EXIT_OK


def _write_atomically(out: Path, content: bytes, private: bool = False) -> None:
    tmp = out.with_name(out.name + ".tmp")
    try:
        if private:  # created owner-only: the password is never readable by others, even briefly
            tmp.unlink(missing_ok=True)
            with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
                f.write(content)
        else:
            tmp.write_bytes(content)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KnownError(
            f"{out} に書き込めません: {exc.strerror}", f"Cannot write {out}: {exc.strerror}"
        ) from exc


def _cmd_case(args: argparse.Namespace) -> int:
    """`kaiji case show`: the administrator's read of a case, audited."""
    from desktop.services.case_record import case_record

    engine, ctx = _context(_settings(args))
    try:
        record = case_record(ctx, None, args.case)
    finally:
        engine.dispose()
    lines = [f"{record['reference']} ({record['status']})"]
    for decision in record["decisions"]:
        lines.append(f"  {decision['kind']}: {decision['outcome']}")
        for item in decision.get("items", []):
            state = "disclosed" if item["disclosed"] else f"withheld ({item['reason']})"
            lines.append(f"    {item['source']} / {item['item']}: {state}")
    for letter in record["letters"]:
        lines.append(f"  letter {letter['kind']} {letter['document_number']} v{letter['version']}")
    _emit(record, args.json, lines)
    return EXIT_OK


def _cmd_package(args: argparse.Namespace) -> int:
    """`kaiji package`: the AES-256 PDF of the case's disclosure, its password in a file."""
    from desktop.services.case_record import case_id_of
    from desktop.services.letters import data_letter_of_case, disclosure_package_pdf

    engine, ctx = _context(_settings(args))
    try:
        letter_id = data_letter_of_case(ctx, case_id_of(ctx, args.case))
        package, password = disclosure_package_pdf(ctx, None, letter_id)
    finally:
        engine.dispose()
    _write_atomically(args.password_file, (password + "\n").encode("ascii"), private=True)
    _write_atomically(args.out, package)
    sys.stderr.write(
        f"{args.out}: {len(package)} bytes; password in {args.password_file} "
        "(print it on its own sheet and mail it apart)\n"
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            from desktop.app import run_gui

            return run_gui(
                database_url=args.db, exit_after_start=args.exit_after_start, language=args.lang
            )
        from desktop.logsetup import logging_to

        handlers = {
            "init": _cmd_init,
            "check-tracking": _cmd_check_tracking,
            "parse-date": _cmd_parse_date,
            "match-address": _cmd_match_address,
            "match-name": _cmd_match_name,
            "audit": _cmd_audit,
            "backup": _cmd_backup,
            "restore": _cmd_restore,
            "key": _cmd_key,
            "import-customers": _cmd_import_customers,
            "provisions": _cmd_provisions,
            "purge": _cmd_purge,
            "ocr": _cmd_ocr,
            "letter": _cmd_letter,
            "letters": _cmd_letters,
            "case": _cmd_case,
            "package": _cmd_package,
        }
        with logging_to(Paths.resolve().log_dir):
            return handlers[args.command](args)
    except KnownError as exc:
        _error(f"{exc.message_ja}\n       {exc.message_en}")
        return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
