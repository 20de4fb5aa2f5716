"""Customer search keys: normalized address and look-ups by postal code and birth date.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.add_column(
            sa.Column("address_key", sa.String(length=400), nullable=False, server_default="")
        )
        batch_op.create_index("ix_customers_address_key", ["address_key"])
        batch_op.create_index("ix_customers_postal_code", ["postal_code"])
        batch_op.create_index("ix_customers_birth_date", ["birth_date"])


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.drop_index("ix_customers_birth_date")
        batch_op.drop_index("ix_customers_postal_code")
        batch_op.drop_index("ix_customers_address_key")
        batch_op.drop_column("address_key")
