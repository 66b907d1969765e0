"""Exchange formats: W3C Web Annotation, JSON Lines and brat standoff, as pure functions
over the public models (no HTTP, no database)."""
