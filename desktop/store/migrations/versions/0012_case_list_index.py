"""case list at scale: sort columns for status, requests and mail; a trigram search index

The case list sorts by every column and pages by key, so each sortable column has an index ending
in the case id. The requests and the incoming mail number live in other tables: triggers copy them
onto the case row (`request_sort`, `tracking_sort`, `mail_numbers`) whoever writes them. Free-text
search goes through a trigram index: an FTS5 table on SQLite (kept by triggers), pg_trgm on
PostgreSQL (an index on an expression of the row; without the extension the search still works,
by scanning).

A later migration that rebuilds `cases` in batch mode drops the SQLite triggers: recreate them.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Workflow order of the statuses as of this revision; the model keeps `status_rank` from here on.
_STATUSES = (
    "received",
    "scanned",
    "verifying",
    "awaiting_documents",
    "decided",
    "in_review",
    "rework",
    "approved",
    "letter_printed",
    "sent",
    "mail_returned",
    "closed",
    "withdrawn",
)

_SORT_COLUMNS = (
    "reference",
    "received_on",
    "sender_name",
    "status_rank",
    "due_on",
    "request_sort",
    "tracking_sort",
)

# The searched text of a case (its mail numbers are searched apart: digits typed are looked for
# in them only); the PostgreSQL index and `store/case_list.py` spell it the same.
_BODY = (
    "{p}reference || ' ' || {p}sender_name || ' ' || {p}sender_kana || ' ' || {p}sender_address"
    " || ' ' || {p}name_key || ' ' || {p}address_key"
)

_MAIL = (
    "UPDATE cases SET"
    " mail_numbers = coalesce((SELECT {agg} FROM mail_items m WHERE m.case_id = {cid}), ''),"
    " tracking_sort = coalesce((SELECT m.tracking_number FROM mail_items m"
    " WHERE m.case_id = {cid} AND m.direction = 'in' ORDER BY m.id LIMIT 1), '')"
    " WHERE id = {cid}"
)

_REQUESTS = (
    "UPDATE cases SET request_sort = coalesce((SELECT {agg} FROM case_requests r"
    " WHERE r.case_id = {cid}), '') WHERE id = {cid}"
)


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status_rank", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("request_sort", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("tracking_sort", sa.String(length=16), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("mail_numbers", sa.Text(), server_default="", nullable=False))
    ranks = " ".join(f"WHEN '{s}' THEN {n}" for n, s in enumerate(_STATUSES))
    op.execute(f"UPDATE cases SET status_rank = CASE status {ranks} ELSE {len(_STATUSES)} END")
    for column in _SORT_COLUMNS:
        op.create_index(f"ix_cases_list_{column}", "cases", [column, "id"])
    op.create_index("ix_case_requests_kind", "case_requests", ["kind", "case_id"])
    if op.get_bind().dialect.name == "postgresql":
        _postgresql()
    else:
        _sqlite()


def _sqlite() -> None:
    mail_agg = "group_concat(m.tracking_number, ' ')"
    request_agg = "group_concat(r.kind, ',')"
    op.execute(_MAIL.format(agg=mail_agg, cid="cases.id"))
    op.execute(_REQUESTS.format(agg=request_agg, cid="cases.id"))
    for table, template, agg in (
        ("mail_items", _MAIL, mail_agg),
        ("case_requests", _REQUESTS, request_agg),
    ):
        new, old = (
            template.format(agg=agg, cid="new.case_id"),
            template.format(agg=agg, cid="old.case_id"),
        )
        op.execute(f"CREATE TRIGGER {table}_list_ai AFTER INSERT ON {table} BEGIN {new}; END")
        op.execute(
            f"CREATE TRIGGER {table}_list_au AFTER UPDATE ON {table} BEGIN {old}; {new}; END"
        )
        op.execute(f"CREATE TRIGGER {table}_list_ad AFTER DELETE ON {table} BEGIN {old}; END")
    op.execute("CREATE VIRTUAL TABLE case_search USING fts5(body, mail, tokenize='trigram')")
    op.execute(
        "INSERT INTO case_search(rowid, body, mail)"
        f" SELECT id, {_BODY.format(p='')}, mail_numbers FROM cases"
    )
    insert = (
        "INSERT INTO case_search(rowid, body, mail)"
        f" VALUES (new.id, {_BODY.format(p='new.')}, new.mail_numbers)"
    )
    op.execute(f"CREATE TRIGGER cases_search_ai AFTER INSERT ON cases BEGIN {insert}; END")
    op.execute(
        "CREATE TRIGGER cases_search_au AFTER UPDATE OF reference, sender_name, sender_kana,"
        " sender_address, name_key, address_key, mail_numbers ON cases BEGIN"
        f" DELETE FROM case_search WHERE rowid = old.id; {insert}; END"
    )
    op.execute(
        "CREATE TRIGGER cases_search_ad AFTER DELETE ON cases BEGIN"
        " DELETE FROM case_search WHERE rowid = old.id; END"
    )


def _postgresql() -> None:
    mail_agg = "string_agg(m.tracking_number, ' ' ORDER BY m.id)"
    request_agg = "string_agg(r.kind, ',' ORDER BY r.id)"
    op.execute(_MAIL.format(agg=mail_agg, cid="cases.id"))
    op.execute(_REQUESTS.format(agg=request_agg, cid="cases.id"))
    for table, template, agg in (
        ("mail_items", _MAIL, mail_agg),
        ("case_requests", _REQUESTS, request_agg),
    ):
        new, old = (
            template.format(agg=agg, cid="NEW.case_id"),
            template.format(agg=agg, cid="OLD.case_id"),
        )
        op.execute(
            f"CREATE FUNCTION kaiji_{table}_list() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            f" IF TG_OP <> 'INSERT' THEN {old}; END IF;"
            f" IF TG_OP <> 'DELETE' THEN {new}; END IF;"
            " RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_list AFTER INSERT OR UPDATE OR DELETE ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION kaiji_{table}_list()"
        )
    # pg_trgm is a trusted extension: the database owner may create it. Where it cannot be
    # created the search scans instead of failing the upgrade.
    bind = op.get_bind()
    available = bind.execute(
        sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).scalar()
    if not available:
        return
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return
    savepoint.commit()
    op.execute(
        "CREATE INDEX ix_cases_search ON cases USING gin"
        f" ((lower({_BODY.format(p='')})) gin_trgm_ops)"
    )
    op.execute("CREATE INDEX ix_cases_mail_search ON cases USING gin (mail_numbers gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_cases_search")
        op.execute("DROP INDEX IF EXISTS ix_cases_mail_search")
        for table in ("mail_items", "case_requests"):
            op.execute(f"DROP TRIGGER {table}_list ON {table}")
            op.execute(f"DROP FUNCTION kaiji_{table}_list()")
    else:
        for name in ("cases_search_ai", "cases_search_au", "cases_search_ad"):
            op.execute(f"DROP TRIGGER {name}")
        for table in ("mail_items", "case_requests"):
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER {table}_list_{suffix}")
        op.execute("DROP TABLE case_search")
    op.drop_index("ix_case_requests_kind", "case_requests")
    for column in _SORT_COLUMNS:
        op.drop_index(f"ix_cases_list_{column}", "cases")
    # Not in batch mode: rebuilding `cases` on SQLite would trip the foreign keys onto it.
    for column in ("mail_numbers", "tracking_sort", "request_sort", "status_rank"):
        op.execute(f"ALTER TABLE cases DROP COLUMN {column}")
