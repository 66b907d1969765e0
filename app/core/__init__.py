"""Cross-cutting concerns: settings, database engine, error format."""
