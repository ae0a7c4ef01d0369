"""PostgreSQL access: connection (embedded or DATABASE_URL), migrations, queries."""
