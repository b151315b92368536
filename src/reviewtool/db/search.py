"""The full-text index of reviews: FTS5 on SQLite, tsvector on PostgreSQL.

User input never reaches query syntax: it is cut into word tokens, and each token is quoted
(FTS5) or reduced to letters and digits (tsquery) before being passed as a bound parameter.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
MAX_TOKENS = 12
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchRow:
    review_id: str
    title: str
    body: str


@dataclass(frozen=True)
class RawHit:
    review_id: str
    rank: float
    snippet: str


def tokens_of(query: str) -> list[str]:
    return [token[:60] for token in _TOKEN.findall(query.lower())][:MAX_TOKENS]


def _fts_rowid(review_id: str) -> int:
    # A stable integer key per review so that FTS5 rows are replaced by rowid, not by scan.
    digest = hashlib.blake2b(review_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def replace_rows(session: Session, rows: Sequence[SearchRow]) -> None:
    """Index reviews, replacing any row they already have."""
    if not rows:
        return
    if _is_sqlite(session):
        delete_rows(session, [row.review_id for row in rows])
        insert_rows(session, rows)
    else:
        session.execute(
            text(
                "INSERT INTO review_search(review_id, title, body) "
                "VALUES (:review_id, :title, :body) "
                "ON CONFLICT (review_id) DO UPDATE SET title = excluded.title, body = excluded.body"
            ),
            [{"review_id": r.review_id, "title": r.title, "body": r.body} for r in rows],
        )


def insert_rows(session: Session, rows: Sequence[SearchRow]) -> None:
    """Index reviews that have no index row yet (new ones): no delete needed first."""
    if not rows:
        return
    if not _is_sqlite(session):
        replace_rows(session, rows)
        return
    session.execute(
        text(
            "INSERT INTO review_search(rowid, review_id, title, body) "
            "VALUES (:rowid, :review_id, :title, :body)"
        ),
        [
            {
                "rowid": _fts_rowid(r.review_id),
                "review_id": r.review_id,
                "title": r.title,
                "body": r.body,
            }
            for r in rows
        ],
    )


def delete_rows(session: Session, review_ids: Iterable[str]) -> None:
    ids = list(review_ids)
    if not ids:
        return
    if _is_sqlite(session):
        session.execute(
            text("DELETE FROM review_search WHERE rowid = :rowid"),
            [{"rowid": _fts_rowid(review_id)} for review_id in ids],
        )
    else:
        session.execute(
            text("DELETE FROM review_search WHERE review_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": ids},
        )


def clear(session: Session) -> None:
    session.execute(text("DELETE FROM review_search"))


def count_rows(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM review_search")).scalar_one())


def query(session: Session, user_text: str, limit: int) -> list[RawHit]:
    tokens = tokens_of(user_text)
    if not tokens:
        return []
    if _is_sqlite(session):
        return _query_sqlite(session, tokens, limit)
    return _query_postgresql(session, tokens, limit)


def _query_sqlite(session: Session, tokens: list[str], limit: int) -> list[RawHit]:
    # Every token quoted (so AND, NEAR, * and quotes in the input mean nothing); the last
    # one is a prefix so that results appear while the user is still typing.
    match = " ".join(f'"{token}"' for token in tokens) + "*"
    result = session.execute(
        text(
            "SELECT review_id, bm25(review_search, 0.0, 8.0, 1.0) AS rank, "
            f"snippet(review_search, 2, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 14) "
            "FROM review_search WHERE review_search MATCH :match ORDER BY rank LIMIT :limit"
        ),
        {"match": match, "limit": limit},
    )
    return [RawHit(row[0], float(row[1]), row[2]) for row in result]


def _query_postgresql(session: Session, tokens: list[str], limit: int) -> list[RawHit]:
    safe = [re.sub(r"[^\w]", "", token).replace("_", "") for token in tokens]
    safe = [token for token in safe if token]
    if not safe:
        return []
    tsquery = " & ".join([*safe[:-1], f"{safe[-1]}:*"])
    result = session.execute(
        text(
            "WITH q AS (SELECT to_tsquery('english', :tsquery) AS query), "
            "top AS (SELECT s.review_id, s.body, ts_rank_cd(s.document, q.query) AS rank "
            "  FROM review_search s, q WHERE s.document @@ q.query "
            "  ORDER BY rank DESC LIMIT :limit) "
            "SELECT top.review_id, top.rank, ts_headline('english', top.body, q.query, "
            f"  'StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}, MaxWords=22, MinWords=8, "
            "   MaxFragments=1, FragmentDelimiter=…') "
            "FROM top, q ORDER BY top.rank DESC"
        ),
        {"tsquery": tsquery, "limit": limit},
    )
    return [RawHit(row[0], -float(row[1]), row[2]) for row in result]
