"""decisions per request kind, supervisor reviews, added and retired reasons

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("reason_codes", sa.JSON(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=True),
        sa.Column("method_impossible", sa.Boolean(), nullable=False),
        sa.Column("fee_status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_decisions_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_decisions_decided_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("case_id", "kind", name="uq_decisions_case_kind"),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decisions_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("reviewed_by", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_reviews_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_case_reviews_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by"], ["users.id"], name=op.f("fk_case_reviews_reviewed_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_reviews")),
    )
    with op.batch_alter_table("case_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_reviews_case_id"), ["case_id"], unique=False)

    op.create_table(
        "reasons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("ground", sa.String(length=32), nullable=False),
        sa.Column("legal_basis_ja", sa.String(length=200), nullable=False),
        sa.Column("legal_basis_en", sa.String(length=200), nullable=False),
        sa.Column("title_ja", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("letter_ja", sa.Text(), nullable=False),
        sa.Column("letter_en", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_reasons_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reasons")),
        sa.UniqueConstraint("code", name=op.f("uq_reasons_code")),
    )

    op.create_table(
        "reason_retirements",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("retired_by", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["retired_by"], ["users.id"], name=op.f("fk_reason_retirements_retired_by_users")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_reason_retirements")),
    )


def downgrade() -> None:
    op.drop_table("reason_retirements")
    op.drop_table("reasons")
    with op.batch_alter_table("case_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_reviews_case_id"))
    op.drop_table("case_reviews")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_case_id"))
    op.drop_table("decisions")
