"""an unstemmed word index beside the stemmed one, for search as you type

The stemmed index turns "escalation" into "escal", so a prefix typed past the stem
("escala") matched nothing. Words are now also indexed as written (accents folded): a
prefix of three letters or more finds every word that starts with it. On SQLite this is an
FTS5 table that reads its text from ``review_search`` (nothing is stored twice) with a
3-letter prefix index; on PostgreSQL a 'simple' tsvector beside the 'english' one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 23:59:00
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE review_search_words USING fts5("
            "title, body, content = 'review_search', content_rowid = 'rowid', "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '3')"
        )
        # Index every review already stored, from review_search's text.
        op.execute(
            "INSERT INTO review_search_words(rowid, title, body) "
            "SELECT rowid, title, body FROM review_search"
        )
    else:
        # A stored generated column: computed for every existing row as it is added.
        op.execute(
            "ALTER TABLE review_search ADD COLUMN words tsvector GENERATED ALWAYS AS ("
            " setweight(to_tsvector('simple', title), 'A') ||"
            " setweight(to_tsvector('simple', body), 'B')) STORED"
        )
        op.execute("CREATE INDEX ix_review_search_words ON review_search USING gin (words)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE review_search_words")
    else:
        op.execute("DROP INDEX ix_review_search_words")
        op.execute("ALTER TABLE review_search DROP COLUMN words")
