"""A fake llama.cpp-style OpenAI-compatible server for the tests: 127.0.0.1, no network, no model.

`FakeLlama` serves `GET /v1/models` and `POST /v1/chat/completions` as llama-cpp-python's server and
llama.cpp's llama-server do, with their quirks (shapes from their docs and issue threads):
- `refuse` lists the response_format types answered with a 500 whose message carries a Python
  traceback, as llama-cpp-python answers `json_schema` (by default: ("json_schema",)); a
  `json_object` with a "schema" is taken;
- `n_ctx`: a prompt of more tokens (characters / 4 of every message) is answered 400 in llama.cpp's
  shape, {"error": {"code": 400, "type": "exceed_context_size_error", "n_prompt_tokens", "n_ctx"}};
- it answers with its own `model_name`, whatever model was asked for;
- `drop_system`: the chat template drops a system message without a word (the prompt tokens it
  counts leave it out); `refuse_system`: the template refuses one with a 500 "Conversation roles
  must alternate user/assistant/user/assistant/...".
- `script` / `default` give per-request actions as in fake_anthropic ({"delay": s}, {"status": n,
  "retry_after": "0.05"}, {"text": "..."}, {"answer": {...}}). A delayed answer watches its
  connection: when the client goes, the request is counted in `cancelled` and nothing is written.
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.backends.fake_anthropic import Recorded, answer_posted, answer_text, serve

TRACEBACK = ("Traceback (most recent call last):\n"
             '  File "/srv/llama_cpp/server/errors.py", line 171, in custom_route_handler\n'
             "    response = await original_route_handler(request)\n"
             '  File "/srv/llama_cpp/llama_chat_format.py", line 612, in chat_completion_handler\n'
             "    raise ValueError(f'response_format type {kind} is not supported')\n"
             "ValueError: response_format type json_schema is not supported")
CONTEXT_MESSAGE = "the request exceeds the available context size, try increasing it"


@dataclass
class FakeLlama:
    model_name: str = "models/tiny-chat-q4_k_m.gguf"
    refuse: tuple[str, ...] = ("json_schema",)
    n_ctx: int = 32768
    drop_system: bool = False
    refuse_system: bool = False
    script: list[dict[str, Any]] = field(default_factory=list)
    default: Callable[[Recorded], dict[str, Any]] = lambda request: {}
    requests: list[Recorded] = field(default_factory=list)
    cancelled: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def start(self) -> FakeLlama:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                if self.path.rstrip("/").endswith("/models"):
                    fake._send(self, 200, {"object": "list", "data": [
                        {"id": fake.model_name, "object": "model", "owned_by": "llamacpp"}]})
                else:
                    fake._send(self, 404, {"error": {"code": 404, "message": "File Not Found", "type": "not_found_error"}})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                answer_posted(fake, self, body)

        self.server = serve(Handler)
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def respond(self, handler: BaseHTTPRequestHandler, request: Recorded, action: dict[str, Any]) -> None:
        if action.get("delay") and not self._wait_unless_gone(handler, float(action["delay"])):
            with self.lock:
                self.cancelled += 1
            return
        messages = request.body.get("messages", [])
        has_system = any(message["role"] == "system" for message in messages)
        if self.refuse_system and has_system:
            self._error(handler, 500, "Conversation roles must alternate user/assistant/user/assistant/...")
            return
        kind = (request.body.get("response_format") or {}).get("type")
        if kind in self.refuse:
            self._error(handler, 500, TRACEBACK if kind == "json_schema" else
                        f'response_format type must be one of "text" or "json_object", but got: {kind}',
                        "internal_server_error" if kind == "json_schema" else "server_error")
            return
        counted = [message for message in messages if not (self.drop_system and message["role"] == "system")]
        prompt_tokens = sum(len(message["content"]) for message in counted) // 4 + 10
        if prompt_tokens > self.n_ctx:
            self._send(handler, 400, {"error": {"code": 400, "message": CONTEXT_MESSAGE,
                                                "type": "exceed_context_size_error",
                                                "n_prompt_tokens": prompt_tokens, "n_ctx": self.n_ctx}})
            return
        status = action.get("status", 200)
        if status != 200:
            headers = {"retry-after": action["retry_after"]} if "retry_after" in action else {}
            message = "Loading model" if status == 503 else f"fake error {status}"
            self._error(handler, status, message, "unavailable_error" if status == 503 else "server_error", headers)
            return
        text = answer_text(request, action)
        self._send(handler, 200, {
            "id": f"chatcmpl-{len(self.requests)}", "object": "chat.completion", "created": 0,
            "model": self.model_name,  # its own, whatever was asked for
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": action.get("finish_reason", "stop")}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": len(text) // 4,
                      "total_tokens": prompt_tokens + len(text) // 4},
        })

    def _error(self, handler: BaseHTTPRequestHandler, status: int, message: str, kind: str = "server_error",
               headers: dict[str, str] | None = None) -> None:
        self._send(handler, status, {"error": {"code": status, "message": message, "type": kind}}, headers)

    @staticmethod
    def _wait_unless_gone(handler: BaseHTTPRequestHandler, seconds: float) -> bool:
        """Wait `seconds`; False as soon as the client closes its connection (as llama-server notices)."""
        sock = handler.connection
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([sock], [], [], min(left, 0.02))
            if readable:
                try:
                    if sock.recv(1, socket.MSG_PEEK) == b"":
                        return False
                except OSError:
                    return False
                time.sleep(0.02)
        return True

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any],
              headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode("utf-8")
        try:
            handler.send_response(status)
            handler.send_header("content-type", "application/json")
            handler.send_header("content-length", str(len(data)))
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
