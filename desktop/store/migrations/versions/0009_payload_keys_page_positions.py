"""payload keys and page positions: personal values in the audit log sealed per page (destroyed at
purge); one page per position in a case

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _renumber_duplicate_positions() -> None:
    """Cases where two workstations gave pages the same positions get 1, 2, 3 … in the order
    the pages were shown (position, then id)."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, case_id, position FROM documents WHERE case_id IS NOT NULL "
            "ORDER BY case_id, position, id"
        )
    ).all()
    expected: dict[int, int] = {}
    renumber: list[tuple[int, int]] = []
    clash = {
        case_id
        for case_id, count in bind.execute(
            sa.text(
                "SELECT case_id, count(*) - count(DISTINCT position) FROM documents "
                "WHERE case_id IS NOT NULL GROUP BY case_id"
            )
        ).all()
        if count
    }
    for document_id, case_id, position in rows:
        if case_id not in clash:
            continue
        expected[case_id] = expected.get(case_id, 0) + 1
        if position != expected[case_id]:
            renumber.append((document_id, expected[case_id]))
    # Out of the way first (negative), then into place: no two rows ever share a position.
    for document_id, _ in renumber:
        bind.execute(
            sa.text("UPDATE documents SET position = -position - 1000000 WHERE id = :id"),
            {"id": document_id},
        )
    for document_id, position in renumber:
        bind.execute(
            sa.text("UPDATE documents SET position = :position WHERE id = :id"),
            {"id": document_id, "position": position},
        )


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payload_key", sa.LargeBinary(), nullable=True))
    _renumber_duplicate_positions()
    op.create_index(
        "uq_documents_case_id_position", "documents", ["case_id", "position"], unique=True
    )


def downgrade() -> None:
    op.drop_index("uq_documents_case_id_position", table_name="documents")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("payload_key")
