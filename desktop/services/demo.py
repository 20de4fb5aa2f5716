"""Demo data: fictitious customers and cases in every state, so a newcomer sees a living app.

Every name, address and number here is made up; postal codes and towns are real places so the
address tools have something true to check against. Each case reaches its status through the
use cases a clerk and a supervisor use (pages scanned, decisions recorded and approved by someone
else, letters issued and printed, mail sent and returned), so every screen works on it.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from desktop.config import Settings
from desktop.domain.agents import Agent
from desktop.domain.decisions import FeeStatus, KindDecision, ResponseMethod
from desktop.domain.outcomes import Outcome
from desktop.domain.provisions import ProvisionRecord
from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.domain.roles import Role
from desktop.domain.status import CaseStatus, needs_comment
from desktop.letters import LetterKind
from desktop.matching import addresses
from desktop.matching.keys import digits_only, kana_key, name_key
from desktop.services import (
    auth,
    cases,
    customer_search,
    decisions,
    documents,
    letters,
    mail,
    provisions,
)
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.demo_pages import demo_pages
from desktop.store import audit
from desktop.store import customers as customer_store
from desktop.store import users as user_store
from desktop.store.db import unit_of_work
from desktop.store.models import Customer

log = logging.getLogger("kaiji.services.demo")

FAMILY = [
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("高橋", "タカハシ"),
    ("田中", "タナカ"),
    ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"),
    ("山本", "ヤマモト"),
    ("中村", "ナカムラ"),
    ("小林", "コバヤシ"),
    ("加藤", "カトウ"),
    ("吉田", "ヨシダ"),
    ("山田", "ヤマダ"),
    ("佐々木", "ササキ"),
    ("山口", "ヤマグチ"),
    ("松本", "マツモト"),
    ("井上", "イノウエ"),
    ("木村", "キムラ"),
    ("林", "ハヤシ"),
    ("斎藤", "サイトウ"),
    ("清水", "シミズ"),
    ("髙橋", "タカハシ"),
    ("渡邊", "ワタナベ"),
    ("山﨑", "ヤマザキ"),
    ("齋藤", "サイトウ"),
]
GIVEN = [
    ("太郎", "タロウ"),
    ("花子", "ハナコ"),
    ("一郎", "イチロウ"),
    ("美咲", "ミサキ"),
    ("健太", "ケンタ"),
    ("陽菜", "ヒナ"),
    ("翔太", "ショウタ"),
    ("結衣", "ユイ"),
    ("大輔", "ダイスケ"),
    ("由美", "ユミ"),
    ("直樹", "ナオキ"),
    ("恵子", "ケイコ"),
    ("誠", "マコト"),
    ("裕子", "ユウコ"),
    ("拓也", "タクヤ"),
    ("さくら", "サクラ"),
]
TOWNS = [
    ("100-0005", "東京都千代田区丸の内"),
    ("160-0023", "東京都新宿区西新宿"),
    ("150-0002", "東京都渋谷区渋谷"),
    ("530-0001", "大阪府大阪市北区梅田"),
    ("460-0008", "愛知県名古屋市中区栄"),
    ("810-0001", "福岡県福岡市中央区天神"),
    ("980-0811", "宮城県仙台市青葉区一番町"),
    ("220-0012", "神奈川県横浜市西区みなとみらい"),
    ("730-0011", "広島県広島市中区基町"),
    ("330-0063", "埼玉県さいたま市浦和区高砂"),
    ("260-0013", "千葉県千葉市中央区中央"),
]
KANJI_DIGITS = "〇一二三四五六七八九"

# Where the 50 demo cases stand: (status, how many).
CASE_MIX: tuple[tuple[CaseStatus, int], ...] = (
    (CaseStatus.RECEIVED, 6),
    (CaseStatus.SCANNED, 5),
    (CaseStatus.VERIFYING, 6),
    (CaseStatus.AWAITING_DOCUMENTS, 5),
    (CaseStatus.DECIDED, 4),
    (CaseStatus.IN_REVIEW, 6),
    (CaseStatus.REWORK, 2),
    (CaseStatus.APPROVED, 3),
    (CaseStatus.LETTER_PRINTED, 2),
    (CaseStatus.SENT, 3),
    (CaseStatus.MAIL_RETURNED, 1),
    (CaseStatus.CLOSED, 5),
    (CaseStatus.WITHDRAWN, 2),
)
DEMO_PRINTER = "見本プリンタ"
# (days ago, recipient, its address, its representative, items, basis) — all fictitious.
DEMO_PROVISIONS = (
    (
        400,
        "株式会社見本信用情報",
        "東京都港区芝五丁目1番1号",
        "代表取締役 見本一郎",
        "氏名・生年月日・住所・契約状況",
        "法第27条第1項第2号（与信審査のため）",
    ),
    (
        60,
        "見本配送株式会社",
        "大阪府大阪市北区梅田一丁目1番1号",
        "代表取締役 見本次郎",
        "氏名・住所・電話番号",
        "本人の同意（配送のため）",
    ),
)
# Cases built one by one to show a feature, besides CASE_MIX: the partial disclosure
# withholding named items (demo_disclosure.py).
SHOWCASE_CASES: tuple[tuple[CaseStatus, int], ...] = ((CaseStatus.LETTER_PRINTED, 1),)


def cases_by_status() -> dict[CaseStatus, int]:
    """How many demo cases each status has: the mix and the showcase cases."""
    counts = dict(CASE_MIX)
    for status, count in SHOWCASE_CASES:
        counts[status] = counts.get(status, 0) + count
    return counts


DEMO_USERS = (("clerk", "受付 一郎", Role.CLERK), ("supervisor", "審査 花子", Role.SUPERVISOR))


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    cases: int
    usernames: tuple[str, ...]


@dataclass(frozen=True)
class Crew:
    """Who does what on a demo case: the clerk decides, a supervisor approves (not the decider)."""

    clerk: CurrentUser
    supervisor: CurrentUser


@dataclass(frozen=True)
class _Person:
    name: str
    kana: str
    birth: date
    postal: str
    address: str


def tracking_number(serial: int) -> str:
    """An 11-digit registered-mail number with a correct check digit (first ten mod 7)."""
    body = 1_234_000_000 + serial * 7919
    return f"{body:010d}{body % 7}"


def _people(rng: random.Random, count: int) -> list[_Person]:
    people = []
    for _ in range(count):
        family, family_kana = rng.choice(FAMILY)
        given, given_kana = rng.choice(GIVEN)
        postal, town = rng.choice(TOWNS)
        chome = rng.randint(1, 5)
        # Registered addresses are written the way old systems did: kanji chōme, 番地.
        address = f"{town}{KANJI_DIGITS[chome]}丁目{rng.randint(1, 30)}番{rng.randint(1, 20)}号"
        if rng.random() < 0.3:
            address += (
                f" {rng.choice(['メゾン', 'コーポ', 'ハイツ'])}{rng.choice(['桜', '緑', '青葉'])}"
            )
            address += f" {rng.randint(1, 8)}0{rng.randint(1, 5)}号室"
        birth = date(1940, 1, 1) + timedelta(days=rng.randint(0, 365 * 64))
        people.append(
            _Person(f"{family} {given}", f"{family_kana} {given_kana}", birth, postal, address)
        )
    return people


def _phone(rng: random.Random) -> str:
    return f"0{rng.randint(3, 9)}0-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"


def _ensure_demo_users(ctx: ServiceContext, password: str) -> dict[str, CurrentUser]:
    users: dict[str, CurrentUser] = {}
    with unit_of_work(ctx.sessions) as session:
        existing = {u.username: u for u in user_store.all_users(session)}
        for username, _, _ in DEMO_USERS:
            if username in existing:
                user = existing[username]
                users[username] = CurrentUser(
                    user.id, user.username, user.display_name, Role(user.role)
                )
    for username, display, role in DEMO_USERS:
        if username not in users:
            info, _ = auth.create_user(
                ctx, None, username=username, display_name=display, role=role, password=password
            )
            users[username] = CurrentUser(info.user_id, username, display, role)
    return users


def demo_crew(ctx: ServiceContext, password: str) -> Crew:
    """The demo's clerk and supervisor (created with `password` when missing)."""
    users = _ensure_demo_users(ctx, password)
    return Crew(users["clerk"], users["supervisor"])


def load_demo(ctx: ServiceContext, password: str, *, seed: int = 7) -> DemoSummary:
    """Add demo users, ~300 customers and 50 cases; running it again adds nothing twice."""
    rng = random.Random(seed)
    crew = demo_crew(ctx, password)
    people = _people(rng, 300)
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        if customer_store.count_customers(session) == 0:
            for number, person in enumerate(people, start=1):
                phone = _phone(rng)
                session.add(
                    Customer(
                        customer_no=f"C{number:07d}",
                        name=person.name,
                        name_kana=person.kana,
                        birth_date=person.birth,
                        postal_code=person.postal,
                        address=person.address,
                        phone=phone,
                        phone_key=digits_only(phone),
                        name_key=name_key(person.name),
                        kana_key=kana_key(person.kana),
                        # The registry's key for finding a customer by address (not the
                        # case list's substring key).
                        address_key=addresses.address_key(person.address),
                        columns={"会員種別": rng.choice(["一般", "プレミアム"])},
                        created_at=now,
                        updated_at=now,
                    )
                )
            audit.record(
                session,
                audit.SYSTEM,
                "customers_imported",
                entity="customer",
                changes={"source": "demo", "rows": len(people)},
                now=now,
            )
    made = _demo_cases(ctx, rng, people, crew)
    from desktop.services.demo_disclosure import partial_disclosure_case

    made += partial_disclosure_case(ctx, crew, 900) is not None
    return DemoSummary(len(people), made, tuple(u for u, _, _ in DEMO_USERS))


def _demo_cases(ctx: ServiceContext, rng: random.Random, people: list[_Person], crew: Crew) -> int:
    today = ctx.clock.today()
    made = 0
    serial = 0
    any_featured = False
    any_agent = False
    for status, count in CASE_MIX:
        for _ in range(count):
            serial += 1
            person = rng.choice(people)
            # Finished cases are older; a few open ones are deliberately overdue.
            age = rng.randint(20, 90) if status.is_final else rng.randint(0, 20)
            kinds = {RequestKind.DISCLOSURE}
            if rng.random() < 0.4:
                kinds.add(rng.choice(list(RequestKind)))
            fee = rng.choice([0, 300, 500, 1000]) if RequestKind.DISCLOSURE in kinds else 0
            data = cases.EnvelopeInput(
                tracking_number=tracking_number(serial),
                received_on=today - timedelta(days=age),
                postmark_on=today - timedelta(days=age + 1),
                sender_name=person.name,
                sender_kana=person.kana,
                sender_postal_code=person.postal,
                sender_address=person.address,
                sender_birth_date=person.birth,
                request_kinds=frozenset(kinds),
                requester_type=rng.choice(
                    [RequesterType.PRINCIPAL] * 6
                    + [RequesterType.LEGAL_REPRESENTATIVE, RequesterType.APPOINTED_AGENT]
                ),
                envelope_marked=rng.random() < 0.7,
                fee_amount=fee,
                fee_form=FeeForm.MONEY_ORDER if fee else FeeForm.NONE,
                money_order_issued_on=today - timedelta(days=age + 10) if fee else None,
                return_postage_enclosed=rng.random() < 0.5,
            )
            if status is CaseStatus.LETTER_PRINTED and not any_agent:  # an agent's answer
                any_agent = True
                data = replace(data, requester_type=RequesterType.APPOINTED_AGENT)
            if data.requester_type.is_agent:
                data = replace(data, agent=_demo_agent(people, person, data.requester_type))
            featured = status is CaseStatus.APPROVED and not any_featured
            if featured:  # a disclosure of the registry data and of the provision records
                any_featured = True
                kinds = {RequestKind.DISCLOSURE, RequestKind.THIRD_PARTY_RECORDS}
                data = replace(
                    data,
                    request_kinds=frozenset(kinds),
                    requester_type=RequesterType.PRINCIPAL,
                    agent=None,
                    fee_amount=500,
                    fee_form=FeeForm.MONEY_ORDER,
                    money_order_issued_on=today - timedelta(days=age + 10),
                )
            try:
                logged = cases.log_envelope(ctx, crew.clerk, data)
            except cases.DuplicateMailNumber:
                continue  # loaded before
            if featured:
                _with_provision_records(ctx, crew, logged.case_id, people.index(person) + 1)
            advance(ctx, crew, logged.case_id, status)
            made += 1
    return made


def _demo_agent(people: list[_Person], person: _Person, requester: RequesterType) -> Agent:
    """The request form's agent section: another demo person, by the principal's side."""
    agent = people[(people.index(person) + 1) % len(people)]
    legal = requester is RequesterType.LEGAL_REPRESENTATIVE
    return Agent(
        name=agent.name,
        kana=agent.kana,
        postal_code=agent.postal,
        address=agent.address,
        relationship="成年後見人" if legal else "任意代理人（弁護士）",
    )


def _with_provision_records(ctx: ServiceContext, crew: Crew, case_id: int, number: int) -> None:
    """Link the case to its customer and enter two provisions of their data in the ledger."""
    customer_no = f"C{number:07d}"
    with unit_of_work(ctx.sessions) as session:
        customer = customer_store.by_customer_no(session, customer_no)
        customer_id = None if customer is None else customer.id
    if customer_id is None:
        return
    version = cases.get_case(ctx, case_id).version
    customer_search.link_customer(ctx, crew.clerk, case_id, version, customer_id)
    today = ctx.clock.today()
    for days, recipient, address, representative, items, basis in DEMO_PROVISIONS:
        record = ProvisionRecord(
            today - timedelta(days=days),
            recipient,
            address,
            representative,
            items,
            customer_no,
            basis,
        )
        provisions.add_provision(ctx, crew.clerk, record)


# How each demo case reaches its status: the use cases a clerk and a supervisor go through.
_MAIN_ROUTE = (
    CaseStatus.SCANNED,
    CaseStatus.VERIFYING,
    CaseStatus.DECIDED,
    CaseStatus.IN_REVIEW,
    CaseStatus.APPROVED,
    CaseStatus.LETTER_PRINTED,
    CaseStatus.SENT,
    CaseStatus.CLOSED,
)


def route_to(target: CaseStatus) -> tuple[CaseStatus, ...]:
    """The statuses a new case passes through to reach `target`, `target` last."""
    if target is CaseStatus.RECEIVED:
        return ()
    if target is CaseStatus.WITHDRAWN:
        return (CaseStatus.WITHDRAWN,)
    if target is CaseStatus.AWAITING_DOCUMENTS:
        return (*_MAIN_ROUTE[:2], target)
    if target is CaseStatus.REWORK:
        return (*_MAIN_ROUTE[:4], target)
    if target is CaseStatus.MAIL_RETURNED:
        return (*_MAIN_ROUTE[:7], target)
    return _MAIN_ROUTE[: _MAIN_ROUTE.index(target) + 1]


def outgoing_number(case_id: int) -> str:
    """The registered-mail number the demo's answer to `case_id` goes out under."""
    return tracking_number(100_000 + case_id)


def full_decisions(kinds: Sequence[RequestKind]) -> list[KindDecision]:
    """Comply in full with every request kind: paper for disclosures, the fee paid if any."""
    return [
        KindDecision(
            kind=kind,
            outcome=Outcome.FULL,
            method=ResponseMethod.PAPER if kind.is_disclosing else None,
            fee_status=FeeStatus.PAID if kind.fee_allowed else FeeStatus.NOT_REQUIRED,
        )
        for kind in kinds
    ]


WITHDRAWAL_NOTE = "請求者から取下げの連絡"
RETURN_NOTE = "決定の理由をもう一度確認してください。"
BACK_NOTE = "確認のため戻します。"


def step(
    ctx: ServiceContext,
    crew: Crew,
    case_id: int,
    target: CaseStatus,
    *,
    comment: str = "",
    decided: Sequence[KindDecision] | None = None,
    on: date | None = None,
    number: str | None = None,
) -> None:
    """Move the case one status on, by the use case that moves it there in the app.

    `decided` replaces complying in full; `on` and `number` are the mail's date and number.
    """
    detail = cases.get_case(ctx, case_id)
    if target in _REVIEW_STEPS:
        _review_step(ctx, crew, detail, target, comment, decided)
    elif target in _MAIL_STEPS:
        _mail_step(ctx, crew.clerk, detail, target, on or ctx.clock.today(), number)
    elif target is CaseStatus.LETTER_PRINTED:
        _print_answer(ctx, crew.clerk, case_id)
    else:
        if target is CaseStatus.SCANNED:  # the envelope's pages are scanned into the case
            pages = demo_pages(
                detail.reference,
                detail.sender_name,
                detail.sender_postal_code,
                detail.sender_address,
                detail.sender_birth_date,
            )
            documents.add_pages(ctx, crew.clerk, case_id, pages)
        if not comment and target is CaseStatus.WITHDRAWN:
            comment = WITHDRAWAL_NOTE
        elif not comment and needs_comment(detail.status, target):
            comment = BACK_NOTE
        cases.change_status(ctx, crew.clerk, case_id, detail.version, target, comment)


_REVIEW_STEPS = frozenset(
    {CaseStatus.DECIDED, CaseStatus.IN_REVIEW, CaseStatus.APPROVED, CaseStatus.REWORK}
)
_MAIL_STEPS = frozenset({CaseStatus.SENT, CaseStatus.MAIL_RETURNED, CaseStatus.CLOSED})


def _review_step(
    ctx: ServiceContext,
    crew: Crew,
    detail: cases.CaseDetail,
    target: CaseStatus,
    comment: str,
    decided: Sequence[KindDecision] | None,
) -> None:
    """The clerk decides and submits; the supervisor approves or returns."""
    case_id, version = detail.case_id, detail.version
    if target is CaseStatus.DECIDED:
        chosen = full_decisions(detail.kinds) if decided is None else decided
        decisions.record_decisions(ctx, crew.clerk, case_id, version, chosen, comment)
    elif target is CaseStatus.IN_REVIEW:
        decisions.submit_for_review(ctx, crew.clerk, case_id, version)
    elif target is CaseStatus.APPROVED:
        decisions.approve(ctx, crew.supervisor, case_id, version)
    else:
        decisions.return_for_rework(ctx, crew.supervisor, case_id, version, comment or RETURN_NOTE)


def _mail_step(
    ctx: ServiceContext,
    clerk: CurrentUser,
    detail: cases.CaseDetail,
    target: CaseStatus,
    on: date,
    number: str | None,
) -> None:
    """The answer is mailed, comes back, or the case is closed once it arrived."""
    case_id, version = detail.case_id, detail.version
    if target is CaseStatus.SENT:
        if number is None:  # a re-send after a return goes out under a new number
            resent = detail.status is CaseStatus.MAIL_RETURNED
            number = tracking_number(200_000 + case_id) if resent else outgoing_number(case_id)
        method = mail.MailMethod.SIMPLE_REGISTERED
        mail.record_outgoing(ctx, clerk, case_id, version, number, on, method)
    elif target is CaseStatus.MAIL_RETURNED:
        number = number or outgoing_number(case_id)
        mail.record_returned(ctx, clerk, number, on, mail.ReturnReason.ABSENT)
    else:
        mail.close_case(ctx, clerk, case_id, version)


def _print_answer(ctx: ServiceContext, clerk: CurrentUser, case_id: int) -> None:
    """Issue every answer letter the approved decisions call for, and print each once."""
    lettered = replace(ctx, settings=demo_settings(ctx.settings))
    for kind in decisions.get_decisions(ctx, case_id).letter_kinds:
        issued = letters.issue_letter(lettered, clerk, case_id, LetterKind(kind))
        letters.record_print(lettered, clerk, issued.letter_id, DEMO_PRINTER)


def advance(ctx: ServiceContext, crew: Crew, case_id: int, target: CaseStatus) -> None:
    """Take a newly logged case to `target` through the use cases, one status at a time."""
    for status in route_to(target):
        step(ctx, crew, case_id, status)


def demo_settings(settings: Settings) -> Settings:
    """A fictitious letterhead for a demo installation that has none (letters need one)."""
    if settings.company_name:
        return settings
    return replace(
        settings,
        company_name="見本通信株式会社",
        company_department="お客様相談室 個人情報窓口",
        company_postal_code="100-0005",
        company_address="東京都千代田区丸の内一丁目2番3号",
        company_phone="0120-000-123",
        company_email="privacy@example.co.jp",
        company_hours="平日 9:00〜17:00",
        complaint_contact="見本通信株式会社 お客様相談室（0120-000-123）",
    )
