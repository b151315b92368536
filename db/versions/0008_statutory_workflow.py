"""the statutory workflow: agency contributions, panel meetings, milestones, pauses

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 23:59:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

UUID = sa.String(length=36)


def _fk(column: str, table: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE",
    )


def _index(table: str, column: str) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "review_workflow",
        sa.Column("review_id", UUID, nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        *(
            sa.Column(name, sa.Text(), nullable=True)
            for name in (
                "child_and_family",
                "analysis",
                "inequalities",
                "criterion_a",
                "criterion_b",
                "criterion_c",
                "criterion_d",
                "signed_off_by",
            )
        ),
        sa.Column("signed_off_on", sa.Date(), nullable=True),
        sa.Column("panel_response_on", sa.Date(), nullable=True),
        sa.Column("panel_response_outcome", sa.String(length=20), nullable=True),
        sa.Column("panel_response", sa.Text(), nullable=True),
        _fk("review_id", "review_workflow", "reviews"),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_review_workflow")),
    )
    op.create_table(
        "agency_requests",
        sa.Column("id", UUID, nullable=False),
        sa.Column("review_id", UUID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("agency", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("sent", sa.Date(), nullable=True),
        sa.Column("due_working_days", sa.Integer(), nullable=False),
        sa.Column("returned", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        _fk("review_id", "agency_requests", "reviews"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_requests")),
    )
    _index("agency_requests", "review_id")
    op.create_table(
        "chronology_entries",
        sa.Column("id", UUID, nullable=False),
        sa.Column("request_id", UUID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("time", sa.String(length=5), nullable=True),
        sa.Column("what_happened", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("analysis", sa.Text(), nullable=True),
        _fk("request_id", "chronology_entries", "agency_requests"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chronology_entries")),
    )
    _index("chronology_entries", "request_id")
    op.create_table(
        "key_practice_episodes",
        sa.Column("id", UUID, nullable=False),
        sa.Column("request_id", UUID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("analysis", sa.Text(), nullable=True),
        _fk("request_id", "key_practice_episodes", "agency_requests"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_practice_episodes")),
    )
    _index("key_practice_episodes", "request_id")
    op.create_table(
        "panel_meetings",
        sa.Column("id", UUID, nullable=False),
        sa.Column("review_id", UUID, nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        _fk("review_id", "panel_meetings", "reviews"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_meetings")),
    )
    _index("panel_meetings", "review_id")
    op.create_table(
        "panel_attendees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", UUID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("agency", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        _fk("meeting_id", "panel_attendees", "panel_meetings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_attendees")),
    )
    _index("panel_attendees", "meeting_id")
    op.create_table(
        "panel_meeting_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", UUID, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _fk("meeting_id", "panel_meeting_items", "panel_meetings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_meeting_items")),
    )
    _index("panel_meeting_items", "meeting_id")
    op.create_table(
        "review_milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", UUID, nullable=False),
        sa.Column("milestone", sa.String(length=30), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        _fk("review_id", "review_milestones", "reviews"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_milestones")),
        sa.UniqueConstraint("review_id", "milestone", name=op.f("uq_review_milestones_review_id")),
    )
    _index("review_milestones", "review_id")
    op.create_table(
        "publication_pauses",
        sa.Column("id", UUID, nullable=False),
        sa.Column("review_id", UUID, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        _fk("review_id", "publication_pauses", "reviews"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication_pauses")),
    )
    _index("publication_pauses", "review_id")


def downgrade() -> None:
    for table in (
        "publication_pauses",
        "review_milestones",
        "panel_meeting_items",
        "panel_attendees",
        "panel_meetings",
        "key_practice_episodes",
        "chronology_entries",
        "agency_requests",
        "review_workflow",
    ):
        op.drop_table(table)
