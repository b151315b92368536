"""what each protected identifier is (child, parent, address, school...)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 00:00:00

The publication check looks for a person by parts of their name, a school by its own name
and an address by its street: it needs to know which is which.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_identifiers") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="other")
        )


def downgrade() -> None:
    with op.batch_alter_table("review_identifiers") as batch:
        batch.drop_column("kind")
