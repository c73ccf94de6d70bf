"""Fail loudly if code opens a network connection (Unix sockets for local IPC are fine).

Imported by conftest for the test process, and by test subprocesses (``-c`` code) so a
reopened store is checked for zero connections too. Loopback may be allowed explicitly
for tests that talk to a local server.
"""

from __future__ import annotations

import socket

ATTEMPTS: list[object] = []
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_allow_loopback = False


class NetworkBlocked(RuntimeError):
    pass


def _is_loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    return isinstance(host, str) and (host.startswith("127.") or host in ("::1", "localhost"))


def _check(sock: socket.socket, address: object) -> None:
    if sock.family == socket.AF_UNIX:
        return
    if _allow_loopback and _is_loopback(address):
        return
    ATTEMPTS.append(address)
    raise NetworkBlocked(f"network connection attempted to {address!r}")


def _connect(self: socket.socket, address: object) -> None:
    _check(self, address)
    return _real_connect(self, address)


def _connect_ex(self: socket.socket, address: object) -> int:
    _check(self, address)
    return _real_connect_ex(self, address)


def install(allow_loopback: bool = False) -> None:
    global _allow_loopback
    _allow_loopback = allow_loopback
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]


def uninstall() -> None:
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]
