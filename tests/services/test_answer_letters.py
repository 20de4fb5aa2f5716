"""Answer letters read back as the requester would read them: the right article for each kind's
refusal, nothing about a customer record for an unconfirmed requester, a complete letterhead."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from desktop.config import Paths, Settings
from desktop.domain.agents import Agent
from desktop.domain.decisions import FeeStatus, KindDecision, ResponseMethod
from desktop.domain.errors import InvalidInput
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import (
    BUSINESS_HINDRANCE,
    CORRECTION_NOT_NEEDED,
    DATA_IS_CORRECT,
    HARM_TO_PERSON,
    IDENTITY_UNCONFIRMED,
    NO_PROVISION_VIOLATION,
    NO_USE_VIOLATION,
    PURPOSE_ALREADY_CLEAR,
    SUSPENSION_ALTERNATIVE,
)
from desktop.domain.requests import RequesterType, RequestKind
from desktop.domain.status import CaseStatus
from desktop.domain.verification import deficiencies
from desktop.letters import LetterKind
from desktop.services import cases, customer_search, decisions, letters, verification
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import Customer
from tests.conftest import Staff
from tests.factories import envelope
from tests.letters.pdf_reading import letter_text

REGISTERED_ADDRESS = "東京都新宿区西新宿二丁目8番1号 見本ハイツ305号室"
COMPLAINTS = "当社お客様相談室（0120-555-123）"


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return Settings(
        paths=paths,
        company_name="株式会社見本商事",
        company_department="お客様相談室",
        company_postal_code="100-0005",
        company_address="東京都千代田区丸の内一丁目2番3号",
        company_phone="0120-555-123",
        complaint_contact=COMPLAINTS,
    )


def _linked_case(ctx: ServiceContext, staff: Staff, kinds: frozenset[RequestKind]) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(request_kinds=kinds)).case_id
    now = datetime(2026, 11, 1, tzinfo=UTC)
    with unit_of_work(ctx.sessions) as session:
        customer = Customer(
            customer_no="C-0012345",
            name="山田 太郎",
            name_kana="ヤマダ タロウ",
            birth_date=date(1985, 1, 1),
            postal_code="1600023",
            address=REGISTERED_ADDRESS,
            phone="03-5555-0100",
            name_key="山田太郎",
            columns={"会員番号": "C-0012345", "与信ランク": "B"},
            created_at=now,
            updated_at=now,
        )
        session.add(customer)
        session.flush()
        customer_id = customer.id
    version = cases.get_case(ctx, case_id).version
    customer_search.link_customer(ctx, staff.clerk, case_id, version, customer_id)
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING)
    return case_id


def _refusal(kind: RequestKind, *codes: str, outcome: Outcome = Outcome.REFUSE) -> KindDecision:
    return KindDecision(
        kind=kind,
        outcome=outcome,
        reason_codes=codes,
        method=ResponseMethod.PAPER if kind.is_disclosing else None,
        fee_status=FeeStatus.PAID if kind.fee_allowed else FeeStatus.NOT_REQUIRED,
    )


def _decided_letter(
    ctx: ServiceContext, staff: Staff, decision: KindDecision, letter: LetterKind
) -> str:
    case_id = _linked_case(ctx, staff, frozenset({decision.kind}))
    version = cases.get_case(ctx, case_id).version
    decided, _ = decisions.record_decisions(ctx, staff.clerk, case_id, version, [decision])
    submitted, _ = decisions.submit_for_review(ctx, staff.clerk, case_id, decided.version)
    decisions.approve(ctx, staff.supervisor, case_id, submitted.version)
    return letter_text(letters.render_case_letter(ctx, case_id, letter))


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        (RequestKind.CORRECTION, HARM_TO_PERSON),
        (RequestKind.SUSPENSION, BUSINESS_HINDRANCE),
        (RequestKind.DISCLOSURE, DATA_IS_CORRECT),
        (RequestKind.PURPOSE_NOTICE, NO_USE_VIOLATION),
        (RequestKind.THIRD_PARTY_SUSPENSION, NO_USE_VIOLATION),
        (RequestKind.SUSPENSION, NO_PROVISION_VIOLATION),
    ],
)
def test_a_reason_for_another_kind_is_refused(
    ctx: ServiceContext, staff: Staff, kind: RequestKind, code: str
) -> None:
    case_id = _linked_case(ctx, staff, frozenset({kind}))
    version = cases.get_case(ctx, case_id).version
    with pytest.raises(InvalidInput, match="does not apply to") as raised:
        decisions.record_decisions(ctx, staff.clerk, case_id, version, [_refusal(kind, code)])
    assert "には使えません" in raised.value.message("ja")
    assert kind.label_ja in raised.value.message("ja")


@pytest.mark.parametrize(
    ("decision", "letter", "article", "wording"),
    [
        (
            _refusal(RequestKind.CORRECTION, DATA_IS_CORRECT),
            LetterKind.CORRECTION_RESULT,
            "個人情報保護法第34条第1項、第2項",
            "事実でないとは認められませんでした",
        ),
        (
            _refusal(RequestKind.CORRECTION, CORRECTION_NOT_NEEDED),
            LetterKind.CORRECTION_RESULT,
            "個人情報保護法第34条第2項",
            "利用目的の達成に必要な範囲を超える",
        ),
        (
            _refusal(RequestKind.SUSPENSION, NO_USE_VIOLATION),
            LetterKind.SUSPENSION_RESULT,
            "個人情報保護法第35条第1項、第5項",
            "利用停止または消去を要する事由は認められませんでした",
        ),
        (
            _refusal(RequestKind.SUSPENSION, SUSPENSION_ALTERNATIVE, outcome=Outcome.PARTIAL),
            LetterKind.SUSPENSION_RESULT,
            "個人情報保護法第35条第2項ただし書",
            "これに代わる措置を講じました",
        ),
        (
            _refusal(RequestKind.THIRD_PARTY_SUSPENSION, NO_PROVISION_VIOLATION),
            LetterKind.SUSPENSION_RESULT,
            "個人情報保護法第35条第3項、第5項",
            "第三者提供の停止を要する事由は認められませんでした",
        ),
        (
            _refusal(RequestKind.PURPOSE_NOTICE, PURPOSE_ALREADY_CLEAR),
            LetterKind.PURPOSE_NOTICE,
            "個人情報保護法第32条第2項第1号",
            "既に明らかである",
        ),
    ],
)
def test_a_refusal_cites_its_own_kinds_article(
    ctx: ServiceContext,
    staff: Staff,
    decision: KindDecision,
    letter: LetterKind,
    article: str,
    wording: str,
) -> None:
    text = _decided_letter(ctx, staff, decision, letter)
    assert article in text
    assert wording in text
    assert "第33条第2項" not in text  # a disclosure ground answers no correction or suspension
    assert COMPLAINTS in text


def test_an_identity_refusal_neither_confirms_nor_denies_a_record(
    ctx: ServiceContext, staff: Staff
) -> None:
    text = _decided_letter(
        ctx,
        staff,
        _refusal(RequestKind.DISCLOSURE, IDENTITY_UNCONFIRMED),
        LetterKind.NON_DISCLOSURE,
    )
    assert "ご請求者がご請求に係るご本人であることを確認できませんでした" in text
    assert "保有しているか否かを含め、お答えいたしかねます" in text
    assert "個人情報保護法第37条第1項" in text
    # Nothing that says a record exists: no registered address, no "we hold … but will not
    # disclose it", no thanks for the requester's patronage, no data.
    assert "見本ハイツ" not in text
    assert "保有個人データを開示しない" not in text
    assert "登録されている" not in text
    assert "お引き立て" not in text
    assert "与信ランク" not in text
    assert "東京都新宿区西新宿二丁目8番1号" in text  # answered where the request came from
    assert COMPLAINTS in text


def test_a_refusal_on_a_data_ground_still_names_the_data(ctx: ServiceContext, staff: Staff) -> None:
    text = _decided_letter(
        ctx, staff, _refusal(RequestKind.DISCLOSURE, HARM_TO_PERSON), LetterKind.NON_DISCLOSURE
    )
    assert "ご請求に係る保有個人データを開示しないことといたしました" in text
    assert "個人情報保護法第33条第2項第1号" in text


@pytest.mark.parametrize(
    ("blank", "named"),
    [
        ("complaint_contact", "苦情の申出先"),
        ("company_phone", "電話番号"),
        ("company_postal_code", "郵便番号"),
        ("company_address", "住所"),
    ],
)
def test_no_letter_while_a_required_letterhead_field_is_blank(
    ctx: ServiceContext, staff: Staff, blank: str, named: str
) -> None:
    bare = ServiceContext(ctx.sessions, replace(ctx.settings, **{blank: " "}), ctx.clock)
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    with pytest.raises(letters.LetterheadMissing) as raised:
        letters.render_case_letter(bare, case_id, LetterKind.ACKNOWLEDGEMENT)
    assert named in raised.value.message("ja")
    assert blank in raised.value.message("en")
    # With every field filled in, no blank prints where a field would be.
    text = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.ACKNOWLEDGEMENT))
    assert "〒100-0005" in text
    assert "TEL0120-555-123" in text


def test_an_impossible_electronic_method_is_answered_on_paper_and_says_why(
    ctx: ServiceContext, staff: Staff
) -> None:
    decision = KindDecision(
        kind=RequestKind.DISCLOSURE,
        outcome=Outcome.FULL,
        method=ResponseMethod.ELECTROMAGNETIC,
        method_impossible=True,
        fee_status=FeeStatus.PAID,
    )
    assert decision.method_used is ResponseMethod.PAPER
    text = _decided_letter(ctx, staff, decision, LetterKind.DISCLOSURE)
    assert "ご指定の電磁的記録の提供による開示は、多額の費用を要する等の理由により困難" in text
    assert "書面の交付により開示いたします" in text
    assert "第33条第2項ただし書、第3項" in text
    assert "開示の方法書面の交付" in text
    assert "パスワードで保護したファイル" not in text
    assert "与信ランク" in text  # the data itself is on paper, in the annex


def test_a_usable_electronic_method_is_stated_as_chosen(ctx: ServiceContext, staff: Staff) -> None:
    decision = KindDecision(
        kind=RequestKind.DISCLOSURE,
        outcome=Outcome.FULL,
        method=ResponseMethod.ELECTROMAGNETIC,
        fee_status=FeeStatus.PAID,
    )
    text = _decided_letter(ctx, staff, decision, LetterKind.DISCLOSURE)
    assert "開示の方法電磁的記録の提供（パスワードで保護したファイル）" in text
    assert "困難" not in text


AGENT = Agent(
    name="佐藤 弁護",
    kana="サトウ ベンゴ",
    postal_code="1050011",
    address="東京都港区芝公園四丁目2番8号",
    relationship="任意代理人（弁護士）",
)


def _agent_case(ctx: ServiceContext, staff: Staff, agent: Agent | None = AGENT) -> int:
    data = envelope(requester_type=RequesterType.APPOINTED_AGENT, agent=agent)
    return cases.log_envelope(ctx, staff.clerk, data).case_id


def test_an_agents_letters_go_to_the_agent_and_name_both(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _agent_case(ctx, staff)
    assert cases.get_case(ctx, case_id).agent == AGENT

    ack = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.ACKNOWLEDGEMENT))
    assert ack.index("〒105-0011東京都港区芝公園四丁目2番8号佐藤弁護様") < ack.index("拝啓")
    assert "佐藤弁護様（任意代理人（弁護士））が山田太郎様の代理人としてなさったご請求" in ack
    assert "ご本人山田太郎様" in ack
    assert "代理人佐藤弁護様（任意代理人（弁護士））" in ack

    wanted = deficiencies(verification.view(ctx, case_id).findings)
    assert any("委任状" in d.text_ja for d in wanted)
    deficiency = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.DEFICIENCY))
    assert deficiency.index("佐藤弁護様") < deficiency.index("拝啓")
    for item in wanted:
        assert item.text_ja.replace(" ", "").replace("\u3000", "") in deficiency


def test_the_policy_may_send_an_agents_letters_to_the_principal(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _agent_case(ctx, staff)
    to_principal = ServiceContext(
        ctx.sessions, replace(ctx.settings, letter_agent_policy="principal"), ctx.clock
    )
    ack = letter_text(letters.render_case_letter(to_principal, case_id, LetterKind.ACKNOWLEDGEMENT))
    assert ack.index("山田太郎様") < ack.index("拝啓")
    assert "佐藤弁護様（任意代理人（弁護士））が山田太郎様の代理人としてなさったご請求" in ack


def test_an_agents_case_without_the_agent_cannot_be_addressed(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _agent_case(ctx, staff, None)
    with pytest.raises(letters.AgentMissing):
        letters.render_case_letter(ctx, case_id, LetterKind.ACKNOWLEDGEMENT)


def test_intake_checks_the_agent(ctx: ServiceContext, staff: Staff) -> None:
    with pytest.raises(InvalidInput, match="An agent cannot be recorded"):
        cases.log_envelope(ctx, staff.clerk, envelope(agent=AGENT))
    no_relationship = replace(AGENT, relationship=" ")
    with pytest.raises(InvalidInput, match="relationship to the principal"):
        cases.log_envelope(
            ctx,
            staff.clerk,
            envelope(requester_type=RequesterType.LEGAL_REPRESENTATIVE, agent=no_relationship),
        )


def _english(ctx: ServiceContext, **overrides: str) -> ServiceContext:
    english = {
        "letter_language": "en",
        "company_name_en": "Mihon Shoji Co., Ltd.",
        "company_department_en": "Customer Relations",
        "company_address_en": "1-2-3 Marunouchi, Chiyoda-ku, Tokyo",
        "complaint_contact_en": "our Customer Relations desk (0120-555-123)",
    }
    settings = replace(ctx.settings, **{**english, **overrides})
    return ServiceContext(ctx.sessions, settings, ctx.clock)


def test_an_english_letter_has_the_english_letterhead_and_the_romanised_name(
    ctx: ServiceContext, staff: Staff
) -> None:
    data = envelope(sender_name="髙﨑 美咲", sender_kana="タカサキ ミサキ")
    case_id = cases.log_envelope(ctx, staff.clerk, data).case_id

    text = letter_text(
        letters.render_case_letter(_english(ctx), case_id, LetterKind.ACKNOWLEDGEMENT)
    )

    assert "DearTAKASAKIMisaki," in text
    assert "Dear髙﨑" not in text
    assert "MihonShojiCo.,Ltd." in text
    assert "1-2-3Marunouchi,Chiyoda-ku,Tokyo" in text
    assert "株式会社見本商事" not in text
    assert "丸の内" not in text


def test_an_english_letter_without_a_reading_greets_no_one_by_kanji(
    ctx: ServiceContext, staff: Staff
) -> None:
    data = envelope(sender_name="髙﨑 美咲", sender_kana="")
    case_id = cases.log_envelope(ctx, staff.clerk, data).case_id
    text = letter_text(
        letters.render_case_letter(_english(ctx), case_id, LetterKind.ACKNOWLEDGEMENT)
    )
    assert "DearSirorMadam," in text
    assert "Dear髙﨑" not in text


def test_no_english_letter_without_the_english_letterhead(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    with pytest.raises(letters.LetterheadMissing) as raised:
        letters.render_case_letter(
            _english(ctx, complaint_contact_en=""), case_id, LetterKind.ACKNOWLEDGEMENT
        )
    assert "苦情の申出先（英語）" in raised.value.message("ja")
    assert "complaint_contact_en" in raised.value.message("en")
    # A Japanese letter does not need the English letterhead.
    letters.render_case_letter(ctx, case_id, LetterKind.ACKNOWLEDGEMENT)
