"""Storage: SQLAlchemy models, the engine, migrations, backups and search."""
