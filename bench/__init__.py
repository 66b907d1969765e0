"""Benchmarks that print tables (``make bench-*``); never run as unit tests."""
