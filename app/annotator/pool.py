"""A bounded pool of annotator processes with deadlines (pebble's ProcessPool).

Why processes: spaCy and the rules are CPU-bound Python; in the server process
they would hold the GIL against every request, and one large article would stall
the rest. Here the server only schedules and awaits.

- **Bounded:** at most ``workers + queue`` annotations are admitted at once; past
  that, ``BusyError`` at once (the API answers 503 with ``Retry-After``).
- **Large texts keep a lane free:** with two or more workers, texts over
  ``LARGE_TEXT`` characters run on at most ``workers - 1`` of them, so a short
  post never waits behind a 1,000,000-character one.
- **Deadlines:** an annotation running past ``timeout`` seconds is stopped by
  terminating its process, which pebble replaces; the caller gets ``BusyError``.
- **Cancellation:** a request that goes away (the client hung up) cancels its
  annotation, which frees the worker.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import multiprocessing
import weakref
from collections.abc import Callable, Iterable, Iterator

from pebble import ProcessExpired, ProcessPool

from app.annotator import worker
from app.domain.errors import BusyError
from app.domain.records import Annotations

logger = logging.getLogger(__name__)

#: Characters above which a text is "large" and kept off the last free worker.
LARGE_TEXT = 100_000
#: Seconds a client is told to wait when every annotator is busy.
RETRY_AFTER = 5


class AnnotatorPool:
    """``workers`` annotator processes, admitting ``queue`` more texts than it runs.

    ``task`` is what a worker runs on each text (the pipeline; tests give others),
    after ``initializer`` has run once in each new worker (loading the model).
    """

    def __init__(
        self,
        *,
        workers: int,
        queue: int,
        timeout: float,
        task: Callable[[str], Annotations] = worker.annotate,
        initializer: Callable[[], None] | None = worker.load,
    ) -> None:
        self.workers = workers
        self._task = task
        self.capacity = workers + queue
        self.timeout = timeout
        self._admitted = 0
        # One lane per event loop (an asyncio primitive belongs to the loop it is used in).
        self._large_lanes: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, asyncio.Semaphore
        ] = weakref.WeakKeyDictionary()
        # "spawn": a clean interpreter per worker, never a fork of a threaded server.
        self._pool = ProcessPool(
            max_workers=workers,
            initializer=initializer,
            context=multiprocessing.get_context("spawn"),
        )

    @property
    def admitted(self) -> int:
        """Annotations running or waiting now."""
        return self._admitted

    async def annotate(self, text: str) -> Annotations:
        """The pipeline's annotations of ``text``, computed in a worker process.

        Raises ``BusyError`` at once when the pool is full, and when the annotation
        passes its deadline or its worker dies; nothing is half-done either way.
        """
        if self._admitted >= self.capacity:
            raise BusyError(
                f"All {self.workers} annotators are busy and {self.capacity - self.workers} "
                "articles are waiting; nothing was stored. Try again later.",
                RETRY_AFTER,
            )
        self._admitted += 1
        try:
            if len(text) > LARGE_TEXT and self.workers > 1:
                loop = asyncio.get_running_loop()
                lane = self._large_lanes.setdefault(loop, asyncio.Semaphore(self.workers - 1))
                async with lane:
                    return await self._run(self._task, text, timeout=self.timeout)
            return await self._run(self._task, text, timeout=self.timeout)
        finally:
            self._admitted -= 1

    async def _run(
        self, function: Callable[[str], Annotations], text: str, *, timeout: float
    ) -> Annotations:
        future: concurrent.futures.Future[Annotations] = self._pool.schedule(
            function, args=(text,), timeout=timeout
        )
        try:
            result = await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()  # pebble stops the worker running it and starts a new one
            raise
        except BaseException as exc:
            raise _as_busy(exc, timeout) from exc
        assert isinstance(result, Annotations)
        return result

    def annotate_batches(
        self, batches: Iterable[list[str]], *, window: int | None = None
    ) -> Iterator[list[Annotations] | BusyError]:
        """Annotations of each batch of texts, in order, keeping every worker busy.

        For the command line: up to ``window`` batches (twice the workers by
        default) are in flight while the caller stores earlier results. A batch
        that fails (past its deadline, say) yields its error, and the rest go on.
        """
        in_flight: list[tuple[int, concurrent.futures.Future[list[Annotations]]]] = []
        limit = window or 2 * self.workers
        iterator = iter(batches)
        while True:
            while len(in_flight) < limit:
                batch = next(iterator, None)
                if batch is None:
                    break
                deadline = self.timeout * max(1, len(batch))
                scheduled: concurrent.futures.Future[list[Annotations]] = self._pool.schedule(
                    worker.annotate_batch, args=(batch,), timeout=deadline
                )
                in_flight.append((len(batch), scheduled))
            if not in_flight:
                return
            size, future = in_flight.pop(0)
            try:
                result = future.result()
            except Exception as exc:
                failure = _as_busy(exc, self.timeout * size)
                if not isinstance(failure, BusyError):
                    raise failure from exc
                yield failure
            else:
                yield result

    def close(self) -> None:
        """Stop the workers (running annotations are abandoned)."""
        self._pool.stop()  # type: ignore[no-untyped-call]
        self._pool.join(timeout=10)


def _as_busy(exc: BaseException, timeout: float) -> BaseException:
    """The domain error a failed annotation becomes; other errors pass through."""
    if isinstance(exc, concurrent.futures.TimeoutError | TimeoutError):
        return BusyError(
            f"Annotating this article took longer than {timeout:g} seconds and was stopped; "
            "nothing was stored.",
            RETRY_AFTER,
        )
    if isinstance(exc, ProcessExpired):
        logger.error("an annotator process died: %s", exc)
        return BusyError("The annotator stopped unexpectedly; nothing was stored.", RETRY_AFTER)
    if isinstance(exc, Exception):
        logger.error("the annotation pipeline failed", exc_info=exc)
        return BusyError(
            "The annotation pipeline failed on this article; the error was logged and "
            "nothing was stored.",
            RETRY_AFTER,
        )
    return exc
