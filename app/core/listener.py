"""The listening socket of ``serve --workers N``, with Nagle's algorithm off.

uvicorn binds the socket itself when it runs several worker processes, and leaves
its protocol number at 0 (uvicorn issue #3149). Accepted connections inherit it,
and asyncio turns ``TCP_NODELAY`` on only for sockets that say ``IPPROTO_TCP``: so
every keep-alive request after a connection's first waited about 40 ms for the
client's delayed ACK (1,400 requests/s at 64 connections instead of 7,000). One
worker is unaffected: asyncio binds that socket from ``getaddrinfo``.
"""

from __future__ import annotations

import socket

import uvicorn


class TCPConfig(uvicorn.Config):
    """uvicorn's configuration whose bound TCP socket names its protocol."""

    def bind_socket(self) -> socket.socket:
        bound = super().bind_socket()
        if bound.family not in (socket.AF_INET, socket.AF_INET6) or bound.proto:
            return bound
        # The same descriptor, declared TCP: what asyncio checks on accepted sockets.
        return socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, bound.detach())
