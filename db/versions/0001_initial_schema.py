"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 08:20:03.909225
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=120), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.Text(), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_review_at", ["review_id", "at"], unique=False)

    op.create_table(
        "codes",
        sa.Column("code", sa.String(length=120), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("group", sa.String(length=20), nullable=False),
        sa.Column("parent", sa.String(length=120), nullable=True),
        sa.Column("definition", sa.Text(), nullable=True),
        sa.Column("colour", sa.String(length=7), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent"],
            ["codes.code"],
            name=op.f("fk_codes_parent_codes"),
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_codes")),
    )
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_codes_group"), ["group"], unique=False)

    op.create_table(
        "reviews",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notification_type", sa.String(length=20), nullable=True),
        sa.Column("converted_from", sa.String(length=36), nullable=True),
        sa.Column("date_incident", sa.Date(), nullable=True),
        sa.Column("date_aware", sa.Date(), nullable=True),
        sa.Column("date_notified", sa.Date(), nullable=True),
        sa.Column("date_rapid_review_meeting", sa.Date(), nullable=True),
        sa.Column("date_rapid_review_submitted", sa.Date(), nullable=True),
        sa.Column("date_decision", sa.Date(), nullable=True),
        sa.Column("date_published", sa.Date(), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("criteria", sa.String(length=8), nullable=False),
        sa.Column("decision_rationale", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.Column("methodology", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reviews_converted_from"), ["converted_from"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reviews_date_notified"), ["date_notified"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reviews_date_published"), ["date_published"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_reviews_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviews_reference"), ["reference"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviews_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviews_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "briefings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("theme", sa.String(length=120), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_briefings_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme"], ["codes.code"], name=op.f("fk_briefings_theme_codes"), onupdate="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefings")),
        sa.UniqueConstraint("review_id", name=op.f("uq_briefings_review_id")),
    )
    op.create_table(
        "recommendations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_recommendations_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendations")),
    )
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recommendations_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "review_agencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_agencies_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_agencies")),
    )
    with op.batch_alter_table("review_agencies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_agencies_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "review_children",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("pseudonym", sa.Text(), nullable=True),
        sa.Column("age_months", sa.Integer(), nullable=True),
        sa.Column("unborn", sa.Boolean(), nullable=False),
        sa.Column("sex", sa.String(length=10), nullable=False),
        sa.Column("ethnicity", sa.Text(), nullable=True),
        sa.Column("disability", sa.Boolean(), nullable=True),
        sa.Column("looked_after", sa.Boolean(), nullable=True),
        sa.Column("plan", sa.String(length=20), nullable=False),
        sa.Column("known_to_csc", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_children_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_children")),
    )
    with op.batch_alter_table("review_children", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_children_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "review_factors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["code"], ["codes.code"], name=op.f("fk_review_factors_code_codes"), onupdate="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_factors_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_factors")),
        sa.UniqueConstraint("review_id", "code", "role", name=op.f("uq_review_factors_review_id")),
    )
    with op.batch_alter_table("review_factors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_factors_code"), ["code"], unique=False)

    op.create_table(
        "review_identifiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_identifiers_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_identifiers")),
    )
    with op.batch_alter_table("review_identifiers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_identifiers_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "review_learning",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_learning_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_learning")),
    )
    with op.batch_alter_table("review_learning", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_learning_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "review_tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_tags_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_tags")),
    )
    with op.batch_alter_table("review_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_tags_review_id"), ["review_id"], unique=False)

    op.create_table(
        "actions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("recommendation_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("completed", sa.Date(), nullable=True),
        sa.Column("assurance", sa.Text(), nullable=True),
        sa.Column("impact", sa.Text(), nullable=True),
        sa.Column("dropped_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_actions_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actions_due"), ["due"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_actions_recommendation_id"), ["recommendation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_actions_status"), ["status"], unique=False)

    op.create_table(
        "briefing_sections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("briefing_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefings.id"],
            name=op.f("fk_briefing_sections_briefing_id_briefings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefing_sections")),
    )
    with op.batch_alter_table("briefing_sections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_briefing_sections_briefing_id"), ["briefing_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("briefing_sections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_briefing_sections_briefing_id"))

    op.drop_table("briefing_sections")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_status"))
        batch_op.drop_index(batch_op.f("ix_actions_recommendation_id"))
        batch_op.drop_index(batch_op.f("ix_actions_due"))

    op.drop_table("actions")
    with op.batch_alter_table("review_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_tags_review_id"))

    op.drop_table("review_tags")
    with op.batch_alter_table("review_learning", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_learning_review_id"))

    op.drop_table("review_learning")
    with op.batch_alter_table("review_identifiers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_identifiers_review_id"))

    op.drop_table("review_identifiers")
    with op.batch_alter_table("review_factors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_factors_code"))

    op.drop_table("review_factors")
    with op.batch_alter_table("review_children", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_children_review_id"))

    op.drop_table("review_children")
    with op.batch_alter_table("review_agencies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_agencies_review_id"))

    op.drop_table("review_agencies")
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendations_review_id"))

    op.drop_table("recommendations")
    op.drop_table("briefings")
    op.drop_table("settings")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_updated_at"))
        batch_op.drop_index(batch_op.f("ix_reviews_status"))
        batch_op.drop_index(batch_op.f("ix_reviews_reference"))
        batch_op.drop_index(batch_op.f("ix_reviews_kind"))
        batch_op.drop_index(batch_op.f("ix_reviews_date_published"))
        batch_op.drop_index(batch_op.f("ix_reviews_date_notified"))
        batch_op.drop_index(batch_op.f("ix_reviews_converted_from"))

    op.drop_table("reviews")
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_codes_group"))

    op.drop_table("codes")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_review_at")

    op.drop_table("audit_events")
