"""accepted and rejected theme suggestions, remembered

A rejected code is not proposed again for the same review, and an indicator phrase the
partnership keeps rejecting stops proposing its code.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 00:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggestion_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=120), nullable=False),
        sa.Column("phrase", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code"],
            ["codes.code"],
            name=op.f("fk_suggestion_feedback_code_codes"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_suggestion_feedback_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_feedback")),
    )
    with op.batch_alter_table("suggestion_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suggestion_feedback_review_id"), ["review_id"], unique=False
        )
        batch_op.create_index("ix_suggestion_feedback_code_phrase", ["code", "phrase"])


def downgrade() -> None:
    op.drop_table("suggestion_feedback")
