"""Alembic revisions of the province server's schema, oldest first (frozen once released)."""
