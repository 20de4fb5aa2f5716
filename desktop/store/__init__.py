"""Persistence: SQLAlchemy models, migrations, the audit chain and case queries."""
