"""Tests of the clerk's overrides and of properties every checklist keeps, whatever was read."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.documents import DocumentKind
from desktop.domain.errors import InvalidInput
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
    Override,
    RegisteredRecord,
    SealJudgement,
    Severity,
    VerificationPolicy,
    apply_overrides,
    deficiencies,
    overall,
    verify,
)
from desktop.matching.addresses import compare_addresses
from desktop.matching.names import compare_names, romaji_matches_kana

COMPARE = Comparers(names=compare_names, addresses=compare_addresses, romaji=romaji_matches_kana)
POLICY = VerificationPolicy()

# The checklist as a clerk reads it, top-down; every finding code has its place here.
READING_ORDER = [
    "id_present", "id_kind", "id_unexpired", "passport_address", "mynumber_back",
    "registered_record", "name_form_vs_id", "name_form_vs_registered",
    "birth_date_form_vs_id", "birth_date_form_vs_registered",
    "address_form_vs_id", "address_form_vs_registered",
    "agent_id_present", "agent_id_kind", "agent_id_unexpired", "agent_passport_address",
    "agent_name_form_vs_id", "legal_representative_proof", "power_of_attorney",
    "seal_certificate", "seal_match",
    "fee", "money_order_valid", "return_postage",
    "form_received", "form_complete", "form_signed",
]  # fmt: skip

NAMES = ["山田 太郎", "髙橋 太郎", "高橋 太郎", "YAMADA TARO", "ヤマダ タロウ", "", "〓田 太郎"]
ADDRESSES = [
    "東京都新宿区西新宿二丁目8番1号",
    "新宿区西新宿2-8-1",
    "大阪府大阪市北区梅田一丁目1番1号",
    "西新宿",
    "",
]
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2040, 12, 31))


def maybe(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


documents = st.builds(
    DocumentEvidence,
    kind=st.sampled_from(DocumentKind),
    page_no=st.integers(1, 3),
    document_id=maybe(st.integers(1, 5)),
    holder=st.sampled_from(Holder),
    subkind=maybe(st.sampled_from(DocumentSubkind)),
    name=maybe(st.sampled_from(NAMES)),
    name_kana=maybe(st.sampled_from(NAMES)),
    address=maybe(st.sampled_from(ADDRESSES)),
    birth_date=maybe(dates),
    expiry_date=maybe(dates),
    issued_on=maybe(dates),
    previous_addresses=st.lists(st.sampled_from(ADDRESSES), max_size=2).map(tuple),
    shows_relationship=maybe(st.booleans()),
    has_seal=maybe(st.booleans()),
)
forms = st.builds(
    FormFacts,
    name=maybe(st.sampled_from(NAMES)),
    name_kana=maybe(st.sampled_from(NAMES)),
    birth_date=maybe(dates),
    address=maybe(st.sampled_from(ADDRESSES)),
    signed=maybe(st.booleans()),
    complete=maybe(st.booleans()),
    missing_items=st.lists(st.sampled_from(["氏名", "電話番号"]), max_size=2).map(tuple),
    agent_name=maybe(st.sampled_from(NAMES)),
)
registered = st.builds(
    RegisteredRecord,
    name=maybe(st.sampled_from(NAMES)),
    birth_date=maybe(dates),
    address=maybe(st.sampled_from(ADDRESSES)),
)
fees = st.builds(
    FeeFacts,
    amount_enclosed=st.integers(0, 2000),
    form=st.sampled_from(FeeForm),
    money_order_issued_on=maybe(dates),
    return_postage_enclosed=maybe(st.booleans()),
)
cases = st.builds(
    CaseEvidence,
    requester_type=st.sampled_from(RequesterType),
    received_on=dates,
    request_kinds=st.frozensets(st.sampled_from(list(RequestKind)), min_size=1),
    form=maybe(forms),
    registered=maybe(registered),
    no_registered_record=st.booleans(),
    documents=st.lists(documents, max_size=5).map(tuple),
    seal_judgement=maybe(st.sampled_from(SealJudgement)),
    fee=fees,
)
policies = st.builds(
    VerificationPolicy,
    fee_yen=st.sampled_from([0, 300, 1000]),
    return_postage_required=st.booleans(),
    certificate_max_age_days=st.sampled_from([90, 180]),
)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(evidence=cases, policy=policies)
def test_any_evidence_gives_a_checklist_in_reading_order(
    evidence: CaseEvidence, policy: VerificationPolicy
) -> None:
    findings = verify(evidence, policy, COMPARE)
    positions = [READING_ORDER.index(finding.code) for finding in findings]
    assert positions == sorted(set(positions))
    assert {"mynumber_back", "registered_record", "fee"} <= {f.code for f in findings}
    for finding in findings:
        if finding.severity is Severity.BLOCKING:
            assert finding.reason_code or finding.deficiency
    assert verify(evidence, policy, COMPARE) == findings


@settings(FAST, max_examples=40)
@given(
    evidence=cases,
    chosen=st.dictionaries(st.sampled_from(READING_ORDER), st.sampled_from(Severity)),
)
def test_overall_is_the_most_serious_effective_severity(
    evidence: CaseEvidence, chosen: dict[str, Severity]
) -> None:
    overrides = {
        code: Override(severity, "原本で確認済み", "clerk1") for code, severity in chosen.items()
    }
    findings = apply_overrides(verify(evidence, POLICY, COMPARE), overrides)
    effective = [f.override.severity if f.override else f.severity for f in findings]
    assert overall(findings) == max(effective, key=lambda s: s.rank, default=Severity.OK)


def _finding(code: str, severity: Severity) -> Finding:
    return Finding(code, severity, "題", "Title", "詳細", "Detail")


@pytest.mark.parametrize("comment", ["", "   ", "\u3000"])
def test_override_without_a_comment_is_refused(comment: str) -> None:
    findings = [_finding("id_unexpired", Severity.BLOCKING)]
    with pytest.raises(InvalidInput) as raised:
        apply_overrides(findings, {"id_unexpired": Override(Severity.OK, comment, "clerk1")})
    assert "コメント" in raised.value.message_ja
    assert "comment" in raised.value.message_en


def test_override_shows_both_severities() -> None:
    expired = CaseEvidence(
        requester_type=RequesterType.PRINCIPAL,
        received_on=date(2026, 11, 20),
        request_kinds=frozenset({RequestKind.CORRECTION}),
        form=FormFacts(signed=True, complete=True),
        documents=(DocumentEvidence(DocumentKind.DRIVERS_LICENSE, expiry_date=date(2026, 11, 19)),),
    )
    override = Override(Severity.OK, "更新後の免許証を窓口で確認", "clerk1")
    findings = apply_overrides(verify(expired, POLICY, COMPARE), {"id_unexpired": override})
    finding = next(f for f in findings if f.code == "id_unexpired")
    assert finding.severity is Severity.BLOCKING
    assert finding.override == override
    assert finding.effective_severity is Severity.OK
    assert deficiencies(findings) == []
    untouched = [f for f in findings if f.code != "id_unexpired"]
    assert all(f.override is None for f in untouched)


def test_override_of_a_check_no_longer_produced_is_left_out() -> None:
    findings = [_finding("fee", Severity.OK)]
    overridden = apply_overrides(
        findings, {"seal_match": Override(Severity.OK, "印影一致を確認", "clerk1")}
    )
    assert overridden == findings


def test_override_can_raise_a_severity() -> None:
    findings = [_finding("fee", Severity.OK), _finding("form_signed", Severity.OK)]
    override = Override(Severity.NEEDS_LOOK, "筆跡が請求書と異なる", "clerk2")
    overridden = apply_overrides(findings, {"form_signed": override})
    assert overall(findings) is Severity.OK
    assert overall(overridden) is Severity.NEEDS_LOOK
