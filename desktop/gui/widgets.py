"""Small layout helpers shared by the Designer-based dialogs and panels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QWidget

from desktop.domain.requests import RequestKind


def align_form_labels(*forms: QFormLayout) -> None:
    """Give the label columns of several forms one width, so their fields line up."""
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                labels.append(widget)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
        if isinstance(label, QLabel):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


# Object names of the request-kind check boxes, the same in every Designer form that has them.
_KIND_CHECK_NAMES: dict[RequestKind, str] = {
    RequestKind.PURPOSE_NOTICE: "purposeCheck",
    RequestKind.DISCLOSURE: "disclosureCheck",
    RequestKind.THIRD_PARTY_RECORDS: "thirdPartyRecordsCheck",
    RequestKind.CORRECTION: "correctionCheck",
    RequestKind.SUSPENSION: "suspensionCheck",
    RequestKind.THIRD_PARTY_SUSPENSION: "thirdPartySuspensionCheck",
}


def request_kind_checks(ui: object) -> dict[RequestKind, QCheckBox]:
    """The request-kind check boxes of a compiled form, by kind."""
    checks = {kind: getattr(ui, name) for kind, name in _KIND_CHECK_NAMES.items()}
    assert all(isinstance(c, QCheckBox) for c in checks.values())
    return checks
