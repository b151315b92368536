"""covering index for reading each review's tags in order

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 12:00:00

The review list and the thematic analysis read (review, position, code, role) for thousands
of reviews; with this index they never touch the table rows (which carry the notes).
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_review_factors_review_order",
        "review_factors",
        ["review_id", "position", "code", "role"],
    )


def downgrade() -> None:
    op.drop_index("ix_review_factors_review_order", table_name="review_factors")
