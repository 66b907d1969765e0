"""The socket ``serve --workers N`` listens on: accepted connections have Nagle off."""

from __future__ import annotations

import asyncio
import socket

from app.core.listener import TCPConfig


async def _nodelay_of_accepted(listener: socket.socket) -> int:
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def handle(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("socket")
        accepted.set_result(peer.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(handle, sock=listener)
    host, port = listener.getsockname()[:2]
    _reader, writer = await asyncio.open_connection(host, port)
    try:
        return await asyncio.wait_for(accepted, timeout=10)
    finally:
        writer.close()
        server.close()
        await server.wait_closed()


def test_the_bound_socket_says_tcp_so_accepted_connections_send_at_once() -> None:
    # Without it every keep-alive request past the first waits ~40 ms (uvicorn #3149).
    listener = TCPConfig("app.main:app", host="127.0.0.1", port=0, workers=2).bind_socket()
    assert listener.family == socket.AF_INET
    assert listener.proto == socket.IPPROTO_TCP
    assert asyncio.run(_nodelay_of_accepted(listener)) != 0
