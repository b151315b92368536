"""Writers of published outputs: they take plain report models, never the database."""
