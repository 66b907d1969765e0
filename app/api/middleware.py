"""ASGI middleware: answering HEAD like GET, and refusing oversized requests early."""

from __future__ import annotations

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import problem_response


class HeadAsGetMiddleware:
    """Every ``GET`` also answers ``HEAD``: same status and headers, no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b"", "more_body": False}
                if sent_body:
                    return
                sent_body.append(True)
            await send(message)

        sent_body: list[bool] = []
        await self.app({**scope, "method": "GET"}, receive, send_without_body)


class BodySizeLimitMiddleware:
    """413 for a request body over ``max_bytes``, before it is read whole.

    A declared ``Content-Length`` is checked before reading anything; a chunked
    body is counted as it streams, and the request fails once it passes the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            status = 413 if declared.isdigit() else 400
            detail = (
                f"The request body is larger than {self.max_bytes} bytes."
                if status == 413
                else "The Content-Length header is not a number."
            )
            await problem_response(status, detail)(scope, receive, send)
            return

        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise RequestTooLargeError(self.max_bytes)
            return message

        try:
            await self.app(scope, counting_receive, send)
        except RequestTooLargeError as exc:
            # Raised where no handler turned it into a response (outside a route).
            await problem_response(413, str(exc.detail))(scope, receive, send)


class RequestTooLargeError(HTTPException):
    """Raised inside the app when a streamed body passes the limit.

    An ``HTTPException`` because FastAPI turns any other error raised while it
    reads a body into a 400.
    """

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"The request body is larger than {max_bytes} bytes.")
