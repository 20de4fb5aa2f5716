"""keyed audit chain: the key's fingerprint on the head; TRUNCATE and head deletion refused

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_fingerprint", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("keyed_from", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("keyed_from_mac", sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        # Row triggers do not fire on TRUNCATE: a statement trigger does, even for the owner.
        for table in ("audit_events", "audit_head"):
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION kaiji_audit_append_only()"
            )
            op.execute(f"REVOKE TRUNCATE ON {table} FROM PUBLIC")
        op.execute(
            "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
            "FOR EACH ROW EXECUTE FUNCTION kaiji_audit_append_only()"
        )
    else:
        op.execute(
            "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
            "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
        )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    suffix = " ON audit_head" if postgresql else ""
    op.execute(f"DROP TRIGGER IF EXISTS audit_head_no_delete{suffix}")
    if postgresql:
        for table in ("audit_events", "audit_head"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("keyed_from_mac")
        batch_op.drop_column("keyed_from")
        batch_op.drop_column("key_fingerprint")
