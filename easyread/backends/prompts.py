"""The prompt templates of the LLM backends: found, loaded and filled in.

Templates live in `prompts/<version>/` (shipped in the wheel as `easyread/prompts/`): `system.md`
(the Easy Read rules and two worked examples), `context.md` (the document context every section
request carries: `{title}`, `{opening}`, `{glossary}`), `user.md` (one or more sections: `{count}`,
`{sections}`), `plan.md` (the planning request for the whole document: `{document}`) and
`repair.md` (what was wrong with an answer, `{problems}`). `--prompts DIR` points at another folder
with the same five files. Document text is put between `<source_section>` (or `<source_document>`)
tags as data; a closing tag inside the text is neutralised so a document cannot end the data early.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from easyread.errors import UsageError
from easyread.model import Block, Section

PROMPT_VERSION = "v3"  # v3: a document context and plan, several sections a request; v2: numbered blocks
PROMPT_FILES = ("system.md", "context.md", "user.md", "plan.md", "repair.md")
_PLACEHOLDER = re.compile(r"\{(heading|section|problems|title|opening|glossary|count|sections|document)\}")
_SECTION_TAG = re.compile(r"<(\s*/?\s*(?:source_section|source_document|document_context))", re.IGNORECASE)
NONE_YET = "(none yet)"


@dataclass(frozen=True)
class Prompts:
    """One version of the templates. `fingerprint` changes whenever any of their text does."""

    version: str
    system: str
    context: str
    user: str
    plan: str
    repair: str

    @property
    def fingerprint(self) -> str:
        text = "\0".join((self.version, self.system, self.context, self.user, self.plan, self.repair))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def user_message(self, sections: Section | list[Section]) -> str:
        """The request for `sections` (one or several neighbours, in order), each between tags."""
        group = [sections] if isinstance(sections, Section) else list(sections)
        count = "section" if len(group) == 1 else f"{len(group)} sections"
        parts = []
        for number, section in enumerate(group, start=1):
            body = section_text(section)  # empty for a heading over the sections after it
            parts.append(f"Section {number} of {len(group)}. Heading: {neutralise(section.heading) or '(none)'}\n"
                         f"<source_section>\n{body + chr(10) if body else ''}</source_section>")
        return fill(self.user, count=count, sections="\n\n".join(parts))

    def context_message(self, title: str, opening: list[str], glossary: list[tuple[str, str]]) -> str:
        """The document context: its Easy Read title, the opening's sentences and the glossary
        ((word, explanation) pairs) as lines; "(none yet)" for an empty list."""
        return fill(self.context, title=neutralise(title) or NONE_YET,
                    opening="\n".join(f"- {neutralise(sentence)}" for sentence in opening) or NONE_YET,
                    glossary="\n".join(f"- {neutralise(word)}: {neutralise(explanation)}" for word, explanation in glossary)
                    or NONE_YET)

    def plan_message(self, document: str) -> str:
        """The planning request for a document already written out by `document_plan.document_text`."""
        return fill(self.plan, document=document)

    def repair_message(self, problems: list[str]) -> str:
        return fill(self.repair, problems="\n".join(f"- {problem}" for problem in problems))


def fill(template: str, **values: str) -> str:
    """`template` with each `{name}` replaced once; braces in the values are left alone."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template).strip() + "\n"


def numbered_blocks(section: Section) -> list[Block]:
    """The blocks the model sees, in order: block number N (from 1) is item N-1 of this list."""
    return [block for block in section.blocks if block.text.strip()]


def neutralise(text: str) -> str:
    """`text` with any tag that could end our data early neutralised ("</source_section>" -> "&lt;/...")."""
    return _SECTION_TAG.sub(r"&lt;\1", text.strip())


def block_line(number: int, block: Block) -> str:
    """One block as the model sees it: "[2] text", "[3] - a list item", "[4] > a quotation"."""
    text = neutralise(block.text)
    if block.role == "quotation":
        return f"[{number}] > {text}"
    return f"[{number}] - {text}" if block.kind == "list_item" else f"[{number}] {text}"


def section_text(section: Section) -> str:
    """The blocks of a section as the model sees them: one per paragraph, each with its number in
    square brackets ("[2]"), list items marked with "-", quotations with ">". Answers name the blocks
    each item says."""
    return "\n\n".join(block_line(number, block) for number, block in enumerate(numbered_blocks(section), start=1))


def default_folder() -> Path:
    """`prompts/<version>` inside the installed package, or in the source tree when run from it."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "prompts" / PROMPT_VERSION, package.parent / "prompts" / PROMPT_VERSION):
        if candidate.is_dir():
            return candidate
    raise UsageError(None, f"the prompt templates ({PROMPT_VERSION}) are missing from this installation")


@cache
def load_prompts(folder: Path | None = None) -> Prompts:
    """The templates in `folder` (default: the shipped version); a UsageError if one is missing."""
    folder = Path(folder) if folder is not None else default_folder()
    texts = []
    for name in PROMPT_FILES:
        try:
            texts.append((folder / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(folder / name, f"cannot read the prompt template ({getattr(error, 'strerror', None) or error})") from None
    version = PROMPT_VERSION if folder == default_folder() else f"custom:{folder.name}"
    return Prompts(version, *texts)
