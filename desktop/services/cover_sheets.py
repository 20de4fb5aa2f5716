"""Case cover sheets: printed right after an envelope is logged, scanned in front of its pages."""

from __future__ import annotations

from desktop.domain.requests import RequestKind
from desktop.intake.cover_sheet import render_cover_sheet
from desktop.services.cases import get_case
from desktop.services.context import ServiceContext


def cover_sheet_pdf(ctx: ServiceContext, case_id: int) -> bytes:
    detail = get_case(ctx, case_id)
    kinds = [RequestKind(kind).label_ja for kind in detail.kinds]
    return render_cover_sheet(detail.reference, detail.received_on, detail.sender_name, kinds)
