"""The reason catalog: administrators add and retire reasons; nothing is ever deleted."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from desktop.domain.errors import InvalidInput
from desktop.domain.reasons import (
    BUSINESS_HINDRANCE,
    SEED_REASONS,
    Reason,
    ReasonGround,
)
from desktop.domain.roles import PermissionDenied
from desktop.services import reasons
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff

COMPETITION_LAW = Reason(
    code="trade_secret",
    ground=ReasonGround.NON_DISCLOSURE,
    legal_basis_ja="個人情報保護法第33条第2項第2号",
    legal_basis_en="APPI Art. 33(2)(ii)",
    title_ja="営業秘密を含む",
    title_en="Contains trade secrets",
    letter_ja="ご請求の情報には当社の営業秘密が含まれるため、開示できません。",
    letter_en="The information contains our trade secrets and cannot be disclosed.",
)


def _actions(ctx: ServiceContext) -> list[tuple[str, str]]:
    with unit_of_work(ctx.sessions) as session:
        return [
            (e.action, e.actor_name)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
            if e.entity == "reason"
        ]


def test_catalog_starts_with_the_seed_reasons(ctx: ServiceContext) -> None:
    catalog = reasons.catalog(ctx)
    assert [r.code for r in catalog.all()] == [r.code for r in SEED_REASONS]
    assert catalog.active() == list(SEED_REASONS)


def test_admin_adds_a_reason_clerks_can_choose(ctx: ServiceContext, staff: Staff) -> None:
    added = reasons.add_reason(
        ctx, staff.admin, dataclasses.replace(COMPETITION_LAW, title_ja="  営業秘密を含む ")
    )
    assert added == COMPETITION_LAW
    catalog = reasons.catalog(ctx)
    assert catalog["trade_secret"] == COMPETITION_LAW
    assert COMPETITION_LAW in catalog.active()
    with pytest.raises(reasons.ReasonCodeTaken):
        reasons.add_reason(ctx, staff.admin, COMPETITION_LAW)
    assert _actions(ctx) == [("reason_added", "admin")]


@pytest.mark.parametrize("who", ["clerk", "supervisor"])
def test_only_admins_manage_reasons(ctx: ServiceContext, staff: Staff, who: str) -> None:
    user = getattr(staff, who)
    with pytest.raises(PermissionDenied):
        reasons.add_reason(ctx, user, COMPETITION_LAW)
    with pytest.raises(PermissionDenied):
        reasons.retire_reason(ctx, user, BUSINESS_HINDRANCE)
    assert len(reasons.catalog(ctx).all()) == len(SEED_REASONS)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": BUSINESS_HINDRANCE}, "already taken"),
        ({"code": "Trade Secret"}, "lowercase"),
        ({"code": "ts"}, "3 to 64"),
        ({"letter_en": "  "}, "letter wording \\(English\\)"),
        ({"title_ja": ""}, "title \\(Japanese\\)"),
        ({"legal_basis_en": "x" * 201}, "too long"),
    ],
)
def test_incomplete_or_clashing_reason_is_refused(
    ctx: ServiceContext, staff: Staff, changes: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        reasons.add_reason(ctx, staff.admin, dataclasses.replace(COMPETITION_LAW, **changes))  # type: ignore[arg-type]
    assert caught.value.message_ja
    assert len(reasons.catalog(ctx).all()) == len(SEED_REASONS)


def test_retired_reasons_stay_readable_but_are_not_offered(
    ctx: ServiceContext, staff: Staff
) -> None:
    reasons.add_reason(ctx, staff.admin, COMPETITION_LAW)
    retired = reasons.retire_reason(ctx, staff.admin, "trade_secret")
    seed = reasons.retire_reason(ctx, staff.admin, BUSINESS_HINDRANCE)
    assert retired.retired
    assert seed.retired

    catalog = reasons.catalog(ctx)
    offered = {r.code for r in catalog.active()}
    assert "trade_secret" not in offered
    assert BUSINESS_HINDRANCE not in offered
    assert catalog["trade_secret"].letter_ja == COMPETITION_LAW.letter_ja
    assert catalog[BUSINESS_HINDRANCE].retired
    assert len(catalog.all()) == len(SEED_REASONS) + 1

    with pytest.raises(InvalidInput, match="already retired"):
        reasons.retire_reason(ctx, staff.admin, BUSINESS_HINDRANCE)
    with pytest.raises(InvalidInput, match="Unknown reason"):
        reasons.retire_reason(ctx, staff.admin, "no_such_reason")
    assert _actions(ctx) == [
        ("reason_added", "admin"),
        ("reason_retired", "admin"),
        ("reason_retired", "admin"),
    ]
