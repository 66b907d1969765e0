"""Tests that drive Debian's Chromium against a real server."""
