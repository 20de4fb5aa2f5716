"""Checks of the application form (開示等請求書): received, complete and signed."""

from __future__ import annotations

from desktop.domain import reasons
from desktop.domain.verification.evidence import CaseEvidence
from desktop.domain.verification.findings import Deficiency, EvidenceRef, Finding, Severity, Source

FORM = Deficiency(
    "form",
    "当社所定の開示等請求書（ご記入・ご署名のうえ）",
    "Our request form, filled in and signed",
)
SIGNATURE = Deficiency(
    "form_signature",
    "請求書へのご署名（記名押印）",
    "Your signature (or name and seal) on the request form",
)


def form_findings(evidence: CaseEvidence) -> list[Finding]:
    """The form is there, has every required item, and is signed."""
    form = evidence.form
    if form is None:
        return [
            Finding(
                "form_received",
                Severity.BLOCKING,
                "請求書",
                "Request form",
                "当社所定の請求書が同封されていません。",
                "Our request form was not enclosed.",
                reason_code=reasons.FORM_DEFECT,
                deficiency=FORM,
            )  # fmt: skip
        ]
    refs = (EvidenceRef(Source.FORM, form.document_id, form.page_no),)
    return [_complete(form.complete, form.missing_items, refs), _signed(form.signed, refs)]


def _complete(
    complete: bool | None, missing: tuple[str, ...], refs: tuple[EvidenceRef, ...]
) -> Finding:
    title = ("請求書の記載", "Form filled in")
    if missing or complete is False:
        items_ja = "、".join(missing) if missing else "記載漏れ"
        return Finding(
            "form_complete", Severity.BLOCKING, *title,
            f"請求書に記載のない項目があります（{items_ja}）。",
            "Items on the form are left blank" + (f" ({', '.join(missing)})." if missing else "."),
            evidence=refs,
            reason_code=reasons.FORM_DEFECT,
            deficiency=Deficiency(
                "form_items",
                f"請求書の記載漏れの補記（{items_ja}）",
                "The missing items of the request form"
                + (f" ({', '.join(missing)})" if missing else ""),
            ),
        )  # fmt: skip
    if complete is None:
        return Finding(
            "form_complete", Severity.NEEDS_LOOK, *title,
            "請求書の記載漏れがないか確認してください。", "Check that the form is filled in.",
            evidence=refs,
        )  # fmt: skip
    return Finding(
        "form_complete", Severity.OK, *title,
        "必要な項目が記載されています。", "All required items are filled in.", evidence=refs,
    )  # fmt: skip


def _signed(signed: bool | None, refs: tuple[EvidenceRef, ...]) -> Finding:
    title = ("請求書の署名", "Form signed")
    if signed is False:
        return Finding(
            "form_signed", Severity.BLOCKING, *title,
            "請求書に署名（記名押印）がありません。", "The form is not signed.",
            evidence=refs, reason_code=reasons.FORM_DEFECT, deficiency=SIGNATURE,
        )  # fmt: skip
    if signed is None:
        return Finding(
            "form_signed", Severity.NEEDS_LOOK, *title,
            "請求書の署名を確認してください。", "Check that the form is signed.", evidence=refs,
        )  # fmt: skip
    return Finding(
        "form_signed", Severity.OK, *title,
        "署名があります。", "The form is signed.", evidence=refs,
    )  # fmt: skip
