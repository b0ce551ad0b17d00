"""Is each Easy Read item a complete sentence? Asked of the CMU Link Grammar parser, not of easyread.

The parser is Debian's `python3-link-grammar` (install: `apt-get install python3-link-grammar`),
built for the system Python, so `SentenceJudge` runs `link_grammar_worker.py` under
/usr/bin/python3 as one long-lived child process and trades JSON lines with it. When that Python
or the module is missing, `SentenceJudge.available()` says why and the benchmark skips the column.

An item may hold more than one sentence; it is complete when every sentence in it is (the split
is this module's own: after . ! or ? and a space, before a capital, a digit or an opening quote or
bracket). The parser also rejects some good sentences (headings, "Phone: 01632 960777.", names it
does not know in odd places), which is why the benchmark reports it on human-made Easy Read too.
Verdicts are cached by sentence, in memory and, when given, in a JSON file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

SYSTEM_PYTHON = Path("/usr/bin/python3")
WORKER = Path(__file__).resolve().parent / "link_grammar_worker.py"
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z0-9\"“‘(£])")
_WORD = re.compile(r"[A-Za-z0-9]")
_ABBREVIATION_END = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx|St|Cllr|Prof|Rev|No|Nos|e\.g|i\.e|etc|approx|tel|Tel)\.$")
# a list marker at the start of an item: "1.", "3.2", "2)", "(a)", "a)", "•", "-"; it is read as the
# item's number, not as a sentence of its own
_LIST_MARKER = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?|\d+[.)]|\(?[a-z]\)|\([ivx]+\)|[•▪●◦*–-])\s+(?=\S)")


@dataclass(frozen=True)
class Verdict:
    """The parser's word on one sentence: complete or not, and why not ("no full parse",
    "fragment (Wl)", "timed out", "parser error: ...")."""

    complete: bool
    why: str = ""


def split_sentences(text: str) -> list[str]:
    """The sentences of an item: split after . ! ? (and a closing quote or bracket) and spaces,
    before a capital, a digit, "£" or an opening quote or bracket, once a list marker at its start
    ("2.", "3.1", "(a)", "•") is taken off. Parts without a letter or digit are dropped.
    "Call us. We can help." -> ["Call us.", "We can help."]; "1. Call us." -> ["Call us."]"""
    parts: list[str] = []
    for part in _SENTENCE_END.split(_LIST_MARKER.sub("", text, count=1)):
        part = " ".join(part.split())
        if parts and _ABBREVIATION_END.search(parts[-1]):  # "Dr." does not end a sentence
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return [part for part in parts if _WORD.search(part)]


def _worker_version() -> str:
    """A digest of the worker script: cached verdicts hold only for the rules that gave them."""
    import hashlib

    return hashlib.sha256(WORKER.read_bytes()).hexdigest()[:16] if WORKER.is_file() else ""


class LinkGrammarMissing(RuntimeError):
    """The system Python or its linkgrammar module is not there; the message says which."""


class SentenceJudge:
    """Judges sentences through one Link Grammar child process; use as a context manager.

    `python` is the interpreter that has the linkgrammar module (Debian's /usr/bin/python3);
    `cache` a JSON file of earlier verdicts, read at start and written at close.
    """

    def __init__(self, python: Path = SYSTEM_PYTHON, cache: Path | None = None) -> None:
        self.python = Path(python)
        self.cache_path = cache
        self._cache: dict[str, Verdict] = {}
        self._process: subprocess.Popen[str] | None = None
        if cache is not None and cache.is_file():
            stored = json.loads(cache.read_text(encoding="utf-8"))
            if stored.get("worker") == _worker_version():  # verdicts of another version are not reused
                self._cache = {sentence: Verdict(*value) for sentence, value in stored["verdicts"].items()}

    def available(self) -> str:
        """"" when the parser can run, else why not (one line). Starts the child process."""
        if not self.python.is_file():
            return f"no {self.python} (Link Grammar's Python module is Debian's python3-link-grammar)"
        if not WORKER.is_file():
            return f"no {WORKER}"
        if self._process is None:
            try:
                self._process = subprocess.Popen(
                    [str(self.python), str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL, text=True, encoding="utf-8", bufsize=1,
                    env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})
            except OSError as error:
                return f"{self.python} would not start: {error}"
            if not self._answer().startswith('{"ready"'):
                self.close()
                return f"{self.python} has no working linkgrammar module (apt-get install python3-link-grammar)"
        return ""

    def judge(self, sentence: str) -> Verdict:
        """The verdict on one sentence. Raises LinkGrammarMissing when the parser cannot run."""
        sentence = " ".join(sentence.split())
        if sentence in self._cache:
            return self._cache[sentence]
        why_not = self.available()
        if why_not:
            raise LinkGrammarMissing(why_not)
        assert self._process is not None and self._process.stdin and self._process.stdout
        self._process.stdin.write(json.dumps(sentence) + "\n")
        self._process.stdin.flush()
        answer = self._answer()
        if not answer:  # the child died (a parser crash): say so for this sentence and start again
            self.close()
            verdict = Verdict(False, "parser crashed")
        else:
            data = json.loads(answer)
            verdict = Verdict(bool(data["complete"]), str(data["why"]))
        self._cache[sentence] = verdict
        return verdict

    def _answer(self) -> str:
        """The child's next JSON line, past any line the library prints to stdout itself (it
        says "Debug: ... Locale ... unknown" on some machines); "" when the child has ended."""
        assert self._process is not None and self._process.stdout
        for line in self._process.stdout:
            if line.startswith("{"):
                return line
        return ""

    def judge_item(self, item: str) -> list[tuple[str, Verdict]]:
        """Each sentence of an item with its verdict; the item is complete when all are."""
        return [(sentence, self.judge(sentence)) for sentence in split_sentences(item)]

    def close(self) -> None:
        """End the child process and write the cache file, if one was given."""
        if self._process is not None:
            if self._process.stdin:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
            self._process = None
        if self.cache_path is not None and self._cache:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            stored = {sentence: [v.complete, v.why] for sentence, v in self._cache.items()}
            self.cache_path.write_text(json.dumps({"worker": _worker_version(), "verdicts": stored}, ensure_ascii=False),
                                       encoding="utf-8")

    def __enter__(self) -> SentenceJudge:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
