"""who approved a briefing, and when

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("briefings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approved_by", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("approved_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("briefings", schema=None) as batch_op:
        batch_op.drop_column("approved_at")
        batch_op.drop_column("approved_by")
