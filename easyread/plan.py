"""The Easy Read plan: a versioned JSON file of the whole Easy Read document, for people to edit.

`convert --format json` writes one; a person fixes a sentence or picks another picture in it; then
`easyread render plan.json --format pdf,docx,html` rebuilds the outputs without any backend. The
plan holds the title, the source's name and facts, the sections with their items (sentence,
picture description, picture file, hard words, review flags and what to say instead for a flagged
idiom or word) and the "Hard words" list.

Reading a plan checks every field and names the first wrong one ("sections[2].items[0].sentence:
must be text"), so a mistake made by hand gives a clear error, never a traceback. A plan may come
from anyone: its JSON is read within limits (`easyread.plan_file`), text with a broken character
(a lone surrogate) is refused, and its pictures must be inside the plan's folder or a picture
folder in use (`easyread.pictures.allowed`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from easyread.atomic import write_text_atomic
from easyread.model import EasyReadDocument, EasySection, HardWord, Item, LedgerEntry
from easyread.pictures.raster import is_reference
from easyread.plan_file import InvalidPlan, LongNumber, load_plan_json

__all__ = ["PLAN_FORMAT", "PLAN_VERSION", "InvalidPlan", "document_from_plan", "plan_dict", "read_plan", "write_plan"]
from easyread.secrets import scrub

PLAN_FORMAT = "easyread-plan"
PLAN_VERSION = 2  # 2: items say where they came from ("source"), and the plan carries the source ledger

def _relative(picture_file: str | None, folder: Path | None) -> str | None:
    """A picture inside the plan's folder is written relative to it, so the folder can be moved."""
    if not picture_file or folder is None or is_reference(picture_file):
        return picture_file
    try:
        return Path(picture_file).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return picture_file


def plan_dict(document: EasyReadDocument, folder: Path | None = None) -> dict[str, Any]:
    """The plan of `document` as plain JSON-ready data; picture files under `folder` made relative to it."""

    def hard(word: HardWord) -> dict[str, Any]:
        return {"word": word.word, "explanation": word.explanation}

    def item(entry: Item) -> dict[str, Any]:
        return {"sentence": entry.sentence, "picture": entry.picture,
                "picture_file": _relative(entry.picture_file, folder),
                "hard_words": [hard(word) for word in entry.hard_words], "flags": list(entry.flags),
                "source": list(entry.source)}

    return {
        "format": PLAN_FORMAT,
        "version": PLAN_VERSION,
        "title": document.title,
        "source_name": document.source_name,
        "language": document.language,
        "title_picture_file": _relative(document.title_picture_file, folder),
        "credits": list(document.credits),
        "source_facts": [{"kind": kind, "text": text} for kind, text in document.source_facts],
        "opening": [item(entry) for entry in document.opening],  # "About this document", before the sections
        "sections": [
            {
                "heading": section.heading,
                "items": [
                    {
                        "sentence": item.sentence,
                        "picture": item.picture,
                        "picture_file": _relative(item.picture_file, folder),
                        "hard_words": [hard(word) for word in item.hard_words],
                        "flags": list(item.flags),
                        "suggestions": list(item.suggestions),
                        "source": list(item.source),
                    }
                    for item in section.items
                ],
            }
            for section in document.sections
        ],
        "glossary": [hard(word) for word in document.glossary],
        "ledger": [
            {"location": entry.location, "text": entry.text, "use": entry.use, "items": entry.items,
             "reason": entry.reason}
            for entry in document.ledger
        ],
    }


def write_plan(document: EasyReadDocument, output: Path) -> int:
    """Write the plan of `document` to `output` atomically; returns the number of items."""
    text = scrub(json.dumps(plan_dict(document, Path(output).parent), ensure_ascii=False, indent=2)) + "\n"
    write_text_atomic(Path(output), text)
    return len(document.items())


class _Fields:
    """Reads typed fields out of one JSON object, naming the path of any that is wrong."""

    def __init__(self, source: Path, data: object, where: str) -> None:
        self.source, self.where = source, where
        if not isinstance(data, dict):
            self.fail(where or "the plan", "must be a JSON object")
        self.data: dict[str, Any] = data  # type: ignore[assignment]

    def fail(self, where: str, problem: str) -> None:
        raise InvalidPlan(self.source, f"{where}: {problem}")

    def path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def checked(self, where: str, value: str) -> str:
        """`value`, unless it holds a lone surrogate ("\\ud800" in the JSON), which no output can encode."""
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            code = ord(value[error.start])
            self.fail(where, f"holds a broken character (a lone surrogate, U+{code:04X}) that no document can show")
        return value

    def texts(self, name: str) -> list[str]:
        """An optional list of text, each checked."""
        values = self.items(name, required=False)
        for index, value in enumerate(values):
            if not isinstance(value, str):
                self.fail(f"{self.path(name)}[{index}]", "must be text")
            self.checked(f"{self.path(name)}[{index}]", value)
        return list(values)

    def text(self, name: str, *, required: bool = True, empty: bool = False) -> str:
        value = self.data.get(name)
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            self.fail(self.path(name), "is missing" if value is None else "must be text")
        if not empty and not value.strip():
            self.fail(self.path(name), "must not be empty")
        return self.checked(self.path(name), value)  # type: ignore[arg-type]

    def optional_text(self, name: str) -> str | None:
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(self.path(name), "must be text or null")
        return self.checked(self.path(name), value) or None  # type: ignore[arg-type]

    def items(self, name: str, *, required: bool = True) -> list[Any]:
        value = self.data.get(name)
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.fail(self.path(name), "is missing" if value is None else "must be a list")
        return value  # type: ignore[return-value]


def _hard_word(source: Path, data: object, where: str) -> HardWord:
    fields = _Fields(source, data, where)
    return HardWord(fields.text("word"), fields.optional_text("explanation"))


def _item(source: Path, data: object, where: str) -> Item:
    fields = _Fields(source, data, where)
    flags = fields.texts("flags")
    sources = fields.texts("source")
    return Item(
        source=sources,
        sentence=fields.text("sentence"),
        picture=fields.text("picture", required=False, empty=True),
        hard_words=[_hard_word(source, word, f"{fields.path('hard_words')}[{index}]")
                    for index, word in enumerate(fields.items("hard_words", required=False))],
        flags=flags,
        picture_file=fields.optional_text("picture_file"),
        suggestions=fields.texts("suggestions"),
    )


LEDGER_USES = ("title", "heading", "items", "set aside")


def _ledger_entry(source: Path, data: object, where: str) -> LedgerEntry:
    fields = _Fields(source, data, where)
    use = fields.text("use")
    if use not in LEDGER_USES:
        fields.fail(fields.path("use"), "must be one of: " + ", ".join(LEDGER_USES))
    items = fields.data.get("items", 0)
    if not isinstance(items, int) or isinstance(items, (bool, LongNumber)) or items < 0:
        fields.fail(fields.path("items"), "must be a whole number, 0 or more")
    return LedgerEntry(location=fields.text("location", empty=True), text=fields.text("text", empty=True),
                       use=use, items=items, reason=fields.text("reason", required=False, empty=True))  # type: ignore[arg-type]


def _check_header(fields: _Fields) -> None:
    if fields.data.get("format") != PLAN_FORMAT:
        fields.fail("format", f"must be \"{PLAN_FORMAT}\" (this file is not an Easy Read plan)")
    version = fields.data.get("version")
    if isinstance(version, LongNumber):
        fields.fail("version", f"is a number of {int(version)} digits, not a plan version (this easyread reads "
                               f"{PLAN_VERSION} or lower)")
    if not isinstance(version, int) or isinstance(version, bool):
        fields.fail("version", "must be a whole number")
    if version > PLAN_VERSION:
        fields.fail("version", f"is {version}, newer than this easyread reads ({PLAN_VERSION}): upgrade easyread")


def document_from_plan(data: object, source: Path) -> EasyReadDocument:
    """The Easy Read document a plan describes; InvalidPlan naming the first wrong field."""
    fields = _Fields(source, data, "")
    _check_header(fields)
    sections: list[EasySection] = []
    for number, section_data in enumerate(fields.items("sections")):
        where = f"sections[{number}]"
        section = _Fields(source, section_data, where)
        items = [_item(source, item, f"{where}.items[{index}]") for index, item in enumerate(section.items("items"))]
        sections.append(EasySection(heading=section.text("heading", required=False, empty=True), items=items))
    if not any(section.items for section in sections):
        fields.fail("sections", "has no items: there is nothing to render")
    facts = []
    for index, fact in enumerate(fields.items("source_facts", required=False)):
        fact_fields = _Fields(source, fact, f"source_facts[{index}]")
        facts.append((fact_fields.text("kind"), fact_fields.text("text")))
    credits = fields.texts("credits")
    opening = [_item(source, item, f"opening[{index}]") for index, item in enumerate(fields.items("opening", required=False))]
    return EasyReadDocument(
        title=fields.text("title"),
        source_name=fields.text("source_name", required=False, empty=True) or source.name,
        sections=sections,
        glossary=[_hard_word(source, word, f"glossary[{index}]")
                  for index, word in enumerate(fields.items("glossary", required=False))],
        language=fields.text("language", required=False) or "en-GB",
        title_picture_file=fields.optional_text("title_picture_file"),
        credits=credits,
        source_facts=facts,
        ledger=[_ledger_entry(source, entry, f"ledger[{index}]")
                for index, entry in enumerate(fields.items("ledger", required=False))],
        opening=opening,
    )


def read_plan(path: Path, pictures: str | None = None) -> EasyReadDocument:
    """Read and check the plan at `path`. Errors name the file and the field (InvalidPlan, exit 2),
    or the file (`easyread.plan_file.load_plan_json`).

    A relative picture file is taken from the plan's folder, so a plan can travel with its pictures.
    Every picture file must be inside the plan's folder, the picture set in use, the `pictures`
    folder (render's --pictures) or the settings file's picture folder, and pass the checks of
    `easyread.pictures.safe`; the picture files come back as absolute paths, symlinks resolved.
    """
    from easyread.pictures.allowed import allowed_folders, plan_picture
    from easyread.pictures.safe import PictureProblem

    path = Path(path)
    document = document_from_plan(load_plan_json(path), path)
    folders = allowed_folders(path, pictures)

    def checked(where: str, value: str | None) -> str | None:
        try:
            return plan_picture(value, path.parent, folders) if value else value
        except PictureProblem as problem:
            raise InvalidPlan(path, f"{where}: {problem.reason}") from None

    document.title_picture_file = checked("title_picture_file", document.title_picture_file)
    for index, item in enumerate(document.opening):
        item.picture_file = checked(f"opening[{index}].picture_file", item.picture_file)
    for number, section in enumerate(document.sections):
        for index, item in enumerate(section.items):
            item.picture_file = checked(f"sections[{number}].items[{index}].picture_file", item.picture_file)
    return document
