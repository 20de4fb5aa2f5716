"""The electromagnetic disclosure package: a ZIP of the data and the letter, with the password
on a separate sheet."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.domain.errors import InvalidInput
from desktop.domain.roles import Permission
from desktop.letters import (
    LetterData,
    LetterKind,
    disclosure_package,
    generate_password,
    password_sheet,
)
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.letters.content import letter_data
from desktop.services.letters.stored import LetterSuperseded, addressee_from_json, load_letter
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import customers as customer_store
from desktop.store.db import unit_of_work


def _package_data(ctx: ServiceContext, letter_id: int) -> tuple[LetterData, dict[str, Any]]:
    with unit_of_work(ctx.sessions) as session:
        letter = load_letter(session, letter_id)
        kind = LetterKind(letter.kind)
        if not kind.carries_data:
            raise InvalidInput(
                "電磁的記録で提供できるのは開示決定の通知書だけです。",
                "Only a disclosure letter can be provided as an electronic record.",
            )
        if letter.superseded_by is not None:
            raise LetterSuperseded(letter.version)
        case_id, letter_date = letter.case_id, letter.letter_date
        addressee = addressee_from_json(letter.addressee)
        case = case_store.case_by_id(session, case_id)
        assert case is not None
        customer = customer_store.by_id(session, case.customer_id) if case.customer_id else None
        columns = dict(customer.columns) if customer is not None else {}
        facts = {"case_id": case_id, "kind": kind, "version": letter.version}
    # The issued letter's own date and addressee, so the package matches the printed letter.
    data = replace(letter_data(ctx, case_id, kind), letter_date=letter_date, addressee=addressee)
    facts["records"] = {
        section.title: [
            {heading: value for heading, value in zip(section.columns, row, strict=True)}
            for row in section.rows
        ]
        for section in data.disclosed
    } or {"data": [{str(k): "" if v is None else str(v) for k, v in columns.items()}]}
    return data, facts


def disclosure_zip(ctx: ServiceContext, actor: CurrentUser, letter_id: int) -> tuple[bytes, str]:
    """The ZIP (data.json, CSV, password-protected letter.pdf) and its new random password.

    The password is not stored: print it at once with `password_sheet_pdf` and mail it apart.
    """
    actor.require(Permission.EDIT_CASE)
    data, facts = _package_data(ctx, letter_id)
    password = generate_password()
    package = disclosure_package(data, facts["records"], password)
    with unit_of_work(ctx.sessions) as session:
        audit.record(
            session,
            actor.actor,
            "disclosure_package_made",
            entity="letter",
            entity_id=letter_id,
            case_id=facts["case_id"],
            changes={"kind": facts["kind"], "version": facts["version"]},
            now=ctx.clock.now(),
        )
    return package, password


def password_sheet_pdf(
    ctx: ServiceContext, actor: CurrentUser, letter_id: int, password: str
) -> bytes:
    """The separate sheet giving the password of the disclosure package of `letter_id`."""
    actor.require(Permission.EDIT_CASE)
    data, _ = _package_data(ctx, letter_id)
    return password_sheet(data, password)
