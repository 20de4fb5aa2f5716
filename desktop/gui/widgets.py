"""Small layout helpers shared by the Designer-based dialogs and panels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QLabel, QWidget

from desktop.domain.requests import RequestKind
from desktop.gui.display import label as label_of


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


def request_kind_checks(
    grid: QGridLayout, language: str, columns: int, after: QWidget
) -> dict[RequestKind, QCheckBox]:
    """A check box per request kind, labelled as the domain names it, in `columns` columns of
    `grid`, numbered 1–9 for the keyboard and next in the tab order after `after`."""
    checks: dict[RequestKind, QCheckBox] = {}
    previous = after
    for index, kind in enumerate(RequestKind):
        text = label_of(kind, language)
        if index < 9:
            number = index + 1
            text = f"{text}(&{number})" if language == "ja" else f"&{number} {text}"
        check = QCheckBox(text)
        check.setObjectName(f"{kind.value}Check")
        grid.addWidget(check, index // columns, index % columns)
        QWidget.setTabOrder(previous, check)
        previous = check
        checks[kind] = check
    return checks
