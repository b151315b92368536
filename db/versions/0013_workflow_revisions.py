"""revisions for a review's workflow and for briefing deliveries, so two laptops' edits are
never dropped

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 01:40:00

Existing rows keep a null revision: theirs is derived from the review id and saved time.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


TABLES = ("review_workflow", "briefing_disseminations")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("revision", sa.String(length=64), nullable=True))
            batch_op.add_column(sa.Column("ancestors", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("ancestors")
            batch_op.drop_column("revision")
