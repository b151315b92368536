"""full-text search index

FTS5 on SQLite, a weighted tsvector with a GIN index on PostgreSQL. The index rows are
written by reviewtool.db.search; after this upgrade the runner rebuilds them for every
review already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 09:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Porter stemming over unicode61 (diacritics folded) matches PostgreSQL's
        # 'english' configuration closely enough for the same searches to work on both.
        op.execute(
            "CREATE VIRTUAL TABLE review_search USING fts5("
            "review_id UNINDEXED, title, body, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    else:
        op.execute(
            "CREATE TABLE review_search ("
            " review_id varchar(36) PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,"
            " title text NOT NULL,"
            " body text NOT NULL,"
            " document tsvector GENERATED ALWAYS AS ("
            "  setweight(to_tsvector('english', title), 'A') ||"
            "  setweight(to_tsvector('english', body), 'B')) STORED)"
        )
        op.execute("CREATE INDEX ix_review_search_document ON review_search USING gin (document)")


def downgrade() -> None:
    op.execute("DROP TABLE review_search")
