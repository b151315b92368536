"""learning into practice: briefing disseminations, team action plans, RAG reviews

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 00:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UUID = sa.String(length=36)


def _fk(column: str, table: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "briefing_disseminations",
        sa.Column("id", UUID, nullable=False),
        sa.Column("briefing_id", UUID, nullable=False),
        sa.Column("delivered_by", sa.Text(), nullable=False),
        sa.Column("audience", sa.Text(), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("attendees", sa.Integer(), nullable=False),
        sa.Column("plan_due", sa.Date(), nullable=True),
        sa.Column("plan_returned", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _fk("briefing_id", "briefing_disseminations", "briefings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefing_disseminations")),
    )
    for column in ("briefing_id", "delivered_on"):
        op.create_index(
            op.f(f"ix_briefing_disseminations_{column}"), "briefing_disseminations", [column]
        )
    op.create_table(
        "team_plan_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dissemination_id", UUID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("completed", sa.Date(), nullable=True),
        _fk("dissemination_id", "team_plan_actions", "briefing_disseminations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_plan_actions")),
    )
    op.create_index(
        op.f("ix_team_plan_actions_dissemination_id"), "team_plan_actions", ["dissemination_id"]
    )
    op.create_table(
        "action_rag_reviews",
        sa.Column("id", UUID, nullable=False),
        sa.Column("action_id", UUID, nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("rag", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.Text(), nullable=False),
        _fk("action_id", "action_rag_reviews", "actions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_rag_reviews")),
    )
    op.create_index(op.f("ix_action_rag_reviews_action_id"), "action_rag_reviews", ["action_id"])


def downgrade() -> None:
    for table in ("action_rag_reviews", "team_plan_actions", "briefing_disseminations"):
        op.drop_table(table)
