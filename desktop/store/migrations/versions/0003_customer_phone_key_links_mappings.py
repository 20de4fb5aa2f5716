"""Phone search key, saved import mappings per source, "no retained data" on cases.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BACKFILL_BATCH = 5000


def _digits(text: str) -> str:
    # Kept here rather than imported: a migration must not change when live code does.
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())


def _backfill_phone_keys() -> None:
    bind = op.get_bind()
    customers = sa.table(
        "customers", sa.column("id", sa.Integer), sa.column("phone"), sa.column("phone_key")
    )
    rows = bind.execute(
        sa.select(customers.c.id, customers.c.phone).where(customers.c.phone != "")
    ).all()
    update = (
        sa.update(customers)
        .where(customers.c.id == sa.bindparam("row_id"))
        .values(phone_key=sa.bindparam("key"))
    )
    for start in range(0, len(rows), _BACKFILL_BATCH):
        batch = rows[start : start + _BACKFILL_BATCH]
        bind.execute(update, [{"row_id": r.id, "key": _digits(r.phone)} for r in batch])


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.add_column(
            sa.Column("phone_key", sa.String(length=32), nullable=False, server_default="")
        )
    _backfill_phone_keys()
    with op.batch_alter_table("customers") as batch_op:
        batch_op.create_index("ix_customers_phone_key", ["phone_key"])
    if op.get_bind().dialect.name == "postgresql":
        # Prefix search (LIKE 'key%') can use a btree index under any collation only with the
        # pattern operator class; SQLite's range query uses the plain index.
        op.execute(
            "CREATE INDEX ix_customers_address_key_prefix ON customers "
            "(address_key text_pattern_ops)"
        )
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(
            sa.Column("no_retained_data", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("encoding", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_import_mappings_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mappings")),
        sa.UniqueConstraint("source", name=op.f("uq_import_mappings_source")),
    )


def downgrade() -> None:
    op.drop_table("import_mappings")
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("no_retained_data")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_customers_address_key_prefix")
    with op.batch_alter_table("customers") as batch_op:
        batch_op.drop_index("ix_customers_phone_key")
        batch_op.drop_column("phone_key")
