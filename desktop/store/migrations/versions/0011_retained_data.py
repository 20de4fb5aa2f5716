"""retained data: extracts, label maps, the snapshot a decision was made on, what letters disclosed

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_extracts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_extracts_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["added_by"], ["users.id"], name=op.f("fk_case_extracts_added_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_extracts")),
    )
    with op.batch_alter_table("case_extracts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_extracts_case_id"), ["case_id"], unique=False)
    op.create_table(
        "source_labels",
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("column", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("source", "column", name=op.f("pk_source_labels")),
    )
    op.create_table(
        "retained_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("taken_by", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_retained_snapshots_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["taken_by"], ["users.id"], name=op.f("fk_retained_snapshots_taken_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retained_snapshots")),
    )
    with op.batch_alter_table("retained_snapshots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_retained_snapshots_case_id"), ["case_id"], unique=False
        )
    op.create_table(
        "letter_disclosures",
        sa.Column("letter_id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["letter_id"], ["letters.id"], name=op.f("fk_letter_disclosures_letter_id_letters")
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["retained_snapshots.id"],
            name=op.f("fk_letter_disclosures_snapshot_id_retained_snapshots"),
        ),
        sa.PrimaryKeyConstraint("letter_id", name=op.f("pk_letter_disclosures")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withheld", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("snapshot_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_decisions_snapshot_id_retained_snapshots"),
            "retained_snapshots",
            ["snapshot_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_decisions_snapshot_id_retained_snapshots"), type_="foreignkey"
        )
        batch_op.drop_column("snapshot_id")
        batch_op.drop_column("withheld")
    op.drop_table("letter_disclosures")
    op.drop_table("retained_snapshots")
    op.drop_table("source_labels")
    op.drop_table("case_extracts")
