"""Tests of the verification checklist: the cases a clerk meets at the desk, each read as the
clerk reads the checklist (what is blocking, why, and what to ask the requester for)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.domain import reasons
from desktop.domain.documents import DocumentKind
from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.domain.verification import (
    CaseEvidence,
    Comparers,
    DocumentEvidence,
    DocumentSubkind,
    FeeFacts,
    Finding,
    FormFacts,
    Holder,
    RegisteredRecord,
    SealJudgement,
    Severity,
    VerificationPolicy,
    deficiencies,
    overall,
    verify,
)
from desktop.matching.addresses import compare_addresses
from desktop.matching.names import compare_names, romaji_matches_kana

OK, LOOK, BLOCK = Severity.OK, Severity.NEEDS_LOOK, Severity.BLOCKING
COMPARE = Comparers(names=compare_names, addresses=compare_addresses, romaji=romaji_matches_kana)
POLICY = VerificationPolicy()
RECEIVED = date(2026, 11, 20)

NAME, KANA, BIRTH = "山田 太郎", "ヤマダ タロウ", date(1985, 1, 1)
ADDRESS = "東京都新宿区西新宿二丁目8番1号"
ADDRESS_WRITTEN_OTHERWISE = "新宿区西新宿2-8-1"
NEW_ADDRESS = "大阪府大阪市北区梅田一丁目1番1号"
AGENT_NAME, AGENT_ADDRESS = "鈴木 花子", "東京都千代田区丸の内一丁目1番1号"

FORM = FormFacts(
    name=NAME, name_kana=KANA, birth_date=BIRTH, address=ADDRESS, signed=True, complete=True
)
REGISTERED = RegisteredRecord(name=NAME, birth_date=BIRTH, address=ADDRESS_WRITTEN_OTHERWISE)
LICENCE = DocumentEvidence(
    DocumentKind.DRIVERS_LICENSE,
    document_id=1,
    name=NAME,
    birth_date=BIRTH,
    address=ADDRESS,
    expiry_date=date(2028, 2, 1),
)
PAPER_INSURANCE = DocumentEvidence(
    DocumentKind.HEALTH_INSURANCE, document_id=2, name=NAME, birth_date=BIRTH
)
QUALIFICATION = replace(
    PAPER_INSURANCE,
    subkind=DocumentSubkind.QUALIFICATION_CERTIFICATE,
    expiry_date=date(2027, 7, 31),
)
RESIDENCE = DocumentEvidence(
    DocumentKind.RESIDENCE_CERTIFICATE,
    document_id=3,
    name=NAME,
    birth_date=BIRTH,
    address=ADDRESS,
    issued_on=RECEIVED - timedelta(days=30),
)
PASSPORT = DocumentEvidence(
    DocumentKind.PASSPORT,
    document_id=4,
    name="YAMADA TARO",
    birth_date=BIRTH,
    issued_on=date(2021, 6, 1),
    expiry_date=date(2031, 6, 1),
)
AGENT_LICENCE = replace(
    LICENCE, document_id=10, holder=Holder.AGENT, name=AGENT_NAME, birth_date=date(1988, 3, 3),
    address=AGENT_ADDRESS,
)  # fmt: skip
POWER_OF_ATTORNEY = DocumentEvidence(DocumentKind.POWER_OF_ATTORNEY, document_id=11, has_seal=True)
SEAL_CERTIFICATE = DocumentEvidence(
    DocumentKind.SEAL_CERTIFICATE,
    document_id=12,
    name=NAME,
    birth_date=BIRTH,
    address=ADDRESS,
    issued_on=RECEIVED - timedelta(days=20),
)
FEE_PAID = FeeFacts(300, FeeForm.MONEY_ORDER, money_order_issued_on=date(2026, 10, 1))


def case(*documents: DocumentEvidence, **changes: object) -> CaseEvidence:
    """A principal's disclosure request with the usual paperwork, except what `changes` says."""
    base = CaseEvidence(
        requester_type=RequesterType.PRINCIPAL,
        received_on=RECEIVED,
        request_kinds=frozenset({RequestKind.DISCLOSURE}),
        form=FORM,
        registered=REGISTERED,
        documents=documents,
        fee=FEE_PAID,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def appointed(*documents: DocumentEvidence, **changes: object) -> CaseEvidence:
    agent_case: dict[str, object] = {
        "requester_type": RequesterType.APPOINTED_AGENT,
        "form": replace(FORM, agent_name=AGENT_NAME),
        "seal_judgement": SealJudgement.MATCHES,
    }
    return case(*documents, **(agent_case | changes))


def legal_representative(*documents: DocumentEvidence, **changes: object) -> CaseEvidence:
    minor_birth = RECEIVED.replace(year=RECEIVED.year - 16)
    agent_case: dict[str, object] = {
        "requester_type": RequesterType.LEGAL_REPRESENTATIVE,
        "form": replace(FORM, name="山田 一郎", birth_date=minor_birth, agent_name=AGENT_NAME),
        "registered": RegisteredRecord(name="山田 一郎", birth_date=minor_birth, address=ADDRESS),
    }
    return case(*documents, **(agent_case | changes))


FAMILY_REGISTER = DocumentEvidence(
    DocumentKind.FAMILY_REGISTER,
    document_id=20,
    name="山田 一郎",
    birth_date=RECEIVED.replace(year=RECEIVED.year - 16),
    issued_on=RECEIVED - timedelta(days=60),
)


def checklist(evidence: CaseEvidence) -> dict[str, Finding]:
    findings = verify(evidence, POLICY, COMPARE)
    codes = [finding.code for finding in findings]
    assert len(codes) == len(set(codes)), "each check appears once"
    return {finding.code: finding for finding in findings}


def not_ok(evidence: CaseEvidence) -> dict[str, Severity]:
    return {code: f.severity for code, f in checklist(evidence).items() if f.severity is not OK}


# --- Scenarios: what is flagged, and nothing else --------------------------------------------

SCENARIOS: list[tuple[str, CaseEvidence, dict[str, Severity]]] = [
    ("valid licence, addresses agree", case(LICENCE), {}),
    ("expired licence", case(replace(LICENCE, expiry_date=RECEIVED - timedelta(days=1))),
     {"id_unexpired": BLOCK}),
    ("licence valid through the day of receipt", case(replace(LICENCE, expiry_date=RECEIVED)), {}),
    ("paper insurance card only", case(PAPER_INSURANCE),
     {"id_kind": BLOCK, "id_unexpired": BLOCK, "address_form_vs_id": LOOK}),
    ("eligibility certificate + residence certificate", case(QUALIFICATION, RESIDENCE), {}),
    ("paper card + residence certificate before the cards expired",
     case(PAPER_INSURANCE, replace(RESIDENCE, issued_on=date(2025, 10, 1)),
          received_on=date(2025, 11, 1),
          fee=replace(FEE_PAID, money_order_issued_on=date(2025, 10, 1))), {}),
    ("two pages of the same kind count once",
     case(RESIDENCE, replace(RESIDENCE, document_id=5, page_no=2)), {"id_kind": BLOCK}),
    ("passport only", case(PASSPORT), {"passport_address": BLOCK}),
    ("passport + residence certificate", case(PASSPORT, RESIDENCE), {}),
    ("old passport with an address", case(replace(PASSPORT, issued_on=date(2018, 5, 1),
                                                  address=ADDRESS)), {}),
    ("passport name not the form's reading",
     case(replace(PASSPORT, name="SATO JIRO"), RESIDENCE), {"name_form_vs_id": BLOCK}),
    ("residence certificate too old to count",
     case(QUALIFICATION, replace(RESIDENCE, issued_on=RECEIVED - timedelta(days=91))),
     {"id_unexpired": BLOCK}),
    ("residence certificate exactly 90 days old",
     case(QUALIFICATION, replace(RESIDENCE, issued_on=RECEIVED - timedelta(days=90))), {}),
    ("expired second photo ID is not needed",
     case(LICENCE, replace(PASSPORT, expiry_date=date(2025, 1, 1))), {}),
    ("someone else's licence", case(replace(LICENCE, name="髙橋 太郎")),
     {"name_form_vs_id": BLOCK}),
    ("birth date on the licence differs", case(replace(LICENCE, birth_date=date(1985, 1, 2))),
     {"birth_date_form_vs_id": BLOCK}),
    ("birth date on the form differs from the registry",
     case(LICENCE, registered=replace(REGISTERED, birth_date=date(1958, 1, 1))),
     {"birth_date_form_vs_registered": BLOCK}),
    ("expiry not read", case(replace(LICENCE, expiry_date=None)), {"id_unexpired": LOOK}),
    ("My Number card back received", case(LICENCE, DocumentEvidence(DocumentKind.MYNUMBER_BACK)),
     {"mynumber_back": LOOK}),
    ("no customer linked yet", case(LICENCE, registered=None), {"registered_record": LOOK}),
    ("no such customer in the registry",
     case(LICENCE, registered=None, no_registered_record=True), {"registered_record": LOOK}),
    ("no ID at all", case(), {"id_present": BLOCK}),
    ("correction only, no fee", case(LICENCE, request_kinds=frozenset({RequestKind.CORRECTION}),
                                     fee=FeeFacts()), {}),
    ("fee sent with a correction request",
     case(LICENCE, request_kinds=frozenset({RequestKind.CORRECTION})), {"fee": LOOK}),
    ("fee short for a disclosure", case(LICENCE, fee=FeeFacts(200, FeeForm.STAMPS)),
     {"fee": BLOCK}),
    ("no fee for a disclosure", case(LICENCE, fee=FeeFacts()), {"fee": BLOCK}),
    ("money order older than 6 months",
     case(LICENCE, fee=replace(FEE_PAID, money_order_issued_on=date(2026, 5, 20))),
     {"money_order_valid": BLOCK}),
    ("money order on its last valid day",
     case(LICENCE, fee=replace(FEE_PAID, money_order_issued_on=date(2026, 5, 21))), {}),
    ("form unsigned", case(LICENCE, form=replace(FORM, signed=False)), {"form_signed": BLOCK}),
    ("form with blanks", case(LICENCE, form=replace(FORM, missing_items=("電話番号",))),
     {"form_complete": BLOCK}),
    ("no form", case(LICENCE, form=None),
     {"form_received": BLOCK, "name_form_vs_id": LOOK, "name_form_vs_registered": LOOK,
      "birth_date_form_vs_id": LOOK, "birth_date_form_vs_registered": LOOK,
      "address_form_vs_id": LOOK, "address_form_vs_registered": LOOK}),
    ("appointed agent with all papers", appointed(AGENT_LICENCE, POWER_OF_ATTORNEY,
                                                  SEAL_CERTIFICATE), {}),
    ("appointed agent without a power of attorney",
     appointed(AGENT_LICENCE, SEAL_CERTIFICATE), {"power_of_attorney": BLOCK, "seal_match": LOOK}),
    ("appointed agent with a 4-month-old seal certificate",
     appointed(AGENT_LICENCE, POWER_OF_ATTORNEY,
               replace(SEAL_CERTIFICATE, issued_on=RECEIVED - timedelta(days=122))),
     {"seal_certificate": BLOCK}),
    ("seal judged not matching", appointed(AGENT_LICENCE, POWER_OF_ATTORNEY, SEAL_CERTIFICATE,
                                           seal_judgement=SealJudgement.DOES_NOT_MATCH),
     {"seal_match": BLOCK}),
    ("seal not judged yet", appointed(AGENT_LICENCE, POWER_OF_ATTORNEY, SEAL_CERTIFICATE,
                                      seal_judgement=None), {"seal_match": LOOK}),
    ("seal cannot be told", appointed(AGENT_LICENCE, POWER_OF_ATTORNEY, SEAL_CERTIFICATE,
                                      seal_judgement=SealJudgement.CANNOT_TELL),
     {"seal_match": LOOK}),
    ("agent's licence in another name",
     appointed(replace(AGENT_LICENCE, name="佐藤 次郎"), POWER_OF_ATTORNEY, SEAL_CERTIFICATE),
     {"agent_name_form_vs_id": BLOCK}),
    ("agent's passport in romaji",
     appointed(replace(PASSPORT, holder=Holder.AGENT, name="SUZUKI HANAKO", address=AGENT_ADDRESS,
                       issued_on=date(2018, 1, 1)), POWER_OF_ATTORNEY, SEAL_CERTIFICATE),
     {"agent_name_form_vs_id": LOOK}),
    ("agent's expired licence",
     appointed(replace(AGENT_LICENCE, expiry_date=date(2026, 1, 1)), POWER_OF_ATTORNEY,
               SEAL_CERTIFICATE), {"agent_id_unexpired": BLOCK}),
    ("power of attorney without a seal",
     appointed(AGENT_LICENCE, replace(POWER_OF_ATTORNEY, has_seal=False), SEAL_CERTIFICATE),
     {"power_of_attorney": BLOCK}),
    ("no seal certificate",
     appointed(AGENT_LICENCE, POWER_OF_ATTORNEY),
     {"seal_certificate": BLOCK, "seal_match": LOOK}),
    ("appointed agent without own ID", appointed(POWER_OF_ATTORNEY, SEAL_CERTIFICATE),
     {"agent_id_present": BLOCK}),
    ("parent of a 16-year-old with a family register",
     legal_representative(FAMILY_REGISTER, AGENT_LICENCE), {}),
    ("parent without proof of the relationship", legal_representative(AGENT_LICENCE),
     {"legal_representative_proof": BLOCK}),
    ("parent with a stale family register",
     legal_representative(replace(FAMILY_REGISTER, issued_on=RECEIVED - timedelta(days=200)),
                          AGENT_LICENCE),
     {"legal_representative_proof": BLOCK}),
]  # fmt: skip


def child_born(birth: date) -> CaseEvidence:
    """A parent's request with a family register, for a child born on `birth`."""
    return legal_representative(
        replace(FAMILY_REGISTER, birth_date=birth),
        AGENT_LICENCE,
        form=replace(FORM, name="山田 一郎", birth_date=birth, agent_name=AGENT_NAME),
        registered=RegisteredRecord(name="山田 一郎", birth_date=birth, address=ADDRESS),
    )


@pytest.mark.parametrize(
    ("days_to_18th_birthday", "severity"),
    [
        pytest.param(2, OK, id="17 on the day of receipt"),
        # By law one turns 18 at the end of the day before the birthday.
        pytest.param(1, BLOCK, id="18th birthday the day after receipt"),
        pytest.param(0, BLOCK, id="18th birthday on the day of receipt"),
    ],
)
def test_parent_represents_only_a_minor(days_to_18th_birthday: int, severity: Severity) -> None:
    birthday = RECEIVED + timedelta(days=days_to_18th_birthday)
    finding = checklist(child_born(birthday.replace(year=birthday.year - 18)))
    assert finding["legal_representative_proof"].severity is severity
    assert overall(finding.values()) is severity


@pytest.mark.parametrize(
    ("evidence", "flagged"),
    [pytest.param(evidence, flagged, id=name) for name, evidence, flagged in SCENARIOS],
)
def test_scenario(evidence: CaseEvidence, flagged: dict[str, Severity]) -> None:
    assert not_ok(evidence) == flagged
    assert overall(verify(evidence, POLICY, COMPARE)) == max(
        flagged.values(), key=lambda s: s.rank, default=OK
    )


def test_all_ok_case_shows_every_check_in_reading_order() -> None:
    codes = list(checklist(case(LICENCE)))
    assert codes == [
        "id_present", "id_kind", "id_unexpired", "mynumber_back", "registered_record",
        "name_form_vs_id", "name_form_vs_registered",
        "birth_date_form_vs_id", "birth_date_form_vs_registered",
        "address_form_vs_id", "address_form_vs_registered",
        "fee", "money_order_valid", "form_complete", "form_signed",
    ]  # fmt: skip


def test_appointed_agent_checks_come_after_the_particulars_and_before_the_fee() -> None:
    codes = list(checklist(appointed(AGENT_LICENCE, POWER_OF_ATTORNEY, SEAL_CERTIFICATE)))
    assert codes.index("address_form_vs_registered") < codes.index("agent_id_present")
    assert codes.index("power_of_attorney") < codes.index("seal_certificate")
    assert codes.index("seal_match") < codes.index("fee") < codes.index("form_signed")
    assert "id_present" not in codes  # the agent's ID stands in for the principal's


def test_blocking_findings_carry_a_reason_or_something_to_ask_for() -> None:
    for _, evidence, _ in SCENARIOS:
        for finding in verify(evidence, POLICY, COMPARE):
            if finding.severity is BLOCK:
                assert finding.reason_code or finding.deficiency, finding.code
            assert all((finding.title_ja, finding.title_en, finding.detail_ja, finding.detail_en))
            if finding.reason_code:
                assert finding.reason_code in {r.code for r in reasons.SEED_REASONS}


def test_expired_licence_asks_for_a_valid_id() -> None:
    found = checklist(case(replace(LICENCE, expiry_date=date(2026, 11, 1))))["id_unexpired"]
    assert found.reason_code == reasons.IDENTITY_UNCONFIRMED
    assert found.deficiency is not None
    assert found.deficiency.text_ja == "有効期限内の本人確認書類の写し"
    assert "identity document" in found.deficiency.text_en


def test_paper_insurance_card_received_now_is_expired_even_without_a_date() -> None:
    found = checklist(case(PAPER_INSURANCE, RESIDENCE))
    assert found["id_unexpired"].severity is BLOCK
    assert "健康保険証" in found["id_unexpired"].detail_ja


def test_passport_without_address_asks_for_an_address_document() -> None:
    found = checklist(case(PASSPORT))["passport_address"]
    assert found.deficiency is not None
    assert found.deficiency.text_ja == "住所の確認できる書類（住民票の写し等）"


def test_address_differing_from_the_registry_lists_the_components() -> None:
    found = checklist(
        case(replace(LICENCE, address=NEW_ADDRESS), form=replace(FORM, address=NEW_ADDRESS))
    )
    finding = found["address_form_vs_registered"]
    assert finding.severity is BLOCK
    assert finding.reason_code == reasons.IDENTITY_UNCONFIRMED
    components = {component: (a, b) for component, a, b in finding.differences}
    assert components["prefecture"] == ("大阪府", "東京都")
    assert {"municipality", "town"} <= set(components)
    assert finding.deficiency is not None
    assert "戸籍の附票" in finding.deficiency.text_ja
    assert found["address_form_vs_id"].severity is OK


def test_move_confirmed_by_the_previous_address_on_the_residence_certificate() -> None:
    moved = replace(RESIDENCE, address=NEW_ADDRESS, previous_addresses=(ADDRESS,))
    found = checklist(case(QUALIFICATION, moved, form=replace(FORM, address=NEW_ADDRESS)))
    finding = found["address_form_vs_registered"]
    assert finding.severity is LOOK
    assert "前住所" in finding.detail_ja
    assert finding.detail_en.startswith("Moved; the registered address is confirmed")
    assert finding.differences  # the clerk still sees what changed
    assert overall(found.values()) is LOOK


def test_move_confirmed_by_the_family_register_address_history() -> None:
    history = DocumentEvidence(
        DocumentKind.FAMILY_REGISTER,
        subkind=DocumentSubkind.ADDRESS_HISTORY,
        address=NEW_ADDRESS,
        previous_addresses=("東京都中野区中野四丁目1番1号", ADDRESS_WRITTEN_OTHERWISE),
        issued_on=RECEIVED - timedelta(days=10),
    )
    licence = replace(LICENCE, address=NEW_ADDRESS)
    found = checklist(case(licence, history, form=replace(FORM, address=NEW_ADDRESS)))
    assert found["address_form_vs_registered"].severity is LOOK
    assert "戸籍の附票" in found["address_form_vs_registered"].detail_ja


def test_previous_address_elsewhere_does_not_confirm_the_move() -> None:
    moved = replace(
        RESIDENCE, address=NEW_ADDRESS, previous_addresses=("東京都中野区中野四丁目1番1号",)
    )
    found = checklist(case(QUALIFICATION, moved, form=replace(FORM, address=NEW_ADDRESS)))
    assert found["address_form_vs_registered"].severity is BLOCK


def test_variant_kanji_between_form_and_registry_needs_a_look() -> None:
    # 髙 is often lost by Shift_JIS systems, so a registry holding 高橋 for a 髙橋 is common;
    # it is not a different person, but 龍/竜-like pairs must be seen by a person: a look.
    found = checklist(
        case(
            replace(LICENCE, name="髙橋 太郎"),
            form=replace(FORM, name="髙橋 太郎"),
            registered=replace(REGISTERED, name="高橋 太郎"),
        )
    )
    finding = found["name_form_vs_registered"]
    assert finding.severity is LOOK
    assert finding.differences == (("name", "髙橋 太郎", "高橋 太郎"),)
    assert found["name_form_vs_id"].severity is OK


def test_different_name_in_registry_asks_for_proof_of_the_change() -> None:
    found = checklist(case(LICENCE, registered=replace(REGISTERED, name="佐藤 太郎")))
    finding = found["name_form_vs_registered"]
    assert finding.severity is BLOCK
    assert finding.deficiency is not None
    assert "戸籍" in finding.deficiency.text_ja


def test_appointed_agent_without_power_of_attorney_is_an_authority_problem() -> None:
    finding = checklist(appointed(AGENT_LICENCE, SEAL_CERTIFICATE))["power_of_attorney"]
    assert finding.reason_code == reasons.AGENT_AUTHORITY_UNCONFIRMED
    assert finding.deficiency is not None
    assert "実印" in finding.deficiency.text_ja


def test_old_seal_certificate_asks_for_a_fresh_one() -> None:
    old = replace(SEAL_CERTIFICATE, issued_on=RECEIVED - timedelta(days=122))
    finding = checklist(appointed(AGENT_LICENCE, POWER_OF_ATTORNEY, old))["seal_certificate"]
    assert finding.deficiency is not None
    assert finding.deficiency.text_ja == "発行後3か月以内の印鑑登録証明書"
    assert finding.reason_code == reasons.AGENT_AUTHORITY_UNCONFIRMED


def test_certificate_age_follows_the_policy() -> None:
    six_months = replace(POLICY, certificate_max_age_days=180)
    old = replace(SEAL_CERTIFICATE, issued_on=RECEIVED - timedelta(days=122))
    evidence = appointed(AGENT_LICENCE, POWER_OF_ATTORNEY, old)
    assert overall(verify(evidence, six_months, COMPARE)) is OK


def test_certificate_age_counts_to_the_day_of_receipt_not_today() -> None:
    # Received in time, looked at months later: still fine.
    evidence = appointed(
        AGENT_LICENCE,
        POWER_OF_ATTORNEY,
        replace(SEAL_CERTIFICATE, issued_on=date(2024, 1, 10)),
        received_on=date(2024, 2, 1),
        fee=replace(FEE_PAID, money_order_issued_on=date(2024, 1, 5)),
    )
    assert checklist(evidence)["seal_certificate"].severity is OK


def test_adult_ward_needs_the_guardianship_certificate() -> None:
    adult = legal_representative(
        FAMILY_REGISTER, AGENT_LICENCE, form=replace(FORM, agent_name=AGENT_NAME)
    )
    adult = replace(adult, registered=REGISTERED, documents=(AGENT_LICENCE,))
    finding = checklist(adult)["legal_representative_proof"]
    assert finding.severity is BLOCK
    assert finding.deficiency is not None
    assert "登記事項証明書" in finding.deficiency.text_ja
    guardianship = DocumentEvidence(
        DocumentKind.OTHER,
        subkind=DocumentSubkind.GUARDIANSHIP_REGISTRATION,
        issued_on=RECEIVED - timedelta(days=5),
    )
    with_certificate = replace(adult, documents=(AGENT_LICENCE, guardianship))
    assert checklist(with_certificate)["legal_representative_proof"].severity is OK


def test_fee_shortfall_is_stated_in_yen() -> None:
    finding = checklist(case(LICENCE, fee=FeeFacts(200, FeeForm.STAMPS)))["fee"]
    assert finding.deficiency is not None
    assert finding.deficiency.text_ja == "手数料の不足分 100円"
    assert finding.deficiency.text_en == "The missing fee of 100 yen"


def test_fee_follows_the_policy() -> None:
    evidence = case(LICENCE, fee=replace(FEE_PAID, amount_enclosed=500))
    finding = verify(evidence, replace(POLICY, fee_yen=1000), COMPARE)
    shortfall = [f.deficiency for f in finding if f.code == "fee"]
    assert shortfall[0] is not None
    assert shortfall[0].text_ja == "手数料の不足分 500円"


def test_return_postage_when_the_company_asks_for_it() -> None:
    policy = replace(POLICY, return_postage_required=True)
    missing = case(LICENCE, fee=replace(FEE_PAID, return_postage_enclosed=False))
    enclosed = case(LICENCE, fee=replace(FEE_PAID, return_postage_enclosed=True))
    assert {f.code: f.severity for f in verify(missing, policy, COMPARE)}["return_postage"] is BLOCK
    assert overall(verify(enclosed, policy, COMPARE)) is OK


def test_unsigned_form_is_a_form_defect() -> None:
    finding = checklist(case(LICENCE, form=replace(FORM, signed=False)))["form_signed"]
    assert finding.reason_code == reasons.FORM_DEFECT


def test_deficiencies_for_the_letter_are_listed_once() -> None:
    evidence = case(
        replace(LICENCE, expiry_date=date(2026, 1, 1)),
        fee=FeeFacts(100, FeeForm.STAMPS),
        form=replace(FORM, signed=False),
    )
    wanted = deficiencies(verify(evidence, POLICY, COMPARE))
    assert [d.text_ja for d in wanted] == [
        "有効期限内の本人確認書類の写し",
        "手数料の不足分 200円",
        "請求書へのご署名（記名押印）",
    ]


def test_my_number_back_is_never_blocking_by_itself() -> None:
    back = DocumentEvidence(DocumentKind.MYNUMBER_BACK, document_id=9, page_no=2)
    finding = checklist(case(LICENCE, back))["mynumber_back"]
    assert finding.severity is LOOK
    assert "マスキング" in finding.detail_ja
    assert [(ref.document_id, ref.page_no) for ref in finding.evidence] == [(9, 2)]


def test_agent_id_problems_are_authority_problems() -> None:
    expired = replace(AGENT_LICENCE, expiry_date=date(2026, 1, 1))
    found = checklist(appointed(expired, POWER_OF_ATTORNEY, SEAL_CERTIFICATE))
    finding = found["agent_id_unexpired"]
    assert finding.reason_code == reasons.AGENT_AUTHORITY_UNCONFIRMED
    assert finding.title_ja.startswith("代理人の")


def test_no_customer_found_suggests_no_retained_data() -> None:
    finding = checklist(case(LICENCE, registered=None, no_registered_record=True))
    assert finding["registered_record"].reason_code == reasons.NOT_RETAINED_DATA
    assert "name_form_vs_registered" not in finding


def test_stale_residence_certificate_asks_for_a_fresh_one() -> None:
    old = replace(RESIDENCE, issued_on=RECEIVED - timedelta(days=91))
    finding = checklist(case(QUALIFICATION, old))["id_unexpired"]
    assert finding.deficiency is not None
    assert finding.deficiency.text_ja == "発行後3か月以内の住民票の写し"
    assert "3か月を超えて" in finding.detail_ja
