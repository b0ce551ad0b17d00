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
        return "response_format" in self.body

    @property
    def credential(self) -> str:
        """The key the request carried: x-api-key (Anthropic) or the Authorization bearer token."""
        if "x-api-key" in self.headers:
            return self.headers["x-api-key"]
        return self.headers.get("authorization", "").removeprefix("Bearer ")

    def say(self, template: str) -> str:
        return template.replace("{key}", self.credential).replace("{key_start}", self.credential[:20])

    @property
    def section(self) -> str:
        """The section text the request sent, between the <source_section> tags."""
        match = SECTION.search(self.first_user_text)
        return match.group(1) if match else ""

    @property
    def sections(self) -> list[str]:
        """The text of every section the request sent (one or more; "" for a bare heading)."""
        return [text.strip("\n") for text in SECTIONS.findall(self.first_user_text)]

    @property
    def is_plan(self) -> bool:
        """A planning request (the whole document between <source_document> tags)."""
        return "<source_document>" in self.first_user_text

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


@dataclass
class FakeAnthropic:
    script: list[dict[str, Any]] = field(default_factory=list)
    default: Callable[[Recorded], dict[str, Any]] = lambda request: {}
    requests: list[Recorded] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    seen_systems: set[str] = field(default_factory=set)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeAnthropic:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                recorded = Recorded({k.lower(): v for k, v in self.headers.items()}, body, time.monotonic(),
                                    path=self.path)
                with fake.lock:
                    fake.requests.append(recorded)
                    action = fake.script.pop(0) if fake.script else None
                if action is None:
                    action = fake.default(recorded)
                fake.respond(self, recorded, action)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False  # a handler still sleeping must not hold up the tests
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
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
        if "text" in action:
            text = request.say(action["text"])
        elif request.is_plan and "answer" not in action:
            text = json.dumps(good_plan(request.first_user_text))
        elif len(request.sections) > 1 and "answer" not in action:
            bare = iter(BARE_HEADING.findall(request.first_user_text))  # a bare heading keeps its words
            text = json.dumps({"sections": [good_answer(section) if section else {"heading": next(bare), "items": []}
                                            for section in request.sections]})
        else:
            answer = action.get("answer") or good_answer(request.section)
            if "say" in action and answer.get("items"):
                said = request.say(action["say"])
                answer["heading"] = f"{answer['heading']} {said}"
                answer["items"][0]["sentence"] = f"{answer['items'][0]['sentence']} {said}"
            text = json.dumps(answer)
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
