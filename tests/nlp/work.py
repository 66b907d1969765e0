"""Counting work instead of timing it: lines executed, and memory allocated, exactly.

A timer on a shared machine is noise; these counts are the same on every run. Two
measures, because each is blind where the other sees:

- ``lines``: lines of our own code executed (a tracer, like coverage). It misses
  work done inside one line by compiled code: ``doc.text`` rebuilds the whole text
  from the tokens on every access, in C, in one line.
- ``allocated``: bytes allocated while those lines run (``tracemalloc``, which sees
  every Python object C code creates). Each line is charged the peak growth of
  memory while it runs, so a string built and dropped within one line still counts:
  ``doc.text`` read once per quote charges the whole text once per quote.

Compiled loops that allocate nothing (``max()`` over a list) escape both; the
benchmark (``make bench-annotate``) is the check for those. The garbage collector is
off while counting, so when memory is freed does not depend on earlier tests.
"""

from __future__ import annotations

import gc
import sys
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any


@dataclass(frozen=True)
class Work:
    lines: int
    allocated: int

    def at_most(self, times: int, other: Work) -> bool:
        """Whether this is at most ``times`` the work of ``other`` by both measures."""
        return self.lines <= times * other.lines and self.allocated <= times * other.allocated


def work_done(run: Callable[[], object], *, under: str) -> Work:
    """The lines of code under the path ``under`` that ``run()`` executes, and the bytes
    allocated while they run (each line charged the peak growth during it)."""
    lines = allocated = 0
    last = 0

    def tracer(frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal lines, allocated, last
        if not frame.f_code.co_filename.startswith(under):
            return None
        if event == "line":
            current, peak = tracemalloc.get_traced_memory()
            allocated += peak - last
            tracemalloc.reset_peak()
            last = current
            lines += 1
        return tracer

    collecting = gc.isenabled()
    gc.disable()
    tracemalloc.start()
    last = tracemalloc.get_traced_memory()[0]
    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(None)
        tracemalloc.stop()
        if collecting:
            gc.enable()
    return Work(lines, allocated)
