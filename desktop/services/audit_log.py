"""Checking the audit log: the hash chain must be whole."""

from __future__ import annotations

from desktop.services.context import ServiceContext
from desktop.store import audit
from desktop.store.db import unit_of_work


def verify_audit_log(ctx: ServiceContext) -> audit.ChainReport:
    with unit_of_work(ctx.sessions) as session:
        return audit.verify_chain(session)
