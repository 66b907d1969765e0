"""Scoring the annotation pipeline against gold data (PolNeAR, the curated seed)."""
