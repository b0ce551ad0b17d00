"""The prompt templates of the LLM backends: found, loaded and filled in.

Templates live in `prompts/<version>/` (shipped in the wheel as `easyread/prompts/`): `system.md`
(the Easy Read rules and a worked example), `user.md` (one section, with `{heading}` and
`{section}`) and `repair.md` (what was wrong with an answer, `{problems}`). `--prompts DIR` points
at another folder with the same three files. The section text is put between `<source_section>`
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

PROMPT_VERSION = "v2"  # v2: blocks are numbered, and each item names the blocks it says
PROMPT_FILES = ("system.md", "user.md", "repair.md")
_PLACEHOLDER = re.compile(r"\{(heading|section|problems)\}")
_SECTION_TAG = re.compile(r"<(\s*/?\s*source_section)", re.IGNORECASE)


@dataclass(frozen=True)
class Prompts:
    """One version of the templates. `fingerprint` changes whenever any of their text does."""

    version: str
    system: str
    user: str
    repair: str

    @property
    def fingerprint(self) -> str:
        text = "\0".join((self.version, self.system, self.user, self.repair))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def user_message(self, section: Section) -> str:
        return fill(self.user, heading=section.heading or "(none)", section=section_text(section))

    def repair_message(self, problems: list[str]) -> str:
        return fill(self.repair, problems="\n".join(f"- {problem}" for problem in problems))


def fill(template: str, **values: str) -> str:
    """`template` with each `{name}` replaced once; braces in the values are left alone."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template).strip() + "\n"


def numbered_blocks(section: Section) -> list[Block]:
    """The blocks the model sees, in order: block number N (from 1) is item N-1 of this list."""
    return [block for block in section.blocks if block.text.strip()]


def _block_line(number: int, block: Block) -> str:
    text = _SECTION_TAG.sub(r"&lt;\1", block.text.strip())
    if block.role == "quotation":
        return f"[{number}] > {text}"
    return f"[{number}] - {text}" if block.kind == "list_item" else f"[{number}] {text}"


def section_text(section: Section) -> str:
    """The blocks of a section as the model sees them: one per paragraph, each with its number in
    square brackets ("[2]"), list items marked with "-", quotations with ">". Answers name the blocks
    each item says."""
    return "\n\n".join(_block_line(number, block) for number, block in enumerate(numbered_blocks(section), start=1))


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
