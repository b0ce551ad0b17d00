"""An HTTP client whose connections can be cut from another thread, so Ctrl-C cancels requests in flight.

Closing an httpx client closes its sockets, but on Linux a thread blocked reading a socket is not
woken by another thread's close(): the request goes on until the server answers or the timeout
ends (about 110 s in issue 12), and the server goes on writing an answer nobody reads. A
`shutdown()` of the socket wakes the reader at once and tells the server the client has gone
(llama-server then stops that request's generation). `Connections` remembers the sockets the
client opens and `cut()` shuts them all down.

The sockets are found through the httpx transport's connection pool (httpcore's documented
`network_backend` seam, reached through the transport's pool attribute, which httpx does not make
public). Should a later httpx move it, `cuttable_client` still returns a working client; only
`cut()` then does nothing, and Ctrl-C falls back to closing the client and leaving the process.
"""

from __future__ import annotations

import socket
import threading
from typing import Any


class Connections:
    """The network streams one client opened; `cut()` shuts down every socket among them."""

    def __init__(self) -> None:
        self._streams: list[Any] = []
        self._lock = threading.Lock()
        self.cut_done = False
        self.hooked = False  # True when the client's pool reports its connections here

    def add(self, stream: Any) -> None:
        with self._lock:
            self._streams = [kept for kept in self._streams if _socket_of(kept) is not None]
            self._streams.append(stream)
            cut = self.cut_done
        if cut:  # opened after the cut (a thread was between two requests): cut it too
            _shut(stream)

    def cut(self) -> int:
        """Shut down every socket (both ways); returns how many were open. Safe to call twice."""
        with self._lock:
            self.cut_done = True
            streams, self._streams = self._streams, []
        return sum(_shut(stream) for stream in streams)


def _socket_of(stream: Any) -> socket.socket | None:
    try:
        sock = stream.get_extra_info("socket")
    except Exception:  # noqa: BLE001 - a stream of another kind: nothing to cut
        return None
    return sock if isinstance(sock, socket.socket) and sock.fileno() != -1 else None


def _shut(stream: Any) -> int:
    sock = _socket_of(stream)
    if sock is None:
        return 0
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        return 0
    return 1


class _Recording:
    """A network backend that hands every stream it opens to `Connections`, and otherwise is `inner`."""

    def __init__(self, inner: Any, connections: Connections) -> None:
        self._inner = inner
        self._connections = connections

    def connect_tcp(self, *args: Any, **kwargs: Any) -> Any:
        stream = self._inner.connect_tcp(*args, **kwargs)
        self._connections.add(stream)
        return stream

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
        stream = self._inner.connect_unix_socket(*args, **kwargs)
        self._connections.add(stream)
        return stream

    def __getattr__(self, name: str) -> Any:  # sleep(), and whatever a later httpcore asks for
        return getattr(self._inner, name)


def cuttable_client(client_class: Any, **client_options: Any) -> tuple[Any, Connections]:
    """An httpx client made by `client_class(transport=..., **client_options)` (e.g. the SDK's
    `DefaultHttpxClient`, a subclass of the httpx client the SDK uses), with the `Connections` that
    can cut its sockets. Its transport is that httpx's `HTTPTransport`, without proxies: meant for
    a server on this machine or network."""
    import importlib

    base = next(klass for klass in client_class.__mro__ if klass.__name__ == "Client")
    httpx_module = importlib.import_module(base.__module__.split(".")[0])  # httpx, or the SDK's httpx2
    connections = Connections()
    transport = httpx_module.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if inner is not None and hasattr(inner, "connect_tcp"):
        pool._network_backend = _Recording(inner, connections)  # type: ignore[union-attr]
        connections.hooked = True
    return client_class(transport=transport, **client_options), connections
