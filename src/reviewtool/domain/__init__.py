"""Plain domain rules: no Qt, no database, no file formats."""
