"""Checks that the principal's name, birth date and address agree across the form, the enclosed
documents and the customer registry (登録情報)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain import reasons
from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.verification._common import (
    ADDRESS_DOCUMENT,
    PASSPORT_WITHOUT_ADDRESS_SINCE,
    document_ref,
)
from desktop.domain.verification.comparers import AddressDifference, Comparers
from desktop.domain.verification.evidence import (
    CaseEvidence,
    DocumentEvidence,
    DocumentSubkind,
    FormFacts,
    Holder,
    RegisteredRecord,
)
from desktop.domain.verification.findings import (
    Deficiency,
    Difference,
    EvidenceRef,
    Finding,
    Severity,
    Source,
)

MOVED_PROOF = Deficiency(
    "moved_proof",
    "登録住所からの転居が確認できる書類（前住所の記載された住民票の写し、または戸籍の附票）",
    "A document showing your move from the registered address (a residence certificate showing "
    "the previous address, or a family-register address history)",
)
NAME_CHANGE_PROOF = Deficiency(
    "name_change_proof",
    "氏名の変更が確認できる書類（戸籍抄本等）",
    "A document showing the change of name (such as an extract of the family register)",
)
# Papers that carry the principal's particulars (a power of attorney or the form do not count).
_NOT_PARTICULARS = frozenset(
    {DocumentKind.POWER_OF_ATTORNEY, DocumentKind.APPLICATION_FORM, DocumentKind.MYNUMBER_BACK}
)


@dataclass(frozen=True)
class _Outcome:
    severity: Severity
    detail_ja: str
    detail_en: str
    differences: tuple[Difference, ...] = ()
    deficiency: Deficiency | None = None


def registry_finding(evidence: CaseEvidence) -> Finding:
    """Whether the principal was found in the customer registry."""
    title = ("顧客記録", "Customer record")
    if evidence.registered is not None:
        return Finding(
            "registered_record", Severity.OK, *title,
            "登録情報と照合しました。", "Compared with the registered data.",
        )  # fmt: skip
    if evidence.no_registered_record:
        return Finding(
            "registered_record", Severity.NEEDS_LOOK, *title,
            "登録情報に該当する顧客が見つかりません。保有個人データがない可能性があります。",
            "No matching customer is registered; we may hold no data on this person.",
            reason_code=reasons.NOT_RETAINED_DATA,
        )  # fmt: skip
    return Finding(
        "registered_record", Severity.NEEDS_LOOK, *title,
        "顧客がまだ紐付けられていません。登録情報を検索してください。",
        "No customer is linked yet. Search the registry.",
    )  # fmt: skip


def particulars_findings(evidence: CaseEvidence, compare: Comparers) -> list[Finding]:
    """Name, then birth date, then address: each on the form vs documents vs registry."""
    form = evidence.form or FormFacts()
    documents = [
        d
        for d in evidence.documents
        if d.holder is Holder.PRINCIPAL and d.kind not in _NOT_PARTICULARS
    ]
    registered = evidence.registered
    findings: list[Finding] = []
    for field, check_documents, check_registry in (
        (FieldName.NAME, _names_vs_documents, _name_vs_registry),
        (FieldName.BIRTH_DATE, _birth_dates_vs_documents, _birth_date_vs_registry),
        (FieldName.ADDRESS, _addresses_vs_documents, _address_vs_registry),
    ):
        refs = (EvidenceRef(Source.FORM, form.document_id, form.page_no, field),)
        carrying = [d for d in documents if _may_show(d, field)]
        if carrying:
            outcome = check_documents(form, carrying, compare)
            doc_refs = tuple(document_ref(d, field) for d in carrying)
            findings.append(_finding(field, "id", outcome, refs + doc_refs))
        if registered is not None:
            outcome = check_registry(form, registered, documents, compare)
            registry_ref = EvidenceRef(Source.REGISTRY, field=field)
            findings.append(_finding(field, "registered", outcome, (*refs, registry_ref)))
    return findings


def _may_show(document: DocumentEvidence, field: FieldName) -> bool:
    """Whether a document of this kind has the field at all (a 戸籍謄本 shows no address, a
    passport issued since 2020-02-04 neither)."""
    if field is not FieldName.ADDRESS:
        return True
    if document.kind is DocumentKind.FAMILY_REGISTER:
        return document.subkind is DocumentSubkind.ADDRESS_HISTORY
    return document.kind is not DocumentKind.PASSPORT or _address_of(document) is not None


_AGAINST = {"id": ("書類", "documents"), "registered": ("登録情報", "registered data")}


def _finding(
    field: FieldName, against: str, outcome: _Outcome, refs: tuple[EvidenceRef, ...]
) -> Finding:
    other_ja, other_en = _AGAINST[against]
    blocking = outcome.severity is Severity.BLOCKING
    return Finding(
        f"{field}_form_vs_{against}",
        outcome.severity,
        f"{field.label_ja}（請求書と{other_ja}）",
        f"{field.label_en}: form vs {other_en}",
        outcome.detail_ja,
        outcome.detail_en,
        evidence=refs,
        differences=outcome.differences,
        reason_code=reasons.IDENTITY_UNCONFIRMED if blocking else None,
        deficiency=outcome.deficiency,
    )


def _missing_on_form(field: FieldName) -> _Outcome:
    return _Outcome(
        Severity.NEEDS_LOOK,
        f"請求書の{field.label_ja}を読み取れませんでした。",
        f"The {field.label_en.lower()} on the form could not be read.",
    )


def _missing_on_documents(field: FieldName) -> _Outcome:
    return _Outcome(
        Severity.NEEDS_LOOK,
        f"書類の{field.label_ja}を読み取れませんでした。書類で確認してください。",
        f"The {field.label_en.lower()} on the documents could not be read. Check the documents.",
    )


def _not_registered(field: FieldName) -> _Outcome:
    return _Outcome(
        Severity.OK,
        f"登録情報に{field.label_ja}がないため照合していません。",
        f"The registry holds no {field.label_en.lower()}; not compared.",
    )


# --- Names --------------------------------------------------------------------------------------


def _name_verdict(
    form_name: str, form_kana: str | None, document_name: str, compare: Comparers
) -> tuple[str, str]:
    """The verdict and the form's spelling it was compared with (the kana for a passport)."""
    if document_name.isascii():  # a passport or residence card: the name in romaji
        if compare.romaji is None or not form_kana:
            return "unknown", form_kana or form_name
        verdict = "match" if compare.romaji(document_name, form_kana) else "mismatch"
        return verdict, form_kana
    return str(compare.names(form_name, document_name).verdict), form_name


def _name_outcome(
    verdicts: Sequence[tuple[str, Difference]], other_ja: str, other_en: str
) -> _Outcome:
    differences = tuple(diff for verdict, diff in verdicts if verdict != "match")
    seen = {verdict for verdict, _ in verdicts}
    if "mismatch" in seen:
        return _Outcome(
            Severity.BLOCKING,
            f"請求書の氏名と{other_ja}の氏名が一致しません。",
            f"The name on the form differs from the {other_en}.",
            differences,
        )
    if "unknown" in seen:
        return _Outcome(
            Severity.NEEDS_LOOK,
            f"ローマ字の氏名です。請求書のフリガナと{other_ja}を見比べてください。",
            f"The name is in romaji. Compare it with the kana on the form and the {other_en}.",
            differences,
        )
    if "variant" in seen:
        return _Outcome(
            Severity.NEEDS_LOOK,
            f"異体字等の違いのみです（例: 髙/高）。同一人の氏名か{other_ja}で確認してください。",
            f"Only variant characters differ (e.g. 髙/高). Check on the {other_en} that it is the "
            "same name.",
            differences,
        )
    return _Outcome(
        Severity.OK,
        f"請求書と{other_ja}の氏名が一致します。",
        f"The names on the form and {other_en} match.",
    )


def _names_vs_documents(
    form: FormFacts, documents: Sequence[DocumentEvidence], compare: Comparers
) -> _Outcome:
    if not form.name:
        return _missing_on_form(FieldName.NAME)
    names = [d.name for d in documents if d.name]
    if not names:
        return _missing_on_documents(FieldName.NAME)
    verdicts = []
    for name in dict.fromkeys(names):
        verdict, compared = _name_verdict(form.name, form.name_kana, name, compare)
        verdicts.append((verdict, (str(FieldName.NAME), compared, name)))
    return _name_outcome(verdicts, "書類", "documents")


def _name_vs_registry(
    form: FormFacts,
    registered: RegisteredRecord,
    documents: Sequence[DocumentEvidence],
    compare: Comparers,
) -> _Outcome:
    if not registered.name:
        return _not_registered(FieldName.NAME)
    if not form.name:
        return _missing_on_form(FieldName.NAME)
    verdict = str(compare.names(form.name, registered.name).verdict)
    outcome = _name_outcome(
        [(verdict, (str(FieldName.NAME), form.name, registered.name))],
        "登録情報",
        "registered data",
    )
    if outcome.severity is Severity.BLOCKING:
        return _Outcome(
            outcome.severity, outcome.detail_ja, outcome.detail_en, outcome.differences,
            NAME_CHANGE_PROOF,
        )  # fmt: skip
    return outcome


# --- Birth dates --------------------------------------------------------------------------------


def _birth_outcome(
    form_date: date, others: Sequence[date], other_ja: str, other_en: str
) -> _Outcome:
    differing = tuple(
        (str(FieldName.BIRTH_DATE), form_date.isoformat(), other.isoformat())
        for other in dict.fromkeys(others)
        if other != form_date
    )
    if differing:
        return _Outcome(
            Severity.BLOCKING,
            f"請求書の生年月日と{other_ja}の生年月日が一致しません。",
            f"The date of birth on the form differs from the {other_en}.",
            differing,
        )
    return _Outcome(
        Severity.OK,
        f"請求書と{other_ja}の生年月日が一致します。",
        f"The dates of birth on the form and {other_en} match.",
    )


def _birth_dates_vs_documents(
    form: FormFacts, documents: Sequence[DocumentEvidence], compare: Comparers
) -> _Outcome:
    if form.birth_date is None:
        return _missing_on_form(FieldName.BIRTH_DATE)
    dates = [d.birth_date for d in documents if d.birth_date is not None]
    if not dates:
        return _missing_on_documents(FieldName.BIRTH_DATE)
    return _birth_outcome(form.birth_date, dates, "書類", "documents")


def _birth_date_vs_registry(
    form: FormFacts,
    registered: RegisteredRecord,
    documents: Sequence[DocumentEvidence],
    compare: Comparers,
) -> _Outcome:
    if registered.birth_date is None:
        return _not_registered(FieldName.BIRTH_DATE)
    if form.birth_date is None:
        return _missing_on_form(FieldName.BIRTH_DATE)
    return _birth_outcome(form.birth_date, [registered.birth_date], "登録情報", "registered data")


# --- Addresses ----------------------------------------------------------------------------------


def _address_of(document: DocumentEvidence) -> str | None:
    """The address a document vouches for (a new passport shows none; an old one, handwritten)."""
    if document.kind is DocumentKind.PASSPORT and (
        document.issued_on is None or document.issued_on >= PASSPORT_WITHOUT_ADDRESS_SINCE
    ):
        return None
    return document.address or None


def _differences(found: Sequence[AddressDifference]) -> tuple[Difference, ...]:
    return tuple((str(d.component), d.a, d.b) for d in found)


def _addresses_vs_documents(
    form: FormFacts, documents: Sequence[DocumentEvidence], compare: Comparers
) -> _Outcome:
    if not form.address:
        return _missing_on_form(FieldName.ADDRESS)
    addressed = [(d, address) for d in documents if (address := _address_of(d))]
    if not addressed:
        return _missing_on_documents(FieldName.ADDRESS)
    checks = [compare.addresses(form.address, address) for _, address in addressed]
    verdicts = {str(check.verdict) for check in checks}
    differences = tuple(
        diff
        for check in checks
        if check.verdict != "match"
        for diff in _differences(check.differences)
    )
    if "match" in verdicts and verdicts == {"match"}:
        return _Outcome(
            Severity.OK,
            "請求書と書類の住所が一致します。",
            "The addresses on the form and documents match.",
        )
    if "match" in verdicts:
        return _Outcome(
            Severity.NEEDS_LOOK,
            "請求書の住所は一部の書類と一致しますが、住所の異なる書類があります"
            "（運転免許証の裏面の記載等を確認してください）。",
            "The form's address matches some documents but not all (check, for example, the back "
            "of the driver's licence).",
            differences,
        )
    if "partial" in verdicts:
        return _Outcome(
            Severity.NEEDS_LOOK,
            "請求書と書類の住所は矛盾しませんが、一方にしか記載のない部分があります。",
            "The addresses do not conflict, but one side leaves out part of it.",
            differences,
        )
    return _Outcome(
        Severity.BLOCKING,
        "請求書の住所と書類の住所が一致しません。",
        "The address on the form differs from the documents.",
        differences,
        ADDRESS_DOCUMENT,
    )


def _address_vs_registry(
    form: FormFacts,
    registered: RegisteredRecord,
    documents: Sequence[DocumentEvidence],
    compare: Comparers,
) -> _Outcome:
    if not registered.address:
        return _not_registered(FieldName.ADDRESS)
    if not form.address:
        return _missing_on_form(FieldName.ADDRESS)
    check = compare.addresses(form.address, registered.address)
    differences = _differences(check.differences)
    if check.verdict == "match":
        return _Outcome(
            Severity.OK,
            "請求書の住所と登録住所が一致します。",
            "The address on the form matches the registered address.",
        )
    if check.verdict == "partial":
        return _Outcome(
            Severity.NEEDS_LOOK,
            "請求書の住所と登録住所は矛盾しませんが、一方にしか記載のない部分があります。",
            "The form and registered addresses do not conflict, but one leaves out part of it.",
            differences,
        )
    proof = _move_proof(form.address, registered.address, documents, compare)
    if proof is not None:
        # The reply goes to the new address while the registry holds the old one: a clerk
        # decides whether to update the registered address first.
        return _Outcome(
            Severity.NEEDS_LOOK,
            f"転居されています。登録住所は{proof.label_ja}の前住所として確認できました。",
            f"Moved; the registered address is confirmed as the former address on the "
            f"{proof.label_en.lower()}.",
            differences,
        )
    return _Outcome(
        Severity.BLOCKING,
        "請求書の住所が登録住所と一致しません。",
        "The address on the form differs from the registered address.",
        differences,
        MOVED_PROOF,
    )


def _move_proof(
    form_address: str,
    registered_address: str,
    documents: Sequence[DocumentEvidence],
    compare: Comparers,
) -> DocumentEvidence | None:
    """A 住民票 or 戸籍の附票 whose former addresses include the registered one and whose
    current address (when read) is the one on the form."""
    for document in documents:
        history = document.kind is DocumentKind.RESIDENCE_CERTIFICATE or (
            document.subkind is DocumentSubkind.ADDRESS_HISTORY
        )
        if not history:
            continue
        if (
            document.address
            and compare.addresses(form_address, document.address).verdict == "mismatch"
        ):
            continue
        if any(
            compare.addresses(registered_address, former).verdict == "match"
            for former in document.previous_addresses
        ):
            return document
    return None
