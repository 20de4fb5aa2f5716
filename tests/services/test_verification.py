"""Verifying a case from its pages, its form and the registered record, with the clerk's calls."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.domain.documents import DocumentKind
from desktop.domain.errors import CaseConflict, InvalidInput
from desktop.domain.requests import RequesterType
from desktop.domain.verification import SealJudgement, Severity
from desktop.services import cases, documents, verification
from desktop.services.context import ServiceContext
from desktop.services.customer_search import link_customer
from desktop.services.documents import PageToStore
from desktop.store.db import unit_of_work
from desktop.store.models import Customer
from tests.conftest import Staff, recording_sessions
from tests.factories import envelope
from tests.services.test_documents import _png

REGISTERED_ADDRESS = "東京都新宿区西新宿2-8-1"


def _licence(
    address: str, *, expiry: str = "2029-02-01", holder_name: str = "山田 太郎"
) -> PageToStore:
    def field(value: str | None) -> dict[str, object]:
        return {"value": value, "confidence": 0.9, "box": [10, 10, 100, 30]}

    return PageToStore(
        source_name="licence.png",
        source_page=1,
        dpi=300,
        kind=DocumentKind.DRIVERS_LICENSE,
        kind_confidence=0.95,
        image_data=_png("licence"),
        width=400,
        height=250,
        text="運転免許証",
        fields={
            "name": field(holder_name),
            "address": field(address),
            "birth_date": field("1985-01-01"),
            "expiry_date": field(expiry),
            "number": field("301234567890"),
        },
        extras={},
        masked=[],
        warnings=[],
    )


def _customer(ctx: ServiceContext, address: str = REGISTERED_ADDRESS) -> int:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with unit_of_work(ctx.sessions) as session:
        customer = Customer(
            customer_no="C0001",
            name="山田 太郎",
            name_kana="ヤマダ タロウ",
            birth_date=date(1985, 1, 1),
            postal_code="160-0023",
            address=address,
            phone="03-1234-5678",
            name_key="山田太郎",
            kana_key="ヤマダタロウ",
            address_key="",
            columns={},
            created_at=now,
            updated_at=now,
        )
        session.add(customer)
        session.flush()
        return customer.id


def _case(ctx: ServiceContext, staff: Staff, licence_address: str, **overrides: object) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(**overrides)).case_id
    documents.add_pages(ctx, staff.clerk, case_id, [_licence(licence_address)])
    version = cases.get_case(ctx, case_id).version
    link_customer(ctx, staff.clerk, case_id, version, _customer(ctx))
    return case_id


def _finding(view: verification.VerificationView, code_part: str) -> list[str]:
    return [f.code for f in view.findings if code_part in f.code]


def test_a_principal_whose_papers_agree_has_nothing_blocking(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff, "東京都新宿区西新宿二丁目8番1号")
    view = verification.view(ctx, case_id)
    blocking = [f.code for f in view.findings if f.effective_severity is Severity.BLOCKING]
    assert blocking == []
    assert [s.source for s in view.sides] == ["form", "id", "registered"]
    assert view.differing == frozenset()
    assert set(view.name_verdicts.values()) == {"match"}


def test_an_address_that_differs_from_the_registered_one_blocks_with_its_components(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(
        ctx,
        staff,
        "東京都新宿区西新宿三丁目5番2号",
        sender_address="東京都新宿区西新宿三丁目5番2号",
    )
    view = verification.view(ctx, case_id)
    assert view.overall is Severity.BLOCKING
    blocking = [f for f in view.findings if f.effective_severity is Severity.BLOCKING]
    assert any(f.reason_code == "identity_unconfirmed" for f in blocking)
    assert {"chome", "block", "lot"} <= view.differing
    sides = {s.source: s for s in view.sides}
    assert sides["id"].components["chome"] == "3"
    assert sides["registered"].components["chome"] == "2"


def test_an_override_needs_a_comment_and_is_audited(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(
        ctx,
        staff,
        "東京都新宿区西新宿三丁目5番2号",
        sender_address="東京都新宿区西新宿三丁目5番2号",
    )
    view = verification.view(ctx, case_id)
    code = next(f.code for f in view.findings if f.effective_severity is Severity.BLOCKING)
    with pytest.raises(InvalidInput):
        verification.override_finding(ctx, staff.clerk, case_id, 0, code, Severity.OK, " ")
    verification.override_finding(
        ctx, staff.clerk, case_id, 0, code, Severity.OK, "電話で転居を確認、住民票を追送予定"
    )
    after = verification.view(ctx, case_id)
    overridden = next(f for f in after.findings if f.code == code)
    assert overridden.severity is Severity.BLOCKING
    assert overridden.effective_severity is Severity.OK
    assert overridden.override is not None
    assert overridden.override.by == "clerk"
    with pytest.raises(CaseConflict):
        verification.override_finding(ctx, staff.clerk2, case_id, 0, code, None, "stale copy")


def test_the_seal_judgement_is_part_of_an_appointed_agents_checklist(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(
        ctx, staff, "東京都新宿区西新宿二丁目8番1号", requester_type=RequesterType.APPOINTED_AGENT
    )
    papers = [
        replace(_licence(REGISTERED_ADDRESS), kind=DocumentKind.POWER_OF_ATTORNEY),
        replace(_licence(REGISTERED_ADDRESS), kind=DocumentKind.SEAL_CERTIFICATE),
    ]
    documents.add_pages(ctx, staff.clerk, case_id, papers)
    before = verification.view(ctx, case_id)
    assert _finding(before, "seal_match")
    verification.record_seal_judgement(
        ctx, staff.clerk, case_id, before.version, SealJudgement.DOES_NOT_MATCH
    )
    after = verification.view(ctx, case_id)
    assert after.seal_judgement is SealJudgement.DOES_NOT_MATCH
    (seal,) = [f for f in after.findings if f.code == "seal_match"]
    assert seal.severity is Severity.BLOCKING
    assert seal.deficiency is not None


def test_an_expired_licence_blocks_and_asks_for_a_valid_id(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    documents.add_pages(
        ctx, staff.clerk, case_id, [_licence(REGISTERED_ADDRESS, expiry="2026-10-01")]
    )
    view = verification.view(ctx, case_id)
    expired = [f for f in view.findings if f.effective_severity is Severity.BLOCKING]
    assert any(f.deficiency is not None for f in expired)


def _page_of(sample_kind: str, seed: int, person: object) -> PageToStore:
    import io

    from tests.docgen import generate

    sample = generate(sample_kind, seed, person=person)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    sample.image.save(buffer, format="PNG")
    return PageToStore(
        source_name=f"{sample_kind}.png",
        source_page=1,
        dpi=sample.dpi,
        kind=DocumentKind(sample_kind),
        kind_confidence=1.0,
        image_data=buffer.getvalue(),
        width=sample.image.width,
        height=sample.image.height,
        text="",
        fields={},
        extras={},
        masked=[],
        warnings=[],
    )


def test_the_seals_are_found_and_shown_at_the_same_scale(ctx: ServiceContext, staff: Staff) -> None:
    import io

    from PIL import Image

    from tests.docgen import make_person

    person = make_person(31)
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(requester_type=RequesterType.APPOINTED_AGENT)
    ).case_id
    documents.add_pages(
        ctx,
        staff.clerk,
        case_id,
        [
            _page_of("power_of_attorney", 31, person),
            _page_of("seal_certificate", 32, person),
        ],
    )
    pair = verification.seal_crops(ctx, staff.clerk, case_id)
    assert pair.power_of_attorney is not None
    assert pair.seal_certificate is not None
    with (
        Image.open(io.BytesIO(pair.power_of_attorney)) as left,
        Image.open(io.BytesIO(pair.seal_certificate)) as right,
    ):
        assert left.size == right.size
        red = [
            sum(
                1
                for r, g, b in img.convert("RGB").get_flattened_data()  # type: ignore[misc]
                if r > 150 and g < 110 and b < 110
            )
            for img in (left, right)
        ]
    # The same seal impression at the same scale: about as much red ink in both crops.
    assert min(red) > 0
    assert abs(red[0] - red[1]) / max(red) < 0.25


def test_the_clerks_typed_particulars_outrank_the_forms_ocr_reading(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff, "東京都新宿区西新宿二丁目8番1号")
    form = replace(
        _licence("〒/ 30-11 読み違い"),
        kind=DocumentKind.APPLICATION_FORM,
    )
    documents.add_pages(ctx, staff.clerk, case_id, [form])
    view = verification.view(ctx, case_id)
    (form_side,) = [s for s in view.sides if s.source == "form"]
    assert form_side.address == "東京都新宿区西新宿二丁目8番1号"


def test_seals_are_found_on_pages_that_went_through_ocr(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    """The stored page is the colour scan (masked where needed): the red seal is still there."""
    from desktop.services import scanning
    from tests.docgen import generate, make_person

    person = make_person(33)
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(requester_type=RequesterType.APPOINTED_AGENT)
    ).case_id
    files = []
    for kind, seed in (("power_of_attorney", 33), ("seal_certificate", 34)):
        sample = generate(kind, seed, person=person, degrade=("skew",))
        path = tmp_path / f"{kind}.png"
        sample.image.save(path, dpi=(sample.dpi, sample.dpi))
        files.append(path)
    scanning.scan_into_case(ctx, staff.clerk, case_id, files, workers=1)
    pair = verification.seal_crops(ctx, staff.clerk, case_id)
    assert pair.power_of_attorney is not None
    assert pair.seal_certificate is not None


def test_an_override_reads_the_checklist_and_writes_in_one_transaction(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(
        ctx,
        staff,
        "東京都新宿区西新宿三丁目5番2号",
        sender_address="東京都新宿区西新宿三丁目5番2号",
    )
    view = verification.view(ctx, case_id)
    code = next(f.code for f in view.findings if f.effective_severity is Severity.BLOCKING)
    counted, opened = recording_sessions(ctx)
    verification.override_finding(counted, staff.clerk, case_id, 0, code, Severity.OK, "確認済み")
    assert len(opened) == 1
    assert verification.view(ctx, case_id).version == 1
