"""Checking the audit log: the keyed chain must be whole, its triggers in place, and everything
an anchor recorded still there."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.domain.errors import KnownError
from desktop.exports import write_atomically
from desktop.services.context import ServiceContext
from desktop.store import audit
from desktop.store.db import read_only


class AnchorUnreadable(KnownError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            f"アンカーファイル {path} を読めません（{why}）。",
            f"Cannot read the anchor file {path} ({why}).",
        )


def verify_audit_log(ctx: ServiceContext, anchor: audit.Anchor | None = None) -> audit.ChainReport:
    with read_only(ctx.sessions) as session:
        return audit.verify_chain(session, anchor)


def anchor_text(anchor: audit.Anchor) -> str:
    data = {"seq": anchor.seq, "mac": anchor.mac, "key_fingerprint": anchor.fingerprint}
    return json.dumps(data, sort_keys=True) + "\n"


def write_anchor(anchor: audit.Anchor, path: Path) -> None:
    write_atomically(path, anchor_text(anchor).encode("utf-8"))


def read_anchor(path: Path) -> audit.Anchor:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return audit.Anchor(int(data["seq"]), str(data["mac"]), str(data["key_fingerprint"]))
    except OSError as exc:
        raise AnchorUnreadable(path, exc.strerror or str(exc)) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise AnchorUnreadable(path, "not a Kaiji Desk anchor") from exc
