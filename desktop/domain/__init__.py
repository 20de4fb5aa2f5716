"""Pure domain rules of Kaiji Desk: no Qt, no SQLAlchemy, no I/O."""
