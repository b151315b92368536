"""revisions for exchange between laptops: revision ids, tombstones, conflicting copies

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 23:59:00

Existing rows keep a null revision: theirs is derived from the id and saved time, so two
laptops holding the same copy agree on it without rewriting any row here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

LINEAGE_TABLES = ("reviews", "briefings", "codes")


def upgrade() -> None:
    for table in LINEAGE_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("revision", sa.String(length=64), nullable=True))
            batch_op.add_column(sa.Column("ancestors", sa.Text(), nullable=True))
    op.create_table(
        "review_tombstones",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.Text(), nullable=True),
        sa.Column("revision", sa.String(length=64), nullable=False),
        sa.Column("ancestors", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_tombstones")),
    )
    op.create_table(
        "conflicting_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=120), nullable=False),
        sa.Column("revision", sa.String(length=64), nullable=False),
        sa.Column("ancestors", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicting_revisions")),
        sa.UniqueConstraint(
            "entity", "entity_id", "revision", name=op.f("uq_conflicting_revisions_entity")
        ),
    )
    op.create_index(
        op.f("ix_conflicting_revisions_entity_id"), "conflicting_revisions", ["entity_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_conflicting_revisions_entity_id"), table_name="conflicting_revisions")
    op.drop_table("conflicting_revisions")
    op.drop_table("review_tombstones")
    for table in reversed(LINEAGE_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("ancestors")
            batch_op.drop_column("revision")
