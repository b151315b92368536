"""the partnership's own mappings of recorded ethnicity to the 2021 census categories

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 00:00:00

Values as recorded stay untouched in review_children.ethnicity; the census category is
derived from them (common spellings built in, see domain.ethnicity), so every existing value
a rule recognises is mapped from the moment this runs. This table holds the mappings people
make for the values no rule recognises.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ethnicity_mappings",
        sa.Column("recorded_key", sa.String(200), nullable=False),
        sa.Column("recorded", sa.Text(), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("recorded_key", name="pk_ethnicity_mappings"),
    )


def downgrade() -> None:
    op.drop_table("ethnicity_mappings")
