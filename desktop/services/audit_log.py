"""Checking the audit log: the hash chain must be whole."""

from __future__ import annotations

from desktop.services.context import ServiceContext
from desktop.store import audit
from desktop.store.db import read_only


def verify_audit_log(ctx: ServiceContext) -> audit.ChainReport:
    with read_only(ctx.sessions) as session:
        return audit.verify_chain(session)
