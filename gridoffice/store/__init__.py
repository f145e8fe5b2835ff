"""Local storage: SQLite file handling, schema, migrations and SQLModel tables."""
