"""Data access, one module per resource: keyword-only functions that return public models."""
