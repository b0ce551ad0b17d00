"""A small fake of the Anthropic Messages API for the tests: no network, scriptable per request.

`FakeAnthropic` serves `POST /v1/messages` on 127.0.0.1 (a free port) from a ThreadingHTTPServer,
`POST /v1/chat/completions` in OpenAI's shape (the openai backend), and Bedrock's
`POST /model/<model>/invoke` (the bedrock backend).
Each request takes the next action from `script` (or, when it is empty, from `default(body)`):

    {}                                   answer the section well: its sentences, copied, as items
    {"status": 529}                      an error status (429 can add "retry_after": "0.2")
    {"text": "not json"}                 this exact text as the answer
    {"answer": {...}}                    this object as the answer's JSON
    {"stop_reason": "max_tokens"}        an answer cut off at the token limit
    {"delay": 1.5}                       wait first (combine with any of the above)
    {"echo_headers": True, "status": 500}  an error whose message repeats the request's headers
    {"say": "bad key {key}", ...}        a server that repeats the key: with an error status, this is
                                         the error's message; otherwise it ends the first item's
                                         sentence and the heading of the answer. {key} is the
                                         credential the request carried, {key_start} its first 20
                                         characters (as a server that shows part of a key)

The Message Batches endpoints (`POST /v1/messages/batches`, `GET /v1/messages/batches/<id>` and
`GET /v1/messages/batches/<id>/results`) keep each batch in `batches`. A batch is "in_progress"
for its first `polls_before_end` retrieves, then "ended"; its results (JSON Lines) are worked out
then, each request taking its action from `batch_script[custom_id]`, else from `default` as
above. A batch request's action may also be {"status": 500} (an "errored" result) or
{"result": "expired"} / {"result": "canceled"}. Batch calls are recorded in `batch_calls`
("create", "retrieve", "results"), not in `requests`.

Every request is recorded (headers and JSON body) so tests can count them and look inside.
Error responses carry `retry-after-ms: 10` unless the action says otherwise, so the SDK's
retries are quick. Usage figures are characters / 4, with the system prompt written to the
prompt cache the first time it is seen and read from it after.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SECTION = re.compile(r"<source_section>\n(.*?)\n</source_section>", re.DOTALL)
SECTIONS = re.compile(r"<source_section>\n(.*?)</source_section>", re.DOTALL)
BARE_HEADING = re.compile(r"Heading: (.*)\n<source_section>\n</source_section>")
REQUEST_START = "Rewrite the "  # how prompts/v3/user.md starts a request of sections
PLAN_START = "Plan the Easy Read version"  # how prompts/v3/plan.md starts a planning request


@dataclass
class Recorded:
    headers: dict[str, str]
    body: dict[str, Any]
    started: float
    finished: float = 0.0
    path: str = ""

    @property
    def model(self) -> str:
        """The model asked for: in the body, or in the path for Bedrock (/model/<model>/invoke)."""
        if self.path.startswith("/model/"):
            from urllib.parse import unquote

            return unquote(self.path.split("/")[2])
        return str(self.body.get("model", ""))

    @property
    def first_user_text(self) -> str:
        return next(_text_of(m["content"]) for m in self.body["messages"] if m["role"] == "user")

    @property
    def system(self) -> str:
        if "system" in self.body:
            return _text_of(self.body["system"])
        return next((_text_of(m["content"]) for m in self.body["messages"] if m["role"] == "system"), "")

    @property
    def is_openai(self) -> bool:
        return "response_format" in self.body or self.path.endswith("/chat/completions")

    @property
    def credential(self) -> str:
        """The key the request carried: x-api-key (Anthropic) or the Authorization bearer token."""
        if "x-api-key" in self.headers:
            return self.headers["x-api-key"]
        return self.headers.get("authorization", "").removeprefix("Bearer ")

    def say(self, template: str) -> str:
        return template.replace("{key}", self.credential).replace("{key_start}", self.credential[:20])

    @property
    def request_text(self) -> str:
        """The first user turn from the request itself on: without the rules and their worked
        examples, when a server's chat template made us put them at the top of that turn."""
        text = self.first_user_text
        start = text.rfind(REQUEST_START)
        return text[start:] if start >= 0 else text

    @property
    def section(self) -> str:
        """The text of the first section the request sent, between the <source_section> tags."""
        match = SECTION.search(self.request_text)
        return match.group(1) if match else ""

    @property
    def sections(self) -> list[str]:
        """The text of every section the request sent (one or more; "" for a bare heading)."""
        return [text.strip("\n") for text in SECTIONS.findall(self.request_text)]

    @property
    def is_plan(self) -> bool:
        """A planning request (the whole document between <source_document> tags)."""
        return PLAN_START in self.first_user_text  # not the tags: the rules name them too

    @property
    def cached_prefixes(self) -> list[str]:
        """The text up to each part marked with cache_control (the system prompt, then marked message
        parts), shortest first: what the API caches. Only the system prompt when no message part is marked."""
        prefix = self.system
        marked = [prefix]
        for message in self.body.get("messages", []):
            content = message.get("content")
            for part in content if isinstance(content, list) else []:
                prefix += part.get("text", "")
                if part.get("cache_control"):
                    marked.append(prefix)
        return marked


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    return "".join(block.get("text", "") for block in content)


BLOCK_NUMBER = re.compile(r"^\[(\d+)\]\s*")


def good_answer(section: str, heading: str = "What this is about") -> dict[str, Any]:
    """Each sentence of the section (a line, or split at . ! ?) as one item, words unchanged, naming
    the numbered block ("[2] ...") it came from."""
    items = []
    block = 0
    for line in section.splitlines():
        line = line.strip()
        number = BLOCK_NUMBER.match(line)
        if number:
            block = int(number.group(1))
            line = line[number.end():]
        line = line.removeprefix("- ")
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            if sentence.strip():
                items.append({"sentence": sentence.strip(), "picture": f"a picture of: {sentence.strip()[:30]}",
                              "hard_words": [], "words_avoided": [], "source_blocks": [max(block, 1)]})
    return {"heading": heading, "items": items}


PLAN_BLOCK = re.compile(r"^\[(\d+)\]\s*(?:- |> )?(.*)$", re.MULTILINE)


def good_plan(request_text: str) -> dict[str, Any]:
    """A plan that passes the checks: the source title as the title, an opening of the first two
    blocks' text (cut to 12 words, facts and all), and no glossary."""
    title = re.search(r"^Title: (.*)$", request_text, re.MULTILINE)
    opening = []
    for number, text in PLAN_BLOCK.findall(request_text.split("<source_document>", 1)[-1])[:2]:
        opening.append({"sentence": " ".join(text.split()[:12]), "picture": "a letter", "hard_words": [],
                        "words_avoided": [], "source_blocks": [int(number)]})
    return {"title": title.group(1) if title and title.group(1) != "(none)" else "About this letter",
            "opening": opening, "glossary": []}


def serve(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    """A loopback server on a free port answering with `handler`, running in a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.block_on_close = False  # a handler still sleeping must not hold up the tests
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


def answer_posted(fake: Any, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
    """Record a request a fake server was sent and answer it: with the next action of the fake's
    `script`, else with `default(request)`, through the fake's `respond`."""
    recorded = Recorded({k.lower(): v for k, v in handler.headers.items()}, body, time.monotonic(), path=handler.path)
    with fake.lock:
        fake.requests.append(recorded)
        action = fake.script.pop(0) if fake.script else None
    if action is None:
        action = fake.default(recorded)
    fake.respond(handler, recorded, action)


def answer_text(request: Recorded, action: dict[str, Any]) -> str:
    """The text of the answer to `request` that `action` asks for: its "text" as it is; else its
    "answer" object; else a good answer: a plan for a planning request, one section answer for a
    request of one section, and {"sections": [...]} for a request of several (a bare heading keeps
    its words, with no items). "say" adds the server's words to the heading and the first sentence."""
    if "text" in action:
        return request.say(action["text"])
    if request.is_plan and "answer" not in action:
        return json.dumps(good_plan(request.first_user_text))
    if len(request.sections) > 1 and "answer" not in action:
        bare = iter(BARE_HEADING.findall(request.request_text))
        return json.dumps({"sections": [good_answer(section) if section else {"heading": next(bare), "items": []}
                                        for section in request.sections]})
    answer = action.get("answer") or good_answer(request.section)
    if "say" in action and answer.get("items"):
        said = request.say(action["say"])
        answer["heading"] = f"{answer['heading']} {said}"
        answer["items"][0]["sentence"] = f"{answer['items'][0]['sentence']} {said}"
    return json.dumps(answer)


# ---- the Message Batches API ---------------------------------------------------------------------

BATCHES = "/v1/messages/batches"


@dataclass
class FakeBatch:
    id: str
    requests: list[dict[str, Any]]
    retrieves: int = 0
    results: list[dict[str, Any]] | None = None  # worked out when the batch ends

    @property
    def ended(self) -> bool:
        return self.results is not None


class BatchesEndpoints:
    """The batches endpoints of FakeAnthropic (kept apart from its Messages API)."""

    url: str
    lock: threading.Lock
    default: Callable[[Recorded], dict[str, Any]]
    batches: dict[str, FakeBatch]
    batch_script: dict[str, dict[str, Any]]
    batch_calls: list[tuple[str, str]]
    polls_before_end: int

    def batch_create(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        with self.lock:
            batch = FakeBatch(f"msgbatch_fake{len(self.batches) + 1:03d}", list(body.get("requests", [])))
            self.batches[batch.id] = batch
            self.batch_calls.append(("create", batch.id))
        self._send_json(handler, 200, self.batch_object(batch))

    def batch_get(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?")[0]
        parts = path.removeprefix(BATCHES + "/").split("/")
        batch = self.batches.get(parts[0]) if path.startswith(BATCHES + "/") else None
        if batch is None:
            self._send_json(handler, 404, {"type": "error", "error": {"type": "not_found_error",
                                                                      "message": f"no batch {parts[0]}"}})
            return
        if parts[1:] == ["results"]:
            with self.lock:
                self.batch_calls.append(("results", batch.id))
            lines = "".join(json.dumps(result) + "\n" for result in batch.results or [])
            data = lines.encode("utf-8")
            handler.send_response(200)
            handler.send_header("content-type", "application/binary")
            handler.send_header("content-length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
            return
        with self.lock:
            self.batch_calls.append(("retrieve", batch.id))
            batch.retrieves += 1
        if batch.retrieves > self.polls_before_end and not batch.ended:
            batch.results = [self.batch_result(request) for request in batch.requests]
        self._send_json(handler, 200, self.batch_object(batch))

    def batch_object(self, batch: FakeBatch) -> dict[str, Any]:
        kinds = [result["result"]["type"] for result in batch.results or []]
        counts = {"processing": 0 if batch.ended else len(batch.requests),
                  **{kind: kinds.count(kind) for kind in ("succeeded", "errored", "canceled", "expired")}}
        return {"id": batch.id, "type": "message_batch", "processing_status": "ended" if batch.ended else "in_progress",
                "request_counts": counts, "created_at": "2026-11-29T10:00:00Z", "expires_at": "2026-11-30T10:00:00Z",
                "ended_at": "2026-11-29T10:05:00Z" if batch.ended else None, "archived_at": None,
                "cancel_initiated_at": None,
                "results_url": f"{self.url}{BATCHES}/{batch.id}/results" if batch.ended else None}

    def batch_result(self, request: dict[str, Any]) -> dict[str, Any]:
        """One line of the results: the request answered as `respond` answers a message."""
        custom_id = request["custom_id"]
        recorded = Recorded({}, request["params"], time.monotonic(), path="/v1/messages")
        action = self.batch_script.get(custom_id) or self.default(recorded)
        if action.get("result") in ("expired", "canceled"):
            return {"custom_id": custom_id, "result": {"type": action["result"]}}
        if action.get("status", 200) != 200:
            return {"custom_id": custom_id, "result": {"type": "errored", "error": {
                "type": "error", "error": {"type": "api_error", "message": f"fake error {action['status']}"}}}}
        text = answer_text(recorded, action)
        prompt_tokens = len(json.dumps(request["params"])) // 4
        message = {"id": f"msg_{custom_id}", "type": "message", "role": "assistant", "model": recorded.model,
                   "content": [{"type": "text", "text": text}], "stop_reason": action.get("stop_reason", "end_turn"),
                   "stop_sequence": None,
                   "usage": {"input_tokens": prompt_tokens, "output_tokens": len(text) // 4,
                             "cache_read_input_tokens": 0, "cache_creation_input_tokens": 0}}
        return {"custom_id": custom_id, "result": {"type": "succeeded", "message": message}}

    @staticmethod
    def _send_json(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode("utf-8")
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)


@dataclass
class FakeAnthropic(BatchesEndpoints):
    script: list[dict[str, Any]] = field(default_factory=list)
    default: Callable[[Recorded], dict[str, Any]] = lambda request: {}
    requests: list[Recorded] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    seen_systems: set[str] = field(default_factory=set)
    server: ThreadingHTTPServer | None = None
    batches: dict[str, FakeBatch] = field(default_factory=dict)
    batch_script: dict[str, dict[str, Any]] = field(default_factory=dict)
    batch_calls: list[tuple[str, str]] = field(default_factory=list)  # (call, batch id)
    polls_before_end: int = 1

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeAnthropic:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                fake.batch_get(self)

            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path.split("?")[0] == BATCHES:
                    fake.batch_create(self, body)
                    return
                answer_posted(fake, self, body)

        self.server = serve(Handler)
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def respond(self, handler: BaseHTTPRequestHandler, request: Recorded, action: dict[str, Any]) -> None:
        if action.get("delay"):
            time.sleep(action["delay"])
        status = action.get("status", 200)
        if status != 200:
            message = "Overloaded" if status == 529 else f"fake error {status}"
            if "say" in action:
                message = request.say(action["say"])
            if action.get("echo_headers"):  # the credentials first, as a careless proxy might
                first = {name: request.headers[name] for name in ("authorization", "x-api-key") if name in request.headers}
                message += " " + json.dumps({**first, **request.headers})
            headers = {"retry-after-ms": "10"}
            if "retry_after" in action:
                headers = {"retry-after": action["retry_after"]}
            self._send(handler, request, status, {"type": "error", "error": {"type": "api_error", "message": message}},
                       headers)
            return
        text = answer_text(request, action)
        prefixes = request.cached_prefixes  # the system prompt, and the document context when marked
        with self.lock:
            read = max((len(prefix) for prefix in prefixes if prefix in self.seen_systems), default=0) // 4
            self.seen_systems.update(prefixes)
        prompt_tokens = len(json.dumps(request.body)) // 4
        system_tokens = len(prefixes[-1]) // 4  # read from the cache up to `read`, written after it
        stop_reason = action.get("stop_reason", "end_turn")
        if request.is_openai:
            body = {
                "id": f"chatcmpl-{len(self.requests)}", "object": "chat.completion", "created": 0,
                "model": request.model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                             "finish_reason": "length" if stop_reason == "max_tokens" else "stop"}],
                "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": len(text) // 4,
                          "total_tokens": prompt_tokens + len(text) // 4,
                          "prompt_tokens_details": {"cached_tokens": read}},
            }
        else:
            body = {
                "id": f"msg_{len(self.requests)}", "type": "message", "role": "assistant",
                "model": request.model, "content": [{"type": "text", "text": text}],
                "stop_reason": stop_reason, "stop_sequence": None,
                "usage": {"input_tokens": prompt_tokens - system_tokens, "output_tokens": len(text) // 4,
                          "cache_read_input_tokens": read,
                          "cache_creation_input_tokens": system_tokens - read},
            }
        self._send(handler, request, 200, body, {})

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, request: Recorded, status: int, body: dict[str, Any],
              headers: dict[str, str]) -> None:
        request.finished = time.monotonic()  # before the client can see the answer and send again
        data = json.dumps(body).encode("utf-8")
        try:
            handler.send_response(status)
            handler.send_header("content-type", "application/json")
            handler.send_header("content-length", str(len(data)))
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass
