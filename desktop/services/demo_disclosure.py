"""The demo's partial disclosure: a customer whose registry record carries 社内メモ and 与信ランク,
an order history attached from another system, and a decision that withholds those items with
their ground — made through the same use cases a clerk and a supervisor use."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from desktop.domain.decisions import FeeStatus, KindDecision, ResponseMethod
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import BUSINESS_HINDRANCE
from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.domain.retained import REGISTRY_SOURCE, Withholding
from desktop.domain.status import CaseStatus
from desktop.intake.extracts import Extract
from desktop.matching import addresses
from desktop.matching.keys import digits_only, kana_key, name_key
from desktop.services import cases, customer_search, retained
from desktop.services.context import ServiceContext
from desktop.services.demo import Crew, advance, step, tracking_number
from desktop.store import customers as customer_store
from desktop.store.db import unit_of_work
from desktop.store.models import Customer

CUSTOMER_NO = "C9000001"
NAME, KANA = "髙橋 美咲", "タカハシ ミサキ"
POSTAL, ADDRESS = "1600023", "東京都新宿区西新宿三丁目2番5号 見本レジデンス802号室"
ORDERS_SOURCE = "受注管理システム"
GROUND = BUSINESS_HINDRANCE


def _customer(ctx: ServiceContext) -> int:
    with unit_of_work(ctx.sessions) as session:
        found = customer_store.by_customer_no(session, CUSTOMER_NO)
        if found is not None:
            return found.id
        now = datetime.now(UTC)
        phone = "03-5555-0802"
        customer = Customer(
            customer_no=CUSTOMER_NO,
            name=NAME,
            name_kana=KANA,
            birth_date=date(1988, 6, 14),
            postal_code=POSTAL,
            address=ADDRESS,
            phone=phone,
            phone_key=digits_only(phone),
            name_key=name_key(NAME),
            kana_key=kana_key(KANA),
            address_key=addresses.address_key(ADDRESS),
            columns={
                "顧客番号": CUSTOMER_NO,
                "氏名": NAME,
                "フリガナ": KANA,
                "生年月日": "1988-06-14",
                "住所": ADDRESS,
                "電話番号": phone,
                "cust_seg_cd": "ゴールド",
                "入会日": "2019-04-01",
                "累計購入額": "486,300",
                "FAX": "",
                "与信ランク": "B2（要観察）",
                "社内メモ": "返品が多いため次回から前払いのみ",
            },
            created_at=now,
            updated_at=now,
        )
        session.add(customer)
        session.flush()
        return customer.id


def _orders(today: date) -> Extract:
    rng = random.Random(802)
    products = (
        "見本ティーセット",
        "季節の詰め合わせ",
        "定期便（コーヒー）",
        "ギフト券",
        "保存容器",
    )
    rows = []
    for n in range(24):
        day = today - timedelta(days=15 * (24 - n))
        amount = rng.choice((1980, 2750, 3300, 5400, 10000))
        note = "クレーム対応あり" if n % 7 == 3 else ""
        rows.append((day.isoformat(), f"O-{20240 + n}", rng.choice(products), str(amount), note))
    return Extract(("受注日", "受注番号", "商品", "金額", "担当者メモ"), tuple(rows), "utf-8")


def partial_disclosure_case(ctx: ServiceContext, crew: Crew, serial: int) -> int | None:
    """Log, decide and approve the partial disclosure case; None when it exists already."""
    today = ctx.clock.today()
    envelope = cases.EnvelopeInput(
        tracking_number=tracking_number(serial),
        received_on=today - timedelta(days=6),
        postmark_on=today - timedelta(days=7),
        sender_name=NAME,
        sender_kana=KANA,
        sender_postal_code=POSTAL,
        sender_address=ADDRESS,
        sender_birth_date=date(1988, 6, 14),
        request_kinds=frozenset({RequestKind.DISCLOSURE}),
        requester_type=RequesterType.PRINCIPAL,
        envelope_marked=True,
        fee_amount=500,
        fee_form=FeeForm.MONEY_ORDER,
        money_order_issued_on=today - timedelta(days=12),
        return_postage_enclosed=False,
    )
    try:
        case_id = cases.log_envelope(ctx, crew.clerk, envelope).case_id
    except cases.DuplicateMailNumber:
        return None
    version = cases.get_case(ctx, case_id).version
    customer_search.link_customer(ctx, crew.clerk, case_id, version, _customer(ctx))
    retained.set_source_labels(ctx, crew.clerk, REGISTRY_SOURCE, {"cust_seg_cd": "会員ランク"})
    orders = _orders(today)
    retained.attach_extract(ctx, crew.clerk, case_id, ORDERS_SOURCE, "orders.csv", orders)
    advance(ctx, crew, case_id, CaseStatus.VERIFYING)
    items = {item.display: item.item_id for item in retained.retained_data(ctx, case_id).items}
    withheld = tuple(
        Withholding(items[name], GROUND)
        for name in (
            "社内メモ（顧客台帳）",
            "与信ランク（顧客台帳）",
            f"担当者メモ（{ORDERS_SOURCE}）",
        )
    )
    decision = KindDecision(
        kind=RequestKind.DISCLOSURE,
        outcome=Outcome.PARTIAL,
        reason_codes=(GROUND,),
        method=ResponseMethod.ELECTROMAGNETIC,
        fee_status=FeeStatus.PAID,
        withheld=withheld,
    )
    step(ctx, crew, case_id, CaseStatus.DECIDED, decided=[decision])
    for status in (CaseStatus.IN_REVIEW, CaseStatus.APPROVED, CaseStatus.LETTER_PRINTED):
        step(ctx, crew, case_id, status)
    return case_id
