"""The third-party provision ledger (第三者提供記録): imported from CSV or entered one by one,
kept for its statutory period, read for an Art. 33(5) disclosure."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.personal_numbers import PersonalNumberRefused, refuse_personal_numbers
from desktop.domain.provisions import FIELDS, ProvisionRecord, checked
from desktop.domain.roles import Permission, Role
from desktop.intake.customer_csv import Encoding, ImportRefused
from desktop.intake.provision_csv import BadLine, read_provisions
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import audit
from desktop.store import provisions as provision_store
from desktop.store.db import Session, unit_of_work

log = logging.getLogger("kaiji.services.provisions")


@dataclass
class ProvisionImport:
    file_name: str
    encoding: str
    added: int = 0
    rejected: list[BadLine] = field(default_factory=list)


def _typed(record: ProvisionRecord) -> None:
    refuse_personal_numbers(
        {(ja, en): str(getattr(record, name)) for name, ja, en in FIELDS if name != "provided_on"}
    )


def import_provisions(
    ctx: ServiceContext, user: CurrentUser | None, path: Path, *, encoding: Encoding = "auto"
) -> ProvisionImport:
    """Add every good line of the ledger file; bad lines are reported by number, none stored.

    `user` None is the system, i.e. an administrator's shell (`kaiji provisions import`).
    """
    if user is not None and user.role is not Role.ADMIN:
        raise ImportRefused(
            "第三者提供記録の取込みは管理者だけが行えます。",
            "Only an administrator may import third-party provision records.",
        )
    read = read_provisions(path, encoding)
    report = ProvisionImport(path.name, read.encoding, rejected=list(read.bad))
    good = []
    for line, record in read.records:
        try:
            _typed(record)
        except PersonalNumberRefused as exc:  # the line is refused, never stored
            report.rejected.append(BadLine(line, exc.message("ja"), exc.message("en")))
            continue
        good.append(record)
    actor = audit.SYSTEM if user is None else user.actor
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        provision_store.add_records(
            session,
            good,
            source=path.name,
            user_id=None if user is None else user.user_id,
            now=now,
        )
        audit.record(
            session,
            actor,
            "provisions_imported",
            entity="provision",
            changes={
                "file": path.name,
                "encoding": read.encoding,
                "added": len(good),
                "rejected": len(report.rejected),
            },
            now=now,
        )
    report.added = len(good)
    log.info(
        "provision records imported: %d added, %d rejected", report.added, len(report.rejected)
    )
    return report


def add_provision(ctx: ServiceContext, actor: CurrentUser, record: ProvisionRecord) -> int:
    """Enter one provision record by hand (a clerk keeping the ledger)."""
    actor.require(Permission.EDIT_CASE)
    record = checked(record)
    _typed(record)
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        [record_id] = provision_store.add_records(
            session, [record], source="", user_id=actor.user_id, now=now
        )
        audit.record(
            session,
            actor.actor,
            "provision_added",
            entity="provision",
            entity_id=record_id,
            changes={"provided_on": record.provided_on, "recipient": record.recipient},
            now=now,
        )
    return record_id


def kept_in(session: Session, customer_no: str, today: date) -> list[ProvisionRecord]:
    """The customer's records within their retention period (for the letter's annex)."""
    return provision_store.kept_for(session, customer_no, today)
