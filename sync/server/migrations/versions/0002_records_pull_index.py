"""Index records by (commune_code, seq): a pull reads one commune's records after a cursor, in seq order.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Without it every pull page scans the commune's whole primary-key range and sorts it."""
    op.create_index("ix_records_commune_seq", "records", ["commune_code", "seq"], unique=False, if_not_exists=True)


def downgrade() -> None:
    """Drop the pull index."""
    op.drop_index("ix_records_commune_seq", table_name="records")
