"""The embedded event store: DuckDB schema and migrations, the single writer, and the queries."""
