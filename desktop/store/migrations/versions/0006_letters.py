"""issued letters, their print records, approved address changes, returned mail

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("addressee", sa.JSON(), nullable=False),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_letters_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_letters_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], ["letters.id"], name=op.f("fk_letters_superseded_by_letters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
        sa.UniqueConstraint("case_id", "kind", "version", name="uq_letters_case_kind_version"),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letters_case_id"), ["case_id"], unique=False)

    op.create_table(
        "letter_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("letter_id", sa.Integer(), nullable=False),
        sa.Column("printer", sa.String(length=200), nullable=False),
        sa.Column("printed_by", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["letter_id"], ["letters.id"], name=op.f("fk_letter_prints_letter_id_letters")
        ),
        sa.ForeignKeyConstraint(
            ["printed_by"], ["users.id"], name=op.f("fk_letter_prints_printed_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_prints")),
    )
    with op.batch_alter_table("letter_prints", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letter_prints_letter_id"), ["letter_id"], unique=False)

    op.create_table(
        "letter_addressees",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("postal_code", sa.String(length=8), nullable=False),
        sa.Column("address", sa.String(length=400), nullable=False),
        sa.Column("building", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.Integer(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_letter_addressees_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["changed_by"], ["users.id"], name=op.f("fk_letter_addressees_changed_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["users.id"], name=op.f("fk_letter_addressees_approved_by_users")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_letter_addressees")),
    )

    op.create_table(
        "mail_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mail_item_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["mail_item_id"],
            ["mail_items.id"],
            name=op.f("fk_mail_returns_mail_item_id_mail_items"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["users.id"], name=op.f("fk_mail_returns_recorded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_returns")),
        sa.UniqueConstraint("mail_item_id", name=op.f("uq_mail_returns_mail_item_id")),
    )


def downgrade() -> None:
    op.drop_table("mail_returns")
    op.drop_table("letter_addressees")
    with op.batch_alter_table("letter_prints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letter_prints_letter_id"))
    op.drop_table("letter_prints")
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letters_case_id"))
    op.drop_table("letters")
