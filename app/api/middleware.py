"""ASGI middleware: answering HEAD like GET, refusing oversized requests early, and CORS
whose refusals are problem details like every other error."""

from __future__ import annotations

from fastapi import HTTPException
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem_response


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


class ProblemCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered as problem details.

    Starlette answers a preflight from a disallowed origin (or asking for a method
    or header not allowed) with a bare ``400 text/plain``; every error here is
    problem details, so it is rewritten, keeping the CORS headers it set.
    """

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        refused = bytes(response.body).decode().removeprefix("Disallowed CORS ").strip()
        origin = request_headers.get("origin", "")
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        headers.pop("content-type", None)
        return problem_response(
            response.status_code,
            f"The cross-origin request from {origin!r} was refused: its {refused} "
            "is not allowed here.",
            headers=headers,
        )
