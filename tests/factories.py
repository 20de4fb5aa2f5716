"""Small builders shared by tests: valid registered-mail numbers, envelopes and a letterhead."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from desktop.config import Paths, Settings
from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.services.cases import EnvelopeInput


def mail_number(serial: int) -> str:
    """An 11-digit 書留 number whose unofficial check digit (first ten mod 7) is right."""
    body = 4_000_000_000 + serial
    return f"{body:010d}{body % 7}"


def envelope(serial: int = 1, **overrides: object) -> EnvelopeInput:
    base = EnvelopeInput(
        tracking_number=mail_number(serial),
        received_on=date(2026, 11, 18),
        postmark_on=date(2026, 11, 17),
        sender_name="山田 太郎",
        sender_kana="ヤマダ タロウ",
        sender_postal_code="160-0023",
        sender_address="東京都新宿区西新宿二丁目8番1号",
        sender_birth_date=date(1985, 1, 1),
        request_kinds=frozenset({RequestKind.DISCLOSURE}),
        requester_type=RequesterType.PRINCIPAL,
        envelope_marked=True,
        fee_amount=500,
        fee_form=FeeForm.MONEY_ORDER,
        money_order_issued_on=date(2026, 11, 10),
        return_postage_enclosed=True,
        note="",
    )
    if "received_on" in overrides and "postmark_on" not in overrides:
        overrides["postmark_on"] = overrides["received_on"] - timedelta(days=1)  # type: ignore[operator]
    return replace(base, **overrides)  # type: ignore[arg-type]


def letterhead(paths: Paths) -> Settings:
    """Settings with a complete Japanese letterhead, so letters render."""
    return Settings(
        paths=paths,
        company_name="株式会社見本商事",
        company_department="お客様相談室",
        company_postal_code="100-0005",
        company_address="東京都千代田区丸の内一丁目2番3号",
        company_phone="0120-555-123",
        company_email="privacy@example.co.jp",
        company_hours="平日 9:00〜17:00",
        complaint_contact="当社お客様相談室（0120-555-123）",
    )
