"""The reference servers of the read benchmark (``../shared/BENCH.md``).

``python -m bench.ceiling BODIES.json --port P --kind fastapi|raw`` serves, at each
path of the JSON map (path -> base64 body), those exact bytes: from a FastAPI
``async`` route (the ceiling of this stack), or from a bare ASGI app (the
server's own limit). Same interpreter and uvicorn as the service.
"""

from __future__ import annotations

import argparse
import base64
import json
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI, Response


def fastapi_app(bodies: dict[str, bytes]) -> FastAPI:
    app = FastAPI()
    for path, body in bodies.items():

        async def answer(body: bytes = body) -> Response:
            return Response(body, media_type="application/json")

        app.add_api_route(path, answer, methods=["GET"])
    return app


def raw_app(bodies: dict[str, bytes]) -> Any:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = bodies.get(scope["path"], b"")
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("bodies", type=Path)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--kind", choices=["fastapi", "raw"], required=True)
    args = parser.parse_args()
    data = json.loads(args.bodies.read_text())
    bodies = {path: base64.b64decode(body) for path, body in data.items()}
    app = fastapi_app(bodies) if args.kind == "fastapi" else raw_app(bodies)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
