"""Counting work instead of timing it: lines executed in a folder or file, exactly."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def lines_executed(run: Callable[[], object], *, under: str) -> int:
    """How many lines of code whose file path starts with ``under`` ``run()`` executes.

    Deterministic and immune to a busy machine, unlike a timer; compiled code
    (spaCy's parser) is not traced.
    """
    count = 0

    def tracer(frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal count
        if not frame.f_code.co_filename.startswith(under):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(None)
    return count
