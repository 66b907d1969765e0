"""Tasks for annotator processes in tests: importable by name, as a spawned worker needs."""

from __future__ import annotations

import time

from app.domain.records import Annotations


def sleep_then_annotate_nothing(text: str) -> Annotations:
    """Sleep for the seconds the text starts with ("30 …"), then find nothing."""
    time.sleep(float(text.split()[0]))
    return Annotations()


def fail(_text: str) -> Annotations:
    raise RuntimeError("a bug in the rules")
