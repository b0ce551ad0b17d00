"""A fake image API for the tests: 127.0.0.1 only, answering with small PNGs made in the test.

It serves Bedrock's InvokeModel for Stability models (`POST /model/<model id>/invoke`, answered
{"seeds", "finish_reasons", "images"} as the Bedrock user guide shows) and OpenAI's images endpoint
(`POST /v1/images/generations`, answered {"created", "data": [{"b64_json"}]}). What it answers is
chosen by a word in the prompt, so one document can hold pictures that fail in each way:
- "refused": Stability's "Filter reason: prompt" (openai: a 400 content policy error);
- "broken": a 500;
- "gif": a GIF, not a PNG;
- "enormous": a PNG header claiming 20000 x 20000 pixels;
- anything else: a 4 x 4 PNG.
`status` answers every request with that HTTP status instead (a refused key: 403).
"""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.pictures.images import png_bytes

GIF = b"GIF89a\x04\x00\x04\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00"


def enormous_png() -> bytes:
    data = bytearray(png_bytes())
    data[16:24] = (20000).to_bytes(4, "big") + (20000).to_bytes(4, "big")  # IHDR width and height
    return bytes(data)


@dataclass
class FakeImages:
    status: int = 0
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def prompts(self) -> list[str]:
        with self.lock:
            return [request["body"].get("prompt", "") for request in self.requests]

    def start(self) -> FakeImages:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                with fake.lock:
                    fake.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                status, answer = fake.answer(self.path, body)
                data = json.dumps(answer).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def answer(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        prompt = str(body.get("prompt", "")).lower().split("do not show:")[0]
        openai = path.endswith("/images/generations")
        if self.status:
            return self.status, {"message": "The security token included in the request is invalid.",
                                 "echo": str(self.requests[-1]["headers"].get("Authorization", ""))}  # servers do echo
        if "broken" in prompt:
            return 500, {"message": "internal error"}
        if "refused" in prompt:
            if openai:
                return 400, {"error": {"message": "Your request was rejected by the safety system.",
                                       "type": "invalid_request_error", "code": "content_policy_violation"}}
            return 200, {"seeds": [1], "finish_reasons": ["Filter reason: prompt"], "images": []}
        picture = GIF if "gif" in prompt else enormous_png() if "enormous" in prompt else png_bytes()
        encoded = base64.b64encode(picture).decode("ascii")
        if openai:
            return 200, {"created": 1, "data": [{"b64_json": encoded}]}
        return 200, {"seeds": [1], "finish_reasons": [None], "images": [encoded]}
