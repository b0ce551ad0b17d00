"""With an LLM backend, the model chooses each item's picture from its short list (issue 16.3).

`pictures.choose.choose_pictures` offers each item without a picture its short list (up to 5
candidates of the matcher, each named by its label) and the matcher's own choice. A
`PicturePicker` (the chooser `chooser_for` gives an LLM backend) asks the model for all the items of
a document at once, `BATCH_ITEMS` items a request (prompts/v3/pictures.md, sent with the backend's
system prompt like every request), the answer asked for as JSON of `PicturesAnswer`
(`{"choices": [{"item": 1, "picture": 2}, ...]}`, picture 0: none fits) and checked with pydantic.

An answer that is not JSON of the schema, leaves an item out, answers one twice or names a picture
number not on the item's list is sent back once, told what was wrong (prompts v3 `repair.md`, as
for sections). A failed request, or an item still without a good answer: the item gets the
matcher's choice (or its placeholder), nothing stops, and each such item is counted in
`PickReport.fell_back` with the first reason in `PickReport.problem`. A good answer is kept in the
response cache (keyed by the backend, model, system prompt and the request's text), so a rerun
sends nothing. The requests count in the backend's usage and cost like its others;
`estimate_pick` is their share of `--dry-run`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from easyread.backends.answer import parse_model
from easyread.backends.prompts import default_folder, neutralise
from easyread.backends.response_cache import digest
from easyread.backends.usage import CHARS_PER_TOKEN, Estimate
from easyread.errors import EasyReadError, UsageError
from easyread.language.sentences import split_sentences

if TYPE_CHECKING:
    from easyread.backends.llm import LLMBackend, Message
    from easyread.model import Section
    from easyread.pictures.choose import Offer

PICK_ANSWER = "pictures"  # Message.answer of a picture request: llm.schema_of gives `pick_schema`
TEMPLATE = "pictures.md"
BATCH_ITEMS = 100  # items a request: an answer of ~10 tokens an item stays well inside a local server's 2048
NONE_FITS = 0
# For --dry-run: an item's lines (sentence, description, up to 5 labels) took 195-248 characters in
# five real documents (rules backend, OpenMoji; 1.8-2.9 pictures a list), and its answer
# ({"item": 12, "picture": 3}) is about 10 tokens. Every sentence of the source counts as an item
# offered (34-82% of the items were, in those documents), so the estimate is an upper bound.
ITEM_CHARS = 250
ITEM_OUTPUT_TOKENS = 10
_ITEMS_TAG = re.compile(r"<(\s*/?\s*easy_read_items)", re.IGNORECASE)


class PictureChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item: int = Field(description="The item's number, as in the request.")
    picture: int = Field(description="The number of the item's picture that shows what it means; 0 when none fits.")


class PicturesAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    choices: list[PictureChoice] = Field(description="One choice for each item of the request.")


@cache
def pick_schema() -> dict[str, Any]:
    """The JSON schema of a picture answer, in the strict form structured outputs accept."""
    return PicturesAnswer.model_json_schema()


@cache
def template() -> str:
    """The shipped request template (prompts/v3/pictures.md; a `--prompts` folder does not replace it)."""
    path = default_folder() / TEMPLATE
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(path, f"cannot read the prompt template ({getattr(error, 'strerror', None) or error})") from None


def _data(text: str) -> str:
    return _ITEMS_TAG.sub(r"&lt;\1", neutralise(" ".join(text.split())))


def request_text(offers: list[Offer]) -> str:
    """The request for `offers`: each item numbered from 1, with its sentence, the picture asked
    for and its pictures numbered from 1 by their labels (the file's name when it has no label)."""
    parts = []
    for number, offer in enumerate(offers, start=1):
        lines = [f"Item {number}. Sentence: {_data(offer.item.sentence)}",
                 f"Picture asked for: {_data(offer.item.picture) or '(none)'}"]
        lines += [f"  {place}. {_data(candidate.label or _file_words(candidate.path))}"
                  for place, candidate in enumerate(offer.candidates, start=1)]
        parts.append("\n".join(lines))
    return template().replace("{items}", "\n\n".join(parts), 1).strip() + "\n"


def _file_words(path: str) -> str:
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(re.split(r"[-_\s]+", name)).strip()


def read_choices(text: str | None, offers: list[Offer]) -> tuple[dict[int, str | None], str | None]:
    """The choices of a reply `text` for `offers`: {index in offers: path, or None for none fits},
    and the first problem found (None for a perfect answer). An item left out, answered twice or
    with a number not on its list has no entry; an answer not JSON of the schema gives {}."""
    answer, problem = parse_model(text, PicturesAnswer)
    if answer is None:
        return {}, problem
    choices: dict[int, str | None] = {}
    problems: list[str] = []
    seen: set[int] = set()
    for choice in answer.choices:
        index = choice.item - 1
        if not 0 <= index < len(offers):
            problems.append(f"item {choice.item} is not in the request")
            continue
        if index in seen:
            problems.append(f"item {choice.item} was answered twice")
            choices.pop(index, None)
            continue
        seen.add(index)
        listed = offers[index].candidates
        if choice.picture == NONE_FITS:
            choices[index] = None
        elif 1 <= choice.picture <= len(listed):
            choices[index] = listed[choice.picture - 1].path
        else:
            problems.append(f"item {choice.item}: picture {choice.picture} is not on its list of {len(listed)}")
    missing = [str(index + 1) for index in range(len(offers)) if index not in seen]
    if missing:
        problems.append(f"no choice for item {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}")
    return choices, ("; ".join(problems) if problems else None)


@dataclass
class PickReport:
    """What the model did with a document's pictures: items offered, items it gave a picture,
    items it said none fits, items that got the matcher's choice because its answer for them was
    missing or wrong even after a repair (`fell_back`), requests answered from the cache, requests
    repaired, and the first problem that left items to the matcher."""

    offered: int = 0
    picked: int = 0
    none_fits: int = 0
    fell_back: int = 0
    from_cache: int = 0
    repaired: int = 0  # requests whose answer had a problem and was asked for again
    problem: str | None = None


def report_lines(report: PickReport | None, label: str) -> list[str]:
    """What the conversion summary says of the model's picture choice (nothing when no item was
    offered): one line, and a warning naming the first problem when items got the matcher's choice."""
    if report is None or not report.offered:
        return []
    lines = [f"pictures: the model chose {report.picked} of {report.offered} items' pictures and said none fits "
             f"{report.none_fits}" + (" (from the cache)" if report.from_cache else "")]
    if report.fell_back:
        lines.append(f"warning: {label}: {report.fell_back} items got the matcher's picture instead of the model's "
                     f"choice: {' '.join((report.problem or '').split())}")
    return lines


class PicturePicker:
    """The chooser of an LLM backend (see `pictures.choose.Chooser`): call it with a document's offers."""

    def __init__(self, backend: LLMBackend) -> None:
        self.backend = backend
        self.report = PickReport()

    def __call__(self, offers: list[Offer]) -> list[str | None]:
        """Each offer's picture path, or None when the model says none fits; the matcher's choice
        (`offer.default`) where the model gave no usable answer. Never raises for a bad answer or a
        failed request (KeyboardInterrupt aside)."""
        results: list[str | None] = []
        for start in range(0, len(offers), BATCH_ITEMS):
            results += self._batch(offers[start:start + BATCH_ITEMS])
        return results

    def _batch(self, offers: list[Offer]) -> list[str | None]:
        self.report.offered += len(offers)
        text = request_text(offers)
        key = self.cache_key(text)
        cache = self.backend.cache
        cached = cache.get(key) if cache else None
        choices, problem = read_choices(cached, offers) if cached is not None else ({}, "no cached answer")
        if problem is None:
            self.report.from_cache += 1
        else:
            choices, problem, keep = self._answer(text, offers)
            if keep is not None and cache:
                cache.put(key, self.backend.name, self.backend.model, keep)
        results: list[str | None] = []
        for index, offer in enumerate(offers):
            if index not in choices:
                self.report.fell_back += 1
                results.append(offer.default)
            elif choices[index] is None:
                self.report.none_fits += 1
                results.append(None)
            else:
                self.report.picked += 1
                results.append(choices[index])
        if problem and len(choices) < len(offers) and self.report.problem is None:
            self.report.problem = self.backend.scrub(problem)
        return results

    def _answer(self, text: str, offers: list[Offer]) -> tuple[dict[int, str | None], str | None, str | None]:
        """The model's choices for `offers` (see `read_choices`), the problem left, and the reply to
        keep in the cache (None unless it was perfect). An answer with a problem is sent back ONCE,
        told what was wrong (repair.md); an item the second answer still gets wrong keeps its first choice."""
        from easyread.backends.llm import Message

        conversation = [Message("user", text, answer=PICK_ANSWER)]
        reply, failure = self._ask(conversation)
        if reply is None:
            return {}, failure, None
        choices, problem = read_choices(reply, offers)
        if problem is None:
            return choices, None, reply
        self.report.repaired += 1
        conversation += [Message("assistant", reply or "{}"),
                         Message("user", self.backend.prompts.repair_message([problem]))]
        again, failure = self._ask(conversation)
        if again is None:
            return choices, failure, None
        second, left = read_choices(again, offers)
        return {**choices, **second}, left, again if left is None else None

    def _ask(self, conversation: list[Message]) -> tuple[str | None, str | None]:
        """The model's reply to a picture conversation, or None and why there is none."""
        try:
            reply = self.backend._send(conversation)
        except EasyReadError as error:  # the sections were answered: a refusal now costs only the choices
            return None, error.reason
        except Exception as error:  # noqa: BLE001 - _Failed, _TooLong, an SDK surprise: the matcher chooses
            return None, str(error) or "the answer was longer than the token limit"
        return reply.text or "", None

    def cache_key(self, text: str) -> str:
        """The response cache key of a picture request of `text` to this backend and model."""
        backend = self.backend
        return digest([backend.cache_scope, backend.model, PICK_ANSWER, backend.prompts.version,
                       backend.prompts.system, text])


def chooser_for(backend: object) -> PicturePicker | None:
    """The picture chooser of `backend`: a `PicturePicker` for an LLM backend, None for the others
    (the rules and mock backends: the matcher chooses alone)."""
    from easyread.backends.llm import LLMBackend

    return PicturePicker(backend) if isinstance(backend, LLMBackend) else None


def estimate_pick(backend: LLMBackend, sections: list[Section]) -> Estimate:
    """Tokens and requests of choosing the pictures of a document of `sections` with `backend`, no
    request made: every sentence of the source counted as an item offered (an upper bound), with
    `ITEM_CHARS` of request and `ITEM_OUTPUT_TOKENS` of answer each, `BATCH_ITEMS` items a request,
    each request carrying the system prompt, the schema and the template."""
    items = sum(len(split_sentences(block.text)) for section in sections for block in section.blocks
                if block.text.strip())
    if not items:
        return Estimate(backend.model, 0, 0, 0)
    requests = -(-items // BATCH_ITEMS)
    fixed = len(backend.prompts.system) + len(json.dumps(pick_schema())) + len(template())
    input_tokens = (requests * fixed + items * ITEM_CHARS) // CHARS_PER_TOKEN
    return Estimate(backend.model, requests, input_tokens, items * ITEM_OUTPUT_TOKENS + requests * 20)
