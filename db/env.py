"""Alembic environment: migrations run on a connection handed over by reviewtool.db.migrate."""

from __future__ import annotations

from alembic import context

from reviewtool.db.models import Base

# Search indexes are dialect-specific (FTS5 on SQLite, tsvector on PostgreSQL) and are
# created by hand in their revision; autogenerate must not try to drop them.
_SEARCH_TABLES = ("review_search",)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    if type_ == "table" and name is not None:
        return not name.startswith(_SEARCH_TABLES)
    return True


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("reviewtool migrations run only through reviewtool.db.migrate")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
