"""Storage: the SQLite engine and its pragmas, mapped models, migrations, file identity.

Everything SQLite-specific lives here so a shared-database mode (PostgreSQL) can come later.
"""
