"""each letter its own 文書番号, numbered per series and year; the third-party provision ledger;
the agent recorded on a case

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The series of each letter kind as this revision knew them (domain/letters.py may change later).
_SERIES = {
    "acknowledgement": "受付",
    "deficiency": "補正",
    "disclosure": "開示",
    "partial_disclosure": "開示",
    "non_disclosure": "開示",
    "no_data": "開示",
    "purpose_notice": "利用目的",
    "correction_result": "訂正",
    "suspension_result": "利用停止",
    "extension": "延長",
}


def upgrade() -> None:
    counters = op.create_table(
        "letter_number_counters",
        sa.Column("series", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", "year", name=op.f("pk_letter_number_counters")),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document_number", sa.String(length=40), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_letters_document_number"), ["document_number"]
        )
    # Letters issued before this revision get their numbers in the order they were issued.
    bind = op.get_bind()
    letters = sa.table(
        "letters",
        sa.column("id", sa.Integer()),
        sa.column("kind", sa.String()),
        sa.column("letter_date", sa.Date()),
        sa.column("document_number", sa.String()),
    )
    last: dict[tuple[str, int], int] = {}
    rows = bind.execute(
        sa.select(letters.c.id, letters.c.kind, letters.c.letter_date).order_by(letters.c.id)
    ).all()
    for letter_id, kind, letter_date in rows:
        key = (_SERIES.get(kind, "通知"), letter_date.year)
        last[key] = last.get(key, 0) + 1
        number = f"{key[0]}第{key[1]}-{last[key]:04d}号"
        bind.execute(
            letters.update().where(letters.c.id == letter_id).values(document_number=number)
        )
    if last:
        op.bulk_insert(
            counters,
            [{"series": s, "year": y, "last": n} for (s, y), n in last.items()],
        )

    op.create_table(
        "provision_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_no", sa.String(length=64), nullable=False),
        sa.Column("provided_on", sa.Date(), nullable=False),
        sa.Column("recipient", sa.String(length=400), nullable=False),
        sa.Column("recipient_address", sa.String(length=400), nullable=False),
        sa.Column("recipient_representative", sa.String(length=200), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("keep_until", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_provision_records_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provision_records")),
    )
    with op.batch_alter_table("provision_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_provision_records_customer_no"), ["customer_no"], unique=False
        )

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agent", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("agent")
    op.drop_table("provision_records")
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_letters_document_number"), type_="unique")
        batch_op.drop_column("document_number")
    op.drop_table("letter_number_counters")
